/** Evaluations as `/api/evaluations` answers them (CONTRACT.md "Evaluations"). */
import type { EvaluationSource } from '../checklists/types.js';
import type { Verdict } from '../scoring/score.js';

export type EvaluationStatus = 'draft' | 'submitted';

/** One checklist item of an evaluation, titled from the checklist version it was scored with. */
export interface EvaluationItem {
  code: string;
  title: string;
  /** Null while a draft has not scored it yet. */
  verdict: Verdict | null;
  points: number;
  /** Null until submitted, and for an N/A item. */
  earned: number | null;
  critical: boolean;
  comment: string | null;
  /** Seconds into the call where the defect is. */
  at: number | null;
  /** End of the defect's region, when it spans a stretch of the call. */
  until: number | null;
  /** What the automatic check said, for the items a rule scores; null on a blind draft until it is submitted. */
  autoVerdict: Verdict | null;
}

/**
 * An evaluation, a draft or a submitted one: a row of `GET /api/evaluations` (submitted only),
 * `GET /api/evaluations/:id`, and the answer to every change (drafts, save, submit, amend).
 */
export interface Evaluation {
  id: string;
  recordingId: string;
  /** Employee number. */
  agent: string;
  agentName: string;
  /** Team code. */
  team: string;
  /** Username. */
  inspector: string;
  inspectorName: string;
  source: EvaluationSource;
  status: EvaluationStatus;
  /** Scored blind (issue 15): the machine's verdicts and evidence are hidden from the inspector until submit. */
  blind: boolean;
  /**
   * A calibration evaluation whose session is not revealed yet (or that belongs to none): it stays out of
   * example calls until then (issue 14/15). False for every other source.
   */
  calibrationOpen: boolean;
  /** Bumped on every save: a save based on an older one is a 409. */
  revision: number;
  checklistVersion: number;
  /** For the workspace: GET /api/checklists/:id gives the items' guidance and rules. */
  checklistVersionId: string;
  /** Null until submitted. */
  score: number | null;
  fatal: boolean | null;
  comment: string | null;
  /** ISO 8601 */
  createdAt: string;
  submittedAt: string | null;
  /** When the scored call started (ISO 8601), and its local day, YYYY-MM-DD (what `from` and `to` filter on). */
  callStartedAt: string;
  callDate: string;
  items: EvaluationItem[];
}

/** One line of `GET /api/evaluations/:id/history`. */
export interface EvaluationHistoryEntry {
  /** ISO 8601 */
  at: string;
  username: string;
  action: 'created' | 'submitted' | 'amended';
  /** A supervisor's reason for an amendment. */
  reason: string | null;
  /** Score and verdicts before and after the change. */
  change: Record<string, unknown> | null;
}
