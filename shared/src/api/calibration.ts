/** Calibration sessions (issue 15) as `/api/calibration-sessions` answers them. */
import type { Verdict } from '../scoring/score.js';

/** A user taking part, with how many of the session's calls he has submitted. */
export interface CalibrationParticipant {
  username: string;
  displayName: string;
  /** The expert whose evaluations are the benchmark. */
  expert: boolean;
  submitted: number;
  /** A draft open on this many calls. */
  drafts: number;
}

export interface CalibrationCall {
  recordingId: string;
  /** Employee number. */
  agent: string;
  agentName: string;
  team: string;
  /** ISO 8601 */
  startedAt: string;
  durationSeconds: number | null;
}

/** One participant's verdict on one call's item (null: not submitted). */
export interface CalibrationVerdict {
  username: string;
  verdict: Verdict | null;
}

export interface CalibrationItemCall {
  recordingId: string;
  /** The benchmark's verdict, or the participants' majority (null: no benchmark and a tie). */
  reference: Verdict | null;
  verdicts: CalibrationVerdict[];
}

/** Per checklist item, everyone's verdicts side by side. */
export interface CalibrationItemResult {
  code: string;
  title: string;
  /** What agreement is measured against: the expert's evaluation, or the majority when there is none. */
  referenceKind: 'benchmark' | 'majority';
  /** Fleiss' kappa among the participants over the session's calls; null when there is nothing to measure. */
  kappa: number | null;
  /** Share of pairs of participants giving the same verdict (Fleiss' P̄). */
  observed: number | null;
  /** Share of the participants' verdicts equal to the reference (a call without one, a tie, agrees with nothing); null without verdicts. */
  agreement: number | null;
  /** Whether anybody's verdict differs from another's or from the reference on some call. */
  disagreement: boolean;
  calls: CalibrationItemCall[];
  /** The supervisor's guidance for this item, once written. */
  guidance: string | null;
}

export interface CalibrationScore {
  username: string;
  score: number | null;
  fatal: boolean | null;
}

export interface CalibrationScoreSpread {
  n: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  sd: number | null;
}

export interface CalibrationCallScores {
  recordingId: string;
  /** The expert's score of the call, when he scored it. */
  benchmark: number | null;
  /** The participants' scores (a fatal one counting 0). */
  scores: CalibrationScore[];
  spread: CalibrationScoreSpread;
}

/** What the reveal shows: items where people disagree first. */
export interface CalibrationResults {
  /** Fleiss' kappa over every call and item. */
  kappa: number | null;
  items: CalibrationItemResult[];
  calls: CalibrationCallScores[];
}

export interface CalibrationGuidance {
  code: string;
  text: string;
  /** Username. */
  by: string;
  /** ISO 8601 */
  at: string;
  /** The checklist draft the note went into as the item's scoring note; null when the draft lacks the item. */
  draftVersion: number | null;
}

export type CalibrationStatus = 'open' | 'revealed';

/**
 * `GET /api/calibration-sessions?status=`: `open` not revealed yet; `ready` ready to reveal (not revealed,
 * and every participant submitted every call or the deadline has passed); `revealed`.
 */
export const CALIBRATION_LIST_STATUSES = ['open', 'ready', 'revealed'] as const;
export type CalibrationListStatus = (typeof CALIBRATION_LIST_STATUSES)[number];

export interface CalibrationSessionSummary {
  id: string;
  title: string;
  /** Project code. */
  project: string;
  /** YYYY-MM-DD */
  deadline: string;
  status: CalibrationStatus;
  /** Username of the supervisor who created it. */
  createdBy: string;
  /** ISO 8601 */
  createdAt: string;
  revealedAt: string | null;
  /** Not revealed, and every participant submitted every call or the deadline has passed: the list's `status=ready`. */
  readyToReveal: boolean;
  calls: number;
  participants: number;
  /** Participants' submitted evaluations, of calls × participants. */
  submitted: number;
  expected: number;
}

export interface CalibrationSessionList {
  total: number;
  items: CalibrationSessionSummary[];
}

/** A session: progress, and after the reveal the results and the guidance. */
export interface CalibrationSession extends CalibrationSessionSummary {
  /** Username of the expert whose evaluations are the benchmark, if any. */
  expert: string | null;
  callList: CalibrationCall[];
  participantList: CalibrationParticipant[];
  /** Null until revealed. */
  results: CalibrationResults | null;
  guidance: CalibrationGuidance[];
}

/** One call the caller still has to score in an open session: the inspector's home worklist. */
export interface CalibrationToScore {
  sessionId: string;
  title: string;
  deadline: string;
  recordingId: string;
  agent: string;
  agentName: string;
  startedAt: string;
  /** He has a calibration draft open on it. */
  draft: boolean;
}

export interface CalibrationToScoreList {
  total: number;
  items: CalibrationToScore[];
}
