import type { Dispute, DisputeItem, DisputeStep, DisputeSummaryRow, EvaluationAcknowledgement, EvaluationToAcknowledge } from '#shared/api/disputes.js';
import { itemsOf } from '#shared/checklists/types.js';
import type { Masker } from '#shared/masking.js';
import type { AcknowledgementRow, CountRow, DisputeItemRow, DisputeRow, DisputeStepRow, ToAcknowledgeRow } from './dispute.repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();

const toDisputeItem = (i: DisputeItemRow, titles: Map<string, string>, mask: Masker): DisputeItem => ({
  code: i.code,
  title: titles.get(i.code) ?? i.code,
  reason: mask.text(i.reason),
  fromVerdict: i.fromVerdict,
  toVerdict: i.toVerdict,
  inspectorDecision: i.inspectorDecision,
  inspectorReason: mask.text(i.inspectorReason),
  escalated: i.escalated,
  ruling: i.ruling,
  rulingReason: mask.text(i.rulingReason),
  outcome: i.outcome,
});

export const toDisputeStep = (s: DisputeStepRow, mask: Masker): DisputeStep => ({
  action: s.action,
  by: s.by,
  byName: s.byName,
  at: iso(s.at),
  reason: mask.text(s.reason),
  items: s.items.map((i) => ({ ...i, reason: mask.text(i.reason) })),
});

/** Reasons go through the caller's masker (`maskerFor`): numbers written in them are masked for masked roles. */
export function toDispute(d: DisputeRow, items: DisputeItemRow[], steps: DisputeStepRow[], mask: Masker): Dispute {
  const titles = new Map(itemsOf(d.sections).map((i) => [i.code, i.title]));
  return {
    id: d.id,
    evaluationId: d.evaluationId,
    recordingId: d.recordingId,
    agent: d.agent,
    agentName: d.agentName,
    team: d.team,
    project: d.project,
    inspector: d.inspector,
    inspectorName: d.inspectorName,
    raisedBy: d.raisedBy,
    raisedByName: d.raisedByName,
    raisedAt: iso(d.raisedAt),
    status: d.status,
    score: d.score,
    fatal: d.fatal,
    items: items.filter((i) => i.disputeId === d.id).map((i) => toDisputeItem(i, titles, mask)),
    steps: steps.filter((s) => s.disputeId === d.id).map((step) => toDisputeStep(step, mask)),
  };
}

export const toAcknowledgement = (a: AcknowledgementRow): EvaluationAcknowledgement => ({ by: a.by, byName: a.byName, at: iso(a.at) });

export function toSummaryRow(c: CountRow): DisputeSummaryRow {
  const decided = c.upheld + c.rejected;
  return { key: c.key, name: c.name, raised: c.raised, upheld: c.upheld, rejected: c.rejected, pending: c.pending, upheldRate: decided ? c.upheld / decided : null };
}

export const toEvaluationToAcknowledge = (r: ToAcknowledgeRow): EvaluationToAcknowledge => ({
  evaluationId: r.evaluationId,
  recordingId: r.recordingId,
  agent: r.agent,
  agentName: r.agentName,
  team: r.team,
  score: r.score,
  fatal: r.fatal,
  submittedAt: iso(r.submittedAt),
  closesAt: iso(r.closesAt),
});
