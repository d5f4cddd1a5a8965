import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ExamKind } from '#shared/api/kpi.js';
import type { AgentGrade } from '#shared/org.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';

export interface ExamRow {
  id: string;
  agent: string;
  kind: ExamKind;
  date: string;
  score: number;
  passed: boolean;
  recordedBy: string;
}

export interface PromotionRow {
  id: string;
  agentId: string;
  agent: string;
  agentName: string;
  teamId: string;
  team: string;
  fromGrade: AgentGrade;
  toGrade: AgentGrade;
  quarter: string;
  reason: string | null;
  status: 'pending' | 'approved' | 'rejected';
  approverIds: string[];
  approvers: string[];
  approvedSteps: number;
  appliedBy: string;
  createdAt: Date;
  effectiveOn: string | null;
}

export interface DecisionRow {
  promotionId: string;
  step: number;
  by: string;
  action: 'approve' | 'reject';
  comment: string | null;
  at: Date;
}

export interface GradeChangeRow {
  agent: string;
  fromGrade: AgentGrade;
  toGrade: AgentGrade;
  effectiveOn: string;
  promotionId: string | null;
  changedBy: string;
}

const PROMOTION = `SELECT p.id, p."agentId", a."employeeNo" AS agent, a.name AS "agentName", a."teamId", t.code AS team, p."fromGrade", p."toGrade", p.quarter,
       p.reason, p.status, p."approverIds",
       ARRAY(SELECT u.username FROM unnest(p."approverIds") WITH ORDINALITY AS x(id, n) JOIN users u ON u.id = x.id ORDER BY x.n) AS approvers,
       p."approvedSteps", ap.username AS "appliedBy", p."createdAt", to_char(p."effectiveOn", 'YYYY-MM-DD') AS "effectiveOn"
  FROM kpi_promotions p JOIN agents a ON a.id = p."agentId" JOIN teams t ON t.id = a."teamId" JOIN users ap ON ap.id = p."appliedBy"`;

/** The queries behind exams, promotion applications and the grade history. */
@Injectable()
export class PromotionsRepository {
  constructor(private readonly db: DataSource) {}

  async insertExam(e: { agentId: string; kind: ExamKind; date: string; score: number; passed: boolean; recordedBy: string }, tx: Transaction): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO kpi_exams ("agentId", kind, date, score, passed, "recordedBy") VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [e.agentId, e.kind, e.date, e.score, e.passed, e.recordedBy],
    );
    return row.id;
  }

  exams(f: { agentId?: string; id?: string }): Promise<ExamRow[]> {
    const filter = new SqlFilter().equals('x."agentId"', f.agentId).equals('x.id', f.id);
    return this.db.query(
      `SELECT x.id, a."employeeNo" AS agent, x.kind, to_char(x.date, 'YYYY-MM-DD') AS date, x.score, x.passed, u.username AS "recordedBy"
         FROM kpi_exams x JOIN agents a ON a.id = x."agentId" JOIN users u ON u.id = x."recordedBy" ${filter.where} ORDER BY x.date, x."createdAt"`,
      filter.params,
    );
  }

  async hasPassed(agentId: string, kind: ExamKind, tx: Transaction): Promise<boolean> {
    const rows: unknown[] = await tx.query(`SELECT 1 FROM kpi_exams WHERE "agentId" = $1 AND kind = $2 AND passed LIMIT 1`, [agentId, kind]);
    return rows.length > 0;
  }

  /** Active users by username, with their roles. */
  usersByName(usernames: string[]): Promise<{ id: string; username: string; roles: string[]; active: boolean }[]> {
    return this.db.query(`SELECT id, username, roles::text[] AS roles, active FROM users WHERE lower(username) = ANY($1)`, [usernames.map((u) => u.toLowerCase())]);
  }

  async insertPromotion(
    p: { agentId: string; fromGrade: AgentGrade; toGrade: AgentGrade; quarter: string; reason: string | null; approverIds: string[]; appliedBy: string },
    tx: Transaction,
  ): Promise<string | null> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO kpi_promotions ("agentId", "fromGrade", "toGrade", quarter, reason, "approverIds", "appliedBy") VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ("agentId") WHERE status = 'pending' DO NOTHING RETURNING id`,
      [p.agentId, p.fromGrade, p.toGrade, p.quarter, p.reason, p.approverIds, p.appliedBy],
    );
    return row?.id ?? null;
  }

  async promotion(id: string, tx: Transaction = this.db.manager): Promise<PromotionRow | null> {
    const [row] = await tx.query(`${PROMOTION} WHERE p.id = $1`, [id]);
    return row ?? null;
  }

  /** Newest first, within the teams given (null: all); `approverId` keeps those waiting for that user's step. */
  promotions(f: { teamIds: string[] | null; status?: string; waitingFor?: string; agentId?: string }): Promise<PromotionRow[]> {
    const filter = new SqlFilter().withinTeams('a."teamId"', f.teamIds).equals('p.status', f.status).equals('p."agentId"', f.agentId);
    if (f.waitingFor) filter.add(`p.status = 'pending' AND p."approverIds"[p."approvedSteps" + 1] = ?`, f.waitingFor);
    return this.db.query(`${PROMOTION} ${filter.where} ORDER BY p."createdAt" DESC, p.id LIMIT 500`, filter.params);
  }

  /**
   * The decided promotions the user applied for or was named on, within the teams given, whose
   * last decision came on or after `since`: newest decision first.
   */
  decidedFor(f: { userId: string; teamIds: string[] | null; since: Date; limit: number }): Promise<PromotionRow[]> {
    const filter = new SqlFilter()
      .withinTeams('a."teamId"', f.teamIds)
      .add(`p.status <> 'pending'`)
      .add(`(p."appliedBy" = ? OR ? = ANY(p."approverIds"))`, f.userId, f.userId);
    filter.add(`d.last >= ?`, f.since);
    return this.db.query(
      `SELECT * FROM (${PROMOTION.replace('FROM kpi_promotions p', `, d.last AS "decidedAt" FROM kpi_promotions p JOIN LATERAL (SELECT max(at) AS last FROM kpi_promotion_decisions WHERE "promotionId" = p.id) d ON true`)} ${filter.where}) x
        ORDER BY x."decidedAt" DESC, x.id LIMIT ${Number(f.limit)}`,
      filter.params,
    );
  }

  decisions(promotionIds: string[]): Promise<DecisionRow[]> {
    if (!promotionIds.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT d."promotionId", d.step, u.username AS by, d.action, d.comment, d.at FROM kpi_promotion_decisions d JOIN users u ON u.id = d."userId"
        WHERE d."promotionId" = ANY($1) ORDER BY d.step`,
      [promotionIds],
    );
  }

  /**
   * Records the decision of step `step` when the promotion is still pending at that step (the lock
   * against two approvals at once): answers whether it was taken.
   */
  async decide(
    d: { promotionId: string; step: number; userId: string; action: 'approve' | 'reject'; comment: string | null; effectiveOn: string | null },
    tx: Transaction,
  ): Promise<boolean> {
    const moved: unknown[] = await tx.query(
      `UPDATE kpi_promotions SET "approvedSteps" = "approvedSteps" + CASE WHEN $3 = 'approve' THEN 1 ELSE 0 END,
              status = CASE WHEN $3 = 'reject' THEN 'rejected' WHEN "approvedSteps" + 1 = cardinality("approverIds") THEN 'approved' ELSE 'pending' END,
              "effectiveOn" = $4
        WHERE id = $1 AND status = 'pending' AND "approvedSteps" = $2 RETURNING id`,
      [d.promotionId, d.step, d.action, d.effectiveOn],
    );
    if (!moved.length) return false;
    await tx.query(`INSERT INTO kpi_promotion_decisions ("promotionId", step, "userId", action, comment) VALUES ($1, $2, $3, $4, $5)`, [
      d.promotionId,
      d.step,
      d.userId,
      d.action,
      d.comment,
    ]);
    return true;
  }

  /** Changes the agent's grade and keeps the change. */
  async changeGrade(c: { agentId: string; fromGrade: AgentGrade; toGrade: AgentGrade; effectiveOn: string; promotionId: string; changedBy: string }, tx: Transaction) {
    await tx.query(`UPDATE agents SET grade = $2 WHERE id = $1`, [c.agentId, c.toGrade]);
    await tx.query(`INSERT INTO agent_grade_history ("agentId", "fromGrade", "toGrade", "effectiveOn", "promotionId", "changedBy") VALUES ($1, $2, $3, $4, $5, $6)`, [
      c.agentId,
      c.fromGrade,
      c.toGrade,
      c.effectiveOn,
      c.promotionId,
      c.changedBy,
    ]);
  }

  gradeHistory(agentId: string): Promise<GradeChangeRow[]> {
    return this.db.query(
      `SELECT a."employeeNo" AS agent, h."fromGrade", h."toGrade", to_char(h."effectiveOn", 'YYYY-MM-DD') AS "effectiveOn", h."promotionId", u.username AS "changedBy"
         FROM agent_grade_history h JOIN agents a ON a.id = h."agentId" JOIN users u ON u.id = h."changedBy"
        WHERE h."agentId" = $1 ORDER BY h."effectiveOn", h.id`,
      [agentId],
    );
  }
}
