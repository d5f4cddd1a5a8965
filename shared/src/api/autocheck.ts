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

/** `count` of `of`, with its 95 % Wilson interval (fractions 0…1; nulls when `of` is 0). */
export interface Proportion {
  count: number;
  of: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Per rule, people's final verdicts against the machine's (its N/A aside), calibration evaluations left out.
 * `evaluated`, `agreed`, `overridden` and `agreement` count every evaluation, blind or not: where the verdict
 * was pre-filled they lean towards it (anchoring). `blind` is the honest measure; `overturned` says how
 * often a shown suggestion was changed.
 */
export interface RuleAgreement {
  code: string;
  evaluated: number;
  agreed: number;
  overridden: number;
  /** agreed / evaluated, 0…1; null with nothing evaluated. */
  agreement: number | null;
  /** Evaluations scored blind (the machine's verdict unseen until submit), with 95 % intervals. */
  blind: {
    /** The final verdict equals the machine's. */
    agreement: Proportion;
    /** Of the calls the machine failed, the share people failed too. */
    precision: Proportion;
    /** Of the calls people failed, the share the machine had failed. */
    recall: Proportion;
  };
  /** Evaluations that showed the machine's verdict as a suggestion: the share the inspector overturned. */
  overturned: Proportion;
}

/** `GET /api/autocheck/agreement`. */
export interface RuleAgreementReport {
  items: RuleAgreement[];
}
