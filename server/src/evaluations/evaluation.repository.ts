import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Evaluation, EvaluationItem, EvaluationStatus } from '../../../shared/src/api/evaluations.js';
import { itemsOf } from '../../../shared/src/checklists/types.js';
import type { ChecklistSection, EvaluationSource } from '../../../shared/src/checklists/types.js';
import { EvaluationItemEntity } from './evaluation.entity.js';

export interface EvaluationFilter {
  teamIds: string[] | null;
  status?: 'draft' | 'submitted';
  ids?: string[];
  from?: string;
  to?: string;
  teamId?: string;
  agentId?: string;
  recordingId?: string;
  inspectorId?: string;
  page: number;
  pageSize: number;
}

interface Row {
  id: string;
  recordingId: string;
  agentNo: string;
  agentName: string;
  teamCode: string;
  inspector: string;
  inspectorName: string;
  source: EvaluationSource;
  status: EvaluationStatus;
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
}

const FROM = `FROM evaluations e
  JOIN agents a ON a.id = e."agentId" JOIN teams t ON t.id = e."teamId"
  JOIN users u ON u.id = e."inspectorId" JOIN checklist_versions cv ON cv.id = e."checklistVersionId"
  JOIN recordings r ON r.id = e."recordingId"`;
const COLUMNS = `e.id, e."recordingId", a."employeeNo" AS "agentNo", a.name AS "agentName", t.code AS "teamCode",
  u.username AS inspector, u."displayName" AS "inspectorName", e.source, e.status, e.revision, cv.version AS "checklistVersion",
  e."checklistVersionId", e.score, e.fatal, e.comment, e."createdAt", e."submittedAt", e."teamId", e."inspectorId",
  r."startedAt" AS "callStartedAt", e."callDate"`;

@Injectable()
export class EvaluationRepository {
  constructor(private readonly db: DataSource) {}

  async search(f: EvaluationFilter, manager: EntityManager = this.db.manager): Promise<{ total: number; items: (Evaluation & { teamId: string; inspectorId: string })[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.teamIds) add('e."teamId" = ANY(?)', f.teamIds);
    if (f.status) add('e.status = ?', f.status);
    if (f.ids) add('e.id = ANY(?)', f.ids);
    if (f.from) add('e."callDate" >= ?', f.from);
    if (f.to) add('e."callDate" <= ?', f.to);
    if (f.teamId) add('e."teamId" = ?', f.teamId);
    if (f.agentId) add('e."agentId" = ?', f.agentId);
    if (f.recordingId) add('e."recordingId" = ?', f.recordingId);
    if (f.inspectorId) add('e."inspectorId" = ?', f.inspectorId);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM evaluations e ${clause}`, params);
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} ${FROM} ${clause} ORDER BY COALESCE(e."submittedAt", e."createdAt") DESC, e.id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
      params,
    );
    return { total, items: await this.withItems(rows, manager) };
  }

  async byId(id: string, manager: EntityManager = this.db.manager) {
    const { items } = await this.search({ teamIds: null, ids: [id], page: 1, pageSize: 1 }, manager);
    return items[0] ?? null;
  }

  /** Items in checklist order, titled from the version they were scored with. */
  private async withItems(rows: Row[], manager: EntityManager) {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const items = await manager.getRepository(EvaluationItemEntity).createQueryBuilder('i').where('i.evaluationId = ANY(:ids)', { ids }).orderBy('i.position').getMany();
    const versionIds = [...new Set(rows.map((r) => r.checklistVersionId))];
    const versions: { id: string; sections: ChecklistSection[] }[] = await manager.query(`SELECT id, sections FROM checklist_versions WHERE id = ANY($1)`, [versionIds]);
    const titles = new Map(versions.map((v) => [v.id, new Map(itemsOf(v.sections).map((i) => [i.code, i.title]))]));
    const byEvaluation = new Map<string, EvaluationItem[]>();
    const rowOf = new Map(rows.map((r) => [r.id, r]));
    for (const i of items) {
      const list = byEvaluation.get(i.evaluationId) ?? [];
      list.push({
        code: i.code,
        title: titles.get(rowOf.get(i.evaluationId)!.checklistVersionId)?.get(i.code) ?? i.code,
        verdict: i.verdict,
        points: i.points,
        earned: i.earned,
        critical: i.critical,
        comment: i.comment,
        at: i.at,
        until: i.until,
        autoVerdict: i.autoVerdict,
      });
      byEvaluation.set(i.evaluationId, list);
    }
    return rows.map((r) => ({
      id: r.id,
      recordingId: r.recordingId,
      agent: r.agentNo,
      agentName: r.agentName,
      team: r.teamCode,
      inspector: r.inspector,
      inspectorName: r.inspectorName,
      source: r.source,
      status: r.status,
      revision: r.revision,
      checklistVersion: r.checklistVersion,
      checklistVersionId: r.checklistVersionId,
      score: r.score,
      fatal: r.fatal,
      comment: r.comment,
      createdAt: new Date(r.createdAt).toISOString(),
      submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
      callStartedAt: new Date(r.callStartedAt).toISOString(),
      callDate: r.callDate,
      items: byEvaluation.get(r.id) ?? [],
      teamId: r.teamId,
      inspectorId: r.inspectorId,
    }));
  }
}
