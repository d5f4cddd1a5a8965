import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChecklistSection } from '#shared/checklists/types.js';
import type { DisputeOutcome, DisputeStatus } from '#shared/api/disputes.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';

/** The evaluation a dispute is about, locked for the request's transaction. */
export interface DisputedEvaluation {
  id: string;
  status: 'draft' | 'submitted';
  source: string;
  submittedAt: Date | null;
  teamId: string;
  projectId: string;
  inspectorId: string;
  disputeWindowDays: number;
}

export interface DisputeRow {
  id: string;
  evaluationId: string;
  recordingId: string;
  agent: string;
  agentName: string;
  teamId: string;
  team: string;
  project: string;
  inspectorId: string;
  inspector: string;
  inspectorName: string;
  raisedById: string;
  raisedBy: string;
  raisedByName: string;
  raisedAt: Date;
  status: DisputeStatus;
  score: number | null;
  fatal: boolean | null;
  sections: ChecklistSection[];
}

export interface DisputeItemRow {
  disputeId: string;
  code: string;
  reason: string;
  fromVerdict: 'pass' | 'fail' | 'na';
  toVerdict: 'pass' | 'fail' | 'na';
  inspectorDecision: 'accept' | 'reject' | null;
  inspectorReason: string | null;
  escalated: boolean;
  ruling: 'uphold' | 'reject' | null;
  rulingReason: string | null;
  outcome: DisputeOutcome;
}

export interface DisputeStepRow {
  disputeId: string;
  action: 'raise' | 'answer' | 'escalate' | 'rule';
  by: string;
  byName: string;
  at: Date;
  reason: string | null;
  items: { code: string; decision: string; reason: string | null }[];
}

export interface AcknowledgementRow {
  by: string;
  byName: string;
  at: Date;
}

export interface DisputeListFilter {
  /** The teams the caller may see, null for all. */
  teamIds: string[] | null;
  /** Only disputes of this inspector's evaluations (an inspector's own). */
  inspectorId?: string;
  /** The inspector's username (case-insensitive). */
  inspectorUsername?: string;
  teamId?: string;
  status?: DisputeStatus;
  from?: string;
  to?: string;
}

/** Disputed items counted for one key of a dimension. */
export interface CountRow {
  key: string;
  name: string;
  raised: number;
  upheld: number;
  rejected: number;
  pending: number;
}

export interface ToAcknowledgeRow {
  evaluationId: string;
  recordingId: string;
  agent: string;
  agentName: string;
  team: string;
  score: number | null;
  fatal: boolean | null;
  submittedAt: Date;
  closesAt: Date;
}

const DISPUTE_COLUMNS = `d.id, d."evaluationId", e."recordingId", a."employeeNo" AS agent, a.name AS "agentName", d."teamId", t.code AS team,
  p.code AS project, d."inspectorId", iu.username AS inspector, iu."displayName" AS "inspectorName", d."raisedBy" AS "raisedById",
  ru.username AS "raisedBy", ru."displayName" AS "raisedByName", d."raisedAt", d.status, e.score, e.fatal, cv.sections`;
const DISPUTE_FROM = `FROM disputes d JOIN evaluations e ON e.id = d."evaluationId" JOIN agents a ON a.id = e."agentId"
  JOIN teams t ON t.id = d."teamId" JOIN projects p ON p.id = d."projectId" JOIN users iu ON iu.id = d."inspectorId"
  JOIN users ru ON ru.id = d."raisedBy" JOIN checklist_versions cv ON cv.id = e."checklistVersionId"`;

/** How the summary counts items: one key per dimension, each named. */
const DIMENSIONS = {
  item: { key: 'di.code', name: 'di.code', join: '' },
  inspector: { key: 'u.username', name: 'u."displayName"', join: 'JOIN users u ON u.id = d."inspectorId"' },
  team: { key: 't.code', name: 't.name', join: 'JOIN teams t ON t.id = d."teamId"' },
} as const;
export type SummaryDimension = keyof typeof DIMENSIONS;

const COUNTS = `count(*)::int AS raised, count(*) FILTER (WHERE di.outcome = 'upheld')::int AS upheld,
  count(*) FILTER (WHERE di.outcome = 'rejected')::int AS rejected, count(*) FILTER (WHERE di.outcome = 'pending')::int AS pending`;

/** The queries behind acknowledgements and disputes. */
@Injectable()
export class DisputeRepository {
  constructor(private readonly db: DataSource) {}

  /** The evaluation with its project's window, locked until the transaction ends: acceptance and dispute never cross. */
  async lockEvaluation(id: string, tx: Transaction): Promise<DisputedEvaluation | null> {
    const [row] = await tx.query(
      `SELECT e.id, e.status, e.source, e."submittedAt", e."teamId", e."projectId", e."inspectorId", p."disputeWindowDays"
         FROM evaluations e JOIN projects p ON p.id = e."projectId" WHERE e.id = $1 FOR UPDATE OF e`,
      [id],
    );
    return row ?? null;
  }

  async windowDays(projectId: string): Promise<number> {
    const [row] = await this.db.query(`SELECT "disputeWindowDays" FROM projects WHERE id = $1`, [projectId]);
    return row?.disputeWindowDays ?? 7;
  }

  async acknowledgement(evaluationId: string, tx: Transaction = this.db.manager): Promise<AcknowledgementRow | null> {
    const [row] = await tx.query(
      `SELECT u.username AS by, u."displayName" AS "byName", k.at FROM evaluation_acknowledgements k JOIN users u ON u.id = k."userId" WHERE k."evaluationId" = $1`,
      [evaluationId],
    );
    return row ?? null;
  }

  async acknowledge(evaluationId: string, userId: string, tx: Transaction): Promise<void> {
    await tx.query(`INSERT INTO evaluation_acknowledgements ("evaluationId", "userId") VALUES ($1, $2)`, [evaluationId, userId]);
  }

  async disputeOf(evaluationId: string, tx: Transaction = this.db.manager): Promise<{ id: string; status: DisputeStatus } | null> {
    const [row] = await tx.query(`SELECT id, status FROM disputes WHERE "evaluationId" = $1`, [evaluationId]);
    return row ?? null;
  }

  async insert(
    d: { evaluationId: string; projectId: string; teamId: string; inspectorId: string; raisedBy: string; raisedDate: string },
    items: { code: string; reason: string; fromVerdict: string; toVerdict: string }[],
    tx: Transaction,
  ): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO disputes ("evaluationId", "projectId", "teamId", "inspectorId", "raisedBy", status, "raisedDate")
       VALUES ($1, $2, $3, $4, $5, 'awaiting_inspector', $6) RETURNING id`,
      [d.evaluationId, d.projectId, d.teamId, d.inspectorId, d.raisedBy, d.raisedDate],
    );
    for (const [position, item] of items.entries()) {
      await tx.query(`INSERT INTO dispute_items ("disputeId", code, position, reason, "fromVerdict", "toVerdict") VALUES ($1, $2, $3, $4, $5, $6)`, [
        row.id,
        item.code,
        position,
        item.reason,
        item.fromVerdict,
        item.toVerdict,
      ]);
    }
    return row.id;
  }

  async addStep(
    step: { disputeId: string; userId: string; action: DisputeStepRow['action']; reason: string | null; items: DisputeStepRow['items'] },
    tx: Transaction,
  ): Promise<void> {
    await tx.query(`INSERT INTO dispute_steps ("disputeId", "userId", action, reason, items) VALUES ($1, $2, $3, $4, $5)`, [
      step.disputeId,
      step.userId,
      step.action,
      step.reason,
      JSON.stringify(step.items),
    ]);
  }

  /** Moves the dispute from `from` to `to`; answers whether it moved (a second request at once does not). */
  async transition(id: string, from: DisputeStatus, to: DisputeStatus, tx: Transaction): Promise<boolean> {
    const rows: { id: string }[] = await tx.query(`UPDATE disputes SET status = $3 WHERE id = $1 AND status = $2 RETURNING id`, [id, from, to]);
    return rows.length > 0;
  }

  async answerItem(disputeId: string, code: string, decision: 'accept' | 'reject', reason: string | null, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE dispute_items SET "inspectorDecision" = $3::varchar, "inspectorReason" = $4, outcome = CASE WHEN $3::varchar = 'accept' THEN 'upheld' ELSE 'rejected' END
        WHERE "disputeId" = $1 AND code = $2`,
      [disputeId, code, decision, reason],
    );
  }

  /** The lead sends every rejected item on to the supervisor: pending again until the ruling. */
  async escalateRejected(disputeId: string, tx: Transaction): Promise<void> {
    await tx.query(`UPDATE dispute_items SET escalated = TRUE, outcome = 'pending' WHERE "disputeId" = $1 AND "inspectorDecision" = 'reject'`, [disputeId]);
  }

  async ruleItem(disputeId: string, code: string, ruling: 'uphold' | 'reject', reason: string, tx: Transaction): Promise<void> {
    await tx.query(
      `UPDATE dispute_items SET ruling = $3::varchar, "rulingReason" = $4, outcome = CASE WHEN $3::varchar = 'uphold' THEN 'upheld' ELSE 'rejected' END
        WHERE "disputeId" = $1 AND code = $2`,
      [disputeId, code, ruling, reason],
    );
  }

  async byId(id: string): Promise<DisputeRow | null> {
    const [row] = await this.db.query(`SELECT ${DISPUTE_COLUMNS} ${DISPUTE_FROM} WHERE d.id = $1`, [id]);
    return row ?? null;
  }

  async byEvaluation(evaluationId: string): Promise<DisputeRow | null> {
    const [row] = await this.db.query(`SELECT ${DISPUTE_COLUMNS} ${DISPUTE_FROM} WHERE d."evaluationId" = $1`, [evaluationId]);
    return row ?? null;
  }

  /** Newest first. */
  list(f: DisputeListFilter): Promise<DisputeRow[]> {
    const filter = new SqlFilter()
      .withinTeams('d."teamId"', f.teamIds)
      .equals('d."inspectorId"', f.inspectorId)
      .equals('d."teamId"', f.teamId)
      .equals('d.status', f.status)
      .equals('lower(iu.username)', f.inspectorUsername?.toLowerCase())
      .localDateBetween('d."raisedDate"', f.from, f.to);
    return this.db.query(`SELECT ${DISPUTE_COLUMNS} ${DISPUTE_FROM} ${filter.where} ORDER BY d."raisedAt" DESC, d.id LIMIT 500`, filter.params);
  }

  items(disputeIds: string[], tx: Transaction = this.db.manager): Promise<DisputeItemRow[]> {
    if (!disputeIds.length) return Promise.resolve([]);
    return tx.query(
      `SELECT "disputeId", code, reason, "fromVerdict", "toVerdict", "inspectorDecision", "inspectorReason", escalated, ruling, "rulingReason", outcome
         FROM dispute_items WHERE "disputeId" = ANY($1) ORDER BY "disputeId", position`,
      [disputeIds],
    );
  }

  steps(disputeId: string): Promise<DisputeStepRow[]> {
    return this.db.query(
      `SELECT s."disputeId", s.action, u.username AS by, u."displayName" AS "byName", s.at, s.reason, s.items
         FROM dispute_steps s JOIN users u ON u.id = s."userId" WHERE s."disputeId" = $1 ORDER BY s.at, s.id`,
      [disputeId],
    );
  }

  /**
   * Disputed items of the disputes raised from `from` to `to` (local days) counted by one dimension,
   * within the teams (null: all) and projects (null: all) given.
   */
  async counts(
    dimension: SummaryDimension,
    f: { teamIds: string[] | null; projectIds: string[] | null; inspectorId?: string; from: string; to: string },
  ): Promise<CountRow[]> {
    const d = DIMENSIONS[dimension];
    const filter = new SqlFilter().withinTeams('d."teamId"', f.teamIds).equals('d."inspectorId"', f.inspectorId).localDateBetween('d."raisedDate"', f.from, f.to);
    if (f.projectIds) filter.add('d."projectId" = ANY(?)', f.projectIds);
    return this.db.query(
      `SELECT ${d.key} AS key, min(${d.name}) AS name, ${COUNTS}
         FROM dispute_items di JOIN disputes d ON d.id = di."disputeId" ${d.join} ${filter.where}
        GROUP BY ${d.key} ORDER BY raised DESC, key`,
      filter.params,
    );
  }

  /** How many disputes were raised in the period and scope. */
  async disputeCount(f: { teamIds: string[] | null; inspectorId?: string; from: string; to: string }): Promise<number> {
    const filter = new SqlFilter().withinTeams('d."teamId"', f.teamIds).equals('d."inspectorId"', f.inspectorId).localDateBetween('d."raisedDate"', f.from, f.to);
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM disputes d ${filter.where}`, filter.params);
    return row.n;
  }

  /** The evaluation's items as stored (comments unmasked): what a dispute checks and an upheld item keeps. */
  evaluationItems(
    evaluationId: string,
    tx: Transaction,
  ): Promise<{ code: string; verdict: 'pass' | 'fail' | 'na' | null; comment: string | null; at: number | null; until: number | null }[]> {
    return tx.query(`SELECT code, verdict, comment, "at", "until" FROM evaluation_items WHERE "evaluationId" = $1 ORDER BY position`, [evaluationId]);
  }

  /**
   * Per inspector (user id): items disputed and items upheld, of the disputes raised from `from` to `to`
   * (`dates: 'call'`: of the disputes on evaluations whose calls fall in those days).
   */
  upheldByInspector(
    projectIds: string[] | null,
    from: string,
    to: string,
    dates: 'raised' | 'call' = 'raised',
  ): Promise<{ inspectorId: string; disputedItems: number; upheldItems: number }[]> {
    const filter = new SqlFilter().localDateBetween(dates === 'call' ? 'e."callDate"' : 'd."raisedDate"', from, to);
    if (projectIds) filter.add('d."projectId" = ANY(?)', projectIds);
    return this.db.query(
      `SELECT d."inspectorId", count(*)::int AS "disputedItems", count(*) FILTER (WHERE di.outcome = 'upheld')::int AS "upheldItems"
         FROM dispute_items di JOIN disputes d ON d.id = di."disputeId" JOIN evaluations e ON e.id = d."evaluationId" ${filter.where}
        GROUP BY d."inspectorId" ORDER BY d."inspectorId"`,
      filter.params,
    );
  }

  /**
   * Submitted, non-calibration evaluations of the teams that nobody accepted or disputed and whose
   * window is still open at `now`, oldest first (the window closing soonest).
   */
  toAcknowledge(teamIds: string[] | null, now: Date): Promise<ToAcknowledgeRow[]> {
    const filter = new SqlFilter([now])
      .withinTeams('e."teamId"', teamIds)
      .add(`e.status = 'submitted'`)
      .add(`e.source <> 'calibration'`)
      .add(`e."submittedAt" + make_interval(days => p."disputeWindowDays") > $1`)
      .add(`NOT EXISTS (SELECT 1 FROM evaluation_acknowledgements k WHERE k."evaluationId" = e.id)`)
      .add(`NOT EXISTS (SELECT 1 FROM disputes d WHERE d."evaluationId" = e.id)`);
    return this.db.query(
      `SELECT e.id AS "evaluationId", e."recordingId", a."employeeNo" AS agent, a.name AS "agentName", t.code AS team, e.score, e.fatal,
              e."submittedAt", e."submittedAt" + make_interval(days => p."disputeWindowDays") AS "closesAt"
         FROM evaluations e JOIN projects p ON p.id = e."projectId" JOIN agents a ON a.id = e."agentId" JOIN teams t ON t.id = e."teamId"
        ${filter.where} ORDER BY e."submittedAt", e.id LIMIT 200`,
      filter.params,
    );
  }
}
