import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AutoChecks } from '#shared/api/autocheck';
import type { RecordingDetail } from '#shared/api/recordings';
import { api } from '#web/lib/api-client';

export type { AutoChecks, RecordingDetail };

/**
 * Every cached answer about recordings sits under `recordingKeys.all`; all that is known of one call
 * (its details, the machine's verdicts, its waveform) under `recordingKeys.one(id)`, so that a change
 * to the call (a replaced transcript, say) invalidates one key.
 */
export const recordingKeys = {
  all: ['recordings'] as const,
  /** The recordings page's lists; the filters are that page's own. */
  list: (filters: object) => [...recordingKeys.all, 'list', filters] as const,
  one: (id: string) => [...recordingKeys.all, 'call', id] as const,
  detail: (id: string) => [...recordingKeys.one(id), 'detail'] as const,
  autoChecks: (id: string) => [...recordingKeys.one(id), 'auto-checks'] as const,
  peaks: (id: string) => [...recordingKeys.one(id), 'peaks'] as const,
};

/** `GET /api/recordings/:id`: the call's metadata, transcript and status. */
export const getRecording = (id: string, signal?: AbortSignal) => api.get<RecordingDetail>(`/recordings/${encodeURIComponent(id)}`, undefined, signal);

export const recordingQueryOptions = (id: string) =>
  queryOptions({
    queryKey: recordingKeys.detail(id),
    queryFn: ({ signal }) => getRecording(id, signal),
  });

export const useRecording = (id: string) => useQuery(recordingQueryOptions(id));

/** `GET /api/recordings/:id/auto-checks`: the active checklist's automatic verdicts and their evidence. */
export const getAutoChecks = (id: string, signal?: AbortSignal) => api.get<AutoChecks>(`/recordings/${encodeURIComponent(id)}/auto-checks`, undefined, signal);

export const autoChecksQueryOptions = (id: string) =>
  queryOptions({
    queryKey: recordingKeys.autoChecks(id),
    queryFn: ({ signal }) => getAutoChecks(id, signal),
  });

/** `enabled` false: not asked (a blind draft, whose verdicts the server refuses until submit). */
export const useAutoChecks = (id: string, enabled = true) => useQuery({ ...autoChecksQueryOptions(id), enabled });
