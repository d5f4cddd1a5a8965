/** One call given to one listener, as the sampling API answers it (server: AssignmentDto). */
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
  /** The sampled day, YYYY-MM-DD (the centre's local date). */
  date: string;
  /** Seconds. */
  duration: number;
  startedAt: string;
  /** The listener has submitted an evaluation of the call. */
  done: boolean;
}

/** Where a call of the queue is scored (the scoring workspace). */
export const workspacePath = (a: Pick<Assignment, 'recordingId' | 'source'>) => `/evaluate/${a.recordingId}?source=${encodeURIComponent(a.source)}`;
