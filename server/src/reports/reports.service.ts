import { Injectable } from '@nestjs/common';
import type { ProblemPlan, ProblemSettings, ProblemsReport, ReportSummary } from '#shared/api/reports.js';
import { periodAround, wholePeriod } from '#shared/reports/periods.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid } from '#server/common/domain-error.js';
import { TransactionRunner, type Transaction } from '#server/database/transaction.js';
import { classifyProblems, DEFAULT_THRESHOLDS, type ProblemThresholds } from './problems.js';
import type { ProblemPlanDto } from './reports.dto.js';
import { toProblemPlan, toProblemSettings, toProblemsReport, toReportSummary } from './reports.mapper.js';
import { ReportsRepository } from './reports.repository.js';

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
    if (q.from > q.to) throw invalid('from', 'must not be after to');
    const project = await this.scope.project(user, q.project, { filter: true });
    let teamIds = this.scope.visibleTeamIds(user);
    if (q.team) {
      const team = await this.scope.team(user, q.team);
      if (team.projectId !== project.id) throw invalid('team', `is not a team of project ${project.code}`);
      teamIds = [team.id];
    }
    const f = { projectId: project.id, from: q.from, to: q.to, teamIds };
    const [totals, items, machine] = await Promise.all([this.reports.evaluationTotals(f), this.reports.itemTotals(f), this.reports.machineTotals(f)]);
    return toReportSummary(totals, items, machine);
  }

  /** Brings the report's totals in line with this evaluation as it stands in `tx` (its submission or amendment). */
  recordEvaluation(evaluationId: string, tx: Transaction): Promise<void> {
    return this.reports.recordEvaluation(evaluationId, tx);
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
