import { Injectable } from '@nestjs/common';
import { ALL_PROJECTS, type ProblemPlan, type ProblemSettings, type ProblemsReport, type ReportSummary, type TeamProblems } from '#shared/api/reports.js';
import { periodAround, wholePeriod } from '#shared/reports/periods.js';
import { bucketCount, bucketsOf } from '#shared/reports/buckets.js';
import type { InspectorsFigures, ScoreTrend, TeamAgentsFigures, TeamsFigures, TrendBucket } from '#shared/api/dashboard.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid } from '#server/common/domain-error.js';
import { TransactionRunner, type Transaction } from '#server/database/transaction.js';
import { classifyProblems, DEFAULT_THRESHOLDS, type ProblemThresholds } from './problems.js';
import type { ProblemPlanDto } from './reports.dto.js';
import {
  toInspectorsFigures,
  toProblemPlan,
  toProblemSettings,
  toProblemsReport,
  toReportSummary,
  toScoreTrend,
  toTeamAgentsFigures,
  toTeamsFigures,
} from './reports.mapper.js';
import { ReportsRepository, type SummaryFilter } from './reports.repository.js';

/** A day-by-day trend over more than about a year is unreadable and slow: longer buckets then. */
const MAX_TREND_POINTS = 400;

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** CONTRACT.md: each team's common (共性) and individual (个性) problems over the period's calls. */
  async problems(user: AuthUser, q: { project: string; from: string; to: string }): Promise<ProblemsReport> {
    if (q.from > q.to) throw invalid('from', 'must not be after to');
    const project = await this.scope.project(user, q.project, { filter: true });
    const teamIds = this.scope.visibleTeamIds(user);
    const [rows, thresholds] = await Promise.all([this.reports.failures({ projectId: project.id, from: q.from, to: q.to, teamIds }), this.thresholdsOf(project.id)]);
    const period = wholePeriod(q.from, q.to);
    const plans = period ? await this.reports.plans({ projectId: project.id, period: period.kind, from: period.from, teamIds }) : [];
    return toProblemsReport(classifyProblems(rows, thresholds), plans);
  }

  /**
   * CONTRACT.md "Reports for other systems": the period's submitted, non-calibration evaluations (local
   * call dates) and the machine's verdicts on its calls, of the caller's teams, or of one team.
   */
  async summary(user: AuthUser, q: { project: string; from: string; to: string; team?: string }): Promise<ReportSummary> {
    const f = await this.summaryFilter(user, q);
    const [totals, items, machine] = await Promise.all([this.reports.evaluationTotals(f), this.reports.itemTotals(f), this.reports.machineTotals(f)]);
    return toReportSummary(totals, items, machine);
  }

  /** The dashboard's score and fatal-share trend: every bucket of the period, with its 95 % intervals. */
  async trend(user: AuthUser, q: { project: string; from: string; to: string; team?: string; bucket: TrendBucket }): Promise<ScoreTrend> {
    const f = await this.summaryFilter(user, q);
    if (bucketCount(q.bucket, q.from, q.to) > MAX_TREND_POINTS)
      throw invalid('to', `a trend has at most ${MAX_TREND_POINTS} points: a shorter period or a longer bucket`);
    return toScoreTrend(q.bucket, bucketsOf(q.bucket, q.from, q.to), await this.reports.dailyScores(f));
  }

  /** The project's teams in the caller's scope side by side, with their coaching items and notices open now. */
  async teams(user: AuthUser, q: { project: string; from: string; to: string }): Promise<TeamsFigures> {
    const f = await this.summaryFilter(user, q);
    const [teams, scores] = await Promise.all([this.reports.teamsWithOpenWork(f), this.reports.teamScores(f)]);
    return toTeamsFigures(teams, scores);
  }

  /** One team's evaluated agents ranked, each with the interval of its mean score. */
  async teamAgents(user: AuthUser, q: { project: string; from: string; to: string; team: string }): Promise<TeamAgentsFigures> {
    const f = await this.summaryFilter(user, q);
    return toTeamAgentsFigures(q.team, await this.reports.agentScores({ teamId: f.teamIds![0], from: q.from, to: q.to }));
  }

  /** The project's inspectors' own work over the period (supervisors and admins: the route's permission). */
  async inspectors(user: AuthUser, q: { project: string; from: string; to: string }): Promise<InspectorsFigures> {
    if (q.from > q.to) throw invalid('from', 'must not be after to');
    const projectIds = await this.scope.projectsOrAll(user, q.project, ALL_PROJECTS);
    return toInspectorsFigures(await this.reports.inspectorFigures({ projectIds, from: q.from, to: q.to }));
  }

  /**
   * The projects and teams a summary-like figure covers: the caller's teams of the project (or of every
   * project in his scope, for `ALL_PROJECTS`), or the one team asked for.
   */
  private async summaryFilter(user: AuthUser, q: { project: string; from: string; to: string; team?: string }): Promise<SummaryFilter> {
    if (q.from > q.to) throw invalid('from', 'must not be after to');
    const projectIds = await this.scope.projectsOrAll(user, q.project, ALL_PROJECTS);
    let teamIds = this.scope.visibleTeamIds(user);
    if (q.team) {
      const team = await this.scope.team(user, q.team);
      if (projectIds && !projectIds.includes(team.projectId)) throw invalid('team', `is not a team of project ${q.project}`);
      teamIds = [team.id];
    }
    return { projectIds, from: q.from, to: q.to, teamIds };
  }

  /** Brings the report's totals in line with this evaluation as it stands in `tx` (its submission or amendment). */
  recordEvaluation(evaluationId: string, tx: Transaction): Promise<void> {
    return this.reports.recordEvaluation(evaluationId, tx);
  }

  /**
   * An item's failures by week around a date, for another domain that has checked the caller's right
   * to the figure (the FAQ's "did it help?"): submitted, non-calibration evaluations, amendments in.
   */
  itemWeeks(f: { projectId: string; code: string; anchor: string; from: string; to: string }): Promise<{ week: number; evaluated: number; failures: number }[]> {
    return this.reports.itemWeeks(f);
  }

  /**
   * Each team's problems in one project over a period, for another domain that has checked the
   * caller's right to them (the FAQ inbox suggests gaps from knowledge items failing in common).
   */
  async teamProblems(projectId: string, from: string, to: string): Promise<TeamProblems[]> {
    const [rows, thresholds] = await Promise.all([this.reports.failures({ projectId, from, to, teamIds: null }), this.thresholdsOf(projectId)]);
    return classifyProblems(rows, thresholds);
  }

  /** Recomputes every total from the evaluations, for evaluations loaded outside the services (benchmarks). */
  rebuildTotals(): Promise<void> {
    return this.transaction.run((tx) => this.reports.rebuildTotals(tx));
  }

  async settings(user: AuthUser, code: string): Promise<ProblemSettings> {
    const project = await this.scope.project(user, code, { filter: true });
    return toProblemSettings(project.code, await this.thresholdsOf(project.id));
  }

  async saveSettings(user: AuthUser, code: string, thresholds: ProblemThresholds): Promise<ProblemSettings> {
    const project = await this.scope.project(user, code, { whole: true });
    await this.transaction.run(async (tx) => {
      await this.reports.saveThresholds(project.id, thresholds, user.id, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'problems.settings', detail: { project: project.code, ...thresholds } }, tx);
    });
    return toProblemSettings(project.code, thresholds);
  }

  /** Writes a common problem's improvement plan; an existing one is changed only from the revision last read. */
  async savePlan(user: AuthUser, dto: ProblemPlanDto): Promise<ProblemPlan> {
    const team = await this.scope.team(user, dto.team);
    if (periodAround(dto.period, dto.from).from !== dto.from)
      throw invalid('from', dto.period === 'week' ? 'must be the Monday the week starts on' : 'must be the first day of the month');
    const values = {
      teamId: team.id,
      code: dto.code,
      period: dto.period,
      from: dto.from,
      text: dto.text,
      owner: dto.owner,
      due: dto.due,
      userId: user.id,
      username: user.username,
    };
    return this.transaction.run(async (tx) => {
      const existing = await this.reports.plan(team.id, dto.code, dto.period, dto.from, tx);
      if (existing && existing.revision !== dto.revision) throw this.stale();
      if (!existing && dto.revision !== undefined) throw this.stale();
      if (existing) await this.reports.updatePlan(values, tx);
      else await this.reports.insertPlan(values, tx);
      await this.audit.record(
        { userId: user.id, username: user.username, action: 'problems.plan', detail: { team: team.code, code: dto.code, period: dto.period, from: dto.from } },
        tx,
      );
      return toProblemPlan((await this.reports.plan(team.id, dto.code, dto.period, dto.from, tx))!);
    });
  }

  private async thresholdsOf(projectId: string): Promise<ProblemThresholds> {
    return (await this.reports.thresholds(projectId)) ?? DEFAULT_THRESHOLDS;
  }

  private stale() {
    return new DomainError('STALE_REVISION', 'This plan was saved elsewhere since you opened it: reload to see the latest, then redo your change');
  }
}
