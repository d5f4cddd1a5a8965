import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dispute, DisputeStatus, EvaluationDisputeState } from '#shared/api/disputes';
import { api } from '#web/lib/api-client';

export type { Dispute, DisputeStatus, EvaluationDisputeState };

/**
 * A dispute and an evaluation's acceptance or dispute (issue 15), shared by the evaluation's read view
 * and the disputes pages. Every cached answer about disputes sits under `disputeKeys.all`; a step
 * invalidates every query, since an upheld item changes the evaluation, its coaching item and the reports.
 */
export const disputeKeys = {
  all: ['disputes'] as const,
  evaluation: (evaluationId: string) => [...disputeKeys.all, 'evaluation', evaluationId] as const,
  detail: (id: string) => [...disputeKeys.all, 'detail', id] as const,
};

const evaluationPath = (id: string) => `/evaluations/${encodeURIComponent(id)}`;
const disputePath = (id: string) => `/disputes/${encodeURIComponent(id)}`;

/** `GET /api/evaluations/:id/dispute`: the window, the acceptance and the dispute with its steps. */
export const getEvaluationDispute = (evaluationId: string, signal?: AbortSignal) =>
  api.get<EvaluationDisputeState>(`${evaluationPath(evaluationId)}/dispute`, undefined, signal);

export const evaluationDisputeQueryOptions = (evaluationId: string) =>
  queryOptions({ queryKey: disputeKeys.evaluation(evaluationId), queryFn: ({ signal }) => getEvaluationDispute(evaluationId, signal) });

export const useEvaluationDispute = (evaluationId: string, enabled = true) => useQuery({ ...evaluationDisputeQueryOptions(evaluationId), enabled });

/** `GET /api/disputes/:id`: the dispute with every step. */
export const getDispute = (id: string, signal?: AbortSignal) => api.get<Dispute>(disputePath(id), undefined, signal);

export const disputeQueryOptions = (id: string) => queryOptions({ queryKey: disputeKeys.detail(id), queryFn: ({ signal }) => getDispute(id, signal) });

export const useDispute = (id: string) => useQuery(disputeQueryOptions(id));

/** After any step: the evaluation's score, its coaching item and the reports may have changed too. */
function useInvalidateAll() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

/** The lead accepts the evaluation for the agent. */
export function useAcknowledgeEvaluation(evaluationId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: () => api.post<EvaluationDisputeState>(`${evaluationPath(evaluationId)}/acknowledge`),
    onSuccess: invalidate,
  });
}

export interface RaiseInput {
  items: { code: string; reason: string }[];
}

/** The lead disputes failed items, each with a reason. */
export function useRaiseDispute(evaluationId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (input: RaiseInput) => api.post<Dispute>(`${evaluationPath(evaluationId)}/disputes`, input),
    onSuccess: invalidate,
  });
}

/** A step on the dispute: the inspector's answer, the lead's escalation or the supervisor's ruling. */
export type DisputeStepInput =
  | { step: 'answer'; items: { code: string; decision: 'accept' | 'reject'; reason?: string }[] }
  | { step: 'escalate'; reason: string }
  | { step: 'ruling'; items: { code: string; ruling: 'uphold' | 'reject'; reason: string }[] };

export function useDisputeStep(id: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: ({ step, ...body }: DisputeStepInput) => api.post<Dispute>(`${disputePath(id)}/${step}`, body),
    onSuccess: invalidate,
  });
}
