import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EvaluationHistoryEntry } from '#shared/api/evaluations';
import { api } from '#web/lib/api-client';
import { workspaceKeys } from './evaluation';

export type { EvaluationHistoryEntry };

/** `GET /api/evaluations/:id/history`, oldest first. */
export const getHistory = (id: string, signal?: AbortSignal) => api.get<EvaluationHistoryEntry[]>(`/evaluations/${encodeURIComponent(id)}/history`, undefined, signal);

export const historyQueryOptions = (id: string) =>
  queryOptions({
    queryKey: workspaceKeys.history(id),
    queryFn: ({ signal }) => getHistory(id, signal),
    staleTime: 0,
  });

export const useHistory = (id: string, enabled: boolean) => useQuery({ ...historyQueryOptions(id), enabled });
