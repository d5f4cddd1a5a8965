import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { workspaceKeys } from './evaluation';

/** One line of `GET /api/evaluations/:id/history`. */
export interface HistoryEntry {
  at: string;
  username: string;
  action: 'created' | 'submitted' | 'amended' | string;
  reason: string | null;
  change: Record<string, unknown> | null;
}

export const getHistory = (id: string, signal?: AbortSignal) => api.get<HistoryEntry[]>(`/evaluations/${encodeURIComponent(id)}/history`, undefined, signal);

export const historyQueryOptions = (id: string) =>
  queryOptions({
    queryKey: workspaceKeys.history(id),
    queryFn: ({ signal }) => getHistory(id, signal),
    staleTime: 0,
  });

export const useHistory = (id: string, enabled: boolean) => useQuery({ ...historyQueryOptions(id), enabled });
