/** Example calls for the weekly sharing (issue 14, seed 11.5): scored calls marked as good or bad examples of items, and the sessions that play them. */

export const EXAMPLE_KINDS = ['good', 'bad'] as const;
/** A good example shows the item done right; a bad one shows it going wrong. */
export type ExampleKind = (typeof EXAMPLE_KINDS)[number];

/** A moment of the call that matters, in seconds from its start. */
export interface ExampleRegion {
  start: number;
  end: number;
}

/** One example call. Customer numbers and runs of 7+ digits are masked as everywhere for masked roles. */
export interface CallExample {
  id: string;
  evaluationId: string;
  recordingId: string;
  kind: ExampleKind;
  /** Item codes of the evaluation's checklist version, each with its title. */
  items: { code: string; title: string }[];
  note: string;
  tags: string[];
  /** Sorted by start; the first is where playing begins. */
  regions: ExampleRegion[];
  project: string;
  team: string;
  teamName: string;
  agent: string;
  agentName: string;
  /** Masked (*******5678) for masked roles. */
  customerNumber: string | null;
  /** The call's start, ISO 8601. */
  startedAt: string;
  durationSeconds: number;
  score: number | null;
  /** Username of who marked it. */
  author: string;
  authorName: string;
  /** ISO 8601 */
  createdAt: string;
  updatedAt: string;
}

export interface CallExampleList {
  total: number;
  items: CallExample[];
}

/** A weekly sharing session: a dated, ordered playlist of examples of one project, with who presented it. */
export interface SharingSession {
  id: string;
  project: string;
  /** The local day of the session (YYYY-MM-DD). */
  date: string;
  title: string;
  /** Username and display name of the presenter. */
  presenter: string;
  presenterName: string;
  createdBy: string;
  /** ISO 8601 */
  createdAt: string;
  /** In playing order. */
  examples: CallExample[];
}

export interface SharingSessionList {
  total: number;
  items: SharingSession[];
}

/** The example calls an FAQ entry links, showing the right answer, in order. */
export interface FaqExampleLinks {
  entryId: string;
  examples: CallExample[];
}

/** A user who may present a project's sharing session: active and able to open the project's sessions. */
export interface SharingPresenter {
  username: string;
  displayName: string;
}

/** `GET /api/sharing-sessions/presenters?project=CODE`: by display name. */
export interface SharingPresenterList {
  total: number;
  items: SharingPresenter[];
}
