import { createHash, randomInt } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Assignment, AssignmentQueue, NextAssignment, SamplingInspectors, SamplingRun } from '#shared/api/sampling.js';
import { can } from '#shared/permissions.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid, notFound, permissionDenied } from '#server/common/domain-error.js';
import { AutocheckService } from '#server/autocheck/autocheck.service.js';
import type { ChecklistVersionEntity } from '#server/checklists/checklist-version.entity.js';
import { ChecklistsService } from '#server/checklists/checklists.service.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { CoachingService } from '#server/coaching/coaching.service.js';
import { KpiService } from '#server/kpi/kpi.service.js';
import { RectificationService } from '#server/rectification/rectification.service.js';
import { assignPicks, covers, drawBlind, drawRandom, pickCalls, pickExtra, seededRandom } from './picker.js';
import type { SamplingRunEntity } from './sampling.entity.js';
import { toAssignment, toSamplingInspector, toSamplingRun } from './sampling.mapper.js';
import { SamplingRepository } from './sampling.repository.js';
import { addDays, SamplingPlanService, today } from './sampling-plan.service.js';

/** A day's seed from what identifies the run, so a re-run elsewhere draws the same calls. */
const seedOf = (projectCode: string, date: string) => parseInt(createHash('sha256').update(`${projectCode}|${date}`).digest('hex').slice(0, 8), 16);

@Injectable()
export class SamplingService {
  private readonly logger = new Logger('Sampling');

  constructor(
    private readonly repo: SamplingRepository,
    private readonly plans: SamplingPlanService,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly autocheck: AutocheckService,
    private readonly checklists: ChecklistsService,
    private readonly rectification: RectificationService,
    private readonly coaching: CoachingService,
    private readonly kpi: KpiService,
  ) {}

  /** CONTRACT.md `POST /api/sampling/runs`: samples a project's day once; asking again answers the same run (created: false). */
  async run(user: AuthUser, projectCode: string, date: string): Promise<{ created: boolean; run: SamplingRun }> {
    const project = await this.scope.project(user, projectCode, { whole: true });
    return this.runFor(project, date, user.id);
  }

  /** Samples a project's day once, for a user or (createdBy null) for the schedule and the demo. */
  async runFor(project: { id: string; code: string }, date: string, createdBy: string | null): Promise<{ created: boolean; run: SamplingRun }> {
    if (date > today()) throw invalid('date', 'is in the future: a day is sampled once its calls are in', 'future');
    // A day is sampled once, so a day still going on would never have its later calls sampled.
    if (date === today())
      throw new DomainError(
        'DAY_NOT_OVER',
        `date: ${date} has not ended in the centre's time zone; sample it from tomorrow on`,
        [{ field: 'date', code: 'dayNotOver', message: 'has not ended yet', params: { value: date } }],
        { params: { date } },
      );
    const existing = await this.repo.run(project.id, date);
    if (existing) return { created: false, run: await this.runResponse(existing, project.code) };
    const rules = await this.plans.rulesFor(project.id, date);
    const seed = seedOf(project.code, date);
    const version = await this.checklists.activeEntity();
    const runId = await this.transaction.run(async (tx) => {
      const runId = await this.repo.insertRunIfNone({ projectId: project.id, date, seed, rules, createdBy }, tx);
      if (!runId) return null; // sampled at the same moment by someone else
      const inspectors = await this.repo.inspectorsOf(project.id, tx);
      if (!inspectors.length)
        throw new DomainError('NO_INSPECTOR', `Project ${project.code} has no active inspector to give calls to`, undefined, { params: { project: project.code } });
      const candidates = await this.repo.candidates(project.id, date, rules, version.id, tx);
      await this.checkUnchecked(candidates, version);
      const focus = await this.repo.focusAgents(project.id, date, rules, tx);
      const teamOf = new Map(candidates.map((c) => [c.recordingId, c.teamId]));
      const planned = pickCalls(candidates, focus, rules, seed);
      // Open rectification notices re-check their team: one more call of each of its agents.
      const rechecked = await this.rectification.resampledAgents(project.id, date, tx);
      const withRectification = [...planned, ...pickExtra(candidates, planned, rechecked, 'rectification', seed)];
      // Coaching being checked: one more call of the coached agent, while the day's picks of his calls
      // and those already evaluated or assigned since the session fall short of the K the check needs.
      const shortfalls = await this.coaching.checkShortfalls(project.id, date, tx);
      const coached = [...shortfalls].filter(([agentId, missing]) => withRectification.filter((p) => p.agentId === agentId).length < missing).map(([agentId]) => agentId);
      const withCoaching = [...withRectification, ...pickExtra(candidates, withRectification, coached, 'coaching-check', seed)];
      // Grading asked for more evidence: one more call of the agent (his QA score's interval straddles a grade's threshold).
      const graded = await this.kpi.gradingAgents(project.id, date, tx);
      const all = [...withCoaching, ...pickExtra(candidates, withCoaching, graded, 'grading', seed)].map((p) => ({
        ...p,
        teamId: teamOf.get(p.recordingId)!,
      }));
      // Only to an inspector who can open the call; a call nobody covers is reported with the run.
      const picks = assignPicks(all, inspectors);
      const given = new Set(picks.map((p) => p.recordingId));
      const uncovered = all.filter((p) => !given.has(p.recordingId)).map((p) => ({ recordingId: p.recordingId, reason: p.reason }));
      if (uncovered.length) {
        this.logger.warn(`Sampling ${project.code} ${date}: ${uncovered.length} picks left unassigned, no active inspector covers their team`);
        await this.repo.setUncovered(runId, uncovered, tx);
      }
      const blind = drawBlind(
        picks.map((p) => p.recordingId),
        await this.repo.blindShare(project.id, tx),
        seed,
      );
      await this.repo.insertAssignments(
        picks.map((p) => ({
          runId,
          recordingId: p.recordingId,
          inspectorId: p.inspectorId,
          agentId: p.agentId,
          teamId: teamOf.get(p.recordingId)!,
          date,
          reason: p.reason,
          source: 'daily',
          blind: blind.has(p.recordingId),
        })),
        tx,
      );
      await this.repo.setCandidates(runId, candidates.length, tx);
      return runId;
    });
    const run = runId ? await this.repo.runById(runId) : await this.repo.run(project.id, date);
    if (runId) this.logger.log(`Sampled ${project.code} ${date}`);
    return { created: !!runId, run: await this.runResponse(run!, project.code) };
  }

  /**
   * Guided picks need every call's automatic verdicts. Calls whose background check has not run yet
   * (just ingested, or a job still queued) are checked now rather than silently treated as clean.
   */
  private async checkUnchecked(candidates: { recordingId: string; unchecked: boolean; failedCodes: string[] }[], version: ChecklistVersionEntity): Promise<void> {
    const unchecked = candidates.filter((c) => c.unchecked);
    if (!unchecked.length) return;
    const results = await this.autocheck.checkAndStore(
      unchecked.map((c) => c.recordingId),
      version,
    );
    const failed = new Map(results.map((r) => [r.recordingId, r.results.filter((x) => x.verdict === 'fail').map((x) => x.code)]));
    for (const c of unchecked) c.failedCodes = failed.get(c.recordingId) ?? [];
  }

  private async runResponse(run: SamplingRunEntity, projectCode: string): Promise<SamplingRun> {
    return toSamplingRun(run, projectCode, await this.repo.assignments({ runId: run.id }), run.uncovered.length ? await this.repo.uncovered(run.id) : []);
  }

  async getRun(user: AuthUser, projectCode: string, date: string): Promise<SamplingRun> {
    const project = await this.scope.project(user, projectCode, { whole: true, filter: true });
    const run = await this.repo.run(project.id, date);
    if (!run) throw notFound(`Sampling of ${projectCode} on ${date}`);
    return this.runResponse(run, project.code);
  }

  /** The listener's calls: a day's, or by default everything still open plus the last week's finished ones. */
  async queue(user: AuthUser, date?: string): Promise<AssignmentQueue> {
    const rows = await this.repo.assignments(date ? { inspectorId: user.id, date } : { inspectorId: user.id, openOrSince: addDays(today(), -7) });
    // A blind call's reason would tell the listener what the machine said ("failed:FORBIDDEN").
    const items = rows.map(toAssignment).map((a) => (a.blind && !a.done ? { ...a, reason: 'blind' } : a));
    return { total: items.length, done: items.filter((i) => i.done).length, items };
  }

  /** The caller's first call not scored yet, or null when the queue is done. */
  async next(user: AuthUser): Promise<NextAssignment> {
    const { items } = await this.queue(user);
    return { next: items.find((i) => !i.done) ?? null };
  }

  async inspectors(user: AuthUser, projectCode: string): Promise<SamplingInspectors> {
    const project = await this.scope.project(user, projectCode, { whole: true, filter: true });
    return { items: (await this.repo.inspectorsOf(project.id)).map(toSamplingInspector) };
  }

  /** A supervisor moves a call to another inspector of the project, unless it has been scored. */
  async reassign(user: AuthUser, id: string, username: string): Promise<Assignment> {
    const assignment = await this.scope.assignment(user, id);
    if (await this.repo.isScored(assignment.recordingId, assignment.inspectorId))
      throw new DomainError('ALREADY_SCORED', 'This call has been scored already and stays with its inspector');
    const inspector = (await this.repo.inspectorsOf(assignment.projectId)).find((i) => i.username === username);
    if (!inspector || !covers(inspector, assignment.teamId))
      throw invalid('inspector', `${username} is not an active inspector of this project who can open calls of this team`, 'notInspector', { value: username });
    await this.repo.reassign(id, inspector.inspectorId);
    return toAssignment((await this.repo.assignments({ id }))[0]);
  }

  /** A team lead draws a few calls of his own team for himself, at random. */
  async spotCheck(user: AuthUser, teamCode: string, date: string, count: number): Promise<Assignment[]> {
    const team = await this.scope.team(user, teamCode);
    if (!can(user.roles, 'sampling.spotCheck') && !user.seesAll) throw permissionDenied('Forbidden: spot checks are a team lead’s');
    const rules = await this.plans.rulesFor(team.projectId, date);
    const version = await this.checklists.activeEntity();
    // Calls not spot-checked yet, whether or not the daily run has them (or will): a call can be both.
    const pool = (await this.repo.candidates(team.projectId, date, rules, version.id, undefined, 'spot-check')).filter((c) => c.teamId === team.id);
    const drawn = drawRandom(pool, count, seededRandom(randomInt(2 ** 31)));
    const rows = drawn.map((c) => ({
      runId: null,
      recordingId: c.recordingId,
      inspectorId: user.id,
      agentId: c.agentId,
      teamId: team.id,
      date,
      reason: 'spot-check',
      source: 'spot-check' as const,
    }));
    if (!rows.length)
      throw new DomainError('NOTHING_TO_DRAW', `No unassigned calls of ${teamCode} on ${date} to draw from`, undefined, { params: { team: teamCode, date } });
    await this.transaction.run((tx) => this.repo.insertAssignments(rows, tx));
    return (await this.repo.assignments({ recordingIds: rows.map((r) => r.recordingId), source: 'spot-check' })).map(toAssignment);
  }
}
