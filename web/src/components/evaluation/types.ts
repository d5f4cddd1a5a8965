import type { Verdict } from '../../../../shared/src/scoring/score';

export type { Verdict };

/** One scored item of an evaluation as `GET /api/evaluations` answers it, titled from the checklist version it was scored with. */
export interface EvaluationItem {
  code: string;
  title: string;
  verdict: Verdict | null;
  points: number;
  earned: number | null;
  critical: boolean;
  comment: string | null;
  /** Seconds into the call. */
  at: number | null;
  until: number | null;
  /** What the automatic check said, for the items that have one. */
  autoVerdict: Verdict | null;
}

/** What the item-by-item view needs of an evaluation. */
export interface EvaluationDetails {
  comment: string | null;
  items: readonly EvaluationItem[];
}

/** What the shared list columns show of a row of `GET /api/evaluations`. */
export interface ListedEvaluation {
  recordingId: string;
  /** Username. */
  inspector: string;
  inspectorName: string;
  source: string;
  checklistVersion: number;
  score: number | null;
  fatal: boolean | null;
  submittedAt: string | null;
  /** When the scored call started (ISO 8601). */
  callStartedAt: string;
}
