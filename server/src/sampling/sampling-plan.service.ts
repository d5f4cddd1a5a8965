import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SamplingPlan, SamplingRules } from '../../../shared/src/api/sampling.js';
import { localDateOf } from '../../../shared/src/dates.js';
import { AuditService } from '../audit/audit.service.js';
import { requireAccess } from '../auth/access.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid } from '../common/domain-error.js';
import { ProjectRepository } from '../org/projects/project.repository.js';
import type { ProjectEntity } from '../org/projects/project.entity.js';

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
    private readonly db: DataSource,
    private readonly projects: ProjectRepository,
    private readonly audit: AuditService,
  ) {}

  async project(user: AuthUser, code: string, whole = true): Promise<ProjectEntity> {
    const project = await this.projects.byCode(code);
    if (!project) throw invalid('project', `unknown project ${code}`);
    requireAccess(user, { projectId: project.id, whole });
    return project;
  }

  projectByCode(code: string): Promise<ProjectEntity | null> {
    return this.projects.byCode(code);
  }

  /** The rules in force for a sampled day: the newest version effective on or before it. */
  async rulesFor(projectId: string, date: string): Promise<SamplingRules> {
    const [row] = await this.db.query(`SELECT rules FROM sampling_plans WHERE "projectId" = $1 AND "effectiveFrom" <= $2 ORDER BY "effectiveFrom" DESC LIMIT 1`, [projectId, date]);
    return { ...DEFAULT_SAMPLING_RULES, ...(row?.rules ?? {}) };
  }

  async get(user: AuthUser, code: string): Promise<SamplingPlan> {
    const project = await this.project(user, code, false);
    const current = await this.rulesFor(project.id, today());
    const [next] = await this.db.query(`SELECT "effectiveFrom", rules FROM sampling_plans WHERE "projectId" = $1 AND "effectiveFrom" > $2 ORDER BY "effectiveFrom" DESC LIMIT 1`, [project.id, today()]);
    return { project: project.code, current, upcoming: next ? { effectiveFrom: next.effectiveFrom, rules: { ...DEFAULT_SAMPLING_RULES, ...next.rules } } : null };
  }

  /** A change applies from tomorrow on: today's sampling, maybe half done, keeps its rules. */
  async update(user: AuthUser, code: string, rules: SamplingRules): Promise<SamplingPlan> {
    const project = await this.project(user, code);
    const effectiveFrom = addDays(today(), 1);
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO sampling_plans ("projectId", "effectiveFrom", rules, "updatedBy") VALUES ($1, $2, $3, $4)
         ON CONFLICT ("projectId", "effectiveFrom") DO UPDATE SET rules = EXCLUDED.rules, "updatedBy" = EXCLUDED."updatedBy"`,
        [project.id, effectiveFrom, JSON.stringify(rules), user.id],
      );
      await this.audit.record({ userId: user.id, username: user.username, action: 'sampling.plan', detail: { project: code, effectiveFrom } }, m);
    });
    return this.get(user, code);
  }
}

