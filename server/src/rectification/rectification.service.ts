import { Injectable, Logger } from '@nestjs/common';
import type { RectificationNotice, RectificationNoticeList, RectificationStatus } from '#shared/api/rectification.js';
import { localDateOf } from '#shared/dates.js';
import { type ItemFailureRate, itemFailureRate } from '#shared/rectification/failure-rate.js';
import { NOTICE_STEPS, type NoticeStepName } from '#shared/rectification/steps.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid, notFound } from '#server/common/domain-error.js';
import { ChecklistsService } from '#server/checklists/checklists.service.js';
import { TransactionRunner, type Transaction } from '#server/database/transaction.js';
import { toRectificationNotice } from './rectification.mapper.js';
import { renderNoticePdf } from './rectification-pdf.js';
import { type NoticeRow, RectificationRepository } from './rectification.repository.js';

const today = () => localDateOf(new Date(), process.env.TZ);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Which states each step may be taken from (DOMAIN.md workflow 6), shared with the web. */
const STEPS = NOTICE_STEPS;
type Step = NoticeStepName;

export const stateConflict = (status: RectificationStatus, action: Step) =>
  new DomainError('RECTIFICATION_STATE', `This notice is ${status}: it cannot take the step "${action}" now`, undefined, { params: { status, action } });

/**
 * Rectification notices (书面整改通知书): an inspector or supervisor issues one to a team, its team
 * lead acknowledges it with an action plan, the daily sampling re-checks the team from `recheckFrom`,
 * and it closes as proved or is escalated to the supervisor at its deadline. Every step is kept.
 */
@Injectable()
export class RectificationService {
  private readonly logger = new Logger('Rectification');

  constructor(
    private readonly repo: RectificationRepository,
    private readonly scope: ScopeService,
    private readonly checklists: ChecklistsService,
    private readonly transaction: TransactionRunner,
  ) {}

  async issue(
    user: AuthUser,
    body: { team: string; codes: string[]; actions: string; deadline: string; recheckFrom?: string; evaluations?: string[] },
  ): Promise<RectificationNotice> {
    const team = await this.scope.team(user, body.team, { field: 'team' });
    const version = await this.checklists.activeEntity();
    const known = new Set(version.sections.flatMap((s) => s.items.map((i) => i.code)));
    const unknown = body.codes.filter((c) => !known.has(c));
    if (unknown.length) throw invalid('codes', `not items of the active checklist: ${unknown.join(', ')}`, undefined, { value: unknown.join(', ') });
    const codes = [...new Set(body.codes)];
    const evaluations = [...new Set(body.evaluations ?? [])];
    const found = new Set(await this.repo.submittedOfTeam(evaluations, team.id));
    const missing = evaluations.filter((id) => !found.has(id));
    if (missing.length) throw invalid('evaluations', `not submitted evaluations of team ${team.code}: ${missing.join(', ')}`, undefined, { value: missing.join(', ') });
    const recheckFrom = body.recheckFrom ?? addDays(today(), 1);
    if (body.deadline < recheckFrom && body.recheckFrom) throw invalid('deadline', 'is before recheckFrom');
    const id = await this.transaction.run(async (tx) => {
      const id = await this.repo.insert(
        { teamId: team.id, projectId: team.projectId, codes, evaluationIds: evaluations, actions: body.actions, deadline: body.deadline, recheckFrom, issuedBy: user.id },
        tx,
      );
      await this.repo.addStep({ noticeId: id, userId: user.id, action: 'issue', from: null, to: 'issued' }, tx);
      return id;
    });
    this.logger.log(`Notice ${id} issued to ${team.code}`);
    return this.get(user, id);
  }

  async get(user: AuthUser, id: string): Promise<RectificationNotice> {
    const notice = await this.notice(user, id);
    return toRectificationNotice(notice, await this.repo.history([id]), await this.failureRates(notice));
  }

  async list(user: AuthUser, q: { team?: string; status?: string }): Promise<RectificationNoticeList> {
    const team = q.team ? await this.scope.team(user, q.team, { filter: true }) : undefined;
    const rows = await this.repo.list({ teamIds: this.scope.visibleTeamIds(user), teamId: team?.id, status: q.status });
    const steps = await this.repo.history(rows.map((r) => r.id));
    const rates = await Promise.all(rows.map((r) => this.failureRates(r)));
    return { total: rows.length, items: rows.map((r, k) => toRectificationNotice(r, steps, rates[k])) };
  }

  /** The team lead (or a supervisor for him) acknowledges the notice with his action plan. */
  acknowledge(user: AuthUser, id: string, body: { actionPlan: string; revision?: number }): Promise<RectificationNotice> {
    return this.step(user, id, 'acknowledge', { revision: body.revision, actionPlan: body.actionPlan });
  }

  /** Re-checking begins (the daily sampling also starts it on `recheckFrom`). */
  recheck(user: AuthUser, id: string, body: { revision?: number; note?: string }): Promise<RectificationNotice> {
    return this.step(user, id, 'recheck', body);
  }

  /** Closed as proved: the re-sampled calls show the fix. */
  close(user: AuthUser, id: string, body: { revision?: number; note?: string }): Promise<RectificationNotice> {
    return this.step(user, id, 'close', body);
  }

  /** Escalated to the supervisor (the daily sampling also does it once the deadline has passed). */
  escalate(user: AuthUser, id: string, body: { revision?: number; note?: string }): Promise<RectificationNotice> {
    return this.step(user, id, 'escalate', body);
  }

  /** Each item's failure rate before the notice (its evidence and the 30 days up to its issue) and since re-checking, with the verdict. */
  private async failureRates(n: NoticeRow): Promise<ItemFailureRate[]> {
    const issued = localDateOf(new Date(n.createdAt), process.env.TZ);
    const counts = await this.repo.failureCounts({
      teamId: n.teamId,
      codes: n.codes,
      evidence: n.evaluationIds,
      beforeFrom: addDays(issued, -30),
      beforeTo: issued < n.recheckFrom ? issued : addDays(n.recheckFrom, -1),
      sinceFrom: n.recheckFrom,
    });
    const of = new Map(counts.map((c) => [c.code, c]));
    return n.codes.map((code) => {
      const c = of.get(code);
      return itemFailureRate(code, { calls: c?.beforeCalls ?? 0, failures: c?.beforeFailures ?? 0 }, { calls: c?.sinceCalls ?? 0, failures: c?.sinceFailures ?? 0 });
    });
  }

  /** The printable notice (A4, Chinese). */
  async pdf(user: AuthUser, id: string): Promise<Buffer> {
    const notice = await this.notice(user, id);
    const evidence = await this.repo.evidence(notice.evaluationIds, notice.codes);
    const version = await this.checklists.activeEntity();
    const titles = new Map(version.sections.flatMap((s) => s.items.map((i) => [i.code, i.title] as const)));
    return renderNoticePdf(notice, evidence, titles);
  }

  /**
   * What the daily sampling of a project's day re-checks: the active agents of the teams of every
   * notice not closed whose `recheckFrom` is that day or earlier. Notices acknowledged move to
   * re-checking, and notices past their deadline are escalated, as steps taken by no one.
   */
  async resampledAgents(projectId: string, date: string, tx: Transaction): Promise<string[]> {
    const open = await this.repo.openForSampling(projectId, date, tx);
    const overdue = today();
    for (const n of open) {
      if (n.status === 'acknowledged') await this.systemStep(n.id, 'recheck', tx);
    }
    const agents = new Set(open.flatMap((n) => n.agentIds));
    await this.escalateOverdue(projectId, overdue, tx);
    return [...agents].sort();
  }

  private async escalateOverdue(projectId: string, day: string, tx: Transaction): Promise<void> {
    for (const id of await this.repo.overdue(projectId, day, tx)) await this.systemStep(id, 'escalate', tx);
  }

  private async systemStep(id: string, action: Step, tx: Transaction): Promise<void> {
    const current = await this.repo.byId(id, tx);
    if (!current) return;
    const { from, to } = STEPS[action];
    if (await this.repo.transition(id, { from: [...from], to }, tx))
      await this.repo.addStep({ noticeId: id, userId: null, action, from: current.status, to, note: action === 'escalate' ? 'deadline passed' : null }, tx);
  }

  private async step(user: AuthUser, id: string, action: Step, body: { revision?: number; note?: string; actionPlan?: string }): Promise<RectificationNotice> {
    const notice = await this.notice(user, id);
    const { from, to } = STEPS[action];
    if (!(from as readonly RectificationStatus[]).includes(notice.status)) throw stateConflict(notice.status, action);
    if (body.revision !== undefined && body.revision !== notice.revision) throw this.stale();
    await this.transaction.run(async (tx) => {
      const moved = await this.repo.transition(id, { from: [notice.status], to, revision: notice.revision, actionPlan: body.actionPlan }, tx);
      if (!moved) throw this.stale(); // someone else took a step since it was read
      await this.repo.addStep({ noticeId: id, userId: user.id, action, from: notice.status, to, note: body.note ?? body.actionPlan ?? null }, tx);
    });
    return this.get(user, id);
  }

  private stale() {
    return new DomainError('STALE_REVISION', 'This notice changed elsewhere since you read it: reload to see where it stands, then redo your step');
  }

  /** The notice, 404 when unknown and 403 outside the caller's teams. */
  private async notice(user: AuthUser, id: string): Promise<NoticeRow> {
    const notice = await this.repo.byId(id);
    if (!notice) throw notFound('Rectification notice');
    this.scope.require(user, { teamId: notice.teamId });
    return notice;
  }
}
