import { Injectable } from '@nestjs/common';
import type { SamplingPlan, SamplingRules } from '#shared/api/sampling.js';
import { localDateOf } from '#shared/dates.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { toSamplingPlan } from './sampling.mapper.js';
import { SamplingPlanRepository } from './sampling-plan.repository.js';

/** The plan a project starts with (issue "Daily sampling": 2 a day, half guided, 30 s minimum). */
export const DEFAULT_SAMPLING_RULES: SamplingRules = {
  callsPerAgent: 2,
  focusExtraCalls: 2,
  newHireDays: 90,
  lowScoreThreshold: 85,
  lowScoreDays: 30,
  fatalDays: 7,
  minDurationSeconds: 30,
  directions: [],
  businessTypes: [],
  complaintBusinessTypes: ['投诉', '客诉', 'complaint'],
  guidedShare: 0.5,
  runAt: '08:00',
  maxHalfWidth: 5,
};

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const today = () => localDateOf(new Date(), process.env.TZ);
export { addDays };

@Injectable()
export class SamplingPlanService {
  constructor(
    private readonly plans: SamplingPlanRepository,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** The rules in force for a sampled day: the newest version effective on or before it. */
  async rulesFor(projectId: string, date: string): Promise<SamplingRules> {
    return { ...DEFAULT_SAMPLING_RULES, ...((await this.plans.rulesOn(projectId, date)) ?? {}) };
  }

  async get(user: AuthUser, code: string): Promise<SamplingPlan> {
    const project = await this.scope.project(user, code, { filter: true });
    const current = await this.rulesFor(project.id, today());
    const next = await this.plans.upcomingAfter(project.id, today());
    return toSamplingPlan(project.code, current, next ? { effectiveFrom: next.effectiveFrom, rules: { ...DEFAULT_SAMPLING_RULES, ...next.rules } } : null);
  }

  /** A change applies from tomorrow on: today's sampling, maybe half done, keeps its rules. */
  async update(user: AuthUser, code: string, rules: SamplingRules): Promise<SamplingPlan> {
    const project = await this.scope.project(user, code, { whole: true });
    const effectiveFrom = addDays(today(), 1);
    await this.transaction.run(async (tx) => {
      await this.plans.save({ projectId: project.id, effectiveFrom, rules, updatedBy: user.id }, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'sampling.plan', detail: { project: code, effectiveFrom } }, tx);
    });
    return this.get(user, code);
  }

  /** Gives a project a plan from that day on, unless it has one for that day (the demo's lighter plan). */
  async startPlan(projectId: string, effectiveFrom: string, rules: SamplingRules): Promise<void> {
    await this.plans.insertIfNone(projectId, effectiveFrom, rules);
  }
}
