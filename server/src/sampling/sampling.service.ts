import { createHash, randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Assignment, AssignmentQueue, SamplingInspector, SamplingInspectors, SamplingRun } from '../../../shared/src/api/sampling.js';
import { Role } from '../../../shared/src/org.js';
import { requireAccess } from '../auth/access.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError, invalid, notFound, permissionDenied } from '../common/domain-error.js';
import { AutocheckService } from '../autocheck/autocheck.service.js';
import { ChecklistsService } from '../checklists/checklists.service.js';
import { TeamRepository } from '../org/teams/team.repository.js';
import { assignPicks, drawRandom, pickCalls, seededRandom } from './picker.js';
import { SamplingRunEntity } from './sampling.entity.js';
import { SamplingRepository } from './sampling.repository.js';
import { SamplingPlanService, today } from './sampling-plan.service.js';

/** A day's seed from what identifies the run, so a re-run elsewhere draws the same calls. */
const seedOf = (projectCode: string, date: string) => parseInt(createHash('sha256').update(`${projectCode}|${date}`).digest('hex').slice(0, 8), 16);

@Injectable()
export class SamplingService {
  private readonly logger = new Logger('Sampling');

  constructor(
    private readonly db: DataSource,
    private readonly repo: SamplingRepository,
    private readonly plans: SamplingPlanService,
    private readonly teams: TeamRepository,
    private readonly autocheck: AutocheckService,
    private readonly checklists: ChecklistsService,
  ) {}

  /** Samples a project's day once; asking again answers the same run (created: false). */
  async run(user: AuthUser | null, projectCode: string, date: string): Promise<{ created: boolean; run: SamplingRun }> {
    const project = user ? await this.plans.project(user, projectCode) : await this.plans.projectByCode(projectCode);
    if (!project) throw invalid('project', `unknown project ${projectCode}`);
    if (date > today()) throw invalid('date', 'is in the future: a day is sampled once its calls are in', 'future');
    const existing = await this.db.getRepository(SamplingRunEntity).findOneBy({ projectId: project.id, date });
    if (existing) return { created: false, run: await this.runDto(existing, project.code) };
    const rules = await this.plans.rulesFor(project.id, date);
    const seed = seedOf(project.code, date);
    const runId = await this.db.transaction(async (m) => {
      const inserted = await m.query(
        `INSERT INTO sampling_runs ("projectId", date, seed, rules, candidates, "createdBy") VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT ("projectId", date) DO NOTHING RETURNING id`,
        [project.id, date, seed, JSON.stringify(rules), user?.id ?? null],
      );
      if (!inserted.length) return null; // sampled at the same moment by someone else
      const inspectors = await this.repo.inspectorsOf(project.id, m);
      if (!inspectors.length) throw new DomainError('NO_INSPECTOR', `Project ${project.code} has no active inspector to give calls to`, undefined, { params: { project: project.code } });
      const candidates = await this.repo.candidates(project.id, date, rules, m);
      await this.checkUnchecked(candidates);
      const focus = await this.repo.focusAgents(project.id, date, rules, m);
      const teamOf = new Map(candidates.map((c) => [c.recordingId, c.teamId]));
      const picks = assignPicks(pickCalls(candidates, focus, rules, seed), inspectors);
      await this.repo.insertAssignments(
        m,
        picks.map((p) => ({ runId: inserted[0].id, recordingId: p.recordingId, inspectorId: p.inspectorId, agentId: p.agentId, teamId: teamOf.get(p.recordingId)!, date, reason: p.reason, source: 'daily' })),
      );
      await m.query(`UPDATE sampling_runs SET candidates = $2 WHERE id = $1`, [inserted[0].id, candidates.length]);
      return inserted[0].id as string;
    });
    const run = await this.db.getRepository(SamplingRunEntity).findOneByOrFail(runId ? { id: runId } : { projectId: project.id, date });
    if (runId) this.logger.log(`Sampled ${project.code} ${date}`);
    return { created: !!runId, run: await this.runDto(run, project.code) };
  }

  /**
   * Guided picks need every call's automatic verdicts. Calls whose background check has not run yet
   * (just ingested, or a job still queued) are checked now rather than silently treated as clean.
   */
  private async checkUnchecked(candidates: { recordingId: string; unchecked: boolean; failedCodes: string[] }[]): Promise<void> {
    const unchecked = candidates.filter((c) => c.unchecked);
    if (!unchecked.length) return;
    const version = await this.checklists.activeEntity();
    const results = await this.autocheck.checkAndStore(unchecked.map((c) => c.recordingId), version);
    const failed = new Map(results.map((r) => [r.recordingId, r.results.filter((x) => x.verdict === 'fail').map((x) => x.code)]));
    for (const c of unchecked) c.failedCodes = failed.get(c.recordingId) ?? [];
  }

  private async runDto(run: SamplingRunEntity, projectCode: string): Promise<SamplingRun> {
    return { id: run.id, project: projectCode, date: run.date, seed: String(run.seed), candidates: run.candidates, assignments: await this.repo.assignments(`sa."runId" = $1`, [run.id]) };
  }

  async getRun(user: AuthUser, projectCode: string, date: string): Promise<SamplingRun> {
    const project = await this.plans.project(user, projectCode);
    const run = await this.db.getRepository(SamplingRunEntity).findOneBy({ projectId: project.id, date });
    if (!run) throw notFound(`Sampling of ${projectCode} on ${date}`);
    return this.runDto(run, project.code);
  }

  /** The listener's calls: a day's, or by default everything still open plus today's finished ones. */
  async queue(user: AuthUser, date?: string): Promise<AssignmentQueue> {
    const items = date
      ? await this.repo.assignments(`sa."inspectorId" = $1 AND sa.date = $2`, [user.id, date])
      : await this.repo.assignments(
          `sa."inspectorId" = $1 AND (sa.date >= $2::date - 7 OR NOT EXISTS (SELECT 1 FROM evaluations e WHERE e."recordingId" = sa."recordingId" AND e."inspectorId" = sa."inspectorId" AND e.status = 'submitted'))`,
          [user.id, today()],
        );
    return { total: items.length, done: items.filter((i) => i.done).length, items };
  }

  async next(user: AuthUser): Promise<Assignment | null> {
    const { items } = await this.queue(user);
    return items.find((i) => !i.done) ?? null;
  }

  async inspectors(user: AuthUser, projectCode: string): Promise<SamplingInspectors> {
    const project = await this.plans.project(user, projectCode);
    const rows: SamplingInspector[] = await this.db.query(
      `SELECT u.username, u."displayName" FROM users u WHERE u.id = ANY($1) ORDER BY u.username`,
      [(await this.repo.inspectorsOf(project.id)).map((i) => i.inspectorId)],
    );
    return { items: rows };
  }

  /** A supervisor moves a call to another inspector of the project, unless it has been scored. */
  async reassign(user: AuthUser, id: string, username: string): Promise<Assignment> {
    const [assignment] = await this.db.query(`SELECT sa.*, t."projectId" FROM sampling_assignments sa JOIN teams t ON t.id = sa."teamId" WHERE sa.id = $1`, [id]);
    if (!assignment) throw notFound('Assignment');
    requireAccess(user, { projectId: assignment.projectId, whole: true });
    const [done] = await this.db.query(`SELECT 1 FROM evaluations WHERE "recordingId" = $1 AND "inspectorId" = $2 AND status = 'submitted'`, [assignment.recordingId, assignment.inspectorId]);
    if (done) throw new DomainError('ALREADY_SCORED', 'This call has been scored already and stays with its inspector');
    const inspector = (await this.repo.inspectorsOf(assignment.projectId)).find((i) => i.username === username);
    if (!inspector) throw invalid('inspector', `${username} is not an active inspector of this project`, 'notInspector', { value: username });
    await this.db.query(`UPDATE sampling_assignments SET "inspectorId" = $2 WHERE id = $1`, [id, inspector.inspectorId]);
    return (await this.repo.assignments(`sa.id = $1`, [id]))[0];
  }

  /** A team lead draws a few calls of his own team for himself, at random. */
  async spotCheck(user: AuthUser, teamCode: string, date: string, count: number): Promise<Assignment[]> {
    const team = await this.teams.byCode(teamCode);
    if (!team) throw invalid('team', `unknown team ${teamCode}`);
    requireAccess(user, { teamId: team.id });
    if (!user.roles.includes(Role.TeamLead) && !user.seesAll) throw permissionDenied('Forbidden: spot checks are a team lead’s');
    const rules = await this.plans.rulesFor(team.projectId, date);
    const pool = (await this.repo.candidates(team.projectId, date, rules)).filter((c) => c.teamId === team.id);
    const drawn = drawRandom(pool, count, seededRandom(randomInt(2 ** 31)));
    const rows = drawn.map((c) => ({ runId: null, recordingId: c.recordingId, inspectorId: user.id, agentId: c.agentId, teamId: team.id, date, reason: 'spot-check', source: 'spot-check' }));
    if (!rows.length) throw new DomainError('NOTHING_TO_DRAW', `No unassigned calls of ${teamCode} on ${date} to draw from`, undefined, { params: { team: teamCode, date } });
    await this.db.transaction((m) => this.repo.insertAssignments(m, rows));
    return this.repo.assignments(`sa."recordingId" = ANY($1)`, [rows.map((r) => r.recordingId)]);
  }
}
