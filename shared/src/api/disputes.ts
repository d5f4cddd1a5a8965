/**
 * Acknowledgement and disputes of evaluations (issue 15), as `/api/disputes` and
 * `/api/evaluations/:id/dispute` answer them. A team lead speaks for the agent (agents are not users):
 * he accepts an evaluation, or disputes some of its failed items with a reason within the project's
 * window; the evaluation's inspector answers first, the lead may escalate once, the supervisor rules.
 */

/**
 * `awaiting_inspector` → the inspector answers: `resolved` (every item accepted) or `answered` (some
 * rejected) → the lead escalates once: `escalated` → the supervisor rules: `ruled` (final).
 */
export const DISPUTE_STATUSES = ['awaiting_inspector', 'answered', 'escalated', 'resolved', 'ruled'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** Where a disputed item ends: `upheld` (the verdict was changed), `rejected`, or `pending` while someone has to decide. */
export type DisputeOutcome = 'pending' | 'upheld' | 'rejected';

export interface DisputeItem {
  code: string;
  /** The item's title in the evaluation's checklist version. */
  title: string;
  /** What the lead says is wrong with the verdict. */
  reason: string;
  /** The verdict disputed, and the one asked for (a failed item asks to pass). */
  fromVerdict: 'pass' | 'fail' | 'na';
  toVerdict: 'pass' | 'fail' | 'na';
  inspectorDecision: 'accept' | 'reject' | null;
  inspectorReason: string | null;
  /** Sent on to the supervisor by the lead's escalation. */
  escalated: boolean;
  ruling: 'uphold' | 'reject' | null;
  rulingReason: string | null;
  outcome: DisputeOutcome;
}

/** One step of a dispute, kept with who, when and why. */
export interface DisputeStep {
  action: 'raise' | 'answer' | 'escalate' | 'rule';
  /** Username. */
  by: string;
  byName: string;
  /** ISO 8601 */
  at: string;
  reason: string | null;
  /** The decision on each item the step took (none for an escalation). */
  items: { code: string; decision: string; reason: string | null }[];
}

export interface Dispute {
  id: string;
  evaluationId: string;
  recordingId: string;
  /** Employee number and name of the agent scored. */
  agent: string;
  agentName: string;
  /** Team and project codes. */
  team: string;
  project: string;
  /** Username and name of the evaluation's inspector, who answers. */
  inspector: string;
  inspectorName: string;
  /** The team lead who raised it. */
  raisedBy: string;
  raisedByName: string;
  /** ISO 8601 */
  raisedAt: string;
  status: DisputeStatus;
  /** The evaluation's score and fatality as they are now (after any upheld item). */
  score: number | null;
  fatal: boolean | null;
  items: DisputeItem[];
  /** Every step, oldest first (empty in lists). */
  steps: DisputeStep[];
}

export interface DisputeList {
  total: number;
  items: Dispute[];
}

/** A team lead's acceptance of an evaluation for the agent. */
export interface EvaluationAcknowledgement {
  by: string;
  byName: string;
  /** ISO 8601 */
  at: string;
}

/** What the evaluation's page shows about its acceptance or dispute. */
export interface EvaluationDisputeState {
  evaluationId: string;
  /** The project's window in days, and when it closes for this evaluation (ISO 8601; null for a draft). */
  windowDays: number;
  closesAt: string | null;
  /** Whether a dispute could be raised now: submitted, not calibration, in the window, not accepted, none raised. */
  open: boolean;
  acknowledgement: EvaluationAcknowledgement | null;
  dispute: Dispute | null;
}

/** Disputed items counted one way (by item code, inspector or team). */
export interface DisputeSummaryRow {
  /** The item code, inspector username or team code. */
  key: string;
  name: string;
  /** Items disputed. */
  raised: number;
  upheld: number;
  rejected: number;
  /** Still waiting for the inspector's answer or the supervisor's ruling. */
  pending: number;
  /** upheld ÷ (upheld + rejected): null when nothing is decided yet. */
  upheldRate: number | null;
}

export interface DisputeSummary {
  /** YYYY-MM-DD: the days the disputes were raised (the centre's local days). */
  from: string;
  to: string;
  disputes: number;
  items: DisputeSummaryRow;
  byItem: DisputeSummaryRow[];
  byInspector: DisputeSummaryRow[];
  byTeam: DisputeSummaryRow[];
}

/** A submitted evaluation a team lead has neither accepted nor disputed while its window is open. */
export interface EvaluationToAcknowledge {
  evaluationId: string;
  recordingId: string;
  agent: string;
  agentName: string;
  team: string;
  score: number | null;
  fatal: boolean | null;
  /** ISO 8601 */
  submittedAt: string;
  closesAt: string;
}

export interface EvaluationToAcknowledgeList {
  total: number;
  items: EvaluationToAcknowledge[];
}
