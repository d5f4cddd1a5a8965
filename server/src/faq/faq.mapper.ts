import type { FaqEntryDetail, FaqListItem, FaqMatch, FaqProposal, FaqVersion } from '#shared/api/faq.js';
import { matchRanges } from '#shared/faq/search.js';
import type { Masker } from '#shared/masking.js';
import type { FaqVersionEntity } from './faq.entity.js';
import { FAQ_RANKS, type FaqEntryRow, type FaqProposalRow, type FaqSearchRow } from './faq.repository.js';

const iso = (d: Date | string) => new Date(d).toISOString();

const MATCH: Record<(typeof FAQ_RANKS)[number], FaqMatch> = {
  question_exact: 'question_exact',
  alternative_exact: 'alternative',
  question: 'question',
  alternative: 'alternative',
  answer: 'answer',
};

/** `q` is the normalised query (empty: nothing to highlight). */
export const toFaqListItem = (r: FaqSearchRow, q: string): FaqListItem => ({
  id: r.id,
  question: r.question,
  answer: r.answer,
  tags: r.tags,
  status: r.status,
  updatedAt: iso(r.updatedAt),
  alternatives: r.alternatives,
  project: r.project,
  businessType: r.businessType,
  publishedVersion: r.publishedVersion,
  match: r.rank === null || r.rank === undefined ? null : MATCH[FAQ_RANKS[r.rank]],
  highlights: {
    question: matchRanges(r.question, q),
    answer: matchRanges(r.answer, q),
    alternatives: r.alternatives.map((a) => matchRanges(a, q)),
  },
});

export const toFaqVersion = (v: FaqVersionEntity): FaqVersion => ({
  version: v.version,
  question: v.question,
  answer: v.answer,
  tags: v.tags,
  alternatives: v.alternatives,
  publishedBy: v.publishedBy,
  publishedAt: iso(v.publishedAt),
  reason: v.reason,
});

/**
 * The entry as the caller may see it: the working copy for those who see drafts; for everyone else
 * the version agents see, as if the working copy did not exist.
 */
export function toFaqEntryDetail(e: FaqEntryRow, versions: FaqVersionEntity[], workingCopy: boolean): FaqEntryDetail {
  const live = e.status === 'retired' ? undefined : versions.find((v) => v.version === e.publishedVersion);
  const shown = workingCopy ? e : live!;
  return {
    id: e.id,
    question: shown.question,
    answer: shown.answer,
    tags: shown.tags,
    alternatives: shown.alternatives,
    status: workingCopy ? e.status : 'published',
    updatedAt: iso(workingCopy ? e.updatedAt : live!.publishedAt),
    project: e.project,
    businessType: e.businessType,
    publishedVersion: e.publishedVersion,
    match: null,
    highlights: { question: [], answer: [], alternatives: shown.alternatives.map(() => []) },
    owner: e.ownerName,
    revision: e.revision,
    createdAt: iso(e.createdAt),
    published: live ? toFaqVersion(live) : null,
    versions: workingCopy ? versions.map(toFaqVersion) : live ? [toFaqVersion(live)] : [],
    retired: e.status === 'retired' && e.retiredAt ? { reason: e.retiredReason ?? '', by: e.retiredBy ?? '', at: iso(e.retiredAt) } : null,
  };
}

export const toFaqProposal = (p: FaqProposalRow, mask: Masker): FaqProposal => ({
  id: p.id,
  status: p.status,
  entryId: p.entryId,
  entryQuestion: p.entryQuestion,
  question: p.question,
  answer: p.answer,
  note: mask.text(p.note),
  recordingId: p.recordingId,
  evaluationId: p.evaluationId,
  code: p.code,
  at: p.at,
  agent: p.agent,
  team: p.team,
  proposedBy: p.proposedBy,
  createdAt: iso(p.createdAt),
  acceptedEntryId: p.acceptedEntryId,
  decidedBy: p.decidedBy,
  decisionNote: p.decisionNote,
});
