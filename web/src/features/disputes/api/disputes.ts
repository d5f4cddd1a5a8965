import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DisputeList, DisputeStatus, DisputeSummary, DisputeSummaryRow, EvaluationToAcknowledge, EvaluationToAcknowledgeList } from '#shared/api/disputes';
import { disputeKeys } from '#web/api/disputes';
import { type Project, projectKeys } from '#web/api/projects';
import { api } from '#web/lib/api-client';

export type { DisputeStatus, DisputeSummary, DisputeSummaryRow, EvaluationToAcknowledge };

export interface DisputeFilters {
  status?: DisputeStatus;
  /** Team code. */
  team?: string;
  /** Inspector's username. */
  inspector?: string;
  from?: string;
  to?: string;
}

const keys = {
  list: (filters: DisputeFilters) => [...disputeKeys.all, 'list', filters] as const,
  summary: (q: SummaryQuery) => [...disputeKeys.all, 'summary', q] as const,
  toAcknowledge: () => [...disputeKeys.all, 'to-acknowledge'] as const,
};

/** `GET /api/disputes`: newest first, each role its own. */
export const getDisputes = (filters: DisputeFilters, signal?: AbortSignal) => api.get<DisputeList>('/disputes', { ...filters }, signal);

export const disputesQueryOptions = (filters: DisputeFilters) =>
  queryOptions({ queryKey: keys.list(filters), queryFn: ({ signal }) => getDisputes(filters, signal), placeholderData: keepPreviousData });

export const useDisputes = (filters: DisputeFilters, enabled = true) => useQuery({ ...disputesQueryOptions(filters), enabled });

export interface SummaryQuery {
  from: string;
  to: string;
  project?: string;
}

/** `GET /api/disputes/summary`: disputed items by item, inspector and team, with the upheld rate. */
export const getDisputeSummary = (q: SummaryQuery, signal?: AbortSignal) => api.get<DisputeSummary>('/disputes/summary', { ...q }, signal);

export const disputeSummaryQueryOptions = (q: SummaryQuery) =>
  queryOptions({ queryKey: keys.summary(q), queryFn: ({ signal }) => getDisputeSummary(q, signal), placeholderData: keepPreviousData });

export const useDisputeSummary = (q: SummaryQuery) => useQuery(disputeSummaryQueryOptions(q));

/** `GET /api/disputes/to-acknowledge`: the lead's evaluations to accept or dispute while their window is open. */
export const getToAcknowledge = (signal?: AbortSignal) => api.get<EvaluationToAcknowledgeList>('/disputes/to-acknowledge', undefined, signal);

export const toAcknowledgeQueryOptions = () => queryOptions({ queryKey: keys.toAcknowledge(), queryFn: ({ signal }) => getToAcknowledge(signal) });

export const useToAcknowledge = (enabled = true) => useQuery({ ...toAcknowledgeQueryOptions(), enabled });

/** `PUT /api/projects/:id/dispute-window`: the days after submission a project's evaluations may be disputed (1–90). */
export function useSetDisputeWindow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, days }: { projectId: string; days: number }) => api.put<Project>(`/projects/${encodeURIComponent(projectId)}/dispute-window`, { days }),
    onSuccess: () => client.invalidateQueries({ queryKey: projectKeys.all }).then(() => client.invalidateQueries({ queryKey: disputeKeys.all })),
  });
}
