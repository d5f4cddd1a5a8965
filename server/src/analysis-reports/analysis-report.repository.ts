import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AnalysisReportContent, AnalysisReportKind } from '#shared/api/analysis-reports.js';
import type { ChecklistSection } from '#shared/checklists/types.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';

/** One project's period. */
export interface PeriodFilter {
  projectId: string;
  from: string;
  to: string;
}

interface FigureRow {
  evaluations: number;
  averageScore: number | null;
  fatal: number;
}
export interface TeamRow extends FigureRow {
  team: string;
  teamName: string;
  open: number;
  coached: number;
  improved: number;
  resolved: number;
  issued: number;
  openNotices: number;
  overdue: number;
}
export interface AgentRow extends FigureRow {
  agent: string;
  agentName: string;
  team: string;
  minScore: number | null;
  maxScore: number | null;
  openCoaching: number;
}
export interface ItemRow {
  team: string;
  code: string;
  evaluated: number;
  failures: number;
}
export interface TrendRow extends FigureRow {
  date: string;
  team: string;
}
export interface FatalRow {
  evaluationId: string;
  recordingId: string;
  agent: string;
  agentName: string;
  team: string;
  inspector: string;
  codes: string[];
  callStartedAt: Date;
}
export interface NoticeRow {
  id: string;
  team: string;
  codes: string[];
  deadline: string;
  status: string;
}

export interface ReportRow {
  id: string;
  kind: AnalysisReportKind;
  projectId: string;
  project: string;
  projectName: string;
  periodStart: string;
  periodEnd: string;
  generatedAt: Date;
  generatedBy: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  readAt: Date | null;
}

const SCORE = 'CASE WHEN e.fatal THEN 0 ELSE e.score END';
const FIGURES = `count(e.id)::int AS evaluations, avg(${SCORE})::float8 AS "averageScore", count(e.id) FILTER (WHERE e.fatal)::int AS fatal`;

const REPORT_COLUMNS = `r.id, r.kind, r."projectId", p.code AS project, p.name AS "projectName",
  to_char(r."periodStart", 'YYYY-MM-DD') AS "periodStart", to_char(r."periodEnd", 'YYYY-MM-DD') AS "periodEnd",
  r."generatedAt", g.username AS "generatedBy", r."publishedAt", pb.username AS "publishedBy"`;

@Injectable()
export class AnalysisReportRepository {
  constructor(private readonly db: DataSource) {}

  /** The evaluations a report counts: submitted, not calibration, of the period's calls, as in `GET /api/reports/summary`. */
  private evaluations(f: PeriodFilter, filter: SqlFilter): SqlFilter {
    return filter.add('e."projectId" = ?', f.projectId).add("e.status = 'submitted'").add("e.source <> 'calibration'").localDateBetween('e."callDate"', f.from, f.to);
  }

  async overall(f: PeriodFilter): Promise<FigureRow> {
    const where = this.evaluations(f, new SqlFilter());
    const [row] = await this.db.query(`SELECT ${FIGURES} FROM evaluations e ${where.where}`, where.params);
    return row;
  }

  /**
   * Every team of the project that is active or has evaluations in the period: its figures, the
   * coaching items made from those evaluations by status, and its rectification notices.
   */
  teams(f: PeriodFilter): Promise<TeamRow[]> {
    const params: unknown[] = [];
    const on = this.evaluations(f, new SqlFilter(params));
    const tz = on.param(process.env.TZ || 'Asia/Shanghai');
    const from = on.param(f.from);
    const to = on.param(f.to);
    const project = on.param(f.projectId);
    return this.db.query(
      `SELECT t.code AS team, t.name AS "teamName", coalesce(ev.evaluations, 0) AS evaluations, ev."averageScore", coalesce(ev.fatal, 0) AS fatal,
              coalesce(c.open, 0) AS open, coalesce(c.coached, 0) AS coached, coalesce(c.improved, 0) AS improved, coalesce(c.resolved, 0) AS resolved,
              coalesce(n.issued, 0) AS issued, coalesce(n.open, 0) AS "openNotices", coalesce(n.overdue, 0) AS overdue
         FROM teams t
         LEFT JOIN (SELECT e."teamId", ${FIGURES} FROM evaluations e ${on.where} GROUP BY e."teamId") ev ON ev."teamId" = t.id
         LEFT JOIN (SELECT e."teamId",
                           count(*) FILTER (WHERE ci.status = 'open')::int AS open, count(*) FILTER (WHERE ci.status = 'coached')::int AS coached,
                           count(*) FILTER (WHERE ci.status = 'improved')::int AS improved, count(*) FILTER (WHERE ci.status = 'resolved')::int AS resolved
                      FROM coaching_items ci JOIN evaluations e ON e.id = ci."evaluationId" ${on.where} GROUP BY e."teamId") c ON c."teamId" = t.id
         LEFT JOIN (SELECT n."teamId",
                           count(*) FILTER (WHERE (n."createdAt" AT TIME ZONE ${tz})::date BETWEEN ${from} AND ${to})::int AS issued,
                           count(*) FILTER (WHERE n.status <> 'closed')::int AS open,
                           count(*) FILTER (WHERE n.status <> 'closed' AND n.deadline <= ${to})::int AS overdue
                      FROM rectification_notices n WHERE n."projectId" = ${project} GROUP BY n."teamId") n ON n."teamId" = t.id
        WHERE t."projectId" = ${project} AND (t.active OR ev.evaluations > 0)
        ORDER BY t.code`,
      params,
    );
  }

  /** Each evaluated agent's roll-up (7.9). */
  agents(f: PeriodFilter): Promise<AgentRow[]> {
    const where = this.evaluations(f, new SqlFilter());
    return this.db.query(
      `SELECT a."employeeNo" AS agent, a.name AS "agentName", t.code AS team, ${FIGURES},
              min(${SCORE})::float8 AS "minScore", max(${SCORE})::float8 AS "maxScore",
              (SELECT count(*)::int FROM coaching_items ci WHERE ci."evaluationId" = ANY(array_agg(e.id)) AND ci.status = 'open') AS "openCoaching"
         FROM evaluations e JOIN agents a ON a.id = e."agentId" JOIN teams t ON t.id = e."teamId"
         ${where.where}
        GROUP BY a.id, t.id ORDER BY t.code, a."employeeNo"`,
      where.params,
    );
  }

  /** Defects by item and team. */
  items(f: PeriodFilter): Promise<ItemRow[]> {
    const where = this.evaluations(f, new SqlFilter());
    return this.db.query(
      `SELECT t.code AS team, i.code, count(*) FILTER (WHERE i.verdict <> 'na')::int AS evaluated, count(*) FILTER (WHERE i.verdict = 'fail')::int AS failures
         FROM evaluations e JOIN evaluation_items i ON i."evaluationId" = e.id JOIN teams t ON t.id = e."teamId"
         ${where.where} AND i.verdict IS NOT NULL
        GROUP BY t.code, i.code ORDER BY t.code, failures DESC, i.code`,
      where.params,
    );
  }

  /** The checklist versions the period's evaluations were scored against, for the items' titles. */
  async checklistSections(f: PeriodFilter): Promise<ChecklistSection[][]> {
    const where = this.evaluations(f, new SqlFilter());
    const rows: { sections: ChecklistSection[] }[] = await this.db.query(
      `SELECT cv.sections FROM checklist_versions cv WHERE cv.id IN (SELECT DISTINCT e."checklistVersionId" FROM evaluations e ${where.where}) ORDER BY cv.version`,
      where.params,
    );
    return rows.map((r) => r.sections);
  }

  trend(f: PeriodFilter): Promise<TrendRow[]> {
    const where = this.evaluations(f, new SqlFilter());
    return this.db.query(
      `SELECT to_char(e."callDate", 'YYYY-MM-DD') AS date, t.code AS team, ${FIGURES}
         FROM evaluations e JOIN teams t ON t.id = e."teamId" ${where.where}
        GROUP BY e."callDate", t.code ORDER BY e."callDate", t.code`,
      where.params,
    );
  }

  fatalCalls(f: PeriodFilter): Promise<FatalRow[]> {
    const where = this.evaluations(f, new SqlFilter()).add('e.fatal');
    return this.db.query(
      `SELECT e.id AS "evaluationId", e."recordingId", a."employeeNo" AS agent, a.name AS "agentName", t.code AS team, u.username AS inspector,
              coalesce((SELECT array_agg(i.code ORDER BY i.position) FROM evaluation_items i WHERE i."evaluationId" = e.id AND i.critical AND i.verdict = 'fail'), '{}') AS codes,
              r."startedAt" AS "callStartedAt"
         FROM evaluations e JOIN agents a ON a.id = e."agentId" JOIN teams t ON t.id = e."teamId" JOIN users u ON u.id = e."inspectorId"
         JOIN recordings r ON r.id = e."recordingId"
         ${where.where}
        ORDER BY r."startedAt", e.id`,
      where.params,
    );
  }

  /** The project's notices not closed whose deadline is on or before `day`. */
  overdueNotices(projectId: string, day: string): Promise<NoticeRow[]> {
    return this.db.query(
      `SELECT n.id, t.code AS team, n.codes, to_char(n.deadline, 'YYYY-MM-DD') AS deadline, n.status
         FROM rectification_notices n JOIN teams t ON t.id = n."teamId"
        WHERE n."projectId" = $1 AND n.status <> 'closed' AND n.deadline <= $2
        ORDER BY n.deadline, t.code, n.id`,
      [projectId, day],
    );
  }

  activeProjects(): Promise<{ id: string; code: string }[]> {
    return this.db.query(`SELECT id, code FROM projects WHERE active ORDER BY code`);
  }

  teamCodes(teamIds: string[]): Promise<string[]> {
    return this.db.query(`SELECT code FROM teams WHERE id = ANY($1)`, [teamIds]).then((rows: { code: string }[]) => rows.map((r) => r.code));
  }

  /**
   * Stores the snapshot of a kind, project and period, replacing an unpublished one; a published
   * one is kept as it was read. Answers the report's id and whether it was written.
   */
  async save(
    r: { kind: AnalysisReportKind; projectId: string; from: string; to: string; content: AnalysisReportContent; generatedBy: string | null },
    tx: Transaction,
  ): Promise<{ id: string; written: boolean }> {
    const [row] = await tx.query(
      `INSERT INTO analysis_reports (kind, "projectId", "periodStart", "periodEnd", content, "generatedAt", "generatedBy")
       VALUES ($1, $2, $3, $4, $5, now(), $6)
       ON CONFLICT (kind, "projectId", "periodStart") DO UPDATE
         SET content = EXCLUDED.content, "periodEnd" = EXCLUDED."periodEnd", "generatedAt" = now(), "generatedBy" = EXCLUDED."generatedBy"
         WHERE analysis_reports."publishedAt" IS NULL
       RETURNING id`,
      [r.kind, r.projectId, r.from, r.to, JSON.stringify(r.content), r.generatedBy],
    );
    if (row) return { id: row.id, written: true };
    const [kept] = await tx.query(`SELECT id FROM analysis_reports WHERE kind = $1 AND "projectId" = $2 AND "periodStart" = $3`, [r.kind, r.projectId, r.from]);
    return { id: kept.id, written: false };
  }

  /** Reports of some projects (null: all), the unpublished ones only when `drafts`, newest period first. */
  async list(f: {
    userId: string;
    projectIds: string[] | null;
    projectId?: string;
    kind?: AnalysisReportKind;
    drafts: boolean;
    page: number;
    pageSize: number;
  }): Promise<{ total: number; rows: ReportRow[] }> {
    const where = new SqlFilter()
      .equals('r.kind', f.kind)
      .equals('r."projectId"', f.projectId)
      .add(f.drafts ? 'TRUE' : 'r."publishedAt" IS NOT NULL');
    if (f.projectIds) where.add('r."projectId" = ANY(?)', f.projectIds);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM analysis_reports r ${where.where}`, where.params);
    const user = where.param(f.userId);
    const limit = where.param(f.pageSize);
    const offset = where.param((f.page - 1) * f.pageSize);
    const rows = await this.db.query(
      `SELECT ${REPORT_COLUMNS}, rd."readAt"
         FROM analysis_reports r JOIN projects p ON p.id = r."projectId"
         LEFT JOIN users g ON g.id = r."generatedBy" LEFT JOIN users pb ON pb.id = r."publishedBy"
         LEFT JOIN analysis_report_reads rd ON rd."reportId" = r.id AND rd."userId" = ${user}
         ${where.where}
        ORDER BY r."periodStart" DESC, r.kind, p.code
        LIMIT ${limit} OFFSET ${offset}`,
      where.params,
    );
    return { total, rows };
  }

  async byId(id: string, userId: string): Promise<(ReportRow & { content: AnalysisReportContent }) | null> {
    const [row] = await this.db.query(
      `SELECT ${REPORT_COLUMNS}, r.content, rd."readAt"
         FROM analysis_reports r JOIN projects p ON p.id = r."projectId"
         LEFT JOIN users g ON g.id = r."generatedBy" LEFT JOIN users pb ON pb.id = r."publishedBy"
         LEFT JOIN analysis_report_reads rd ON rd."reportId" = r.id AND rd."userId" = $2
        WHERE r.id = $1`,
      [id, userId],
    );
    return row ?? null;
  }

  /** Publishes it unless it is already: answers whether this call did. */
  async publish(id: string, userId: string, tx: Transaction): Promise<boolean> {
    // A SELECT over the UPDATE, so the driver answers the rows (for an UPDATE it answers [rows, count]).
    const rows = await tx.query(
      `WITH done AS (UPDATE analysis_reports SET "publishedAt" = now(), "publishedBy" = $2 WHERE id = $1 AND "publishedAt" IS NULL RETURNING id) SELECT id FROM done`,
      [id, userId],
    );
    return rows.length > 0;
  }

  async markRead(reportId: string, userId: string): Promise<void> {
    await this.db.query(`INSERT INTO analysis_report_reads ("reportId", "userId", "readAt") VALUES ($1, $2, now()) ON CONFLICT DO NOTHING`, [reportId, userId]);
  }

  /** Published reports of these projects (null: all) the user has not opened. */
  async unread(userId: string, projectIds: string[] | null): Promise<number> {
    const where = new SqlFilter([userId])
      .add('r."publishedAt" IS NOT NULL')
      .add('NOT EXISTS (SELECT 1 FROM analysis_report_reads rd WHERE rd."reportId" = r.id AND rd."userId" = $1)');
    if (projectIds) where.add('r."projectId" = ANY(?)', projectIds);
    const [{ count }] = await this.db.query(`SELECT count(*)::int AS count FROM analysis_reports r ${where.where}`, where.params);
    return count;
  }
}
