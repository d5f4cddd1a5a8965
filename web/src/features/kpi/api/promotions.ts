import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApprovalStep, Exam, ExamKind, ExamList, GradeHistory, Promotion, PromotionList, PromotionNotifications } from '#shared/api/kpi';
import type { AgentGrade } from '#shared/org';
import { api } from '#web/lib/api-client';
import { kpiKeys } from './kpi';

export type { ApprovalStep, Promotion };

export const promotionKeys = {
  all: [...kpiKeys.all, 'promotions'] as const,
  list: (status: string) => [...promotionKeys.all, status] as const,
};

/** `GET /api/kpi/promotions`: newest first, within the caller's teams. */
export const usePromotions = (status = 'pending') =>
  useQuery({ queryKey: promotionKeys.list(status), queryFn: ({ signal }) => api.get<PromotionList>('/kpi/promotions', { status }, signal) });

/** `GET /api/kpi/promotions/notifications`: for the home page, under `kpiKeys.all` so a decision refreshes it. */
export const usePromotionNotifications = (enabled = true) =>
  useQuery({
    queryKey: [...promotionKeys.all, 'notifications'],
    queryFn: ({ signal }) => api.get<PromotionNotifications>('/kpi/promotions/notifications', undefined, signal),
    enabled,
  });

export interface ApplyInput {
  agent: string;
  toGrade: AgentGrade;
  quarter: string;
  reason?: string;
  approvers: Record<ApprovalStep, string>;
}

/** Applying and deciding both change the review (the grade) and the list: everything under `kpiKeys.all` is asked again. */
export function useApplyPromotion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ApplyInput) => api.post<Promotion>('/kpi/promotions', input),
    onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

export function useDecidePromotion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, comment }: { id: string; action: 'approve' | 'reject'; comment?: string }) =>
      api.post<Promotion>(`/kpi/promotions/${encodeURIComponent(id)}/${action}`, comment ? { comment } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

/** `GET /api/kpi/exams?agent=`: the agent's new-hire and probation exams, oldest first. */
export const useExams = (agent: string | undefined) =>
  useQuery({
    queryKey: [...kpiKeys.all, 'exams', agent ?? ''],
    queryFn: ({ signal }) => api.get<ExamList>('/kpi/exams', { agent: agent! }, signal),
    enabled: !!agent,
  });

/** `GET /api/kpi/grade-history?agent=`: every change of the agent's grade. */
export const useGradeHistory = (agent: string | undefined) =>
  useQuery({
    queryKey: [...kpiKeys.all, 'grade-history', agent ?? ''],
    queryFn: ({ signal }) => api.get<GradeHistory>('/kpi/grade-history', { agent: agent! }, signal),
    enabled: !!agent,
  });

export interface ExamInput {
  agent: string;
  kind: ExamKind;
  date: string;
  score: number;
  passed: boolean;
}

export function useRecordExam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ExamInput) => api.post<Exam>('/kpi/exams', input),
    onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}
