import { Injectable } from '@nestjs/common';
import type { FaqEffect, FaqEffectWeek, FaqEntryDetail, FaqInbox, FaqSuggestion, FaqListItem, FaqProposal, FaqProposalGroup } from '#shared/api/faq.js';
import type { Page } from '#shared/api/page.js';
import { searchAlternatives, searchText, trigramKey } from '#shared/faq/search.js';
import { localDateOf } from '#shared/dates.js';
import { type Masker, maskerFor } from '#shared/masking.js';
import { itemsOf } from '#shared/checklists/types.js';
import { itemFailureRate } from '#shared/rectification/failure-rate.js';
import { addDays } from '#shared/reports/periods.js';
import { can } from '#shared/permissions.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid, notFound } from '#server/common/domain-error.js';
import { type Transaction, TransactionRunner } from '#server/database/transaction.js';
import { type AudioResponse, RecordingAccessService } from '#server/recordings/recording-access.service.js';
import { ReportsService } from '#server/reports/reports.service.js';
import { ChecklistsService } from '#server/checklists/checklists.service.js';
import type {
  CreateFaqDto,
  CreateProposalDto,
  DecideProposalDto,
  FaqContentDto,
  FaqQueryDto,
  ProposalQueryDto,
  PublishFaqDto,
  RetireFaqDto,
  UpdateFaqDto,
} from './faq.dto.js';
import type { FaqStatusValue } from './faq.entity.js';
import { toFaqEntryDetail, toFaqListItem, toFaqProposal } from './faq.mapper.js';
import { type EntryContent, type FaqEntryRow, FaqRepository } from './faq.repository.js';
import { FaqSearchIndex } from './faq-search-index.js';

/**
 * The FAQ (CONTRACT.md "FAQ", issue 14): entries curated by FAQ maintainers and supervisors, each
 * publication a new version that agents see; everyone signed in searches the published ones, those
 * who see drafts the working copies. Search text goes through the rule engine's normaliser.
 */
/** Weeks compared on each side of a publication ("did it help?"). */
const EFFECT_WEEKS = 4;
/** Days up to yesterday over which a knowledge item failing in common suggests an FAQ gap, and the comments shown. */
const SUGGESTION_DAYS = 7;
const SUGGESTION_COMMENTS = 5;

@Injectable()
export class FaqService {
  constructor(
    private readonly faq: FaqRepository,
    private readonly searchIndex: FaqSearchIndex,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly recordingAudio: RecordingAccessService,
    private readonly reports: ReportsService,
    private readonly checklists: ChecklistsService,
  ) {}

  async search(user: AuthUser, query: FaqQueryDto): Promise<Page<FaqListItem>> {
    const drafts = can(user.roles, 'faq.readDrafts');
    const q = searchText(query.q ?? '');
    const projectId = query.project ? await this.projectId(query.project, 'project') : undefined;
    const { total, rows } = await this.searchIndex.search({
      q,
      copy: drafts ? 'working' : 'published',
      status: drafts ? query.status : undefined,
      tag: query.tag,
      projectId: projectId ?? undefined,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { total, items: rows.map((r) => toFaqListItem(r, q)) };
  }

  async get(user: AuthUser, id: string): Promise<FaqEntryDetail> {
    const entry = await this.faq.byId(id);
    const drafts = can(user.roles, 'faq.readDrafts');
    // Without drafts, an entry never published (or retired) does not exist for the caller.
    if (!entry || (!drafts && (entry.publishedVersion === null || entry.status === 'retired'))) throw notFound('FAQ entry');
    return toFaqEntryDetail(entry, await this.faq.versions(id), drafts);
  }

  /**
   * "Did it help?": for each item the prompting calls failed, its failure rate in their project over
   * the EFFECT_WEEKS weeks before the entry's publication (the first after the proposals were
   * accepted) and the weeks since (up to today), compared interval against interval.
   */
  async effect(user: AuthUser, id: string): Promise<FaqEffect> {
    await this.get(user, id);
    const prompts = await this.faq.promptingItems(id);
    const accepted = prompts.length ? Math.min(...prompts.map((p) => new Date(p.acceptedAt).getTime())) : -Infinity;
    const publication = (await this.faq.versions(id)).filter((v) => v.publishedAt.getTime() >= accepted).sort((a, b) => a.version - b.version)[0];
    if (!publication) return { publishedVersion: null, publishedOn: null, windowWeeks: EFFECT_WEEKS, items: [] };
    const on = localDateOf(publication.publishedAt, process.env.TZ);
    const today = localDateOf(new Date(), process.env.TZ);
    const from = addDays(on, -7 * EFFECT_WEEKS);
    const last = addDays(on, 7 * EFFECT_WEEKS - 1);
    const to = last < today ? last : today;
    const items = await Promise.all(
      prompts.map(async (p) => {
        const rows = new Map((await this.reports.itemWeeks({ projectId: p.projectId, code: p.code, anchor: on, from, to })).map((r) => [r.week, r]));
        const weeks: FaqEffectWeek[] = [];
        for (let week = -EFFECT_WEEKS; week < EFFECT_WEEKS && addDays(on, 7 * week) <= today; week++) {
          const row = rows.get(week);
          weeks.push({ week, from: addDays(on, 7 * week), evaluated: row?.evaluated ?? 0, failures: row?.failures ?? 0 });
        }
        const total = (side: FaqEffectWeek[]) => ({ calls: side.reduce((n, w) => n + w.evaluated, 0), failures: side.reduce((n, w) => n + w.failures, 0) });
        // The day of publication counts as since: the agents could read the answer from then on.
        const rate = itemFailureRate(p.code, total(weeks.filter((w) => w.week < 0)), total(weeks.filter((w) => w.week >= 0)));
        return { project: p.project, code: p.code, calls: p.calls, before: rate.before, after: rate.since, verdict: rate.verdict, weeks };
      }),
    );
    return { publishedVersion: publication.version, publishedOn: on, windowWeeks: EFFECT_WEEKS, items };
  }

  async create(user: AuthUser, dto: CreateFaqDto): Promise<FaqEntryDetail> {
    const content = await this.content(dto);
    const id = await this.faq.insert({ ...content, ownerId: user.id, ownerName: user.username });
    return this.get(user, id);
  }

  /** Changes the working copy; the caller's revision must be the current one (two maintainers: one 409, nothing lost). */
  async update(user: AuthUser, id: string, dto: UpdateFaqDto): Promise<FaqEntryDetail> {
    const content = await this.content(dto);
    if (!(await this.faq.updateContent(id, dto.revision, content))) throw await this.conflict(id);
    return this.get(user, id);
  }

  /** Draft → in review. */
  async submit(user: AuthUser, id: string, revision?: number): Promise<FaqEntryDetail> {
    await this.transaction.run(async (tx) => {
      const entry = await this.current(id, revision, tx);
      if (entry.status !== 'draft') throw state(entry.status, 'submit');
      await this.faq.setStatus(id, 'in_review', tx);
    });
    return this.get(user, id);
  }

  /** The working copy becomes the next version, the one agents see; publishing what is published already changes nothing. */
  async publish(user: AuthUser, id: string, dto: PublishFaqDto): Promise<FaqEntryDetail> {
    await this.transaction.run(async (tx) => {
      const entry = await this.current(id, dto.revision, tx);
      if (entry.status === 'published') return;
      await this.faq.publish(entry, (entry.publishedVersion ?? 0) + 1, user, dto.reason?.trim() || null, tx);
    });
    return this.get(user, id);
  }

  /** Out of the search for good, with a reason; kept with its versions. */
  async retire(user: AuthUser, id: string, dto: RetireFaqDto): Promise<FaqEntryDetail> {
    await this.transaction.run(async (tx) => {
      await this.current(id, dto.revision, tx);
      await this.faq.retire(id, dto.reason, user.username, tx);
    });
    return this.get(user, id);
  }

  // Proposals from calls

  /** An inspector's proposal from a call he may see, at a moment of it. */
  async propose(user: AuthUser, dto: CreateProposalDto): Promise<FaqProposal> {
    const recording = await this.scope.recording(user, dto.recordingId).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') throw invalid('recordingId', `unknown recording ${dto.recordingId}`, 'unknown', { value: dto.recordingId });
      throw e;
    });
    if (dto.evaluationId) {
      const evaluation = await this.scope.evaluation(user, dto.evaluationId).catch((e: unknown) => {
        if (e instanceof DomainError && e.code === 'NOT_FOUND')
          throw invalid('evaluationId', `unknown evaluation ${dto.evaluationId}`, 'unknown', { value: dto.evaluationId! });
        throw e;
      });
      if (evaluation.recordingId !== recording.id) throw invalid('evaluationId', 'must be an evaluation of the call');
    }
    if (dto.entryId) {
      const entry = await this.faq.byId(dto.entryId);
      if (!entry || entry.status === 'retired') throw invalid('entryId', `unknown FAQ entry ${dto.entryId}`, 'unknown', { value: dto.entryId });
    }
    const searchQuestion = searchText(dto.question);
    if (!searchQuestion) throw invalid('question', 'must say what the customer asked', 'required');
    const id = await this.faq.insertProposal({
      entryId: dto.entryId ?? null,
      question: dto.question,
      answer: dto.answer ?? '',
      note: dto.note || null,
      searchQuestion,
      recordingId: recording.id,
      evaluationId: dto.evaluationId ?? null,
      code: dto.code ?? null,
      at: dto.at ?? null,
      proposedById: user.id,
      proposedBy: user.username,
    });
    return this.proposal(user, id);
  }

  /** The maintainers' inbox: pending proposals grouped by the entry they change, or by the same question once normalised. */
  async inbox(user: AuthUser, query: ProposalQueryDto): Promise<FaqInbox> {
    const mask = maskerFor(user.roles);
    const rows = await this.faq.proposals({ status: query.status ?? 'pending' });
    const groups = new Map<string, FaqProposalGroup>();
    for (const row of rows) {
      const key = row.entryId ? `entry:${row.entryId}` : `question:${row.searchQuestion}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, question: row.entryQuestion ?? row.question, entryId: row.entryId, proposals: [] }));
      group.proposals.push(toFaqProposal(row, mask));
    }
    // Gaps that more calls show first, then the oldest.
    return { groups: [...groups.values()].sort((a, b) => b.proposals.length - a.proposals.length), suggestions: await this.suggestions(mask) };
  }

  /**
   * The checklist's knowledge items that fail as a common problem (the problems report's rule and the
   * project's thresholds) in some team over the SUGGESTION_DAYS days up to yesterday, per project.
   */
  private async suggestions(mask: Masker): Promise<FaqSuggestion[]> {
    const knowledge = new Map(
      itemsOf((await this.checklists.active()).sections)
        .filter((item) => item.knowledge)
        .map((item) => [item.code, item.title]),
    );
    if (!knowledge.size) return [];
    const to = addDays(localDateOf(new Date(), process.env.TZ), -1);
    const from = addDays(to, -(SUGGESTION_DAYS - 1));
    const suggestions: FaqSuggestion[] = [];
    for (const project of await this.faq.activeProjects()) {
      const byCode = new Map<string, FaqSuggestion['teams']>();
      for (const team of await this.reports.teamProblems(project.id, from, to)) {
        for (const problem of team.common.filter((p) => knowledge.has(p.code))) {
          byCode.set(problem.code, [...(byCode.get(problem.code) ?? []), { team: team.team, agents: problem.agents, failures: problem.failures }]);
        }
      }
      if (!byCode.size) continue;
      const comments = await this.faq.failedItemComments({ projectId: project.id, codes: [...byCode.keys()], from, to, limit: SUGGESTION_COMMENTS });
      for (const [code, teams] of byCode) {
        suggestions.push({
          key: `${project.code}:${code}`,
          project: project.code,
          code,
          title: knowledge.get(code)!,
          from,
          to,
          teams: teams.sort((a, b) => b.failures - a.failures),
          comments: comments.filter((c) => c.code === code).map((c) => ({ text: mask.text(c.comment), team: c.team, at: c.at })),
        });
      }
    }
    // The widest gaps first: the most agents failing it across teams.
    return suggestions.sort((a, b) => b.teams.reduce((n, t) => n + t.agents, 0) - a.teams.reduce((n, t) => n + t.agents, 0));
  }

  /** One's own proposals, newest last. */
  async mine(user: AuthUser): Promise<FaqProposal[]> {
    const mask = maskerFor(user.roles);
    return (await this.faq.proposals({ proposedById: user.id })).map((r) => toFaqProposal(r, mask));
  }

  /**
   * Accepting turns the proposal into a draft: a new entry owned by the accepting maintainer, or, for a
   * change to an entry, the entry itself (its working copy left as it is for the maintainer to edit).
   * The same gap's other pending proposals are accepted into the same draft.
   */
  async accept(user: AuthUser, id: string, dto: DecideProposalDto): Promise<FaqProposal> {
    await this.transaction.run(async (tx) => {
      const proposal = await this.faq.proposalById(id, tx);
      if (!proposal) throw notFound('FAQ proposal');
      if (proposal.status !== 'pending') throw proposalDecided(proposal.status);
      let entryId = proposal.entryId;
      if (entryId) {
        const entry = await this.faq.byId(entryId, tx);
        if (!entry || entry.status === 'retired') throw retired();
      } else {
        entryId = await this.faq.insert(
          {
            question: proposal.question,
            answer: proposal.answer,
            tags: [],
            alternatives: [],
            projectId: proposal.projectId,
            businessType: null,
            ownerId: user.id,
            ownerName: user.username,
            searchQuestion: proposal.searchQuestion,
            searchAlternatives: '',
            searchAnswer: searchText(proposal.answer),
            keyQuestion: trigramKey(proposal.searchQuestion),
            keyAlternatives: '',
            keyAnswer: trigramKey(searchText(proposal.answer)),
          },
          tx,
        );
      }
      await this.faq.decideProposal(id, { status: 'accepted', decidedBy: user.username, note: dto.note || null, acceptedEntryId: entryId }, tx);
    });
    return this.proposal(user, id);
  }

  async reject(user: AuthUser, id: string, dto: DecideProposalDto): Promise<FaqProposal> {
    await this.transaction.run(async (tx) => {
      const proposal = await this.faq.proposalById(id, tx);
      if (!proposal) throw notFound('FAQ proposal');
      if (proposal.status !== 'pending') throw proposalDecided(proposal.status);
      await this.faq.decideProposal(id, { status: 'rejected', decidedBy: user.username, note: dto.note || null, acceptedEntryId: null }, tx);
    });
    return this.proposal(user, id);
  }

  /**
   * The call a proposal points at, for the maintainers who decide it: they read no recordings
   * otherwise (their scope is the FAQ), so the proposal is what grants this one. Logged as a playback.
   */
  async proposalAudio(user: AuthUser, id: string, range: string | undefined, ip?: string): Promise<AudioResponse> {
    const proposal = await this.faq.proposalById(id);
    if (!proposal) throw notFound('FAQ proposal');
    return this.recordingAudio.streamGranted(user, proposal.recordingId, range, ip);
  }

  private async proposal(user: AuthUser, id: string): Promise<FaqProposal> {
    const row = await this.faq.proposalById(id);
    if (!row) throw notFound('FAQ proposal');
    return toFaqProposal(row, maskerFor(user.roles));
  }

  // Helpers

  /** The stored content of a create or an update, with its search columns; 400 for text that is nothing but punctuation. */
  private async content(dto: FaqContentDto): Promise<EntryContent> {
    const searchQuestion = searchText(dto.question);
    if (!searchQuestion) throw invalid('question', 'must hold some text, not only punctuation or spaces', 'required');
    const searchAnswer = searchText(dto.answer);
    if (!searchAnswer) throw invalid('answer', 'must hold some text, not only punctuation or spaces', 'required');
    const alternatives = [...new Set(dto.alternatives ?? [])];
    const searchAlternativesText = searchAlternatives(alternatives);
    return {
      question: dto.question,
      answer: dto.answer,
      tags: [...new Set(dto.tags ?? [])],
      alternatives,
      projectId: dto.project ? await this.projectId(dto.project, 'project') : null,
      businessType: dto.businessType?.trim() || null,
      searchQuestion,
      searchAlternatives: searchAlternativesText,
      searchAnswer,
      keyQuestion: trigramKey(searchQuestion),
      keyAlternatives: trigramKey(searchAlternativesText),
      keyAnswer: trigramKey(searchAnswer),
    };
  }

  private async projectId(code: string, field: string): Promise<string> {
    const id = await this.faq.projectIdByCode(code);
    if (!id) throw invalid(field, `unknown project ${code}`, 'unknown', { value: code });
    return id;
  }

  /** The entry locked for a change: 404 unknown, 409 retired or changed since the caller read it. */
  private async current(id: string, revision: number | undefined, tx: Transaction): Promise<FaqEntryRow> {
    const entry = await this.faq.byId(id, tx);
    if (!entry) throw notFound('FAQ entry');
    if (entry.status === 'retired') throw retired();
    if (revision !== undefined && revision !== entry.revision) throw stale(entry.revision);
    return entry;
  }

  /** Why a guarded update changed nothing, read again after it. */
  private async conflict(id: string): Promise<DomainError> {
    const now = await this.faq.byId(id);
    if (!now) return notFound('FAQ entry');
    if (now.status === 'retired') return retired();
    return stale(now.revision);
  }
}

const retired = () => new DomainError('FAQ_RETIRED', 'This FAQ entry is retired: it is kept, but neither changed nor published again');
const stale = (revision: number) =>
  new DomainError('FAQ_STALE', 'This FAQ entry was changed by someone else since you read it: reload, then redo your change', undefined, { params: { revision } });
const state = (status: FaqStatusValue, action: string) =>
  new DomainError('FAQ_STATE', `An entry that is ${status} cannot be sent to review`, undefined, { params: { status, action } });
const proposalDecided = (status: string) => new DomainError('FAQ_STATE', `This proposal is ${status} already`, undefined, { params: { status, action: 'decide' } });
