import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProblemPeriod } from '#shared/api/reports.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import { splitByMonths, type FailureRow, type ProblemThresholds } from './problems.js';

/** The evaluations and calls a summary covers: one project's period, within some teams or all. */
export interface SummaryFilter {
  projectId: string;
  from: string;
  to: string;
  teamIds: string[] | null;
}

export interface PlanRow {
  team: string;
  code: string;
  period: ProblemPeriod;
  periodStart: string;
  text: string;
  owner: string;
  due: string;
  revision: number;
  updatedByName: string;
  updatedAt: Date;
}

const PLAN_COLUMNS = `t.code AS team, p.code, p.period, to_char(p."periodStart", 'YYYY-MM-DD') AS "periodStart", p.text, p.owner,
  to_char(p.due, 'YYYY-MM-DD') AS due, p.revision, p."updatedByName", p."updatedAt"`;

@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * One row per team, agent and failed item over the submitted evaluations (calibration aside) of the
   * period's calls, with a row whose code is null for each evaluated agent, so every evaluated agent
   * appears. Read from the running totals: the months the period wholly covers from `problem_months`,
   * the days left at either end from `problem_days` (a year is about twelve rows an agent and item,
   * not every failed item of the year).
   */
  failures(f: { projectId: string; from: string; to: string; teamIds: string[] | null }): Promise<FailureRow[]> {
    const split = splitByMonths(f.from, f.to);
    const params: unknown[] = [];
    const parts: string[] = [];
    if (split.months) {
      const where = new SqlFilter(params)
        .add('"projectId" = ?', f.projectId)
        .add('month BETWEEN ? AND ?', split.months.from, split.months.to)
        .withinTeams('"teamId"', f.teamIds);
      parts.push(`SELECT "teamId", "agentId", code, n FROM problem_months ${where.where}`);
    }
    for (const days of split.days) {
      const where = new SqlFilter(params).add('"projectId" = ?', f.projectId).localDateBetween('"callDate"', days.from, days.to).withinTeams('"teamId"', f.teamIds);
      parts.push(`SELECT "teamId", "agentId", code, n FROM problem_days ${where.where}`);
    }
    return this.db.query(
      `SELECT t.code AS team, a."employeeNo" AS agent, NULLIF(g.code, '') AS code, g.failures
         FROM (SELECT "teamId", "agentId", code, sum(n)::int AS failures FROM (${parts.join(' UNION ALL ')}) u GROUP BY "teamId", "agentId", code) g
         JOIN teams t ON t.id = g."teamId"
         JOIN agents a ON a.id = g."agentId"`,
      params,
    );
  }

  /** Count, mean score (a fatal one counting 0) and fatal share of the period's submitted, non-calibration evaluations. */
  async evaluationTotals(f: SummaryFilter): Promise<{ evaluations: number; averageScore: number | null; fatalRate: number | null }> {
    const where = this.evaluationsOf(f, []);
    const [row] = await this.db.query(
      `SELECT count(*)::int AS evaluations,
              avg(CASE WHEN e.fatal THEN 0 ELSE e.score END)::float8 AS "averageScore",
              avg(CASE WHEN e.fatal THEN 1 ELSE 0 END)::float8 AS "fatalRate"
         FROM evaluations e ${where.where}`,
      where.params,
    );
    return row;
  }

  /** Per checklist code: how many of those evaluations scored it (not N/A) and how many failed it. */
  itemTotals(f: SummaryFilter): Promise<{ code: string; evaluated: number; failures: number }[]> {
    const where = this.evaluationsOf(f, []);
    return this.db.query(
      `SELECT i.code, count(*) FILTER (WHERE i.verdict <> 'na')::int AS evaluated, count(*) FILTER (WHERE i.verdict = 'fail')::int AS failures
         FROM evaluations e JOIN evaluation_items i ON i."evaluationId" = e.id
         ${where.where} AND i.verdict IS NOT NULL
        GROUP BY i.code ORDER BY i.code`,
      where.params,
    );
  }

  /**
   * Per automatically checked code, over the period's calls that have a transcript: how many got a
   * verdict other than N/A from their latest check, and how many failed.
   */
  machineTotals(f: SummaryFilter): Promise<{ code: string; calls: number; failures: number }[]> {
    const where = new SqlFilter([]).add('r."projectId" = ?', f.projectId).localDateBetween('r."localDate"', f.from, f.to).withinTeams('r."teamId"', f.teamIds);
    return this.db.query(
      `SELECT v.code, count(*) FILTER (WHERE v.verdict <> 'na')::int AS calls, count(*) FILTER (WHERE v.verdict = 'fail')::int AS failures
         FROM (SELECT DISTINCT ON (c."recordingId") c.results
                 FROM recordings r
                 JOIN recording_transcripts tr ON tr."recordingId" = r.id
                 JOIN recording_auto_checks c ON c."recordingId" = r.id
                 ${where.where}
                ORDER BY c."recordingId", c."checkedAt" DESC) latest
         CROSS JOIN LATERAL jsonb_to_recordset(latest.results) AS v(code text, verdict text)
        GROUP BY v.code ORDER BY v.code`,
      where.params,
    );
  }

  private evaluationsOf(f: SummaryFilter, params: unknown[]): SqlFilter {
    return new SqlFilter(params)
      .add('e."projectId" = ?', f.projectId)
      .add("e.status = 'submitted'")
      .add("e.source <> 'calibration'")
      .localDateBetween('e."callDate"', f.from, f.to)
      .withinTeams('e."teamId"', f.teamIds);
  }

  /**
   * Recomputes the totals of the agent and call day of this evaluation from their evaluations as they
   * stand in `tx`, then those of its month: called whenever an evaluation is submitted or amended.
   * The agent's lock serialises two submissions for the same agent, so neither misses the other.
   */
  async recordEvaluation(evaluationId: string, tx: Transaction): Promise<void> {
    const [evaluation] = await tx.query(`SELECT "agentId", to_char("callDate", 'YYYY-MM-DD') AS "callDate" FROM evaluations WHERE id = $1`, [evaluationId]);
    if (!evaluation) return;
    const { agentId, callDate } = evaluation as { agentId: string; callDate: string };
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`problem-totals:${agentId}`]);
    await tx.query(`DELETE FROM problem_days WHERE "agentId" = $1 AND "callDate" = $2`, [agentId, callDate]);
    await tx.query(
      `INSERT INTO problem_days ("agentId", "callDate", "teamId", code, "projectId", n)
       SELECT e."agentId", e."callDate", e."teamId", '', e."projectId", count(*)::int
         FROM evaluations e WHERE e."agentId" = $1 AND e."callDate" = $2 AND e.status = 'submitted' AND e.source <> 'calibration'
        GROUP BY e."agentId", e."callDate", e."teamId", e."projectId"
       UNION ALL
       SELECT e."agentId", e."callDate", e."teamId", i.code, e."projectId", count(*)::int
         FROM evaluations e JOIN evaluation_items i ON i."evaluationId" = e.id AND i.verdict = 'fail'
        WHERE e."agentId" = $1 AND e."callDate" = $2 AND e.status = 'submitted' AND e.source <> 'calibration'
        GROUP BY e."agentId", e."callDate", e."teamId", i.code, e."projectId"`,
      [agentId, callDate],
    );
    await tx.query(`DELETE FROM problem_months WHERE "agentId" = $1 AND month = date_trunc('month', $2::date)::date`, [agentId, callDate]);
    await tx.query(
      `INSERT INTO problem_months ("agentId", month, "teamId", code, "projectId", n)
       SELECT "agentId", date_trunc('month', "callDate")::date, "teamId", code, "projectId", sum(n)::int
         FROM problem_days
        WHERE "agentId" = $1 AND "callDate" >= date_trunc('month', $2::date)::date AND "callDate" < (date_trunc('month', $2::date) + interval '1 month')::date
        GROUP BY 1, 2, 3, 4, 5`,
      [agentId, callDate],
    );
  }

  /** Rebuilds every total from the evaluations (e.g. after evaluations were loaded with SQL, as the benchmark does). */
  async rebuildTotals(tx: Transaction): Promise<void> {
    {
      await tx.query(`DELETE FROM problem_days`);
      await tx.query(`DELETE FROM problem_months`);
      await tx.query(
        `INSERT INTO problem_days ("agentId", "callDate", "teamId", code, "projectId", n)
         SELECT e."agentId", e."callDate", e."teamId", '', e."projectId", count(*)::int
           FROM evaluations e WHERE e.status = 'submitted' AND e.source <> 'calibration'
          GROUP BY e."agentId", e."callDate", e."teamId", e."projectId"
         UNION ALL
         SELECT e."agentId", e."callDate", e."teamId", i.code, e."projectId", count(*)::int
           FROM evaluations e JOIN evaluation_items i ON i."evaluationId" = e.id AND i.verdict = 'fail'
          WHERE e.status = 'submitted' AND e.source <> 'calibration'
          GROUP BY e."agentId", e."callDate", e."teamId", i.code, e."projectId"`,
      );
      await tx.query(
        `INSERT INTO problem_months ("agentId", month, "teamId", code, "projectId", n)
         SELECT "agentId", date_trunc('month', "callDate")::date, "teamId", code, "projectId", sum(n)::int FROM problem_days GROUP BY 1, 2, 3, 4, 5`,
      );
    }
  }

  async thresholds(projectId: string): Promise<ProblemThresholds | null> {
    const [row] = await this.db.query(`SELECT "minAgents", "minShare" FROM problem_settings WHERE "projectId" = $1`, [projectId]);
    return row ? { minAgents: row.minAgents, minShare: Number(row.minShare) } : null;
  }

  async saveThresholds(projectId: string, t: ProblemThresholds, updatedBy: string, tx: Transaction): Promise<void> {
    await tx.query(
      `INSERT INTO problem_settings ("projectId", "minAgents", "minShare", "updatedBy") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("projectId") DO UPDATE SET "minAgents" = EXCLUDED."minAgents", "minShare" = EXCLUDED."minShare",
         "updatedBy" = EXCLUDED."updatedBy", "updatedAt" = now()`,
      [projectId, t.minAgents, t.minShare, updatedBy],
    );
  }

  /** The plans of the project's teams (within the caller's) for one period. */
  plans(f: { projectId: string; period: ProblemPeriod; from: string; teamIds: string[] | null }): Promise<PlanRow[]> {
    const where = new SqlFilter()
      .add(`t."projectId" = ?`, f.projectId)
      .add('p.period = ?', f.period)
      .add('p."periodStart" = ?', f.from)
      .withinTeams('p."teamId"', f.teamIds);
    return this.db.query(`SELECT ${PLAN_COLUMNS} FROM problem_plans p JOIN teams t ON t.id = p."teamId" ${where.where}`, where.params);
  }

  async plan(teamId: string, code: string, period: ProblemPeriod, from: string, tx?: Transaction): Promise<PlanRow | null> {
    const [row] = await (tx ?? this.db).query(
      `SELECT ${PLAN_COLUMNS} FROM problem_plans p JOIN teams t ON t.id = p."teamId"
        WHERE p."teamId" = $1 AND p.code = $2 AND p.period = $3 AND p."periodStart" = $4 FOR UPDATE OF p`,
      [teamId, code, period, from],
    );
    return row ?? null;
  }

  async insertPlan(
    v: { teamId: string; code: string; period: ProblemPeriod; from: string; text: string; owner: string; due: string; userId: string; username: string },
    tx: Transaction,
  ) {
    await tx.query(
      `INSERT INTO problem_plans ("teamId", code, period, "periodStart", text, owner, due, "updatedBy", "updatedByName") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [v.teamId, v.code, v.period, v.from, v.text, v.owner, v.due, v.userId, v.username],
    );
  }

  async updatePlan(
    v: { teamId: string; code: string; period: ProblemPeriod; from: string; text: string; owner: string; due: string; userId: string; username: string },
    tx: Transaction,
  ) {
    await tx.query(
      `UPDATE problem_plans SET text = $5, owner = $6, due = $7, "updatedBy" = $8, "updatedByName" = $9, revision = revision + 1, "updatedAt" = now()
        WHERE "teamId" = $1 AND code = $2 AND period = $3 AND "periodStart" = $4`,
      [v.teamId, v.code, v.period, v.from, v.text, v.owner, v.due, v.userId, v.username],
    );
  }
}
