/** Rectification notices (书面整改通知书) as `/api/rectification-notices` answers them (CONTRACT.md "Follow-up"). */
import type { ItemFailureRate } from '../rectification/failure-rate.js';

/** issued → acknowledged → re-checking → closed, or escalated at the deadline (and closed later). */
export type RectificationStatus = 'issued' | 'acknowledged' | 're-checking' | 'closed' | 'escalated';

/** One step of a notice's life, with who took it and when. */
export interface RectificationStep {
  /** `issue`, `acknowledge`, `recheck`, `close` or `escalate`. */
  action: string;
  /** The status before the step; null for the issue. */
  from: RectificationStatus | null;
  to: RectificationStatus;
  /** Username; null when the daily sampling took the step. */
  by: string | null;
  /** ISO 8601 */
  at: string;
  note: string | null;
}

export interface RectificationNotice {
  id: string;
  /** Team code. */
  team: string;
  teamName: string;
  /** Project code. */
  project: string;
  /** The checklist items to rectify. */
  codes: string[];
  /** The evaluations given as evidence (ids). */
  evaluations: string[];
  /** The required actions. */
  actions: string;
  /** YYYY-MM-DD */
  deadline: string;
  /** The first day whose sampling re-checks the team, YYYY-MM-DD. */
  recheckFrom: string;
  status: RectificationStatus;
  /** The team lead's action plan, given when acknowledging. */
  actionPlan: string | null;
  /** Bumped on every step: a step carrying an older revision is a conflict. */
  revision: number;
  /** Username of who issued it. */
  issuedBy: string;
  /** ISO 8601 */
  issuedAt: string;
  history: RectificationStep[];
  /**
   * Per item, the team's failure rate before the notice (the evidence and the 30 days of calls before
   * it was issued) and since re-checking began (calls from `recheckFrom`), each with its 95 % Wilson
   * interval, and whether it improved (only when the intervals no longer overlap).
   */
  failureRates: ItemFailureRate[];
}

export interface RectificationNoticeList {
  total: number;
  items: RectificationNotice[];
}
