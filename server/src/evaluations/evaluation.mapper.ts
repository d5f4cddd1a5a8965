import type { Evaluation, EvaluationHistoryEntry, EvaluationItem } from '#shared/api/evaluations.js';
import { type ChecklistSection, itemsOf } from '#shared/checklists/types.js';
import type { Masker } from '#shared/masking.js';
import type { EvaluationHistoryEntity, EvaluationItemEntity } from './evaluation.entity.js';
import type { EvaluationRow } from './evaluation.repository.js';

// Rows of one version share its sections: read each version's titles once, even for an export of thousands.
const titleCache = new WeakMap<ChecklistSection[], Map<string, string>>();
function titlesOf(sections: ChecklistSection[]): Map<string, string> {
  let titles = titleCache.get(sections);
  if (!titles) {
    titles = new Map(itemsOf(sections).map((i) => [i.code, i.title]));
    titleCache.set(sections, titles);
  }
  return titles;
}

/** An item titled from the checklist version it was scored with (its code when the version lacks it). */
const toEvaluationItem = (i: EvaluationItemEntity, titles: Map<string, string>, mask: Masker, hideMachine: boolean): EvaluationItem => ({
  code: i.code,
  title: titles.get(i.code) ?? i.code,
  verdict: i.verdict,
  points: i.points,
  earned: i.earned,
  critical: i.critical,
  comment: mask.text(i.comment),
  at: i.at,
  until: i.until,
  autoVerdict: hideMachine ? null : i.autoVerdict,
});

/**
 * What every reader of an evaluation gets; the scope columns (team and inspector ids) stay inside.
 * Comments go through the caller's masker (`maskerFor`): numbers written in them are masked for masked roles.
 */
export function toEvaluation(r: EvaluationRow, masker: Masker): Evaluation {
  const titles = titlesOf(r.sections);
  // A draft is its author's work in progress, sent back as it is edited: masked only once submitted.
  const mask = r.status === 'draft' ? { ...masker, text: <T>(v: T) => v } : masker;
  return {
    id: r.id,
    recordingId: r.recordingId,
    agent: r.agentNo,
    agentName: r.agentName,
    team: r.teamCode,
    inspector: r.inspector,
    inspectorName: r.inspectorName,
    source: r.source,
    blind: r.blind,
    calibrationOpen: r.calibrationOpen,
    status: r.status,
    revision: r.revision,
    checklistVersion: r.checklistVersion,
    checklistVersionId: r.checklistVersionId,
    score: r.score,
    fatal: r.fatal,
    comment: mask.text(r.comment),
    createdAt: new Date(r.createdAt).toISOString(),
    submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
    callStartedAt: new Date(r.callStartedAt).toISOString(),
    callDate: r.callDate,
    // A blind draft must not show the machine's verdicts (issue 15): only once it is submitted.
    items: r.items.map((i) => toEvaluationItem(i, titles, mask, r.blind && r.status === 'draft')),
  };
}

export const toHistoryEntry = (h: EvaluationHistoryEntity): EvaluationHistoryEntry => ({
  at: h.at.toISOString(),
  username: h.username,
  action: h.action,
  reason: h.reason,
  change: h.change,
});
