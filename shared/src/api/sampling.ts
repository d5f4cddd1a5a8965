/** Daily sampling as `/api/sampling` answers it (CONTRACT.md "Sampling"). */
import type { CallDirection } from '../recordings.js';
import type { ScoreInterval } from '../sampling/confidence.js';

/** One call given to one listener, with why it was picked. */
export interface Assignment {
  id: string;
  recordingId: string;
  /** Employee number. */
  agent: string;
  agentName: string;
  /** Team code. */
  team: string;
  /** The listener's username. */
  inspector: string;
  /** `random`, `new-hire`, `low-score`, `fatal`, `complaint`, `failed:<RULE>` or `spot-check`. */
  reason: string;
  /** The evaluation source this listening produces: `daily` or `spot-check`. */
  source: string;
  /**
   * Scored blind (issue 15): the machine's verdicts stay hidden until submit. In the listener's own queue
   * such a call's `reason` reads `blind`, so that a `failed:<RULE>` does not give the verdict away.
   */
  blind: boolean;
  /** The sampled day, YYYY-MM-DD (the centre's local date). */
  date: string;
  /** Seconds, to the tenth. */
  duration: number;
  /** ISO 8601 */
  startedAt: string;
  /** The assigned listener has submitted an evaluation of the call. */
  done: boolean;
}

/** One project's sampling of one day: `GET /api/sampling/runs/:project`, `POST /api/sampling/runs`. */
export interface SamplingRun {
  id: string;
  /** Project code. */
  project: string;
  date: string;
  /** The random draw's seed, stored so the draw can be explained and reproduced. */
  seed: string;
  /** The day's calls the plan could draw from. */
  candidates: number;
  assignments: Assignment[];
  /** Picks no active inspector could open (none is bound to the call's team or project): left unassigned. */
  unassigned: UnassignedPick[];
}

/** A pick of a run that no inspector's scope covers: reported, never handed to someone who gets 403. */
export interface UnassignedPick {
  recordingId: string;
  /** Employee number. */
  agent: string;
  /** Team code. */
  team: string;
  reason: string;
}

/** `GET /api/sampling/queue`: the caller's own calls to listen to. */
export interface AssignmentQueue {
  total: number;
  done: number;
  items: Assignment[];
}

/** `GET /api/sampling/queue/next`: the caller's first call not scored yet, or null when the queue is done. */
export interface NextAssignment {
  next: Assignment | null;
}

/** An active inspector who can be given the project's calls. */
export interface SamplingInspector {
  username: string;
  displayName: string;
}

/** `GET /api/sampling/inspectors/:project`. */
export interface SamplingInspectors {
  items: SamplingInspector[];
}

/** What a project's daily sampling draws. Kept as versions: an edit applies from the next day on. */
export interface SamplingRules {
  callsPerAgent: number;
  focusExtraCalls: number;
  /** Hired fewer than this many days ago (or grade intern): a focus agent. */
  newHireDays: number;
  /** A 30-day average under this is a focus agent. */
  lowScoreThreshold: number;
  lowScoreDays: number;
  /** A fatal evaluation within this many days: a focus agent. */
  fatalDays: number;
  minDurationSeconds: number;
  /** Empty: both directions. */
  directions: `${CallDirection}`[];
  /** Empty: every business type. */
  businessTypes: string[];
  /** Calls of these business types are complaints: every one is listened to. */
  complaintBusinessTypes: string[];
  /** 0…1 of each agent's base picks guided by failed automatic checks; the rest random. */
  guidedShare: number;
  /** Local time (HH:MM) the scheduled run samples the previous day. */
  runAt: string;
  /** An agent's interval wider than ± this many points is too wide to grade on. */
  maxHalfWidth: number;
}

/** `GET` and `PUT /api/sampling/plans/:project`. */
export interface SamplingPlan {
  /** Project code. */
  project: string;
  /** In force today. */
  current: SamplingRules;
  /** A saved change, in force from `effectiveFrom` (tomorrow) on. */
  upcoming: { effectiveFrom: string; rules: SamplingRules } | null;
}

/** An agent's mean score over a period from randomly drawn calls only, with its 95 % interval. */
export interface AgentConfidence extends ScoreInterval {
  /** Employee number. */
  agent: string;
  agentName: string;
  /** Team code. */
  team: string;
  /** Every daily evaluation of the period, guided picks included (not used for the interval). */
  allDaily: number;
  tooWide: boolean;
}

/** `GET /api/sampling/confidence`. */
export interface AgentConfidenceReport {
  /** The plan's limit on the half-width, in score points. */
  maxHalfWidth: number;
  items: AgentConfidence[];
}
