import type { CoachingCheck, CoachingDefect, CoachingEvent, CoachingHistoryEntry, CoachingItem, CoachingItemDetail, CoachingSession } from '#shared/api/coaching.js';
import { type ChecklistSection, itemsOf } from '#shared/checklists/types.js';
import type { CoachingEventEntity, CoachingSessionEntity } from './coaching.entity.js';
import type { EffectDecision } from './effect-check.js';
import { COACHING_CHECK_EVALUATIONS } from './effect-check.js';
import type { Masker } from '#shared/masking.js';
import type { Evidence, RuleResult } from '#shared/rules/types.js';
import type { CoachingItemRow, DefectRow } from './coaching.repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();

export const toCoachingItem = (r: CoachingItemRow): CoachingItem => ({
  id: r.id,
  agent: r.agentNo,
  agentName: r.agentName,
  team: r.teamCode,
  evaluationId: r.evaluationId,
  recordingId: r.recordingId,
  codes: r.codes,
  fatal: r.fatal,
  status: r.status,
  revision: r.revision,
  acknowledgedAt: r.acknowledgedAt ? iso(r.acknowledgedAt) : null,
  acknowledgedBy: r.acknowledgedBy,
  reopened:
    r.status === 'open' && r.reopenedAt && r.reopenedByEvaluationId && r.reopenedByRecordingId
      ? { at: iso(r.reopenedAt), evaluationId: r.reopenedByEvaluationId, recordingId: r.reopenedByRecordingId, codes: r.reopenedCodes ?? [] }
      : null,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

const toDefect = (d: DefectRow, titles: Map<string, string>, evidence: Map<string, Evidence[]>, mask: Masker): CoachingDefect => ({
  code: d.code,
  title: titles.get(d.code) ?? d.code,
  critical: d.critical,
  comment: mask.text(d.comment),
  at: d.at,
  recordingId: d.recordingId,
  evaluationId: d.evaluationId,
  evidence: evidence.get(d.code) ?? [],
});

const toSession = (s: CoachingSessionEntity): CoachingSession => ({
  id: s.id,
  date: s.date,
  said: s.said,
  commitment: s.commitment,
  relistenRecordingId: s.relistenRecordingId,
  by: s.username,
  createdAt: iso(s.createdAt),
});

const toHistoryEntry = (d: DefectRow, mask: Masker): CoachingHistoryEntry => ({
  code: d.code,
  evaluationId: d.evaluationId,
  recordingId: d.recordingId,
  comment: mask.text(d.comment),
  at: d.at,
  createdAt: iso(d.createdAt),
});

const toEvent = (e: CoachingEventEntity): CoachingEvent => ({
  kind: e.kind,
  evaluationId: e.evaluationId,
  recordingId: e.recordingId,
  codes: e.codes,
  at: iso(e.createdAt),
});

const toCheck = (since: string, d: EffectDecision): CoachingCheck => ({
  since,
  needed: COACHING_CHECK_EVALUATIONS,
  passed: d.passed,
  outcome: d.outcome,
  evaluations: d.counted.map((e) => ({
    evaluationId: e.evaluationId,
    recordingId: e.recordingId,
    callDate: e.callDate,
    passed: !e.failedCodes.length,
    failedCodes: e.failedCodes,
  })),
});

export function toCoachingItemDetail(
  r: CoachingItemRow,
  defects: { defects: DefectRow[]; sections: ChecklistSection[] },
  sessions: CoachingSessionEntity[],
  history: DefectRow[],
  events: CoachingEventEntity[],
  check: { since: string; decision: EffectDecision } | null,
  machine: RuleResult[],
  mask: Masker,
): CoachingItemDetail {
  const titles = new Map(itemsOf(defects.sections).map((i) => [i.code, i.title]));
  // Evidence already masked by the auto-check read; an item passed by the machine has none worth showing.
  const evidence = new Map(machine.filter((m) => m.verdict === 'fail' || m.evidence.length).map((m) => [m.code, m.evidence]));
  return {
    ...toCoachingItem(r),
    defects: defects.defects.map((d) => toDefect(d, titles, evidence, mask)),
    sessions: sessions.map(toSession),
    history: history.map((d) => toHistoryEntry(d, mask)),
    check: check ? toCheck(check.since, check.decision) : null,
    events: events.map(toEvent),
  };
}
