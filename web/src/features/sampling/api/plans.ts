import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SamplingPlan, SamplingRules } from '#shared/api/sampling';
import { api } from '#web/lib/api-client';

export type { SamplingRules };

export const getPlan = (project: string, signal?: AbortSignal) => api.get<SamplingPlan>(`/sampling/plans/${encodeURIComponent(project)}`, undefined, signal);

export const planQueryOptions = (project: string) =>
  queryOptions({
    queryKey: ['sampling', 'plan', project],
    queryFn: ({ signal }) => getPlan(project, signal),
  });

export const usePlan = (project: string | undefined) => useQuery({ ...planQueryOptions(project ?? ''), enabled: !!project });

/** Saves the plan; it applies from tomorrow on, so today's sampling keeps its rules. */
export const updatePlan = ({ project, rules }: { project: string; rules: SamplingRules }) =>
  api.put<SamplingPlan>(`/sampling/plans/${encodeURIComponent(project)}`, { rules });

export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePlan,
    onSuccess: (plan) => queryClient.setQueryData(planQueryOptions(plan.project).queryKey, plan),
  });
}
