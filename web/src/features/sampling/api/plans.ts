import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type CallDirection = 'inbound' | 'outbound';

/** What a project's daily sampling draws (server: SamplingRules). */
export interface SamplingRules {
  callsPerAgent: number;
  focusExtraCalls: number;
  newHireDays: number;
  lowScoreThreshold: number;
  lowScoreDays: number;
  fatalDays: number;
  minDurationSeconds: number;
  /** Empty: both directions. */
  directions: CallDirection[];
  /** Empty: every business type. */
  businessTypes: string[];
  complaintBusinessTypes: string[];
  /** 0…1. */
  guidedShare: number;
  /** HH:MM, local. */
  runAt: string;
  maxHalfWidth: number;
}

export interface SamplingPlan {
  project: string;
  /** In force today. */
  current: SamplingRules;
  /** A saved change, in force from `effectiveFrom` (tomorrow) on. */
  upcoming: { effectiveFrom: string; rules: SamplingRules } | null;
}

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
