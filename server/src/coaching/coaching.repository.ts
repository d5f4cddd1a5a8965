import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ChecklistSection } from '#shared/checklists/types.js';
import { evaluationBlindTo, isEvaluationBlindTo } from '#server/database/calibration-blindness.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import { CoachingEventEntity, CoachingItemEntity, CoachingSessionEntity, type CoachingStatus, DefectEntity } from './coaching.entity.js';
import type { CheckedEvaluation } from './effect-check.js';

/** A submitted evaluation's failed items with what a defect copies from it. */
export interface EvaluationFailures {
  evaluationId: string;
  recordingId: string;
  agentId: string;
  teamId: string;
  projectId: string;
  source: string;
  status: string;
  failed: { code: string; critical: boolean; comment: string | null; at: number | null }[];
}

/** A coaching item under effect check: coached at least once, with its latest one-to-one's day. */
export interface CheckedItemRow {
  id: string;
  evaluationId: string;
  agentId: string;
  codes: string[];
  status: CoachingStatus;
  reopenedByEvaluationId: string | null;
  coachedOn: string;
}

/** A coaching item with the names it is shown with (see `toCoachingItem`). */
export interface CoachingItemRow extends Omit<CoachingItemEntity, 'evaluation'> {
  agentNo: string;
  agentName: string;
  teamCode: string;
}

export interface DefectRow {
  code: string;
  critical: boolean;
  comment: string | null;
  at: number | null;
  recordingId: string;
  evaluationId: string;
  createdAt: Date;
}

export interface CoachingCriteria {
  teamIds: string[] | null;
  /** Leaves out items whose evaluation is blind to this user (an open calibration session of the call). */
  viewerId: string;
  teamId?: string;
  agentId?: string;
  status?: CoachingStatus;
  page: number;
  pageSize: number;
}

const COLUMNS = `c.*, a."employeeNo" AS "agentNo", a.name AS "agentName", t.code AS "teamCode"`;
const FROM = `FROM coaching_items c JOIN agents a ON a.id = c."agentId" JOIN teams t ON t.id = c."teamId"`;

/** The queries behind coaching: defects, coaching items and one-to-ones. */
@Injectable()
export class CoachingRepository {
  constructor(private readonly db: DataSource) {}

  private manager(tx?: Transaction): EntityManager {
    return tx ?? this.db.manager;
  }

  // Reading

  /** Newest and fatal first (CONTRACT.md), within the caller's teams. */
  async search(f: CoachingCriteria): Promise<{ total: number; rows: CoachingItemRow[] }> {
    const filter = new SqlFilter()
      .withinTeams('c."teamId"', f.teamIds)
      .equals('c."teamId"', f.teamId)
      .equals('c."agentId"', f.agentId)
      .equals('c.status', f.status)
      .add(`NOT ${evaluationBlindTo('c."evaluationId"')}`, f.viewerId, f.viewerId, f.viewerId);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM coaching_items c ${filter.where}`, filter.params);
    const rows = await this.db.query(
      `SELECT ${COLUMNS} ${FROM} ${filter.where} ORDER BY c.fatal DESC, c."createdAt" DESC, c.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
      filter.params,
    );
    return { total, rows };
  }

  async byId(id: string): Promise<CoachingItemRow | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} ${FROM} WHERE c.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The evaluation's defects in checklist order, with the sections of the version it was scored with (for titles). */
  async defectsOf(evaluationId: string): Promise<{ defects: DefectRow[]; sections: ChecklistSection[] }> {
    const defects: DefectRow[] = await this.db.query(
      `SELECT d.code, d.critical, d.comment, d.at, d."recordingId", d."evaluationId", d."createdAt"
         FROM defects d LEFT JOIN evaluation_items i ON i."evaluationId" = d."evaluationId" AND i.code = d.code
        WHERE d."evaluationId" = $1 ORDER BY i.position, d.code`,
      [evaluationId],
    );
    const versions: { sections: ChecklistSection[] }[] = await this.db.query(
      `SELECT v.sections FROM evaluations e JOIN checklist_versions v ON v.id = e."checklistVersionId" WHERE e.id = $1`,
      [evaluationId],
    );
    return { defects, sections: versions[0]?.sections ?? [] };
  }

  /** Whether the evaluation is blind to the viewer (see evaluationBlindTo). */
  async blindTo(evaluationId: string, viewerId: string): Promise<boolean> {
    return isEvaluationBlindTo(this.db, evaluationId, viewerId);
  }

  /** The agent's other defects on these items, most recent first, but those of evaluations blind to the viewer. */
  history(agentId: string, codes: string[], exceptEvaluationId: string, viewerId: string, limit = 20): Promise<DefectRow[]> {
    return this.db.query(
      `SELECT d.code, d.critical, d.comment, d.at, d."recordingId", d."evaluationId", d."createdAt" FROM defects d
        WHERE d."agentId" = $1 AND d.code = ANY($2) AND d."evaluationId" <> $3 AND NOT ${evaluationBlindTo('d."evaluationId"', '$4::uuid')}
        ORDER BY d."createdAt" DESC, d.id LIMIT ${limit}`,
      [agentId, codes, exceptEvaluationId, viewerId],
    );
  }

  sessions(coachingItemId: string): Promise<CoachingSessionEntity[]> {
    return this.db.getRepository(CoachingSessionEntity).find({ where: { coachingItemId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  events(coachingItemId: string): Promise<CoachingEventEntity[]> {
    return this.db.getRepository(CoachingEventEntity).find({ where: { coachingItemId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The day of the item's latest one-to-one, null before any. */
  async coachedOn(coachingItemId: string, tx?: Transaction): Promise<string | null> {
    const rows: { date: string }[] = await this.manager(tx).query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM coaching_sessions WHERE "coachingItemId" = $1 ORDER BY "createdAt" DESC, id DESC LIMIT 1`,
      [coachingItemId],
    );
    return rows[0]?.date ?? null;
  }

  /** The agent's coached (at least once), not resolved items, with their latest one-to-one's day. */
  checkedItems(agentId: string, tx: Transaction): Promise<CheckedItemRow[]> {
    return tx.query(
      `SELECT DISTINCT ON (c.id) c.id, c."evaluationId", c."agentId", c.codes, c.status, c."reopenedByEvaluationId", to_char(s.date, 'YYYY-MM-DD') AS "coachedOn"
         FROM coaching_items c JOIN coaching_sessions s ON s."coachingItemId" = c.id
        WHERE c."agentId" = $1 AND c.status <> 'resolved'
        ORDER BY c.id, s."createdAt" DESC, s.id DESC`,
      [agentId],
    );
  }

  /**
   * The agent's submitted, non-calibration evaluations of calls after `after` (a local day), other than
   * `except`, in submission order, with the verdicts they gave `codes`.
   */
  async evaluationsAfter(agentId: string, after: string, codes: string[], except: string, tx?: Transaction): Promise<CheckedEvaluation[]> {
    const rows: { evaluationId: string; recordingId: string; callDate: string; code: string | null; verdict: string | null }[] = await this.manager(tx).query(
      `SELECT e.id AS "evaluationId", e."recordingId", to_char(e."callDate", 'YYYY-MM-DD') AS "callDate", i.code, i.verdict
         FROM evaluations e LEFT JOIN evaluation_items i ON i."evaluationId" = e.id AND i.code = ANY($3)
        WHERE e."agentId" = $1 AND e."callDate" > $2::date AND e.id <> $4 AND e.status = 'submitted' AND e.source <> 'calibration'
        ORDER BY e."submittedAt", e.id`,
      [agentId, after, codes, except],
    );
    const out: CheckedEvaluation[] = [];
    for (const r of rows) {
      let e = out.at(-1);
      if (e?.evaluationId !== r.evaluationId) out.push((e = { evaluationId: r.evaluationId, recordingId: r.recordingId, callDate: r.callDate, verdicts: {} }));
      if (r.code && r.verdict) e.verdicts[r.code] = r.verdict;
    }
    return out;
  }

  /**
   * For a project's sampling of `date`: each agent with a coached item still being checked (its latest
   * one-to-one before `date`) and how many more of his later calls the check still needs, counting
   * every call after the session already evaluated (submitted, not calibration) or given to an inspector.
   */
  async checkShortfalls(projectId: string, date: string, needed: number, tx: Transaction): Promise<Map<string, number>> {
    const rows: { agentId: string; missing: number }[] = await tx.query(
      `WITH checking AS (
         SELECT DISTINCT ON (c.id) c.id, c."agentId", c."evaluationId", s.date AS "coachedOn"
           FROM coaching_items c JOIN coaching_sessions s ON s."coachingItemId" = c.id
          WHERE c."projectId" = $1 AND c.status = 'coached'
          ORDER BY c.id, s."createdAt" DESC, s.id DESC)
       SELECT k."agentId", max($3::int - (
           SELECT count(*) FROM (
             SELECT e."recordingId" FROM evaluations e
              WHERE e."agentId" = k."agentId" AND e."callDate" > k."coachedOn" AND e.id <> k."evaluationId" AND e.status = 'submitted' AND e.source <> 'calibration'
             UNION
             SELECT a."recordingId" FROM sampling_assignments a WHERE a."agentId" = k."agentId" AND a.date > k."coachedOn") later
         ))::int AS missing
         FROM checking k WHERE k."coachedOn" < $2::date GROUP BY k."agentId"`,
      [projectId, date, needed],
    );
    return new Map(rows.filter((r) => r.missing > 0).map((r) => [r.agentId, r.missing]));
  }

  // Writing, inside the caller's transaction

  /** The evaluation as it stands in the transaction, with its failed items in checklist order. */
  async failuresOf(evaluationId: string, tx: Transaction): Promise<EvaluationFailures | null> {
    const rows: (Omit<EvaluationFailures, 'failed'> & { code: string | null; critical: boolean; comment: string | null; at: number | null })[] = await tx.query(
      `SELECT e.id AS "evaluationId", e."recordingId", e."agentId", e."teamId", e."projectId", e.source, e.status, i.code, i.critical, i.comment, i.at
         FROM evaluations e LEFT JOIN evaluation_items i ON i."evaluationId" = e.id AND i.verdict = 'fail'
        WHERE e.id = $1 ORDER BY i.position`,
      [evaluationId],
    );
    if (!rows.length) return null;
    const { code: _c, critical: _f, comment: _m, at: _a, ...evaluation } = rows[0];
    return { ...evaluation, failed: rows.filter((r) => r.code !== null).map((r) => ({ code: r.code!, critical: r.critical, comment: r.comment, at: r.at })) };
  }

  /**
   * Serialises the coaching writes of one agent until the transaction ends, so that two evaluations
   * submitted at once each decide the effect check having seen the other (READ COMMITTED re-reads).
   */
  async lockAgent(agentId: string, tx: Transaction): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('coaching:' || $1))`, [agentId]);
  }

  /** Replaces the evaluation's defects with these. */
  async replaceDefects(evaluationId: string, defects: Omit<DefectEntity, 'id' | 'evaluation' | 'createdAt'>[], tx: Transaction): Promise<void> {
    await tx.delete(DefectEntity, { evaluationId });
    if (defects.length) await tx.insert(DefectEntity, defects);
  }

  itemOfEvaluation(evaluationId: string, tx: Transaction): Promise<CoachingItemEntity | null> {
    return tx.getRepository(CoachingItemEntity).findOneBy({ evaluationId });
  }

  async insertItem(
    values: Pick<CoachingItemEntity, 'evaluationId' | 'recordingId' | 'agentId' | 'teamId' | 'projectId' | 'codes' | 'fatal'>,
    tx: Transaction,
  ): Promise<void> {
    await tx.insert(CoachingItemEntity, { ...values, status: 'open' });
  }

  /** New codes (and status) after an amendment; the revision moves on. */
  async updateCodes(id: string, changes: Pick<CoachingItemEntity, 'codes' | 'fatal' | 'status'>, tx: Transaction): Promise<void> {
    await tx.query(`UPDATE coaching_items SET codes = $2, fatal = $3, status = $4, revision = revision + 1, "updatedAt" = now() WHERE id = $1`, [
      id,
      changes.codes,
      changes.fatal,
      changes.status,
    ]);
  }

  /** The effect check's decision: the status and why it reopened (all null unless `open` again). */
  async decide(
    id: string,
    changes: Pick<CoachingItemEntity, 'status' | 'reopenedByEvaluationId' | 'reopenedByRecordingId' | 'reopenedCodes'>,
    tx: Transaction,
  ): Promise<void> {
    await tx.query(
      `UPDATE coaching_items SET status = $2, "reopenedByEvaluationId" = $3, "reopenedByRecordingId" = $4, "reopenedCodes" = $5,
              "reopenedAt" = CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END, revision = revision + 1, "updatedAt" = now()
        WHERE id = $1`,
      [id, changes.status, changes.reopenedByEvaluationId, changes.reopenedByRecordingId, changes.reopenedCodes],
    );
  }

  async addEvent(values: Pick<CoachingEventEntity, 'coachingItemId' | 'kind' | 'evaluationId' | 'recordingId' | 'codes'>, tx: Transaction): Promise<void> {
    await tx.insert(CoachingEventEntity, values);
  }

  /**
   * Moves the item on if it is still at `revision` (any revision when none is given) and open or coached;
   * false when it is not (the service tells which).
   */
  async markCoached(id: string, revision: number | undefined, tx: Transaction): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE coaching_items SET status = 'coached', "reopenedAt" = NULL, "reopenedByEvaluationId" = NULL, "reopenedByRecordingId" = NULL, "reopenedCodes" = NULL,
              revision = revision + 1, "updatedAt" = now()
        WHERE id = $1 AND status IN ('open', 'coached') AND ($2::int IS NULL OR revision = $2) RETURNING id`,
      [id, revision ?? null],
    );
    return rows[0].length > 0;
  }

  async addSession(
    values: Pick<CoachingSessionEntity, 'coachingItemId' | 'date' | 'said' | 'commitment' | 'relistenRecordingId' | 'userId' | 'username'>,
    tx: Transaction,
  ): Promise<void> {
    await tx.insert(CoachingSessionEntity, values);
  }

  /** Records the acknowledgement once, if the item is not resolved and still at `revision` when one is given. */
  async acknowledge(id: string, by: { userId: string; username: string }, revision: number | undefined): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE coaching_items SET "acknowledgedAt" = now(), "acknowledgedById" = $2, "acknowledgedBy" = $3, revision = revision + 1, "updatedAt" = now()
        WHERE id = $1 AND "acknowledgedAt" IS NULL AND status <> 'resolved' AND ($4::int IS NULL OR revision = $4) RETURNING id`,
      [id, by.userId, by.username, revision ?? null],
    );
    return rows[0].length > 0;
  }
}
