import { Injectable } from '@nestjs/common';
import type { GradeTable, GradeTableList, GradingRequest, KpiGrades, OperationalImportResult, OperationalUpsertResult } from '#shared/api/kpi.js';
import { localDateOf } from '#shared/dates.js';
import { GRADE_ORDER, quarterDates, quarterOf } from '#shared/kpi/grades.js';
import { can } from '#shared/permissions.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid } from '#server/common/domain-error.js';
import { type Transaction, TransactionRunner } from '#server/database/transaction.js';
import type { GradeThresholdDto } from './kpi.dto.js';
import { gradesXlsx } from './kpi-export.js';
import { BUILT_IN_GRADE_TABLE, toGradeTable, toGradingRequest, toKpiGradeItem, toKpiScheme } from './kpi.mapper.js';
import { KpiSchemeRepository } from './kpi-scheme.repository.js';
import { KpiRepository } from './kpi.repository.js';
import { checkOperationalRows, type OperationalRow, refused } from './operational-rows.js';
import { readOperationalSheet } from './operational-sheet.js';
import { refusedRows } from './part-rows.js';

const today = () => localDateOf(new Date(), process.env.TZ);
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Quarterly KPI grading (DOMAIN.md "Grades and promotion", CONTRACT.md "KPI grading"): the
 * operational figures pushed or uploaded per agent and day, the quarter's review of a project's
 * agents against the grade table in force, and the versions of that table.
 */
@Injectable()
export class KpiService {
  constructor(
    private readonly repo: KpiRepository,
    private readonly schemes: KpiSchemeRepository,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /** CONTRACT.md `PUT /api/kpi/operational`: all rows stored or replaced, or 400 naming each bad row's index and nothing stored. */
  async putOperational(user: AuthUser, rows: unknown[]): Promise<OperationalUpsertResult> {
    const checked = checkOperationalRows(rows);
    const errors = [...checked.errors];
    const resolved = await this.resolveAgents(user, checked.rows, (row, code, message) =>
      errors.push({ field: `rows[${row.index}].agent`, code, params: { value: row.agent }, message: `rows[${row.index}].agent: ${message}` }),
    );
    if (errors.length) throw refusedRows(errors);
    await this.store(user, resolved, 'api');
    return { upserted: resolved.length };
  }

  /** An uploaded sheet (CSV in UTF-8 or GB18030, or XLSX) of the same rows: all stored, or 400 IMPORT_ROWS_INVALID listing each problem by line. */
  async importSheet(user: AuthUser, bytes: Uint8Array | undefined): Promise<OperationalImportResult> {
    if (!bytes?.length) throw invalid('file', 'attach the CSV or XLSX file as the multipart field "file"', 'required');
    const { rows, errors } = await readOperationalSheet(bytes);
    const resolved = await this.resolveAgents(user, rows, (row, code, message) =>
      errors.push({ line: row.line, field: 'agent', code, params: { value: row.agent }, message: `工号 (agent): ${message}` }),
    );
    if (errors.length) {
      errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
      throw refused('IMPORT_ROWS_INVALID', errors, (e) => String(e.line));
    }
    await this.store(user, resolved, 'sheet');
    return { upserted: resolved.length };
  }

  /** The rows' agents by employee number; an unknown one or one outside the caller's teams is reported. */
  async resolveAgents<R extends { agent: string }>(
    user: AuthUser,
    rows: R[],
    report: (row: R, code: 'unknown' | 'outOfScope', message: string) => void,
  ): Promise<(R & { agentId: string; projectId: string })[]> {
    const agents = new Map((await this.repo.agentsByEmployeeNos([...new Set(rows.map((r) => r.agent))])).map((a) => [a.employeeNo, a]));
    const out: (R & { agentId: string; projectId: string })[] = [];
    for (const row of rows) {
      const agent = agents.get(row.agent);
      if (!agent) report(row, 'unknown', `unknown agent ${row.agent}`);
      else if (!this.scope.sees(user, { teamId: agent.teamId })) report(row, 'outOfScope', `agent ${row.agent} is outside your projects and teams`);
      else out.push({ ...row, agentId: agent.id, projectId: agent.projectId });
    }
    return out;
  }

  /** Stores the checked rows in one transaction, audited. */
  async store(user: AuthUser, rows: (OperationalRow & { agentId: string })[], via: 'api' | 'sheet'): Promise<void> {
    await this.transaction.run(async (tx) => {
      await this.repo.upsertOperational(rows, user.id, tx);
      const dates = rows.map((r) => r.date).sort();
      await this.audit.record(
        { userId: user.id, username: user.username, action: 'kpi.operational', detail: { via, rows: rows.length, from: dates[0] ?? null, to: dates.at(-1) ?? null } },
        tx,
      );
    });
  }

  /** CONTRACT.md `GET /api/kpi/grades`: the project's agents (a team lead's teams only) in the quarter. */
  async grades(user: AuthUser, q: { quarter: string; project: string }): Promise<KpiGrades> {
    const dates = quarterDates(q.quarter);
    if (!dates) throw invalid('quarter', 'must be a quarter written YYYY-Qn, e.g. 2026-Q3', 'badCell', { value: q.quarter });
    const project = await this.scope.project(user, q.project, { filter: true });
    const gradeTable = toGradeTable(await this.repo.gradeTableFor(q.quarter));
    const rows = await this.repo.quarter({ projectId: project.id, teamIds: this.scope.visibleTeamIds(user), ...dates });
    const agentIds = rows.map((r) => r.agentId);
    const [requested, scheme] = await Promise.all([this.repo.requestedUntil(agentIds, today()), this.schemes.inForce(project.id, q.quarter)]);
    const values = scheme ? await this.schemes.values(agentIds, q.quarter) : new Map<string, Record<string, number>>();
    return {
      quarter: q.quarter,
      project: project.code,
      ...dates,
      gradeTable,
      scheme: scheme ? toKpiScheme(scheme) : null,
      items: rows.map((r) => toKpiGradeItem(r, gradeTable.grades, requested.get(r.agentId) ?? null, scheme, values.get(r.agentId))),
    };
  }

  /** The review as a workbook: only who may export directly, and every export is audited (三(三)). */
  async exportGrades(user: AuthUser, q: { quarter: string; project: string }): Promise<{ body: Buffer; filename: string }> {
    if (!can(user.roles, 'export.direct')) throw new DomainError('EXPORT_NEEDS_APPROVAL', 'Exports by your role need a supervisor’s approval');
    const review = await this.grades(user, q);
    await this.audit.record({
      userId: user.id,
      username: user.username,
      action: 'kpi.export',
      detail: { quarter: q.quarter, project: review.project, rows: review.items.length },
    });
    return { body: await gradesXlsx(review), filename: `kpi-${review.project}-${review.quarter}.xlsx` };
  }

  async gradeTables(): Promise<GradeTableList> {
    return { items: [...(await this.repo.gradeTables()).map(toGradeTable), BUILT_IN_GRADE_TABLE] };
  }

  /**
   * Sets the table a coming quarter (and those after it, until another version) is reviewed
   * against. A quarter already begun keeps its table, so a review never changes under the reader.
   */
  async setGradeTable(user: AuthUser, body: { fromQuarter: string; grades: GradeThresholdDto[] }): Promise<GradeTable> {
    if (!quarterDates(body.fromQuarter)) throw invalid('fromQuarter', 'must be a quarter written YYYY-Qn', 'badCell', { value: body.fromQuarter });
    if (body.fromQuarter <= quarterOf(today()))
      throw invalid('fromQuarter', `must be a coming quarter: ${quarterOf(today())} has begun`, 'notAllowed', { value: body.fromQuarter });
    const byGrade = new Map(body.grades.map((g) => [g.grade, g]));
    const missing = GRADE_ORDER.filter((g) => !byGrade.has(g));
    if (missing.length) throw invalid('grades', `needs one row for each grade: ${missing.join(', ')} missing`, 'required', { value: missing.join(', ') });
    const grades = GRADE_ORDER.map((g) => {
      const { grade, minKpiScore, minCph, minSuccessRate } = byGrade.get(g)!;
      return { grade, minKpiScore, minCph, minSuccessRate };
    });
    // A higher grade asks at least what the one below it does, or "the highest grade that holds" would skip one.
    for (let k = 1; k < grades.length; k++)
      for (const key of ['minKpiScore', 'minCph', 'minSuccessRate'] as const)
        if (grades[k][key] < grades[k - 1][key])
          throw invalid(`grades.${grades[k].grade}.${key}`, `${grades[k].grade} must ask at least the ${grades[k - 1][key]} ${grades[k - 1].grade} asks`, 'notAllowed', {
            value: grades[k][key],
          });
    const version = await this.transaction.run(async (tx) => {
      const version = await this.repo.saveGradeTable(body.fromQuarter, grades, user.id, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'kpi.gradeTable', detail: { version, fromQuarter: body.fromQuarter, grades } }, tx);
      return version;
    });
    return toGradeTable((await this.repo.gradeTables()).find((g) => g.version === version) ?? null);
  }

  /**
   * "Not enough evidence": one more call of the agent in each daily sampling run of `days` days from
   * `from` (by default today, whose run samples it tomorrow; an earlier day is allowed for calls already
   * in but not sampled yet), with reason `grading`.
   */
  async requestCalls(user: AuthUser, body: { agent: string; from?: string; days?: number }): Promise<GradingRequest> {
    const agent = await this.scope.agent(user, body.agent);
    const from = body.from ?? today();
    const to = addDays(from, (body.days ?? 5) - 1);
    const id = await this.transaction.run(async (tx) => {
      const id = await this.repo.insertGradingRequest({ agentId: agent.id, projectId: agent.team.projectId, from, to, requestedBy: user.id }, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'kpi.requestCalls', detail: { agent: agent.employeeNo, from, to } }, tx);
      return id;
    });
    return toGradingRequest(await this.repo.gradingRequest(id));
  }

  /** For the daily sampling of a project's day: the agents whose calls grading asked for that day. */
  gradingAgents(projectId: string, date: string, tx: Transaction): Promise<string[]> {
    return this.repo.gradingAgents(projectId, date, tx);
  }

  /** For the demo centre: figures of the whole quarter before this one and of this one up to yesterday, so the review page is full. */
  async seedDemoFigures(): Promise<number> {
    const current = quarterDates(quarterOf(today()))!;
    const previous = quarterDates(quarterOf(addDays(current.from, -1)))!;
    return this.transaction.run((tx) => this.repo.insertDemoFigures(previous.from, addDays(today(), -1), tx));
  }
}
