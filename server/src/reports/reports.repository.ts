import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProblemPeriod } from '#shared/api/reports.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import type { FailureRow, ProblemThresholds } from './problems.js';

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
   * period's calls, with a row whose code is null for each agent's evaluations without a failure, so
   * every evaluated agent appears. Served by IDX_evaluations_project_call_date and the items' key.
   */
  failures(f: { projectId: string; from: string; to: string; teamIds: string[] | null }): Promise<FailureRow[]> {
    const where = new SqlFilter()
      .add(`e."projectId" = ?`, f.projectId)
      .localDateBetween('e."callDate"', f.from, f.to)
      .add(`e.status = 'submitted'`)
      .add(`e.source <> 'calibration'`)
      .withinTeams('e."teamId"', f.teamIds);
    return this.db.query(
      `SELECT t.code AS team, a."employeeNo" AS agent, g.code, g.failures
         FROM (SELECT e."teamId", e."agentId", i.code, count(i.code)::int AS failures
                 FROM evaluations e
                 LEFT JOIN evaluation_items i ON i."evaluationId" = e.id AND i.verdict = 'fail'
                ${where.where}
                GROUP BY e."teamId", i.code, e."agentId") g
         JOIN teams t ON t.id = g."teamId"
         JOIN agents a ON a.id = g."agentId"`,
      where.params,
    );
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
