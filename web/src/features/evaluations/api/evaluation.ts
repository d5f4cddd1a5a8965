import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvaluationSource } from '#shared/checklists/types';
import { api, type Page } from '#web/lib/api-client';
import type { Evaluation, Verdict } from './types';

/** One item as a draft save sends it; null clears what was there. */
export interface DraftItemInput {
  code: string;
  verdict: Verdict | null;
  comment: string | null;
  at: number | null;
  until: number | null;
}

export interface SaveDraftInput {
  id: string;
  /** The revision the changes are based on: another save in between answers 409. */
  revision: number;
  items: DraftItemInput[];
  comment?: string | null;
}

export const workspaceKeys = {
  all: ['workspace'] as const,
  call: (recordingId: string) => ['workspace', recordingId] as const,
  draft: (recordingId: string, source: EvaluationSource) => ['workspace', recordingId, 'draft', source] as const,
  mine: (recordingId: string, calibration = false) => ['workspace', recordingId, 'mine', calibration] as const,
  callEvaluations: (recordingId: string) => ['workspace', recordingId, 'all-evaluations'] as const,
  evaluation: (id: string) => ['workspace', 'evaluation', id] as const,
  history: (id: string) => ['workspace', 'evaluation', id, 'history'] as const,
};

/** `POST /api/evaluations/drafts`: the caller's draft on the call, created with the machine's suggestions or reopened. */
export const startDraft = (recordingId: string, source: EvaluationSource) => api.post<Evaluation>('/evaluations/drafts', { recordingId, source });

/**
 * The draft as the server has it now. Never served from a cache: a stale revision would make the
 * first save a conflict, so it is fetched afresh on every open and forgotten on leaving.
 */
export const draftQueryOptions = (recordingId: string, source: EvaluationSource) =>
  queryOptions({
    queryKey: workspaceKeys.draft(recordingId, source),
    queryFn: () => startDraft(recordingId, source),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnMount: 'always',
    refetchOnReconnect: false,
    retry: false,
  });

export const useDraft = (recordingId: string, source: EvaluationSource, enabled: boolean) => useQuery({ ...draftQueryOptions(recordingId, source), enabled });

/**
 * `GET /api/evaluations?recordingId=&inspector=me&calibration=`: what the caller already submitted on
 * this call, newest first, of the same kind as what he scores now: a calibration evaluation (issue 15)
 * and a daily one of the same call are separate exercises.
 */
export const getMySubmitted = (recordingId: string, calibration: boolean, signal?: AbortSignal) =>
  api.get<Page<Evaluation>>('/evaluations', { recordingId, inspector: 'me', calibration: String(calibration), pageSize: 1 }, signal);

export const mySubmittedQueryOptions = (recordingId: string, calibration = false) =>
  queryOptions({
    queryKey: workspaceKeys.mine(recordingId, calibration),
    queryFn: ({ signal }) => getMySubmitted(recordingId, calibration, signal),
    staleTime: 0,
    refetchOnMount: 'always',
  });

export const useMySubmitted = (recordingId: string, calibration = false) => useQuery(mySubmittedQueryOptions(recordingId, calibration));

/** `GET /api/evaluations?recordingId=`: every submitted evaluation of the call the caller may see (others' too). */
export const getCallEvaluations = (recordingId: string, signal?: AbortSignal) => api.get<Page<Evaluation>>('/evaluations', { recordingId, pageSize: 50 }, signal);

export const callEvaluationsQueryOptions = (recordingId: string) =>
  queryOptions({
    queryKey: workspaceKeys.callEvaluations(recordingId),
    queryFn: ({ signal }) => getCallEvaluations(recordingId, signal),
  });

export const useCallEvaluations = (recordingId: string) => useQuery(callEvaluationsQueryOptions(recordingId));

/** `GET /api/evaluations/:id`: any evaluation the caller may see (a supervisor opening an inspector's). */
export const getEvaluation = (id: string, signal?: AbortSignal) => api.get<Evaluation>(`/evaluations/${encodeURIComponent(id)}`, undefined, signal);

export const evaluationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: workspaceKeys.evaluation(id),
    queryFn: ({ signal }) => getEvaluation(id, signal),
    staleTime: 0,
  });

export const useEvaluation = (id: string | null) => useQuery({ ...evaluationQueryOptions(id ?? ''), enabled: !!id });

/** `PUT /api/evaluations/:id`: saves the draft's changed items; 409 when someone saved since `revision`. */
export const saveDraft = ({ id, ...body }: SaveDraftInput) => api.put<Evaluation>(`/evaluations/${encodeURIComponent(id)}`, body);

/** `POST /api/evaluations/:id/submit`: scores and locks the evaluation. */
export const submitEvaluation = ({ id, revision }: { id: string; revision: number }) =>
  api.post<Evaluation>(`/evaluations/${encodeURIComponent(id)}/submit`, { revision });

/** After a submit or an amendment: lists elsewhere (history, queue, reports) hold stale rows. */
function useRefreshAfterChange() {
  const queryClient = useQueryClient();
  return (evaluation: Evaluation) => {
    queryClient.setQueryData(workspaceKeys.mine(evaluation.recordingId, evaluation.source === 'calibration'), { total: 1, items: [evaluation] });
    queryClient.setQueryData(workspaceKeys.evaluation(evaluation.id), evaluation);
    void queryClient.invalidateQueries({ queryKey: workspaceKeys.history(evaluation.id) });
    void queryClient.invalidateQueries({ queryKey: workspaceKeys.callEvaluations(evaluation.recordingId) });
    // Other pages' lists of evaluations and the listening queue: refetched when next shown.
    void queryClient.invalidateQueries({ predicate: (q) => ['evaluations', 'agent-page', 'sampling', 'queue'].includes(String(q.queryKey[0])) });
  };
}

export function useSubmitEvaluation() {
  const refresh = useRefreshAfterChange();
  return useMutation({ mutationFn: submitEvaluation, onSuccess: refresh });
}

export interface AmendInput {
  id: string;
  reason: string;
  items: { code: string; verdict: Verdict; comment?: string; at?: number }[];
}

/** `POST /api/evaluations/:id/amend` (supervisor, admin): changes a submitted evaluation, with a reason. */
export const amendEvaluation = ({ id, ...body }: AmendInput) => api.post<Evaluation>(`/evaluations/${encodeURIComponent(id)}/amend`, body);

export function useAmendEvaluation() {
  const refresh = useRefreshAfterChange();
  return useMutation({ mutationFn: amendEvaluation, onSuccess: refresh });
}
