import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProblemPeriod } from '#shared/api/reports.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import { splitByMonths, type FailureRow, type ProblemThresholds } from './problems.js';

/** The evaluations and calls a summary covers: a period of one project or several (null: all), within some teams or all. */
export interface SummaryFilter {
  projectIds: string[] | null;
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

/** Count, sums and fatal ones of a group of evaluations, as the dashboard's intervals need them. */
export interface ScoreSums {
  key: string;
  n: number;
  fatal: number;
  sum: number;
  squares: number;
}

export interface InspectorRow {
  key: string;
  inspector: string;
  name: string;
  n: number;
  fatal: number;
  sum: number;
  squares: number;
  amended: number;
  days: number;
  medianSeconds: number | null;
  medianCallSeconds: number | null;
}

const SUMS = `sum(d.scored)::int AS n, sum(d.fatal)::int AS fatal, sum(d."scoreSum")::float8 AS sum, sum(d."scoreSquares")::float8 AS squares`;

const SCORE_COLUMNS = `"agentId", "callDate", "teamId", code, "projectId", scored, evaluated, failures, fatal, "scoreSum", "scoreSquares"`;

/** What counts: submitted, calibration aside. */
const COUNTED = `e.status = 'submitted' AND e.source <> 'calibration'`;

/**
 * `score_agent_days` rows from the evaluations matching `where` (on `e`): one row with code '' per
 * agent, day and team (a fatal evaluation scoring 0), and one per item code with a verdict.
 */
const scoreRows = (where: string) => `
  SELECT e."agentId", e."callDate", e."teamId", ''::varchar, e."projectId", count(*)::int, count(*)::int, sum(x.failed)::int,
         count(*) FILTER (WHERE e.fatal)::int, sum(s.score)::float8, sum(s.score * s.score)::float8
    FROM evaluations e
    CROSS JOIN LATERAL (SELECT (CASE WHEN e.fatal THEN 0 ELSE e.score END)::float8 AS score) s
    CROSS JOIN LATERAL (SELECT count(*)::int AS failed FROM evaluation_items i WHERE i."evaluationId" = e.id AND i.verdict = 'fail') x
   WHERE ${where} AND ${COUNTED}
   GROUP BY e."agentId", e."callDate", e."teamId", e."projectId"
  UNION ALL
  SELECT e."agentId", e."callDate", e."teamId", i.code, e."projectId", count(*)::int, count(*) FILTER (WHERE i.verdict <> 'na')::int,
         count(*) FILTER (WHERE i.verdict = 'fail')::int, 0, 0, 0
    FROM evaluations e JOIN evaluation_items i ON i."evaluationId" = e.id AND i.verdict IS NOT NULL
   WHERE ${where} AND ${COUNTED}
   GROUP BY e."agentId", e."callDate", e."teamId", i.code, e."projectId"`;

const TEAM_SUMS = (sign: 1 | -1) =>
  `${sign} * sum(scored), ${sign} * sum(evaluated), ${sign} * sum(failures), ${sign} * sum(fatal), ${sign} * sum("scoreSum"), ${sign} * sum("scoreSquares")`;
const ADD_TEAM_SUMS = (table: string) => `scored = ${table}.scored + EXCLUDED.scored, evaluated = ${table}.evaluated + EXCLUDED.evaluated,
    failures = ${table}.failures + EXCLUDED.failures, fatal = ${table}.fatal + EXCLUDED.fatal,
    "scoreSum" = ${table}."scoreSum" + EXCLUDED."scoreSum", "scoreSquares" = ${table}."scoreSquares" + EXCLUDED."scoreSquares"`;

/** Adds `sign` times the agent rows of the CTE `rows` to the team days and months, in key order. */
const addToTeamDays = (rows: string, sign: 1 | -1) => `,
  team_days AS (
    INSERT INTO score_team_days ("teamId", "callDate", code, "projectId", scored, evaluated, failures, fatal, "scoreSum", "scoreSquares")
    SELECT "teamId", "callDate", code, "projectId", ${TEAM_SUMS(sign)}
      FROM ${rows} GROUP BY "teamId", "callDate", code, "projectId" ORDER BY "teamId", "callDate", code
    ON CONFLICT ("teamId", "callDate", code) DO UPDATE SET ${ADD_TEAM_SUMS('score_team_days')})
  INSERT INTO score_team_months ("teamId", month, code, "projectId", scored, evaluated, failures, fatal, "scoreSum", "scoreSquares")
  SELECT "teamId", date_trunc('month', "callDate")::date, code, "projectId", ${TEAM_SUMS(sign)}
    FROM ${rows} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3
  ON CONFLICT ("teamId", month, code) DO UPDATE SET ${ADD_TEAM_SUMS('score_team_months')}`;

const INSPECTOR_COLUMNS = `"inspectorId", "callDate", "projectId", "submittedDate", evaluations, fatal, "scoreSum", "scoreSquares", amended, "workSeconds", "callSeconds", "evaluationIds"`;

/**
 * `inspector_days` rows from the evaluations matching `where`. A workspace evaluation is one opened as
 * a draft (its history starts with `created`): its seconds run from the draft's creation to submission.
 */
const inspectorRows = (where: string) => `
  SELECT e."inspectorId", e."callDate", e."projectId", e."submittedDate", count(*)::int, count(*) FILTER (WHERE e.fatal)::int,
         sum(s.score)::float8, sum(s.score * s.score)::float8,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM evaluation_history h WHERE h."evaluationId" = e.id AND h.action = 'amended'))::int,
         coalesce(array_agg(extract(epoch FROM e."submittedAt" - e."createdAt")::float8 ORDER BY e.id)
                  FILTER (WHERE EXISTS (SELECT 1 FROM evaluation_history h WHERE h."evaluationId" = e.id AND h.action = 'created')), '{}'),
         array_agg(r."durationSeconds"::float8 ORDER BY e.id), array_agg(e.id ORDER BY e.id)
    FROM evaluations e JOIN recordings r ON r.id = e."recordingId"
    CROSS JOIN LATERAL (SELECT (CASE WHEN e.fatal THEN 0 ELSE e.score END)::float8 AS score) s
   WHERE ${where} AND ${COUNTED}
   GROUP BY e."inspectorId", e."callDate", e."projectId", e."submittedDate"`;

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

  /** Count, mean score (a fatal one counting 0) and fatal share of the period's submitted, non-calibration evaluations, from the team roll-ups. */
  async evaluationTotals(f: SummaryFilter): Promise<{ evaluations: number; averageScore: number | null; fatalRate: number | null }> {
    const { sql, params } = this.teamPeriod(f, 'score_team', `code = ''`, 'scored, fatal, "scoreSum"');
    const [row] = await this.db.query(
      `SELECT coalesce(sum(d.scored), 0)::int AS evaluations,
              (sum(d."scoreSum") / nullif(sum(d.scored), 0))::float8 AS "averageScore",
              (sum(d.fatal)::float8 / nullif(sum(d.scored), 0))::float8 AS "fatalRate"
         FROM (${sql}) d`,
      params,
    );
    return row;
  }

  /** Per checklist code: how many of those evaluations scored it (not N/A) and how many failed it. */
  itemTotals(f: SummaryFilter): Promise<{ code: string; evaluated: number; failures: number }[]> {
    const { sql, params } = this.teamPeriod(f, 'score_team', `code <> ''`, 'code, scored, evaluated, failures');
    return this.db.query(
      `SELECT d.code, sum(d.evaluated)::int AS evaluated, sum(d.failures)::int AS failures
         FROM (${sql}) d GROUP BY d.code HAVING sum(d.scored) > 0 ORDER BY d.code`,
      params,
    );
  }

  /**
   * Per automatically checked code, over the period's calls that have a transcript: how many got a
   * verdict other than N/A from their latest check, and how many failed (from the machine's roll-ups).
   */
  machineTotals(f: SummaryFilter): Promise<{ code: string; calls: number; failures: number }[]> {
    const { sql, params } = this.teamPeriod(f, 'auto_check', null, 'code, results, calls, failures');
    return this.db.query(
      `SELECT d.code, sum(d.calls)::int AS calls, sum(d.failures)::int AS failures
         FROM (${sql}) d GROUP BY d.code HAVING sum(d.results) > 0 ORDER BY d.code`,
      params,
    );
  }

  /**
   * The rows of `<table>_months` for the months the period wholly covers and of `<table>_days` for the
   * days left at either end (`splitByMonths`), in the project and teams, with `condition` on each.
   */
  private teamPeriod(f: SummaryFilter, table: 'score_team' | 'auto_check', condition: string | null, columns: string): { sql: string; params: unknown[] } {
    const split = splitByMonths(f.from, f.to);
    const params: unknown[] = [];
    const parts: string[] = [];
    if (split.months) {
      const where = new SqlFilter(params)
        .within('"projectId"', f.projectIds)
        .add('month BETWEEN ? AND ?', split.months.from, split.months.to)
        .withinTeams('"teamId"', f.teamIds);
      if (condition) where.add(condition);
      parts.push(`SELECT ${columns} FROM ${table}_months ${where.where}`);
    }
    for (const days of split.days) {
      const where = new SqlFilter(params).within('"projectId"', f.projectIds).localDateBetween('"callDate"', days.from, days.to).withinTeams('"teamId"', f.teamIds);
      if (condition) where.add(condition);
      parts.push(`SELECT ${columns} FROM ${table}_days ${where.where}`);
    }
    return { sql: parts.join(' UNION ALL '), params };
  }

  /** The evaluations' totals of each local call day of the period that has any (code '' rows summed over the teams). */
  dailyScores(f: SummaryFilter): Promise<ScoreSums[]> {
    const where = this.teamDaysOf(f).add(`d.code = ''`);
    return this.db.query(
      `SELECT to_char(d."callDate", 'YYYY-MM-DD') AS key, ${SUMS}
         FROM score_team_days d ${where.where} GROUP BY d."callDate" HAVING sum(d.scored) > 0 ORDER BY d."callDate"`,
      where.params,
    );
  }

  /** The same totals per team (by team id) over the period. */
  teamScores(f: SummaryFilter): Promise<ScoreSums[]> {
    const { sql, params } = this.teamPeriod(f, 'score_team', `code = ''`, '"teamId", scored, fatal, "scoreSum", "scoreSquares"');
    return this.db.query(`SELECT d."teamId" AS key, ${SUMS} FROM (${sql}) d GROUP BY d."teamId" HAVING sum(d.scored) > 0`, params);
  }

  /** The project's teams within the caller's, with their coaching items open now and their notices not closed. */
  teamsWithOpenWork(f: {
    projectIds: string[] | null;
    teamIds: string[] | null;
  }): Promise<{ id: string; code: string; name: string; openCoachingItems: number; openNotices: number }[]> {
    const where = new SqlFilter().within('t."projectId"', f.projectIds).withinTeams('t.id', f.teamIds);
    return this.db.query(
      `SELECT t.id, t.code, t.name,
              (SELECT count(*)::int FROM coaching_items c WHERE c."teamId" = t.id AND c.status = 'open') AS "openCoachingItems",
              (SELECT count(*)::int FROM rectification_notices n WHERE n."teamId" = t.id AND n.status <> 'closed') AS "openNotices"
         FROM teams t ${where.where} ORDER BY t.code`,
      where.params,
    );
  }

  /** Each evaluated agent of the team over the period, with the failed items of those evaluations. */
  agentScores(f: { teamId: string; from: string; to: string }): Promise<(ScoreSums & { agent: string; name: string; failures: number })[]> {
    const where = new SqlFilter().add('d."teamId" = ?', f.teamId).localDateBetween('d."callDate"', f.from, f.to).add(`d.code = ''`);
    return this.db.query(
      `SELECT a."employeeNo" AS agent, a.name, g.* FROM (
         SELECT d."agentId" AS key, ${SUMS}, sum(d.failures)::int AS failures
           FROM score_agent_days d ${where.where} GROUP BY d."agentId" HAVING sum(d.scored) > 0) g
         JOIN agents a ON a.id = g.key`,
      where.params,
    );
  }

  /** Each inspector's evaluations of the projects' calls of the period (null: all projects), from `inspector_days`. */
  async inspectorFigures(f: { projectIds: string[] | null; from: string; to: string }): Promise<InspectorRow[]> {
    const where = new SqlFilter().within('d."projectId"', f.projectIds).localDateBetween('d."callDate"', f.from, f.to);
    const [totals, work, calls] = await Promise.all([
      this.db.query(
        `SELECT u.username AS inspector, u."displayName" AS name, g.* FROM (
           SELECT d."inspectorId" AS key, sum(d.evaluations)::int AS n, sum(d.fatal)::int AS fatal, sum(d."scoreSum")::float8 AS sum,
                  sum(d."scoreSquares")::float8 AS squares, sum(d.amended)::int AS amended, count(DISTINCT d."submittedDate")::int AS days
             FROM inspector_days d ${where.where} GROUP BY d."inspectorId" HAVING sum(d.evaluations) > 0) g
           JOIN users u ON u.id = g.key ORDER BY u.username`,
        where.params,
      ),
      this.db.query(
        `SELECT d."inspectorId" AS key, percentile_cont(0.5) WITHIN GROUP (ORDER BY s)::float8 AS median
           FROM inspector_days d CROSS JOIN LATERAL unnest(d."workSeconds") s ${where.where} GROUP BY d."inspectorId"`,
        where.params,
      ),
      this.db.query(
        `SELECT d."inspectorId" AS key, percentile_cont(0.5) WITHIN GROUP (ORDER BY s)::float8 AS median
           FROM inspector_days d CROSS JOIN LATERAL unnest(d."callSeconds") s ${where.where} GROUP BY d."inspectorId"`,
        where.params,
      ),
    ]);
    const workOf = new Map((work as { key: string; median: number }[]).map((w) => [w.key, w.median]));
    const callOf = new Map((calls as { key: string; median: number }[]).map((w) => [w.key, w.median]));
    return (totals as Omit<InspectorRow, 'medianSeconds' | 'medianCallSeconds'>[]).map((t) => ({
      ...t,
      medianSeconds: workOf.get(t.key) ?? null,
      medianCallSeconds: callOf.get(t.key) ?? null,
    }));
  }

  private teamDaysOf(f: SummaryFilter): SqlFilter {
    return new SqlFilter([]).within('d."projectId"', f.projectIds).localDateBetween('d."callDate"', f.from, f.to).withinTeams('d."teamId"', f.teamIds);
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
    await this.recordDashboardTotals(evaluationId, agentId, callDate, tx);
  }

  /** The dashboard's roll-ups of the evaluation's agent, call day and inspector (the benchmark times the submit with and without them). */
  async recordDashboardTotals(evaluationId: string, agentId: string, callDate: string, tx: Transaction): Promise<void> {
    await this.recordScores(agentId, callDate, tx);
    await this.recordInspector(evaluationId, tx);
  }

  /**
   * The dashboard's totals of the agent and call day, recomputed from its evaluations, and the team's
   * days and months moved by the difference between the agent's rows before and after. The team
   * months' locks, taken in order, keep two agents of one team from changing its rows in opposite orders.
   */
  private async recordScores(agentId: string, callDate: string, tx: Transaction): Promise<void> {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('score-team-month:' || t || ':' || date_trunc('month', $2::date)::date, 0))
         FROM (SELECT "teamId"::text AS t FROM evaluations WHERE "agentId" = $1 AND "callDate" = $2
               UNION SELECT "teamId"::text FROM score_agent_days WHERE "agentId" = $1 AND "callDate" = $2 ORDER BY 1) teams`,
      [agentId, callDate],
    );
    await tx.query(`WITH old AS (DELETE FROM score_agent_days WHERE "agentId" = $1 AND "callDate" = $2 RETURNING *) ${addToTeamDays('old', -1)}`, [agentId, callDate]);
    await tx.query(
      `WITH fresh AS (INSERT INTO score_agent_days (${SCORE_COLUMNS}) ${scoreRows('e."agentId" = $1 AND e."callDate" = $2')} RETURNING *) ${addToTeamDays('fresh', 1)}`,
      [agentId, callDate],
    );
  }

  /**
   * The inspector's totals of the evaluation's call day: a submission not yet counted is added to its
   * row; anything else (an amendment) recomputes the inspector's rows of that day from the evaluations.
   */
  private async recordInspector(evaluationId: string, tx: Transaction): Promise<void> {
    const [e] = await tx.query(
      `SELECT e."inspectorId", to_char(e."callDate", 'YYYY-MM-DD') AS "callDate", e."projectId", e."submittedDate", (${COUNTED}) AS counted
         FROM evaluations e WHERE e.id = $1`,
      [evaluationId],
    );
    const { inspectorId, callDate } = e as { inspectorId: string; callDate: string };
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`inspector-totals:${inspectorId}:${callDate}`]);
    const [row] = await tx.query(
      `SELECT $4::uuid = ANY("evaluationIds") AS counted FROM inspector_days WHERE "inspectorId" = $1 AND "callDate" = $2 AND "projectId" = $3 AND "submittedDate" = $5`,
      [inspectorId, callDate, e.projectId, evaluationId, e.submittedDate],
    );
    if (e.counted && !row?.counted) {
      await tx.query(
        `INSERT INTO inspector_days (${INSPECTOR_COLUMNS}) ${inspectorRows('e.id = $1')}
         ON CONFLICT ("inspectorId", "callDate", "projectId", "submittedDate") DO UPDATE SET
           evaluations = inspector_days.evaluations + EXCLUDED.evaluations, fatal = inspector_days.fatal + EXCLUDED.fatal,
           "scoreSum" = inspector_days."scoreSum" + EXCLUDED."scoreSum", "scoreSquares" = inspector_days."scoreSquares" + EXCLUDED."scoreSquares",
           amended = inspector_days.amended + EXCLUDED.amended, "workSeconds" = inspector_days."workSeconds" || EXCLUDED."workSeconds",
           "callSeconds" = inspector_days."callSeconds" || EXCLUDED."callSeconds", "evaluationIds" = inspector_days."evaluationIds" || EXCLUDED."evaluationIds"`,
        [evaluationId],
      );
      return;
    }
    await tx.query(`DELETE FROM inspector_days WHERE "inspectorId" = $1 AND "callDate" = $2`, [inspectorId, callDate]);
    await tx.query(`INSERT INTO inspector_days (${INSPECTOR_COLUMNS}) ${inspectorRows('e."inspectorId" = $1 AND e."callDate" = $2')}`, [inspectorId, callDate]);
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
      await tx.query(`DELETE FROM score_agent_days`);
      await tx.query(`DELETE FROM score_team_days`);
      await tx.query(`DELETE FROM inspector_days`);
      await tx.query(`INSERT INTO score_agent_days (${SCORE_COLUMNS}) ${scoreRows('TRUE')}`);
      await tx.query(
        `INSERT INTO score_team_days ("teamId", "callDate", code, "projectId", scored, evaluated, failures, fatal, "scoreSum", "scoreSquares")
         SELECT "teamId", "callDate", code, "projectId", sum(scored), sum(evaluated), sum(failures), sum(fatal), sum("scoreSum"), sum("scoreSquares")
           FROM score_agent_days GROUP BY 1, 2, 3, 4`,
      );
      await tx.query(`DELETE FROM score_team_months`);
      await tx.query(
        `INSERT INTO score_team_months ("teamId", month, code, "projectId", scored, evaluated, failures, fatal, "scoreSum", "scoreSquares")
         SELECT "teamId", date_trunc('month', "callDate")::date, code, "projectId", sum(scored), sum(evaluated), sum(failures), sum(fatal), sum("scoreSum"), sum("scoreSquares")
           FROM score_team_days GROUP BY 1, 2, 3, 4`,
      );
      await tx.query(`INSERT INTO inspector_days (${INSPECTOR_COLUMNS}) ${inspectorRows('TRUE')}`);
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

  /**
   * One item's verdicts in one project, by 7-day week counted from `anchor` (week 0 starts on it,
   * week -1 the seven days before), over [from, to]: from the daily team roll-ups.
   */
  itemWeeks(f: { projectId: string; code: string; anchor: string; from: string; to: string }): Promise<{ week: number; evaluated: number; failures: number }[]> {
    return this.db.query(
      `SELECT floor(("callDate" - $3::date) / 7.0)::int AS week, sum(evaluated)::int AS evaluated, sum(failures)::int AS failures
         FROM score_team_days WHERE "projectId" = $1 AND code = $2 AND "callDate" BETWEEN $4::date AND $5::date
        GROUP BY 1 ORDER BY 1`,
      [f.projectId, f.code, f.anchor, f.from, f.to],
    );
  }
}
