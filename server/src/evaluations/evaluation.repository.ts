import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EvaluationStatus as EvaluationStatusName } from '#shared/api/evaluations.js';
import type { ChecklistSection, EvaluationSource } from '#shared/checklists/types.js';
import { blindToViewer, isEvaluationBlindTo } from '#server/database/calibration-blindness.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import { EvaluationEntity, EvaluationHistoryEntity, EvaluationItemEntity, EvaluationStatus } from './evaluation.entity.js';

export interface EvaluationFilter {
  /** The teams the caller may see (`ScopeService.visibleTeamIds`), null for all. */
  teamIds: string[] | null;
  status?: 'draft' | 'submitted';
  from?: string;
  to?: string;
  projectId?: string;
  teamId?: string;
  agentId?: string;
  recordingId?: string;
  inspectorId?: string;
  /** The inspector's username (case-insensitive, as signing in). */
  inspectorUsername?: string;
  fatal?: boolean;
  /** false: calibration evaluations left out (as every report counts); true: only those. */
  calibration?: boolean;
  /** true: only evaluations a supervisor amended; false: only those never amended. */
  amended?: boolean;
  /** Only those that failed one of these items. */
  failedCodes?: string[];
  /** Who reads: others' evaluations of the calls of a calibration session he takes part in stay hidden until it is revealed. */
  viewerId?: string;
  page: number;
  pageSize: number;
}

/** An evaluation with the names it is shown with, its items, and the sections of its checklist version. */
export interface EvaluationRow {
  id: string;
  recordingId: string;
  agentNo: string;
  agentName: string;
  teamCode: string;
  inspector: string;
  inspectorName: string;
  source: EvaluationSource;
  blind: boolean;
  /** A calibration evaluation whose session is not revealed (or that has none). */
  calibrationOpen: boolean;
  status: EvaluationStatusName;
  revision: number;
  checklistVersion: number;
  checklistVersionId: string;
  score: number | null;
  fatal: boolean | null;
  comment: string | null;
  createdAt: Date;
  submittedAt: Date | null;
  teamId: string;
  inspectorId: string;
  callStartedAt: Date;
  callDate: string;
  /** In checklist order. */
  items: EvaluationItemEntity[];
  /** Shared by every row of the same version. */
  sections: ChecklistSection[];
}

/** What a new evaluation copies from its call, and who scores it with which version. */
export type NewEvaluation = Pick<EvaluationEntity, 'recordingId' | 'agentId' | 'teamId' | 'projectId' | 'callDate' | 'inspectorId' | 'checklistVersionId' | 'source'> &
  Partial<Pick<EvaluationEntity, 'comment' | 'blind' | 'calibrationSessionId'>>;

export type ItemChanges = Partial<Pick<EvaluationItemEntity, 'verdict' | 'comment' | 'at' | 'until' | 'earned'>>;

const FROM = `FROM evaluations e
  JOIN agents a ON a.id = e."agentId" JOIN teams t ON t.id = e."teamId"
  JOIN users u ON u.id = e."inspectorId" JOIN checklist_versions cv ON cv.id = e."checklistVersionId"
  JOIN recordings r ON r.id = e."recordingId"`;
const COLUMNS = `e.id, e."recordingId", a."employeeNo" AS "agentNo", a.name AS "agentName", t.code AS "teamCode",
  u.username AS inspector, u."displayName" AS "inspectorName", e.source, e.blind, e.status, e.revision, cv.version AS "checklistVersion",
  e."checklistVersionId", e.score, e.fatal, e.comment, e."createdAt", e."submittedAt", e."teamId", e."inspectorId",
  r."startedAt" AS "callStartedAt", e."callDate",
  (e.source = 'calibration' AND NOT EXISTS (SELECT 1 FROM calibration_sessions cs WHERE cs.id = e."calibrationSessionId" AND cs."revealedAt" IS NOT NULL)) AS "calibrationOpen"`;
const BLIND_TO_VIEWER = blindToViewer();
const ORDER = `ORDER BY COALESCE(e."submittedAt", e."createdAt") DESC, e.id`;

@Injectable()
export class EvaluationRepository {
  constructor(private readonly db: DataSource) {}

  private manager(tx?: Transaction): EntityManager {
    return tx ?? this.db.manager;
  }

  // Reading

  async search(f: EvaluationFilter): Promise<{ total: number; rows: EvaluationRow[] }> {
    const filter = new SqlFilter()
      .withinTeams('e."teamId"', f.teamIds)
      .equals('e.status', f.status)
      .localDateBetween('e."callDate"', f.from, f.to)
      .equals('e."projectId"', f.projectId)
      .equals('e."teamId"', f.teamId)
      .equals('e."agentId"', f.agentId)
      .equals('e."recordingId"', f.recordingId)
      .equals('e."inspectorId"', f.inspectorId)
      .equals('e.fatal', f.fatal);
    if (f.inspectorUsername !== undefined) filter.add(`e."inspectorId" IN (SELECT iu.id FROM users iu WHERE lower(iu.username) = lower(?))`, f.inspectorUsername);
    if (f.calibration !== undefined) filter.add(f.calibration ? `e.source = 'calibration'` : `e.source <> 'calibration'`);
    if (f.amended !== undefined)
      filter.add(`${f.amended ? '' : 'NOT '}EXISTS (SELECT 1 FROM evaluation_history ah WHERE ah."evaluationId" = e.id AND ah.action = 'amended')`);
    if (f.failedCodes?.length)
      filter.add(`EXISTS (SELECT 1 FROM evaluation_items fi WHERE fi."evaluationId" = e.id AND fi.verdict = 'fail' AND fi.code = ANY(?))`, f.failedCodes);
    if (f.viewerId) filter.add(`NOT ${BLIND_TO_VIEWER}`, f.viewerId, f.viewerId, f.viewerId);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM evaluations e ${filter.where}`, filter.params);
    const rows = await this.db.query(`SELECT ${COLUMNS} ${FROM} ${filter.where} ${ORDER} LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`, filter.params);
    return { total, rows: await this.withItems(rows) };
  }

  /** One evaluation as it is shown, draft or submitted. */
  async byId(id: string): Promise<EvaluationRow | null> {
    const rows = await this.db.query(`SELECT ${COLUMNS} ${FROM} WHERE e.id = $1`, [id]);
    return (await this.withItems(rows))[0] ?? null;
  }

  /** The evaluation's own row, without names or items. */
  entityById(id: string): Promise<EvaluationEntity | null> {
    return this.db.getRepository(EvaluationEntity).findOneBy({ id });
  }

  /** Whether the evaluation is hidden from the viewer by a calibration session not yet revealed (`BLIND_TO_VIEWER`). */
  async blindTo(id: string, viewerId: string): Promise<boolean> {
    return isEvaluationBlindTo(this.db, id, viewerId);
  }

  /** The latest calibration session not yet revealed that has the call and in which the user takes part or is the expert. */
  async openCalibrationSessionOf(recordingId: string, userId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT cs.id FROM calibration_sessions cs JOIN calibration_calls cc ON cc."sessionId" = cs.id
        WHERE cc."recordingId" = $1 AND cs."revealedAt" IS NULL
          AND (cs."expertId" = $2 OR EXISTS (SELECT 1 FROM calibration_participants cp WHERE cp."sessionId" = cs.id AND cp."userId" = $2))
        ORDER BY cs."createdAt" DESC LIMIT 1`,
      [recordingId, userId],
    );
    return rows[0]?.id ?? null;
  }

  /** The inspector's open draft on the call, if any (there is at most one). */
  async openDraftId(recordingId: string, inspectorId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM evaluations WHERE "recordingId" = $1 AND "inspectorId" = $2 AND status = 'draft'`, [
      recordingId,
      inspectorId,
    ]);
    return rows[0]?.id ?? null;
  }

  items(evaluationId: string, tx?: Transaction): Promise<EvaluationItemEntity[]> {
    return this.manager(tx).getRepository(EvaluationItemEntity).findBy({ evaluationId });
  }

  history(evaluationId: string): Promise<EvaluationHistoryEntity[]> {
    return this.db.getRepository(EvaluationHistoryEntity).find({ where: { evaluationId }, order: { id: 'ASC' } });
  }

  /** Items in checklist order, with the sections of the version they were scored with. */
  private async withItems(rows: Omit<EvaluationRow, 'items' | 'sections'>[]): Promise<EvaluationRow[]> {
    if (!rows.length) return [];
    const items = await this.db
      .getRepository(EvaluationItemEntity)
      .createQueryBuilder('i')
      .where('i.evaluationId = ANY(:ids)', { ids: rows.map((r) => r.id) })
      .orderBy('i.position')
      .getMany();
    const versionIds = [...new Set(rows.map((r) => r.checklistVersionId))];
    const versions: { id: string; sections: ChecklistSection[] }[] = await this.db.query(`SELECT id, sections FROM checklist_versions WHERE id = ANY($1)`, [versionIds]);
    const sections = new Map(versions.map((v) => [v.id, v.sections]));
    const byEvaluation = new Map<string, EvaluationItemEntity[]>();
    for (const i of items) byEvaluation.set(i.evaluationId, [...(byEvaluation.get(i.evaluationId) ?? []), i]);
    return rows.map((r) => ({ ...r, items: byEvaluation.get(r.id) ?? [], sections: sections.get(r.checklistVersionId) ?? [] }));
  }

  // Writing, inside the caller's transaction

  async insert(values: NewEvaluation, tx: Transaction): Promise<string> {
    return (await tx.getRepository(EvaluationEntity).save({ ...values, status: EvaluationStatus.Draft })).id;
  }

  /** A new draft, or null when the inspector has an open draft on the call already (opened twice at once). */
  async insertDraftIfNone(values: NewEvaluation, tx: Transaction): Promise<string | null> {
    const inserted = await tx.createQueryBuilder().insert().into(EvaluationEntity).values(values).orIgnore().returning('id').execute();
    return inserted.raw.length ? (inserted.raw[0].id as string) : null;
  }

  async insertItems(items: Omit<EvaluationItemEntity, 'evaluation' | 'earned'>[], tx: Transaction): Promise<void> {
    await tx.insert(EvaluationItemEntity, items);
  }

  /**
   * Several items' changes in one statement (a draft's autosave sends every item): each field is
   * set only where the item's changes name it, so a change to the comment leaves the verdict alone.
   */
  async updateItems(evaluationId: string, items: { code: string; changes: ItemChanges }[], tx: Transaction): Promise<void> {
    if (!items.length) return;
    await tx.query(
      `UPDATE evaluation_items i
          SET verdict = CASE WHEN c.x ? 'verdict' THEN c.x->>'verdict' ELSE i.verdict END,
              comment = CASE WHEN c.x ? 'comment' THEN c.x->>'comment' ELSE i.comment END,
              "at" = CASE WHEN c.x ? 'at' THEN (c.x->>'at')::real ELSE i."at" END,
              "until" = CASE WHEN c.x ? 'until' THEN (c.x->>'until')::real ELSE i."until" END,
              earned = CASE WHEN c.x ? 'earned' THEN (c.x->>'earned')::real ELSE i.earned END
         FROM jsonb_array_elements($2::jsonb) AS c(x)
        WHERE i."evaluationId" = $1 AND i.code = c.x->>'code'`,
      [evaluationId, JSON.stringify(items.map(({ code, changes }) => ({ ...changes, code })))],
    );
  }

  /**
   * Bumps a draft's revision if it is still at `revision` (and still a draft), setting the comment
   * when one is given; false when someone saved it since.
   */
  async bumpDraftRevision(id: string, revision: number, comment: string | null | undefined, tx: Transaction): Promise<boolean> {
    const set: Record<string, unknown> = { revision: () => 'revision + 1' };
    if (comment !== undefined) set.comment = comment;
    const result = await tx
      .createQueryBuilder()
      .update(EvaluationEntity)
      .set(set)
      .where('id = :id AND revision = :revision AND status = :status', { id, revision, status: EvaluationStatus.Draft })
      .execute();
    return !!result.affected;
  }

  /** A submitted evaluation's revision moves on with each amendment. */
  async bumpRevision(id: string, tx: Transaction): Promise<void> {
    await tx.query(`UPDATE evaluations SET revision = revision + 1 WHERE id = $1`, [id]);
  }

  /** Earned points per item and the evaluation's totals. */
  async storeScore(
    id: string,
    earned: { code: string; earned: number | null }[],
    score: Pick<EvaluationEntity, 'score' | 'fatal' | 'earned' | 'possible'>,
    tx: Transaction,
  ): Promise<void> {
    await this.updateItems(
      id,
      earned.map((i) => ({ code: i.code, changes: { earned: i.earned } })),
      tx,
    );
    await tx.update(EvaluationEntity, { id }, score);
  }

  async markSubmitted(id: string, submittedAt: Date, submittedDate: string, tx: Transaction): Promise<void> {
    await tx.update(EvaluationEntity, { id }, { status: EvaluationStatus.Submitted, submittedAt, submittedDate });
  }

  async addHistory(entry: Pick<EvaluationHistoryEntity, 'evaluationId' | 'userId' | 'username' | 'action' | 'reason' | 'change'>, tx: Transaction): Promise<void> {
    await tx.insert(EvaluationHistoryEntity, entry as never);
  }
}
