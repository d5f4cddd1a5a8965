import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { RecordingSummary } from '#shared/api/recordings';
import type { CallDirection } from '#shared/recordings';
import { recordingKeys } from '#web/api/recording';
import { api, type Page } from '#web/lib/api-client';

export type { RecordingSummary };

export type RecordingSort = 'startedAt' | 'duration';
export type SortOrder = 'asc' | 'desc';

export interface RecordingFilters {
  /** YYYY-MM-DD, the centre's local dates. */
  from?: string;
  to?: string;
  project?: string;
  team?: string;
  /** Employee number. */
  agent?: string;
  direction?: CallDirection;
  /** Seconds. */
  minDuration?: number;
  maxDuration?: number;
  hasTranscript?: boolean;
  /** Scored (a submitted evaluation) or not yet. */
  evaluated?: boolean;
  /** A rule code the call failed under the active checklist, e.g. FORBIDDEN. */
  failed?: string;
  /** Exact match (a complaint's caller). */
  customerNumber?: string;
  sort?: RecordingSort;
  order?: SortOrder;
  page: number;
  pageSize: number;
}

export const getRecordings = (filters: RecordingFilters, signal?: AbortSignal) => api.get<Page<RecordingSummary>>('/recordings', { ...filters }, signal);

export const recordingsQueryOptions = (filters: RecordingFilters) =>
  queryOptions({
    queryKey: recordingKeys.list(filters),
    queryFn: ({ signal }) => getRecordings(filters, signal),
    placeholderData: keepPreviousData,
  });

export const useRecordings = (filters: RecordingFilters) => useQuery(recordingsQueryOptions(filters));
