import type { RateInterval, RectificationVerdict } from '../rectification/failure-rate.js';

/** The FAQ as `/api/faq` answers it (CONTRACT.md "FAQ"), and the proposals inspectors make from calls. */

/**
 * The entry's working copy: `draft` while being written or edited, `in_review` once sent for review,
 * `published` when what agents see is the working copy, `retired` when taken out (kept, with its reason).
 * A published entry being edited is `draft` or `in_review` again while agents still see its last
 * published version (`publishedVersion`).
 */
export type FaqStatus = 'draft' | 'in_review' | 'published' | 'retired';

/** Where the query matched, best first: the question as a whole, part of it, an alternative phrasing, the answer. */
export type FaqMatch = 'question_exact' | 'question' | 'alternative' | 'answer';

/** A [start, end) range of UTF-16 code units in a field as answered, to highlight. */
export interface FaqRange {
  start: number;
  end: number;
}

/** One entry of a search (CONTRACT.md: `id`, `question`, `answer`, `tags`, `status`, `updatedAt`). */
export interface FaqListItem {
  id: string;
  question: string;
  /** Simple markup: paragraphs split by blank lines, `- ` or `1. ` list lines, `**bold**`, `[text](https://…)`. */
  answer: string;
  tags: string[];
  status: FaqStatus;
  /** ISO 8601 */
  updatedAt: string;
  alternatives: string[];
  /** Project code, null for the whole centre. */
  project: string | null;
  businessType: string | null;
  /** The version agents see, null before the first publication. */
  publishedVersion: number | null;
  /** How the query matched (null without a query). */
  match: FaqMatch | null;
  /** What matched, by field, to highlight. */
  highlights: { question: FaqRange[]; answer: FaqRange[]; alternatives: FaqRange[][] };
}

/** One published version: every publication keeps what agents saw, who published it, when and why. */
export interface FaqVersion {
  version: number;
  question: string;
  answer: string;
  tags: string[];
  alternatives: string[];
  /** Username. */
  publishedBy: string;
  /** ISO 8601 */
  publishedAt: string;
  reason: string | null;
}

/** One entry with its working copy, what agents see, and its history. */
export interface FaqEntryDetail extends FaqListItem {
  /** Username of who answers for the entry. */
  owner: string;
  /** Bumped on every change; send it back to change the entry (optimistic lock). */
  revision: number;
  /** ISO 8601 */
  createdAt: string;
  /** What agents see now, null before the first publication or once retired. */
  published: FaqVersion | null;
  versions: FaqVersion[];
  retired: { reason: string; by: string; at: string } | null;
}

export type FaqProposalStatus = 'pending' | 'accepted' | 'rejected';

/** An inspector's proposal from a call: a new entry, or a change to an existing one, at a moment of the call. */
export interface FaqProposal {
  id: string;
  status: FaqProposalStatus;
  /** The entry to change; null proposes a new one. */
  entryId: string | null;
  entryQuestion: string | null;
  question: string;
  answer: string;
  note: string | null;
  recordingId: string;
  evaluationId: string | null;
  /** The checklist item whose defect prompted it. */
  code: string | null;
  /** Seconds into the call. */
  at: number | null;
  /** Employee number and team code of the call's agent. */
  agent: string;
  team: string;
  /** Username of the inspector. */
  proposedBy: string;
  /** ISO 8601 */
  createdAt: string;
  /** The draft accepting it made or changed. */
  acceptedEntryId: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
}

/** Pending proposals showing the same gap (the same entry, or the same question once normalised). */
export interface FaqProposalGroup {
  key: string;
  question: string;
  entryId: string | null;
  proposals: FaqProposal[];
}

/**
 * A knowledge item of the checklist (`knowledge`) failing as a common problem in a team over the last
 * days: the FAQ may lack what the agents should have answered, even where nobody proposed a change.
 */
export interface FaqSuggestion {
  /** `project:code` */
  key: string;
  /** Project code. */
  project: string;
  code: string;
  title: string;
  /** The days looked at, YYYY-MM-DD. */
  from: string;
  to: string;
  /** The teams where it is a common problem: agents who failed it and failed evaluations. */
  teams: { team: string; agents: number; failures: number }[];
  /** What inspectors wrote on the failed items, newest first (numbers masked), at most a few. */
  comments: { text: string; team: string; at: number | null }[];
}

export interface FaqInbox {
  groups: FaqProposalGroup[];
  suggestions: FaqSuggestion[];
}

/** One week of an item's verdicts around the publication: week 0 starts on the day it was published. */
export interface FaqEffectWeek {
  week: number;
  /** YYYY-MM-DD, the week's first day. */
  from: string;
  evaluated: number;
  failures: number;
}

/**
 * "Did it help?" for one checklist item that calls prompting the entry failed: the item's failure rate
 * in the project over the weeks before publishing and the weeks since, each with its 95 % interval,
 * and the verdict of comparing them ("improved" only when the intervals no longer overlap).
 */
export interface FaqEffectItem {
  project: string;
  code: string;
  /** The calls whose proposals were accepted into the entry, for this item. */
  calls: number;
  before: RateInterval;
  after: RateInterval;
  verdict: RectificationVerdict;
  weeks: FaqEffectWeek[];
}

export interface FaqEffect {
  /** The first version published after the proposals were accepted, null while there is none. */
  publishedVersion: number | null;
  /** YYYY-MM-DD in the centre's time zone. */
  publishedOn: string | null;
  /** Weeks compared on each side. */
  windowWeeks: number;
  items: FaqEffectItem[];
}
