/** The automatic checks as the API answers them. */
import type { RuleResult } from '../rules/types.js';

/** `GET /api/recordings/:id/auto-checks`: the active checklist's verdicts on the call, with their evidence. */
export interface AutoChecks {
  checklistVersion: number;
  results: RuleResult[];
}

/** A background re-check of past calls: a row of `GET /api/autocheck/runs` (admin and supervisor only). */
export interface AutocheckRun {
  id: string;
  checklistVersion: number;
  /** `publish` or `startup` */
  reason: string;
  total: number;
  done: number;
  /** `running`, `done` or `superseded` */
  status: string;
  /** ISO 8601 */
  startedAt: string;
  finishedAt: string | null;
}

/** Per rule, how often inspectors kept the machine's verdict. */
export interface RuleAgreement {
  code: string;
  evaluated: number;
  agreed: number;
  overridden: number;
  /** agreed / evaluated, 0…1; null with nothing evaluated. */
  agreement: number | null;
}

/** `GET /api/autocheck/agreement`. */
export interface RuleAgreementReport {
  items: RuleAgreement[];
}
