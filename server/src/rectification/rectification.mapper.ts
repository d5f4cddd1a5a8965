import type { RectificationNotice, RectificationStep } from '#shared/api/rectification.js';
import type { ItemFailureRate } from '#shared/rectification/failure-rate.js';
import type { NoticeRow, StepRow } from './rectification.repository.js';

export const toRectificationStep = (s: StepRow): RectificationStep => ({
  action: s.action,
  from: s.fromStatus,
  to: s.toStatus,
  by: s.by,
  at: new Date(s.at).toISOString(),
  note: s.note,
});

export const toRectificationNotice = (n: NoticeRow, steps: StepRow[], failureRates: ItemFailureRate[]): RectificationNotice => ({
  id: n.id,
  team: n.team,
  teamName: n.teamName,
  project: n.project,
  codes: n.codes,
  evaluations: n.evaluationIds,
  actions: n.actions,
  deadline: n.deadline,
  recheckFrom: n.recheckFrom,
  status: n.status,
  actionPlan: n.actionPlan,
  revision: n.revision,
  issuedBy: n.issuedBy,
  issuedAt: new Date(n.createdAt).toISOString(),
  history: steps.filter((s) => s.noticeId === n.id).map(toRectificationStep),
  failureRates,
});
