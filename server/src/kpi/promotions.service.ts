import { Injectable } from '@nestjs/common';
import type { ApprovalStep, Exam, ExamKind, ExamList, GradeHistory, Promotion, PromotionList, PromotionNotifications } from '#shared/api/kpi.js';
import { localDateOf } from '#shared/dates.js';
import { APPROVAL_STEPS, examRequiredFor, gradeRank, QUARTER_PATTERN } from '#shared/kpi/grades.js';
import type { AgentGrade, Role } from '#shared/org.js';
import { can } from '#shared/permissions.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { SessionService } from '#server/auth/session.service.js';
import { DomainError, invalid, notFound } from '#server/common/domain-error.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { toExam, toGradeChange, toPromotion } from './kpi.mapper.js';
import { type PromotionRow, PromotionsRepository } from './promotions.repository.js';

const today = () => localDateOf(new Date(), process.env.TZ);

/** How long a decided promotion stays on the home page of who applied for it or approved it. */
export const NOTICE_DAYS = 14;

/**
 * Exams and promotions (seed 一(四), 2.2–2.3): a team lead or supervisor applies for an agent's
 * promotion naming the approvers of the four steps; each approves or rejects in turn; the last
 * approval changes the agent's grade from that day, kept in the grade history.
 */
@Injectable()
export class PromotionsService {
  constructor(
    private readonly repo: PromotionsRepository,
    private readonly scope: ScopeService,
    private readonly sessions: SessionService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async recordExam(user: AuthUser, body: { agent: string; kind: ExamKind; date: string; score: number; passed: boolean }): Promise<Exam> {
    const agent = await this.scope.agent(user, body.agent);
    const id = await this.transaction.run(async (tx) => {
      const id = await this.repo.insertExam({ agentId: agent.id, kind: body.kind, date: body.date, score: body.score, passed: body.passed, recordedBy: user.id }, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'kpi.exam', detail: { ...body, agent: agent.employeeNo } }, tx);
      return id;
    });
    return toExam((await this.repo.exams({ id }))[0]);
  }

  async exams(user: AuthUser, employeeNo: string): Promise<ExamList> {
    const agent = await this.scope.agent(user, employeeNo, { filter: true });
    return { items: (await this.repo.exams({ agentId: agent.id })).map(toExam) };
  }

  async gradeHistory(user: AuthUser, employeeNo: string): Promise<GradeHistory> {
    const agent = await this.scope.agent(user, employeeNo, { filter: true });
    return { items: (await this.repo.gradeHistory(agent.id)).map(toGradeChange) };
  }

  async apply(
    user: AuthUser,
    body: { agent: string; toGrade: AgentGrade; quarter: string; reason?: string; approvers: Record<ApprovalStep, string> },
  ): Promise<Promotion> {
    const agent = await this.scope.agent(user, body.agent);
    if (!QUARTER_PATTERN.test(body.quarter)) throw invalid('quarter', 'must be a quarter written YYYY-Qn', 'badCell', { value: body.quarter });
    if (gradeRank(body.toGrade) <= gradeRank(agent.grade))
      throw invalid('toGrade', `must be above the agent's grade ${agent.grade}`, 'notAllowed', { value: body.toGrade });
    const names = APPROVAL_STEPS.map((step) => body.approvers[step]);
    const users = new Map((await this.repo.usersByName(names)).map((u) => [u.username.toLowerCase(), u]));
    const approverIds: string[] = [];
    for (const step of APPROVAL_STEPS) {
      const name = body.approvers[step];
      const found = users.get(name.toLowerCase());
      const field = `approvers.${step}`;
      if (!found || !found.active) throw invalid(field, `no active user ${name}`, 'unknown', { value: name });
      if (!can(found.roles as Role[], 'kpi.promotion.approve')) throw invalid(field, `${name} may not approve promotions`, 'notAllowed', { value: name });
      if (approverIds.includes(found.id)) throw invalid(field, `${name} is named for another step too`, 'twice', { value: name });
      // An approver who cannot see the agent's team could neither find the application nor decide it.
      const approver = await this.sessions.authUser({ id: found.id, username: found.username, displayName: found.username, roles: found.roles as Role[] });
      if (!this.scope.sees(approver, { teamId: agent.teamId }))
        throw invalid(field, `${name} does not see team ${agent.team.code} of agent ${agent.employeeNo}`, 'outOfScope', { value: name });
      approverIds.push(found.id);
    }
    const id = await this.transaction.run(async (tx) => {
      const id = await this.repo.insertPromotion(
        { agentId: agent.id, fromGrade: agent.grade, toGrade: body.toGrade, quarter: body.quarter, reason: body.reason?.trim() || null, approverIds, appliedBy: user.id },
        tx,
      );
      if (!id) throw new DomainError('PROMOTION_STATE', `Agent ${agent.employeeNo} has a pending promotion already`, undefined, { params: { status: 'pending' } });
      await this.audit.record(
        { userId: user.id, username: user.username, action: 'kpi.promotion.apply', detail: { agent: agent.employeeNo, toGrade: body.toGrade } },
        tx,
      );
      return id;
    });
    return this.get(user, id);
  }

  async get(user: AuthUser, id: string): Promise<Promotion> {
    const row = await this.promotion(user, id);
    return toPromotion(row, await this.repo.decisions([id]));
  }

  async list(user: AuthUser, q: { status?: string; mine?: boolean; agent?: string }): Promise<PromotionList> {
    const agent = q.agent ? await this.scope.agent(user, q.agent, { filter: true }) : undefined;
    const rows = await this.repo.promotions({ teamIds: this.scope.visibleTeamIds(user), status: q.status, waitingFor: q.mine ? user.id : undefined, agentId: agent?.id });
    const decisions = await this.repo.decisions(rows.map((r) => r.id));
    return { total: rows.length, items: rows.map((r) => toPromotion(r, decisions)) };
  }

  /**
   * The home page's notices: the applications waiting for the caller's step, and the ones he applied
   * for or was named on decided in the last NOTICE_DAYS days.
   */
  async notifications(user: AuthUser): Promise<PromotionNotifications> {
    const teamIds = this.scope.visibleTeamIds(user);
    const since = new Date(Date.now() - NOTICE_DAYS * 86_400_000);
    const [awaiting, decided] = await Promise.all([
      this.repo.promotions({ teamIds, waitingFor: user.id }),
      this.repo.decidedFor({ userId: user.id, teamIds, since, limit: 20 }),
    ]);
    const decisions = await this.repo.decisions([...awaiting, ...decided].map((r) => r.id));
    return { awaiting: awaiting.map((r) => toPromotion(r, decisions)), decided: decided.map((r) => toPromotion(r, decisions)), days: NOTICE_DAYS };
  }

  /**
   * The caller's decision at his step. Out of turn (a later step's approver), twice (an earlier
   * step's), or on a decided promotion: 409 with its code; not named on it: 403. The last approval
   * needs the exam the new grade requires and changes the agent's grade from today.
   */
  async decide(user: AuthUser, id: string, action: 'approve' | 'reject', comment?: string): Promise<Promotion> {
    const p = await this.promotion(user, id);
    if (p.status !== 'pending') throw new DomainError('PROMOTION_STATE', `This promotion is ${p.status}`, undefined, { params: { status: p.status } });
    const mine = p.approverIds.indexOf(user.id);
    const waiting = APPROVAL_STEPS[p.approvedSteps];
    if (mine < 0) throw new DomainError('PROMOTION_NOT_APPROVER', 'You are not one of the approvers named on this promotion');
    if (mine < p.approvedSteps)
      throw new DomainError('PROMOTION_ALREADY_DECIDED', `You have approved this promotion already, as ${APPROVAL_STEPS[mine]}`, undefined, {
        params: { step: APPROVAL_STEPS[mine] },
      });
    if (mine > p.approvedSteps)
      throw new DomainError('PROMOTION_OUT_OF_TURN', `Not your turn: the promotion waits for the ${waiting} step`, undefined, { params: { step: waiting } });
    const last = action === 'approve' && p.approvedSteps === APPROVAL_STEPS.length - 1;
    const effectiveOn = last ? today() : null;
    await this.transaction.run(async (tx) => {
      const exam = examRequiredFor(p.toGrade);
      if (last && exam && !(await this.repo.hasPassed(p.agentId, exam, tx)))
        throw new DomainError('EXAM_REQUIRED', `A promotion to ${p.toGrade} needs a passed ${exam} exam`, undefined, { params: { kind: exam } });
      const taken = await this.repo.decide({ promotionId: id, step: p.approvedSteps, userId: user.id, action, comment: comment?.trim() || null, effectiveOn }, tx);
      if (!taken) throw new DomainError('PROMOTION_STATE', 'This promotion was decided elsewhere meanwhile', undefined, { params: { status: 'changed' } });
      if (last)
        await this.repo.changeGrade(
          { agentId: p.agentId, fromGrade: p.fromGrade, toGrade: p.toGrade, effectiveOn: effectiveOn!, promotionId: id, changedBy: user.id },
          tx,
        );
      await this.audit.record({ userId: user.id, username: user.username, action: `kpi.promotion.${action}`, detail: { promotion: id, step: waiting } }, tx);
    });
    return this.get(user, id);
  }

  private async promotion(user: AuthUser, id: string): Promise<PromotionRow> {
    const row = await this.repo.promotion(id);
    if (!row) throw notFound('Promotion');
    this.scope.require(user, { teamId: row.teamId });
    return row;
  }
}
