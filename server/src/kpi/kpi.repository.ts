import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GradeThreshold } from '#shared/kpi/grades.js';
import type { AgentGrade } from '#shared/org.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import type { OperationalRow } from './operational-rows.js';

/** An agent as the figures name him, with the team that decides who may push his figures. */
export interface KnownAgent {
  id: string;
  employeeNo: string;
  teamId: string;
  projectId: string;
}

/** One agent's quarter as read: operational totals and the QA scores' mean, spread and count. */
export interface QuarterRow {
  agentId: string;
  agent: string;
  agentName: string;
  grade: AgentGrade;
  team: string;
  teamName: string;
  days: number;
  calls: number;
  hours: number;
  successes: number;
  evaluations: number;
  /** Exact decimal text (numeric), or null. */
  qaMean: string | null;
  qaStddev: string | null;
}

export interface GradeTableRow {
  version: number;
  fromQuarter: string;
  grades: GradeThreshold[];
  createdBy: string;
  createdAt: Date;
}

export interface GradingRequestRow {
  id: string;
  agent: string;
  from: string;
  to: string;
  requestedBy: string;
  createdAt: Date;
}

/** The queries behind KPI grading: operational figures, the quarter's roll-up, grade tables. */
@Injectable()
export class KpiRepository {
  constructor(private readonly db: DataSource) {}

  agentsByEmployeeNos(employeeNos: string[]): Promise<KnownAgent[]> {
    if (!employeeNos.length) return Promise.resolve([]);
    return this.db.query(`SELECT a.id, a."employeeNo", a."teamId", t."projectId" FROM agents a JOIN teams t ON t.id = a."teamId" WHERE a."employeeNo" = ANY($1)`, [
      employeeNos,
    ]);
  }

  /** Stores or replaces each agent-day, in one statement. */
  async upsertOperational(rows: (OperationalRow & { agentId: string })[], userId: string, tx: Transaction): Promise<void> {
    // A few thousand rows per statement keep the parameter arrays small.
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      await tx.query(
        `INSERT INTO kpi_operational_days ("agentId", date, calls, hours, successes, "updatedBy")
         SELECT a, d, c, h, s, $6 FROM unnest($1::uuid[], $2::date[], $3::int[], $4::float8[], $5::int[]) AS r(a, d, c, h, s)
         ON CONFLICT ("agentId", date) DO UPDATE
           SET calls = EXCLUDED.calls, hours = EXCLUDED.hours, successes = EXCLUDED.successes, "updatedBy" = EXCLUDED."updatedBy", "updatedAt" = now()`,
        [chunk.map((r) => r.agentId), chunk.map((r) => r.date), chunk.map((r) => r.calls), chunk.map((r) => r.hours), chunk.map((r) => r.successes), userId],
      );
    }
  }

  /**
   * Every active agent of the project's teams (within `teamIds` when given) with the quarter's
   * operational totals and the mean, standard deviation and count of the scores of his submitted
   * evaluations of the quarter's calls (local call dates; calibration left out; a fatal one scores 0).
   */
  quarter(f: { projectId: string; teamIds: string[] | null; from: string; to: string }): Promise<QuarterRow[]> {
    const filter = new SqlFilter([f.projectId, f.from, f.to]).add('t."projectId" = $1').add(`a.status = 'active'`).withinTeams('a."teamId"', f.teamIds);
    return this.db.query(
      `WITH ops AS (
         SELECT o."agentId", count(*)::int AS days, sum(o.calls)::int AS calls, sum(o.hours)::float8 AS hours, sum(o.successes)::int AS successes
           FROM kpi_operational_days o JOIN agents a ON a.id = o."agentId" JOIN teams t ON t.id = a."teamId"
          WHERE ${filter.conjunction} AND o.date BETWEEN $2 AND $3
          GROUP BY o."agentId"),
       qa AS (
         SELECT e."agentId", count(*)::int AS n, avg(e.score::numeric)::text AS mean, stddev_samp(e.score::numeric)::text AS sd
           FROM evaluations e JOIN agents a ON a.id = e."agentId" JOIN teams t ON t.id = a."teamId"
          WHERE ${filter.conjunction} AND e.status = 'submitted' AND e.source <> 'calibration' AND e."callDate" BETWEEN $2 AND $3
          GROUP BY e."agentId")
       SELECT a.id AS "agentId", a."employeeNo" AS agent, a.name AS "agentName", a.grade, t.code AS team, t.name AS "teamName",
              COALESCE(ops.days, 0) AS days, COALESCE(ops.calls, 0) AS calls, COALESCE(ops.hours, 0) AS hours, COALESCE(ops.successes, 0) AS successes,
              COALESCE(qa.n, 0) AS evaluations, qa.mean AS "qaMean", qa.sd AS "qaStddev"
         FROM agents a JOIN teams t ON t.id = a."teamId"
         LEFT JOIN ops ON ops."agentId" = a.id LEFT JOIN qa ON qa."agentId" = a.id
        WHERE ${filter.conjunction}
        ORDER BY t.code, a."employeeNo"`,
      filter.params,
    );
  }

  /** The grade table in force for the quarter: the latest version from that quarter or before. */
  async gradeTableFor(quarter: string): Promise<GradeTableRow | null> {
    const [row] = await this.db.query(
      `SELECT g.version, g."fromQuarter", g.grades, u.username AS "createdBy", g."createdAt"
         FROM kpi_grade_tables g JOIN users u ON u.id = g."createdBy"
        WHERE g."fromQuarter" <= $1 ORDER BY g."fromQuarter" DESC, g.version DESC LIMIT 1`,
      [quarter],
    );
    return row ?? null;
  }

  gradeTables(): Promise<GradeTableRow[]> {
    return this.db.query(
      `SELECT g.version, g."fromQuarter", g.grades, u.username AS "createdBy", g."createdAt"
         FROM kpi_grade_tables g JOIN users u ON u.id = g."createdBy" ORDER BY g."fromQuarter" DESC, g.version DESC`,
    );
  }

  /** A new version of the table from a quarter on; one set before for the same quarter is kept, superseded. */
  async saveGradeTable(fromQuarter: string, grades: GradeThreshold[], userId: string, tx: Transaction): Promise<number> {
    const [row]: { version: number }[] = await tx.query(
      `INSERT INTO kpi_grade_tables ("fromQuarter", grades, "createdBy") VALUES ($1, $2::jsonb, $3) RETURNING version`,
      [fromQuarter, JSON.stringify(grades), userId],
    );
    return row.version;
  }

  // Calls added to the sampling for grading

  async insertGradingRequest(r: { agentId: string; projectId: string; from: string; to: string; requestedBy: string }, tx: Transaction): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO kpi_grading_requests ("agentId", "projectId", "from", "to", "requestedBy") VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [r.agentId, r.projectId, r.from, r.to, r.requestedBy],
    );
    return row.id;
  }

  async gradingRequest(id: string): Promise<GradingRequestRow> {
    const [row] = await this.db.query(
      `SELECT g.id, a."employeeNo" AS agent, to_char(g."from", 'YYYY-MM-DD') AS "from", to_char(g."to", 'YYYY-MM-DD') AS "to", u.username AS "requestedBy", g."createdAt"
         FROM kpi_grading_requests g JOIN agents a ON a.id = g."agentId" JOIN users u ON u.id = g."requestedBy" WHERE g.id = $1`,
      [id],
    );
    return row;
  }

  /** Per agent of the ids given, the last day of a grading request that runs on or after `day`. */
  async requestedUntil(agentIds: string[], day: string): Promise<Map<string, string>> {
    if (!agentIds.length) return new Map();
    const rows: { agentId: string; until: string }[] = await this.db.query(
      `SELECT "agentId", to_char(max("to"), 'YYYY-MM-DD') AS until FROM kpi_grading_requests WHERE "agentId" = ANY($1) AND "to" >= $2::date GROUP BY "agentId"`,
      [agentIds, day],
    );
    return new Map(rows.map((r) => [r.agentId, r.until]));
  }

  /** The active agents of the project with a grading request covering the day. */
  async gradingAgents(projectId: string, date: string, tx: Transaction = this.db.manager): Promise<string[]> {
    const rows: { agentId: string }[] = await tx.query(
      `SELECT DISTINCT g."agentId" FROM kpi_grading_requests g JOIN agents a ON a.id = g."agentId"
        WHERE g."projectId" = $1 AND $2::date BETWEEN g."from" AND g."to" AND a.status = 'active' ORDER BY g."agentId"`,
      [projectId, date],
    );
    return rows.map((r) => r.agentId);
  }

  /**
   * The demo centre's figures: for every active agent and every day from `from` to `to` but Sundays,
   * 8 hours and between 80 and 156 calls, 50–69 % of them successful, fixed by the employee number.
   */
  async insertDemoFigures(from: string, to: string, tx: Transaction): Promise<number> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO kpi_operational_days ("agentId", date, calls, hours, successes)
       SELECT a.id, d::date, c.calls, 8, (c.calls * (50 + x.h % 20)) / 100
         FROM agents a CROSS JOIN generate_series($1::date, $2::date, interval '1 day') d
         CROSS JOIN LATERAL (SELECT abs(hashtext(a."employeeNo")) AS h) x
         CROSS JOIN LATERAL (SELECT 8 * (10 + x.h % 10) + extract(day FROM d)::int % 5 AS calls) c
        WHERE a.status = 'active' AND extract(isodow FROM d) < 7
       ON CONFLICT DO NOTHING RETURNING 1`,
      [from, to],
    );
    return rows.length;
  }
}
