/** Coaching items and their defects as `/api/coaching-items` answers them (CONTRACT.md "Follow-up: coaching"). */
import type { Evidence } from '../rules/types.js';

/**
 * `open` until the lead records a one-to-one (`coached`); `resolved` when an amendment leaves no failed
 * item. After coaching, the agent's next evaluations that score the item's codes decide: `improved` once
 * the next K pass them all; back to `open` (with `reopened` saying why) when one fails a code again.
 */
export type CoachingStatus = 'open' | 'coached' | 'improved' | 'resolved';

/** Why the effect check reopened an item: the later evaluation that failed its codes again. */
export interface CoachingReopened {
  /** ISO 8601 */
  at: string;
  evaluationId: string;
  recordingId: string;
  /** The item's codes that evaluation failed. */
  codes: string[];
}

/** What the agent's team lead is to go over with the agent after an evaluation with failed items. */
export interface CoachingItem {
  id: string;
  /** Employee number. */
  agent: string;
  agentName: string;
  /** Team code. */
  team: string;
  evaluationId: string;
  recordingId: string;
  /** The failed item codes, in checklist order. */
  codes: string[];
  /** One of the failed items is critical. */
  fatal: boolean;
  status: CoachingStatus;
  /** Bumped on every change; send it back to change the item (optimistic lock). */
  revision: number;
  /** When the lead marked that the agent saw and acknowledged the result; null before. */
  acknowledgedAt: string | null;
  /** The username of the lead who marked it. */
  acknowledgedBy: string | null;
  /** Set while the item is open again because the effect check saw a code fail after coaching; null otherwise. */
  reopened: CoachingReopened | null;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601 */
  updatedAt: string;
}

/** One failed item of the evaluation, with where in the call it is. */
export interface CoachingDefect {
  code: string;
  title: string;
  critical: boolean;
  comment: string | null;
  /** Seconds into the call; null when the inspector gave no moment. */
  at: number | null;
  recordingId: string;
  evaluationId: string;
  /** The machine's evidence for this item on the call (its auto-check), empty when the item has no rule or nothing was found. */
  evidence: Evidence[];
}

/** A one-to-one the lead recorded. */
export interface CoachingSession {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  said: string;
  commitment: string;
  relistenRecordingId: string | null;
  /** The lead's username. */
  by: string;
  /** ISO 8601 */
  createdAt: string;
}

/** The agent's earlier defects on the same items (most recent first). */
export interface CoachingHistoryEntry {
  code: string;
  evaluationId: string;
  recordingId: string;
  comment: string | null;
  at: number | null;
  /** ISO 8601, when it was recorded. */
  createdAt: string;
}

/** `GET /api/coaching-items/:id`: the item with its defects, one-to-ones and the agent's recent history. */
export interface CoachingItemDetail extends CoachingItem {
  defects: CoachingDefect[];
  sessions: CoachingSession[];
  history: CoachingHistoryEntry[];
  /** The effect check since the latest one-to-one; null before any. */
  check: CoachingCheck | null;
  /** The effect check's decisions, oldest first. */
  events: CoachingEvent[];
}

/** One evaluation the effect check counts: a later call of the agent that scored the item's codes. */
export interface CoachingCheckEvaluation {
  evaluationId: string;
  recordingId: string;
  /** The call's local date, YYYY-MM-DD. */
  callDate: string;
  /** It passed every code of the item it scored. */
  passed: boolean;
  /** The item's codes it failed. */
  failedCodes: string[];
}

/**
 * The effect check after the latest one-to-one: the agent's next `needed` submitted, non-calibration
 * evaluations of calls after the session day that score the item's codes, in submission order.
 */
export interface CoachingCheck {
  /** The session day it counts from (calls after that day). */
  since: string;
  needed: number;
  passed: number;
  /** `pending` until decided; `improved` after `needed` passes; `reopened` when one failed. */
  outcome: 'pending' | 'improved' | 'reopened';
  evaluations: CoachingCheckEvaluation[];
}

/** A decision the effect check took, kept as history: `checking` means an amendment made it pending again. */
export interface CoachingEvent {
  kind: 'improved' | 'reopened' | 'checking';
  evaluationId: string | null;
  recordingId: string | null;
  codes: string[];
  /** ISO 8601 */
  at: string;
}
