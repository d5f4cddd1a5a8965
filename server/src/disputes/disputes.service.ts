import { Injectable, Logger } from '@nestjs/common';
import type { Dispute, DisputeList, DisputeStatus, DisputeSummary, EvaluationDisputeState, EvaluationToAcknowledgeList } from '#shared/api/disputes.js';
import { localDateOf } from '#shared/dates.js';
import { maskerFor } from '#shared/masking.js';
import { can } from '#shared/permissions.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid, notFound } from '#server/common/domain-error.js';
import { TransactionRunner, type Transaction } from '#server/database/transaction.js';
import { EvaluationsService } from '#server/evaluations/evaluations.service.js';
import type { AnswerDisputeDto, DisputeListQueryDto, DisputeSummaryQueryDto, RaiseDisputeDto, RuleDisputeDto } from './dispute.dto.js';
import { toAcknowledgement, toDispute, toEvaluationToAcknowledge, toSummaryRow } from './dispute.mapper.js';
import { type DisputedEvaluation, type DisputeRow, DisputeRepository } from './dispute.repository.js';

const DAY_MS = 86_400_000;

const stateConflict = (status: DisputeStatus, action: string) =>
  new DomainError('DISPUTE_STATE', `This dispute is ${status}: it cannot be ${action} now`, undefined, { params: { status, action } });

const notYours = (message: string) => new DomainError('DISPUTE_NOT_YOURS', `Forbidden: ${message}`);

/** When the evaluation's window closes (null before submission). */
const closesAt = (e: { submittedAt: Date | null; disputeWindowDays: number }) =>
  e.submittedAt ? new Date(new Date(e.submittedAt).getTime() + e.disputeWindowDays * DAY_MS) : null;

/**
 * Acknowledgement and disputes of evaluations (issue 15). A team lead speaks for the agent: he accepts a
 * submitted evaluation of his team, or disputes some of its failed items with a reason within the
 * project's window. The evaluation's inspector answers first (an accepted item is amended through the
 * evaluation's own amendment, so score, defects, coaching items and roll-ups follow); the lead may
 * escalate the rejected items once; the supervisor's ruling is final. Every step is kept.
 */
@Injectable()
export class DisputesService {
  private readonly logger = new Logger('Disputes');

  constructor(
    private readonly repo: DisputeRepository,
    private readonly scope: ScopeService,
    private readonly evaluations: EvaluationsService,
    private readonly transaction: TransactionRunner,
  ) {}

  /** What an evaluation's page shows: its window, acceptance and dispute. */
  async stateOf(user: AuthUser, evaluationId: string): Promise<EvaluationDisputeState> {
    const evaluation = await this.evaluations.get(user, evaluationId);
    const windowDays = await this.repo.windowDays((await this.scope.evaluation(user, evaluationId)).projectId);
    const submittedAt = evaluation.submittedAt ? new Date(evaluation.submittedAt) : null;
    const closes = closesAt({ submittedAt, disputeWindowDays: windowDays });
    const acknowledgement = await this.repo.acknowledgement(evaluationId);
    const row = await this.repo.byEvaluation(evaluationId);
    const dispute = row && this.visible(user, row) ? await this.withDetails(user, row) : null;
    const open = evaluation.status === 'submitted' && evaluation.source !== 'calibration' && !!closes && closes.getTime() > Date.now() && !acknowledgement && !row;
    return { evaluationId, windowDays, closesAt: closes?.toISOString() ?? null, open, acknowledgement: acknowledgement && toAcknowledgement(acknowledgement), dispute };
  }

  /** The lead accepts the evaluation for the agent: once, and not once it is disputed. */
  async acknowledge(user: AuthUser, evaluationId: string): Promise<EvaluationDisputeState> {
    await this.transaction.run(async (tx) => {
      await this.lockedEvaluation(user, evaluationId, tx);
      await this.checkUndecided(evaluationId, tx);
      await this.repo.acknowledge(evaluationId, user.id, tx);
    });
    return this.stateOf(user, evaluationId);
  }

  /** The lead disputes failed items of a submitted evaluation of his team, within the project's window. */
  async raise(user: AuthUser, evaluationId: string, dto: RaiseDisputeDto): Promise<Dispute> {
    const id = await this.transaction.run(async (tx) => {
      const evaluation = await this.lockedEvaluation(user, evaluationId, tx);
      await this.checkUndecided(evaluationId, tx);
      const closes = closesAt(evaluation)!;
      if (closes.getTime() <= Date.now()) {
        throw new DomainError(
          'DISPUTE_WINDOW_CLOSED',
          `The window to dispute this evaluation closed on ${closes.toISOString()} (${evaluation.disputeWindowDays} days after submission)`,
          undefined,
          { params: { days: evaluation.disputeWindowDays, closedAt: closes.toISOString() } },
        );
      }
      const verdicts = new Map((await this.repo.evaluationItems(evaluationId, tx)).map((i) => [i.code, i.verdict]));
      const seen = new Set<string>();
      dto.items.forEach((item, n) => {
        if (!verdicts.has(item.code)) throw invalid(`items[${n}].code`, `unknown item code ${item.code}`, 'unknown', { value: item.code });
        if (seen.has(item.code)) throw invalid(`items[${n}].code`, `${item.code} is disputed twice`, 'twice', { value: item.code });
        seen.add(item.code);
        if (verdicts.get(item.code) !== 'fail')
          throw invalid(`items[${n}].code`, `${item.code} did not fail: only a failed item is disputed`, 'notFailed', { value: item.code });
      });
      const items = dto.items.map((i) => ({ code: i.code, reason: i.reason.trim(), fromVerdict: 'fail', toVerdict: 'pass' }));
      const disputeId = await this.repo.insert(
        {
          evaluationId,
          projectId: evaluation.projectId,
          teamId: evaluation.teamId,
          inspectorId: evaluation.inspectorId,
          raisedBy: user.id,
          raisedDate: localDateOf(new Date(), process.env.TZ),
        },
        items,
        tx,
      );
      await this.repo.addStep(
        { disputeId, userId: user.id, action: 'raise', reason: null, items: items.map((i) => ({ code: i.code, decision: 'dispute', reason: i.reason })) },
        tx,
      );
      return disputeId;
    });
    this.logger.log(`Dispute ${id} raised on evaluation ${evaluationId}`);
    return this.get(user, id);
  }

  /** The evaluation's inspector decides every disputed item; an accepted one is amended at once. */
  async answer(user: AuthUser, id: string, dto: AnswerDisputeDto): Promise<Dispute> {
    const dispute = await this.readable(user, id);
    if (dispute.inspectorId !== user.id) throw notYours('only the evaluation’s inspector answers its dispute');
    if (dispute.status !== 'awaiting_inspector') throw stateConflict(dispute.status, 'answered');
    await this.transaction.run(async (tx) => {
      const items = (await this.repo.items([id], tx)).filter((i) => i.outcome === 'pending' && !i.inspectorDecision);
      const decisions = this.decisions(
        dto.items.map((i) => ({ code: i.code, decision: i.decision, reason: i.reason?.trim() || null })),
        items.map((i) => i.code),
        (d) => d.decision === 'reject',
      );
      const rejected = decisions.some((d) => d.decision === 'reject');
      if (!(await this.repo.transition(id, 'awaiting_inspector', rejected ? 'answered' : 'resolved', tx))) throw stateConflict(dispute.status, 'answered');
      for (const d of decisions) await this.repo.answerItem(id, d.code, d.decision, d.reason, tx);
      await this.amendUpheld(
        user,
        dispute.evaluationId,
        decisions.filter((d) => d.decision === 'accept').map((d) => ({ code: d.code, reason: d.reason ?? items.find((i) => i.code === d.code)!.reason })),
        'inspector',
        tx,
      );
      await this.repo.addStep({ disputeId: id, userId: user.id, action: 'answer', reason: null, items: decisions }, tx);
    });
    return this.get(user, id);
  }

  /** The lead sends the rejected items on to the supervisor: once. */
  async escalate(user: AuthUser, id: string, reason: string): Promise<Dispute> {
    const dispute = await this.readable(user, id);
    if (dispute.status !== 'answered') throw stateConflict(dispute.status, 'escalated');
    await this.transaction.run(async (tx) => {
      if (!(await this.repo.transition(id, 'answered', 'escalated', tx))) throw stateConflict(dispute.status, 'escalated');
      const rejected = (await this.repo.items([id], tx)).filter((i) => i.inspectorDecision === 'reject');
      await this.repo.escalateRejected(id, tx);
      await this.repo.addStep(
        { disputeId: id, userId: user.id, action: 'escalate', reason: reason.trim(), items: rejected.map((i) => ({ code: i.code, decision: 'escalate', reason: null })) },
        tx,
      );
    });
    return this.get(user, id);
  }

  /** The supervisor rules every escalated item: final; an upheld one is amended at once. */
  async rule(user: AuthUser, id: string, dto: RuleDisputeDto): Promise<Dispute> {
    const dispute = await this.readable(user, id);
    if (dispute.status !== 'escalated') throw stateConflict(dispute.status, 'ruled');
    await this.transaction.run(async (tx) => {
      const items = (await this.repo.items([id], tx)).filter((i) => i.escalated && !i.ruling);
      const decisions = this.decisions(
        dto.items.map((i) => ({ code: i.code, decision: i.ruling, reason: i.reason.trim() })),
        items.map((i) => i.code),
        () => true,
      );
      if (!(await this.repo.transition(id, 'escalated', 'ruled', tx))) throw stateConflict(dispute.status, 'ruled');
      for (const d of decisions) await this.repo.ruleItem(id, d.code, d.decision, d.reason!, tx);
      await this.amendUpheld(
        user,
        dispute.evaluationId,
        decisions.filter((d) => d.decision === 'uphold').map((d) => ({ code: d.code, reason: d.reason! })),
        'supervisor',
        tx,
      );
      await this.repo.addStep({ disputeId: id, userId: user.id, action: 'rule', reason: null, items: decisions }, tx);
    });
    return this.get(user, id);
  }

  async get(user: AuthUser, id: string): Promise<Dispute> {
    return this.withDetails(user, await this.readable(user, id));
  }

  /** Newest first: an inspector's own evaluations' disputes, a lead's teams', a supervisor's projects'. */
  async list(user: AuthUser, q: DisputeListQueryDto): Promise<DisputeList> {
    const team = q.team ? await this.scope.team(user, q.team, { filter: true }) : undefined;
    if (q.from && q.to && q.from > q.to) throw invalid('from', 'is after to', 'fromAfterTo');
    const rows = await this.repo.list({
      teamIds: this.scope.visibleTeamIds(user),
      inspectorId: this.ownOnly(user) ? user.id : undefined,
      inspectorUsername: q.inspector,
      teamId: team?.id,
      status: q.status,
      from: q.from,
      to: q.to,
    });
    const items = await this.repo.items(rows.map((r) => r.id));
    return { total: rows.length, items: rows.map((r) => toDispute(r, items, [], maskerFor(user.roles))) };
  }

  /** Disputed items of the period by item, inspector and team, with the upheld rate. */
  async summary(user: AuthUser, q: DisputeSummaryQueryDto): Promise<DisputeSummary> {
    if (q.from > q.to) throw invalid('from', 'is after to', 'fromAfterTo');
    const project = q.project ? await this.scope.project(user, q.project, { filter: true }) : undefined;
    const f = {
      teamIds: this.scope.visibleTeamIds(user),
      projectIds: project ? [project.id] : null,
      inspectorId: this.ownOnly(user) ? user.id : undefined,
      from: q.from,
      to: q.to,
    };
    const [byItem, byInspector, byTeam, disputes] = await Promise.all([
      this.repo.counts('item', f),
      this.repo.counts('inspector', f),
      this.repo.counts('team', f),
      this.repo.disputeCount(f),
    ]);
    const total = byTeam.reduce(
      (t, r) => ({ ...t, raised: t.raised + r.raised, upheld: t.upheld + r.upheld, rejected: t.rejected + r.rejected, pending: t.pending + r.pending }),
      { key: 'all', name: 'all', raised: 0, upheld: 0, rejected: 0, pending: 0 },
    );
    return {
      from: q.from,
      to: q.to,
      disputes,
      items: toSummaryRow(total),
      byItem: byItem.map(toSummaryRow),
      byInspector: byInspector.map(toSummaryRow),
      byTeam: byTeam.map(toSummaryRow),
    };
  }

  /** A lead's worklist: submitted evaluations of his teams nobody accepted or disputed while the window is open. */
  async toAcknowledge(user: AuthUser): Promise<EvaluationToAcknowledgeList> {
    const rows = await this.repo.toAcknowledge(this.scope.visibleTeamIds(user), new Date());
    return { total: rows.length, items: rows.map(toEvaluationToAcknowledge) };
  }

  /** For the inspector-consistency page: per inspector, items disputed and upheld in the period. */
  upheldByInspector(projectIds: string[] | null, from: string, to: string, dates: 'raised' | 'call' = 'raised') {
    return this.repo.upheldByInspector(projectIds, from, to, dates);
  }

  /** An inspector without a lead's or supervisor's role sees the disputes of his own evaluations only. */
  private ownOnly(user: AuthUser): boolean {
    return !can(user.roles, 'dispute.rule') && !can(user.roles, 'dispute.raise');
  }

  private visible(user: AuthUser, row: DisputeRow): boolean {
    return this.scope.sees(user, { teamId: row.teamId }) && (!this.ownOnly(user) || row.inspectorId === user.id);
  }

  /** The dispute if the caller may see it: 404 unknown, 403 outside his teams or (an inspector) not on his evaluation. */
  private async readable(user: AuthUser, id: string): Promise<DisputeRow> {
    const row = await this.repo.byId(id);
    if (!row) throw notFound('Dispute');
    this.scope.require(user, { teamId: row.teamId });
    if (this.ownOnly(user) && row.inspectorId !== user.id) throw notYours('this dispute is about another inspector’s evaluation');
    return row;
  }

  private async withDetails(user: AuthUser, row: DisputeRow): Promise<Dispute> {
    return toDispute(row, await this.repo.items([row.id]), await this.repo.steps(row.id), maskerFor(user.roles));
  }

  /** The evaluation, locked: in the lead's teams (403), submitted, not calibration. */
  private async lockedEvaluation(user: AuthUser, evaluationId: string, tx: Transaction): Promise<DisputedEvaluation> {
    const evaluation = await this.repo.lockEvaluation(evaluationId, tx);
    if (!evaluation) throw notFound('Evaluation');
    this.scope.require(user, { teamId: evaluation.teamId });
    if (evaluation.status !== 'submitted') throw new DomainError('EVALUATION_NOT_SUBMITTED', 'Only a submitted evaluation is accepted or disputed');
    if (evaluation.source === 'calibration')
      throw new DomainError('DISPUTE_CALIBRATION', 'A calibration evaluation is the inspectors’ own exercise: it is neither accepted nor disputed');
    return evaluation;
  }

  /** Neither accepted already nor disputed already. */
  private async checkUndecided(evaluationId: string, tx: Transaction): Promise<void> {
    const acknowledgement = await this.repo.acknowledgement(evaluationId, tx);
    if (acknowledgement)
      throw new DomainError('EVALUATION_ACKNOWLEDGED', `This evaluation was accepted already by ${acknowledgement.by}`, undefined, {
        params: { by: acknowledgement.by },
      });
    const dispute = await this.repo.disputeOf(evaluationId, tx);
    if (dispute)
      throw new DomainError('DISPUTE_EXISTS', 'This evaluation has been disputed already: one dispute per evaluation', undefined, {
        params: { id: dispute.id, status: dispute.status },
      });
  }

  /**
   * Checks a step's decisions: every item it decides exactly once, no other; `needsReason` says which
   * decisions must give one.
   */
  private decisions<D extends string>(
    given: { code: string; decision: D; reason: string | null }[],
    open: string[],
    needsReason: (d: { decision: D }) => boolean,
  ): { code: string; decision: D; reason: string | null }[] {
    const seen = new Set<string>();
    given.forEach((d, n) => {
      if (!open.includes(d.code)) throw invalid(`items[${n}].code`, `${d.code} is not an item this step decides`, 'notInDispute', { value: d.code });
      if (seen.has(d.code)) throw invalid(`items[${n}].code`, `${d.code} is decided twice`, 'twice', { value: d.code });
      seen.add(d.code);
      if (needsReason(d) && !d.reason) throw invalid(`items[${n}].reason`, 'say why', 'required');
    });
    const missing = open.filter((c) => !seen.has(c));
    if (missing.length) throw invalid('items', `decide every item: missing ${missing.join(', ')}`, 'missingVerdicts', { codes: missing });
    return given;
  }

  /**
   * Upheld items take the verdict the lead asked for, through the evaluation's own amendment: the
   * history says who and why; the score, defects, coaching item and roll-ups follow in this transaction.
   */
  private async amendUpheld(user: AuthUser, evaluationId: string, upheld: { code: string; reason: string }[], by: 'inspector' | 'supervisor', tx: Transaction) {
    if (!upheld.length) return;
    const stored = new Map((await this.repo.evaluationItems(evaluationId, tx)).map((i) => [i.code, i]));
    const reason = `争议成立（${by === 'inspector' ? '质检员接受' : '品质主管裁定'}）/ dispute upheld: ${upheld.map((u) => `${u.code}: ${u.reason}`).join('; ')}`;
    await this.evaluations.amendWithin(
      user,
      evaluationId,
      {
        reason,
        items: upheld.map((u) => {
          const item = stored.get(u.code)!;
          return { code: u.code, verdict: 'pass' as const, comment: item.comment ?? undefined, at: item.at ?? undefined, until: item.until ?? undefined };
        }),
      },
      tx,
    );
  }
}
