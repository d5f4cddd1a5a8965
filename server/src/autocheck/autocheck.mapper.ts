import type { AutoChecks, AutocheckRun, RuleAgreement } from '#shared/api/autocheck.js';
import type { Masker } from '#shared/masking.js';
import { ruleAgreementFigures } from '#shared/reports/rule-agreement.js';
import type { RuleResult } from '#shared/rules/types.js';
import type { ChecklistVersionEntity } from '#server/checklists/checklist-version.entity.js';
import type { AgreementRow, AutocheckRunRow } from './auto-check.repository.js';

/** `results` null: not checked (no transcript), every code `na`. */
/** Evidence quotes the transcript: its text goes through the caller's masker like the transcript itself. */
export const toAutoChecks = (version: ChecklistVersionEntity, codes: string[], results: RuleResult[] | null, mask: Masker): AutoChecks => ({
  checklistVersion: version.version,
  results: results
    ? mask.masked
      ? results.map((r) => ({ ...r, evidence: r.evidence.map((e) => ({ ...e, text: mask.text(e.text), matched: mask.text(e.matched) })) }))
      : results
    : codes.map((code) => ({ code, verdict: 'na', evidence: [] })),
});

export const toAutocheckRun = (r: AutocheckRunRow): AutocheckRun => ({
  id: r.id,
  checklistVersion: r.checklistVersion,
  reason: r.reason,
  total: r.total,
  done: r.done,
  status: r.status,
  startedAt: new Date(r.startedAt).toISOString(),
  finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
});

export function toRuleAgreement(r: AgreementRow): RuleAgreement {
  const { agreement, precision, recall, overturned } = ruleAgreementFigures(r);
  return {
    code: r.code,
    evaluated: r.evaluated,
    agreed: r.agreed,
    overridden: r.evaluated - r.agreed,
    agreement: r.evaluated ? r.agreed / r.evaluated : null,
    blind: { agreement, precision, recall },
    overturned,
  };
}
