/** Checklist versions as `/api/checklists` answers them (CONTRACT.md "Checklists"). */
import type { ChecklistSection } from '../checklists/types.js';

export type ChecklistStatus = 'draft' | 'published';

/** One version with its sections: `GET /api/checklists/:id`, `/active`, and the answer to every change. */
export interface ChecklistVersion {
  id: string;
  version: number;
  status: ChecklistStatus;
  note: string | null;
  /** ISO 8601 */
  createdAt: string;
  publishedAt: string | null;
  sections: ChecklistSection[];
}

/** A row of `GET /api/checklists`: a version without its sections. */
export interface ChecklistSummary extends Omit<ChecklistVersion, 'sections'> {
  itemCount: number;
}

/** A call whose verdict a dry run flips, linkable to its recording. */
export interface DryRunExample {
  recordingId: string;
  /** Masked as everywhere for callers without `recording.unmask`. */
  externalId: string;
  /** ISO 8601 */
  startedAt: string;
  /** The agent's employee number. */
  agent: string;
}

/**
 * One rule of either version in a dry run: how many of the calls it would fail before and after,
 * and which verdicts publishing the draft would flip.
 */
export interface DryRunRule {
  code: string;
  /** The item's title in the draft (in the active version for a rule the draft drops). */
  title: string;
  /** `changed`: the rule's configuration differs; `same`: identical in both; `added` / `removed` by the draft. */
  change: 'same' | 'changed' | 'added' | 'removed';
  /** Calls the rule fails under the active version / under the draft. */
  failBefore: number;
  failAfter: number;
  passToFail: number;
  failToPass: number;
  /** A few of each, newest first (at most DRY_RUN_EXAMPLES). */
  passToFailExamples: DryRunExample[];
  failToPassExamples: DryRunExample[];
}

/**
 * `GET /api/checklists/:id/dry-run?project=`: what publishing a draft would do to the verdicts of
 * the project's calls with transcripts of the last `days` days, the draft's rules against the active
 * version's, run on the same calls. Bounded: at most `maxCalls` calls, the newest; `sample` says
 * when there were more.
 */
export interface ChecklistDryRun {
  checklistVersion: number;
  /** The active version compared against. */
  activeVersion: number;
  project: string;
  days: number;
  /** ISO 8601: calls started in [from, to). */
  from: string;
  to: string;
  /** Calls in the period with a transcript. */
  eligible: number;
  /** Calls run through both versions: min(eligible, maxCalls). */
  checked: number;
  maxCalls: number;
  /** True when only the newest `maxCalls` of `eligible` calls were checked. */
  sample: boolean;
  /** Calls with at least one verdict flipped. */
  callsFlipped: number;
  rules: DryRunRule[];
}

export const DRY_RUN_DAYS = 7;
export const DRY_RUN_MAX_CALLS = 2000;
export const DRY_RUN_MAX_CALLS_LIMIT = 10_000;
export const DRY_RUN_EXAMPLES = 5;
