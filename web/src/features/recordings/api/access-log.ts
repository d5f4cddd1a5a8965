import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';

/** A row of `GET /api/recordings/access-log`: who played or downloaded which call, when. */
export interface RecordingAccess {
  id: string;
  /** ISO 8601 */
  at: string;
  username: string;
  /** `play` or `download`. */
  action: string;
  recordingId: string;
  externalId: string;
  /** The agent's employee number. */
  agent: string;
  ip: string | null;
}

export interface AccessLogQuery {
  recordingId?: string;
  username?: string;
  page: number;
  pageSize: number;
}

export const getAccessLog = (query: AccessLogQuery, signal?: AbortSignal) => api.get<Page<RecordingAccess>>('/recordings/access-log', { ...query }, signal);

export const accessLogQueryOptions = (query: AccessLogQuery) =>
  queryOptions({
    queryKey: ['recordings', 'access-log', query],
    queryFn: ({ signal }) => getAccessLog(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useAccessLog = (query: AccessLogQuery) => useQuery(accessLogQueryOptions(query));
