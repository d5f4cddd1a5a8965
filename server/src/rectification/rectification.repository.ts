import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RectificationStatus } from '#shared/api/rectification.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';

/** A notice with the names it is shown with, as read (see `toRectificationNotice`). */
export interface NoticeRow {
  id: string;
  teamId: string;
  team: string;
  teamName: string;
  projectId: string;
  project: string;
  projectName: string;
  codes: string[];
  evaluationIds: string[];
  actions: string;
  deadline: string;
  recheckFrom: string;
  status: RectificationStatus;
  actionPlan: string | null;
  revision: number;
  issuedBy: string;
  issuedByName: string;
  createdAt: Date;
}

export interface StepRow {
  noticeId: string;
  action: string;
  fromStatus: RectificationStatus | null;
  toStatus: RectificationStatus;
  by: string | null;
  at: Date;
  note: string | null;
}

/** One failed item of an evidence evaluation, as the printed notice shows it. */
export interface EvidenceRow {
  evaluationId: string;
  startedAt: Date;
  agent: string;
  agentName: string;
  code: string;
  comment: string | null;
  at: number | null;
}

export interface NewNotice {
  teamId: string;
  projectId: string;
  codes: string[];
  evaluationIds: string[];
  actions: string;
  deadline: string;
  recheckFrom: string;
  issuedBy: string;
}

const NOTICE_COLUMNS = `n.id, n."teamId", t.code AS team, t.name AS "teamName", n."projectId", p.code AS project, p.name AS "projectName",
  n.codes, n."evaluationIds", n.actions, to_char(n.deadline, 'YYYY-MM-DD') AS deadline, to_char(n."recheckFrom", 'YYYY-MM-DD') AS "recheckFrom",
  n.status, n."actionPlan", n.revision, u.username AS "issuedBy", u."displayName" AS "issuedByName", n."createdAt"`;
const NOTICE_FROM = `FROM rectification_notices n JOIN teams t ON t.id = n."teamId" JOIN projects p ON p.id = n."projectId" JOIN users u ON u.id = n."issuedBy"`;

/** The queries behind rectification notices: the notices, their history, their evidence, and what sampling re-checks. */
@Injectable()
export class RectificationRepository {
  constructor(private readonly db: DataSource) {}

  async insert(n: NewNotice, tx: Transaction): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO rectification_notices ("teamId", "projectId", codes, "evaluationIds", actions, deadline, "recheckFrom", status, "issuedBy")
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'issued', $8) RETURNING id`,
      [n.teamId, n.projectId, n.codes, n.evaluationIds, n.actions, n.deadline, n.recheckFrom, n.issuedBy],
    );
    return row.id;
  }

  async addStep(
    step: { noticeId: string; userId: string | null; action: string; from: RectificationStatus | null; to: RectificationStatus; note?: string | null },
    tx: Transaction,
  ): Promise<void> {
    await tx.query(`INSERT INTO rectification_notice_history ("noticeId", "userId", action, "fromStatus", "toStatus", note) VALUES ($1, $2, $3, $4, $5, $6)`, [
      step.noticeId,
      step.userId,
      step.action,
      step.from,
      step.to,
      step.note ?? null,
    ]);
  }

  /**
   * Moves the notice to `to` when it is still in one of `from` and at `revision` (when given): the
   * optimistic lock. Answers whether it moved.
   */
  async transition(
    id: string,
    change: { from: RectificationStatus[]; to: RectificationStatus; revision?: number; actionPlan?: string },
    tx: Transaction,
  ): Promise<boolean> {
    const filter = new SqlFilter([id, change.to, change.actionPlan ?? null]).add('n.status = ANY(?)', change.from).equals('n.revision', change.revision);
    const rows: { id: string }[] = await tx.query(
      `WITH moved AS (UPDATE rectification_notices n SET status = $2, "actionPlan" = COALESCE($3, n."actionPlan"), revision = n.revision + 1
                       WHERE n.id = $1 AND ${filter.conjunction} RETURNING n.id)
       SELECT id FROM moved`,
      filter.params,
    );
    return rows.length > 0;
  }

  async byId(id: string, tx: Transaction = this.db.manager): Promise<NoticeRow | null> {
    const [row] = await tx.query(`SELECT ${NOTICE_COLUMNS} ${NOTICE_FROM} WHERE n.id = $1`, [id]);
    return row ?? null;
  }

  /** Newest first, within the teams given (null: all). */
  list(f: { teamIds: string[] | null; teamId?: string; status?: string }): Promise<NoticeRow[]> {
    const filter = new SqlFilter().withinTeams('n."teamId"', f.teamIds).equals('n."teamId"', f.teamId).equals('n.status', f.status);
    return this.db.query(`SELECT ${NOTICE_COLUMNS} ${NOTICE_FROM} ${filter.where} ORDER BY n."createdAt" DESC, n.id`, filter.params);
  }

  history(noticeIds: string[]): Promise<StepRow[]> {
    if (!noticeIds.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT h."noticeId", h.action, h."fromStatus", h."toStatus", u.username AS by, h.at, h.note
         FROM rectification_notice_history h LEFT JOIN users u ON u.id = h."userId"
        WHERE h."noticeId" = ANY($1) ORDER BY h.at, h.id`,
      [noticeIds],
    );
  }

  /** Of the ids given, those that are submitted evaluations of the team (calibration ones are no evidence). */
  async submittedOfTeam(ids: string[], teamId: string): Promise<string[]> {
    if (!ids.length) return [];
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM evaluations WHERE id = ANY($1) AND "teamId" = $2 AND status = 'submitted' AND source <> 'calibration'`,
      [ids, teamId],
    );
    return rows.map((r) => r.id);
  }

  /** The evidence evaluations' items among `codes`, failed, with the call's start and the agent. */
  evidence(evaluationIds: string[], codes: string[]): Promise<EvidenceRow[]> {
    if (!evaluationIds.length) return Promise.resolve([]);
    return this.db.query(
      `SELECT e.id AS "evaluationId", r."startedAt", a."employeeNo" AS agent, a.name AS "agentName", i.code, i.comment, i.at
         FROM evaluations e JOIN recordings r ON r.id = e."recordingId" JOIN agents a ON a.id = e."agentId"
         JOIN evaluation_items i ON i."evaluationId" = e.id
        WHERE e.id = ANY($1) AND i.code = ANY($2) AND i.verdict = 'fail'
        ORDER BY r."startedAt", e.id, i.position`,
      [evaluationIds, codes],
    );
  }

  // What the daily sampling re-checks

  /** The notices of the project not closed whose re-check has begun by the date, with their team's active agents. */
  openForSampling(projectId: string, date: string, tx: Transaction = this.db.manager): Promise<{ id: string; status: RectificationStatus; agentIds: string[] }[]> {
    return tx.query(
      `SELECT n.id, n.status,
              COALESCE((SELECT array_agg(a.id ORDER BY a.id) FROM agents a WHERE a."teamId" = n."teamId" AND a.status = 'active'), '{}') AS "agentIds"
         FROM rectification_notices n
        WHERE n."projectId" = $1 AND n.status <> 'closed' AND n."recheckFrom" <= $2::date
        ORDER BY n."createdAt", n.id`,
      [projectId, date],
    );
  }

  /** The project's notices past their deadline (before the day) that are neither closed nor escalated. */
  async overdue(projectId: string, day: string, tx: Transaction): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM rectification_notices WHERE "projectId" = $1 AND deadline < $2::date AND status NOT IN ('closed', 'escalated') ORDER BY "createdAt", id`,
      [projectId, day],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Per code, the scored (pass or fail) and failed items of the team's submitted evaluations (calibration
   * left out): before = the evidence and calls of [beforeFrom, beforeTo]; since = other calls from `sinceFrom`.
   */
  failureCounts(f: {
    teamId: string;
    codes: string[];
    evidence: string[];
    beforeFrom: string;
    beforeTo: string;
    sinceFrom: string;
  }): Promise<{ code: string; beforeCalls: number; beforeFailures: number; sinceCalls: number; sinceFailures: number }[]> {
    const before = `(e.id = ANY($3) OR e."callDate" BETWEEN $4 AND $5)`;
    const since = `(e."callDate" >= $6 AND NOT e.id = ANY($3))`;
    return this.db.query(
      `SELECT i.code,
              count(*) FILTER (WHERE ${before})::int AS "beforeCalls",
              count(*) FILTER (WHERE ${before} AND i.verdict = 'fail')::int AS "beforeFailures",
              count(*) FILTER (WHERE ${since})::int AS "sinceCalls",
              count(*) FILTER (WHERE ${since} AND i.verdict = 'fail')::int AS "sinceFailures"
         FROM evaluations e JOIN evaluation_items i ON i."evaluationId" = e.id
        WHERE e."teamId" = $1 AND e.status = 'submitted' AND e.source <> 'calibration' AND i.code = ANY($2) AND i.verdict IN ('pass', 'fail')
          AND (${before} OR ${since})
        GROUP BY i.code`,
      [f.teamId, f.codes, f.evidence, f.beforeFrom, f.beforeTo, f.sinceFrom],
    );
  }
}
