import { Injectable, Logger } from '@nestjs/common';
import type { Page } from '#shared/api/page.js';
import type { AnalysisReport, AnalysisReportContent, AnalysisReportKind, AnalysisReportSummary, NewCommonProblem, UnreadReports } from '#shared/api/analysis-reports.js';
import { localDateOf } from '#shared/dates.js';
import { can } from '#shared/permissions.js';
import { addDays, periodAround } from '#shared/reports/periods.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid, notFound } from '#server/common/domain-error.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { ReportsService } from '#server/reports/reports.service.js';
import type { GenerateReportDto, ReportListQueryDto } from './analysis-report.dto.js';
import { toContent, toReport, toReportSummary, withinTeams } from './analysis-report.mapper.js';
import { AnalysisReportRepository, type PeriodFilter, type ReportRow } from './analysis-report.repository.js';

/** The centre's local today (TZ). */
export const localToday = (now = new Date()) => localDateOf(now, process.env.TZ || 'Asia/Shanghai');

/** The day, week (Monday to Sunday) or calendar month holding `date`. */
export function periodOf(kind: AnalysisReportKind, date: string): { from: string; to: string } {
  if (kind === 'daily') return { from: date, to: date };
  return periodAround(kind === 'weekly' ? 'week' : 'month', date);
}

/** The whole centre, for the schedule's reads through other domains' services (it acts for nobody). */
const SYSTEM: AuthUser = {
  id: '00000000-0000-0000-0000-000000000000',
  username: 'system',
  displayName: 'system',
  roles: [],
  projectCodes: [],
  teamCodes: [],
  seesAll: true,
  visibleTeamIds: [],
  visibleProjectIds: [],
  wholeProjectIds: [],
};

const published = (id: string) =>
  new DomainError('REPORT_PUBLISHED', `Report ${id} is published already: its figures stay as the teams read them`, undefined, { params: { id } });

/**
 * Analysis reports (seed 11.9): each kind, project and period keeps one snapshot, made by the
 * schedule or on demand, replaced while unpublished and frozen once a supervisor publishes it to the
 * teams (11.10). Team leads read the published ones, limited to their teams; opening one marks it read.
 */
@Injectable()
export class AnalysisReportsService {
  private readonly logger = new Logger('AnalysisReports');

  constructor(
    private readonly reports: AnalysisReportRepository,
    private readonly scope: ScopeService,
    private readonly problems: ReportsService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** The figures of a project's period as they stand now. */
  async build(kind: AnalysisReportKind, project: { id: string; code: string }, period: { from: string; to: string }): Promise<AnalysisReportContent> {
    const f: PeriodFilter = { projectId: project.id, from: period.from, to: period.to };
    const daily = kind === 'daily';
    const [teams, agents, items, sections, trend, fatalCalls, overdueNotices, newCommonProblems] = await Promise.all([
      this.reports.teams(f),
      this.reports.agents(f),
      this.reports.items(f),
      this.reports.checklistSections(f),
      this.reports.trend(f),
      daily ? this.reports.fatalCalls(f) : Promise.resolve([]),
      daily ? this.reports.overdueNotices(project.id, period.to) : Promise.resolve([]),
      daily ? this.newCommonProblems(project.code, period.from) : Promise.resolve([]),
    ]);
    return toContent({ teams, agents, items, sections, trend, fatalCalls, overdueNotices, newCommonProblems });
  }

  /** The common problems (共性, by the project's thresholds) of the day that were not common in any team over the seven days before. */
  private async newCommonProblems(project: string, day: string): Promise<NewCommonProblem[]> {
    const [today, before] = await Promise.all([
      this.problems.problems(SYSTEM, { project, from: day, to: day }),
      this.problems.problems(SYSTEM, { project, from: addDays(day, -7), to: addDays(day, -1) }),
    ]);
    const known = new Set(before.teams.flatMap((t) => t.common.map((c) => `${t.team}\u0000${c.code}`)));
    return today.teams.flatMap((t) =>
      t.common.filter((c) => !known.has(`${t.team}\u0000${c.code}`)).map((c) => ({ team: t.team, code: c.code, agents: c.agents, failures: c.failures })),
    );
  }

  /** On demand: makes (or remakes, while unpublished) the report of the period holding `date`. */
  async generate(user: AuthUser, dto: GenerateReportDto): Promise<AnalysisReport> {
    const project = await this.scope.project(user, dto.project, { whole: true });
    const period = periodOf(dto.kind, dto.date);
    if (period.from > localToday()) throw invalid('date', 'the period has not begun yet');
    const content = await this.build(dto.kind, project, period);
    const { id, written } = await this.transaction.run(async (tx) => {
      const saved = await this.reports.save({ kind: dto.kind, projectId: project.id, from: period.from, to: period.to, content, generatedBy: user.id }, tx);
      if (saved.written)
        await this.audit.record(
          { userId: user.id, username: user.username, action: 'report.analysis.generate', detail: { kind: dto.kind, project: project.code, from: period.from } },
          tx,
        );
      return saved;
    });
    if (!written) throw published(id);
    return this.get(user, id);
  }

  /**
   * The schedule's run on `today`: every active project gets the report of the period that ended
   * yesterday (the day; on a Monday the week; on the 1st the month). A published report is left as it was.
   */
  async runScheduled(kind: AnalysisReportKind, today = localToday()): Promise<string[]> {
    const period = periodOf(kind, addDays(today, -1));
    const ids: string[] = [];
    let failed: unknown;
    for (const project of await this.reports.activeProjects()) {
      try {
        const content = await this.build(kind, project, period);
        const saved = await this.transaction.run((tx) => this.reports.save({ kind, projectId: project.id, ...period, content, generatedBy: null }, tx));
        ids.push(saved.id);
      } catch (e) {
        // The other projects still get theirs; the job fails afterwards, so pg-boss retries (rewriting the same rows).
        this.logger.warn(`The ${kind} report of ${project.code} for ${period.from} failed: ${e instanceof Error ? e.message : String(e)}`);
        failed ??= e;
      }
    }
    if (failed) throw failed;
    return ids;
  }

  async list(user: AuthUser, q: ReportListQueryDto): Promise<Page<AnalysisReportSummary>> {
    const project = q.project ? await this.scope.project(user, q.project, { filter: true }) : undefined;
    const { total, rows } = await this.reports.list({
      userId: user.id,
      projectIds: this.scope.visibleProjectIds(user),
      projectId: project?.id,
      kind: q.kind,
      drafts: can(user.roles, 'report.analysis.generate'),
      page: q.page,
      pageSize: q.pageSize,
    });
    return { total, items: rows.map(toReportSummary) };
  }

  /** One report, limited to the caller's teams; a published one is marked read for him. */
  async get(user: AuthUser, id: string): Promise<AnalysisReport> {
    const row = await this.readable(user, id);
    if (row.publishedAt && !row.readAt) {
      await this.reports.markRead(id, user.id);
      row.readAt = new Date();
    }
    return toReport(row, withinTeams(row.content, await this.teamsOf(user)));
  }

  async publish(user: AuthUser, id: string): Promise<AnalysisReport> {
    const row = await this.reports.byId(id, user.id);
    if (!row) throw notFound('Report');
    this.scope.require(user, { projectId: row.projectId, whole: true });
    await this.transaction.run(async (tx) => {
      if (!(await this.reports.publish(id, user.id, tx))) throw published(id);
      await this.audit.record(
        {
          userId: user.id,
          username: user.username,
          action: 'report.analysis.publish',
          detail: { report: id, kind: row.kind, project: row.project, from: row.periodStart },
        },
        tx,
      );
    });
    return this.get(user, id);
  }

  async unread(user: AuthUser): Promise<UnreadReports> {
    return { count: await this.reports.unread(user.id, this.scope.visibleProjectIds(user)) };
  }

  /** 404 for an unknown report or an unpublished one to a reader who cannot make reports; 403 outside the caller's projects. */
  private async readable(user: AuthUser, id: string): Promise<ReportRow & { content: AnalysisReportContent }> {
    const row = await this.reports.byId(id, user.id);
    if (!row || (!row.publishedAt && !can(user.roles, 'report.analysis.generate'))) throw notFound('Report');
    this.scope.require(user, { projectId: row.projectId });
    return row;
  }

  /** The codes of the teams the caller sees, or null for the whole centre. */
  private async teamsOf(user: AuthUser): Promise<Set<string> | null> {
    const ids = this.scope.visibleTeamIds(user);
    return ids ? new Set(await this.reports.teamCodes(ids)) : null;
  }
}
