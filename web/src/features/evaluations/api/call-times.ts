import { useQueries } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The part of `GET /api/recordings/:id` this page needs. */
interface RecordingHead {
  id: string;
  startedAt: string;
}

export const getRecording = (id: string, signal?: AbortSignal) => api.get<RecordingHead>(`/recordings/${id}`, undefined, signal);

export const recordingQueryOptions = (id: string) => ({
  queryKey: ['evaluations', 'recording', id] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => getRecording(id, signal),
  // When a call happened never changes.
  staleTime: Infinity,
  select: (recording: RecordingHead) => recording.startedAt,
});

/**
 * When each call of the rows shown started (ISO 8601), by recording id. Evaluation rows do not carry
 * it, so each shown row's recording is asked once and remembered.
 */
export function useCallTimes(recordingIds: readonly string[]): ReadonlyMap<string, string> {
  const ids = [...new Set(recordingIds)];
  return useQueries({
    queries: ids.map((id) => recordingQueryOptions(id)),
    combine: (results) => new Map(results.flatMap((r, i) => (r.data ? [[ids[i], r.data] as const] : []))),
  });
}
