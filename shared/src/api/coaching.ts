/** Coaching items and their defects as `/api/coaching-items` answers them (CONTRACT.md "Follow-up: coaching"). */

/** `open` until the lead records a one-to-one (`coached`); `resolved` when an amendment leaves no failed item. */
export type CoachingStatus = 'open' | 'coached' | 'resolved';

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
}
