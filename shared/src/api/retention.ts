/**
 * Retention (issue 16): how long each project keeps its calls' audio. Audio goes first; the
 * recording's row, transcript, waveform peaks, automatic checks and evaluations are kept for good,
 * so reports and scores never change when audio is removed. `null` days mean "keep for ever": a
 * project without a policy deletes nothing.
 */
export interface RetentionPolicy {
  projectId: string;
  project: string;
  projectName: string;
  /** Days a call's audio is kept after its (local) call day; null: for ever. */
  audioDays: number | null;
  /** Days the audio of an evaluated call (one with an evaluation, draft or submitted) is kept; null: for ever. At least `audioDays`. */
  evaluatedAudioDays: number | null;
  /** ISO 8601; null while the project has never had a policy set. */
  updatedAt: string | null;
  /** Username of who set it last. */
  updatedBy: string | null;
}

/** What one run did in one project. */
export interface RetentionProjectRun {
  project: string;
  audioDays: number | null;
  evaluatedAudioDays: number | null;
  /** Calls whose audio was deleted in this run. */
  removed: number;
  /** Bytes of audio deleted. */
  removedBytes: number;
  /** Calls old enough but kept: under an open dispute, an open rectification notice or marked as an example. */
  protected: number;
  /** Calls whose audio the storage failed to delete (tried again by the next run). */
  failed: number;
}

/** `POST /api/retention-runs` and the daily job: every project with a policy, audited as one `retention.run` entry. */
export interface RetentionRun {
  /** ISO 8601 */
  ranAt: string;
  trigger: 'schedule' | 'manual';
  /** Username of who ran it; null for the daily job. */
  by: string | null;
  /** The centre's local day the periods are counted back from. */
  today: string;
  projects: RetentionProjectRun[];
}
