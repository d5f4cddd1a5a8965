import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CallDirection } from '../../../shared/src/recordings.js';
import { RecordingEntity } from './recording.entity.js';

export interface RecordingFilter {
  teamIds: string[] | null;
  projectId?: string;
  teamId?: string;
  agentId?: string;
  from?: string;
  to?: string;
  direction?: CallDirection;
  minDuration?: number;
  maxDuration?: number;
  hasTranscript?: boolean;
  customerNumber?: string;
  evaluated?: boolean;
  failed?: string;
  sort?: 'startedAt' | 'duration';
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface RecordingRow extends RecordingEntity {
  agentNo: string;
  agentName: string;
  teamCode: string;
  projectCode: string;
}

const SELECT = `r.*, a."employeeNo" AS "agentNo", a.name AS "agentName", t.code AS "teamCode", p.code AS "projectCode"
  FROM recordings r JOIN agents a ON a.id = r."agentId" JOIN teams t ON t.id = r."teamId" JOIN projects p ON p.id = r."projectId"`;

@Injectable()
export class RecordingRepository {
  constructor(private readonly db: DataSource) {}

  async byId(id: string): Promise<RecordingRow | null> {
    const rows = await this.db.query(`SELECT ${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async byExternalId(externalId: string, manager: EntityManager = this.db.manager): Promise<RecordingRow | null> {
    const rows = await manager.query(`SELECT ${SELECT} WHERE r."externalId" = $1`, [externalId]);
    return rows[0] ?? null;
  }

  /** Search with every filter as a bound parameter; the indexes lead with agent, team, project or day. */
  async search(f: RecordingFilter): Promise<{ total: number; rows: RecordingRow[] }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.teamIds) add('r."teamId" = ANY(?)', f.teamIds);
    if (f.projectId) add('r."projectId" = ?', f.projectId);
    if (f.teamId) add('r."teamId" = ?', f.teamId);
    if (f.agentId) add('r."agentId" = ?', f.agentId);
    // One day as an equality, so the day indexes are read in startedAt order and stop after a page.
    if (f.from && f.from === f.to) add('r."localDate" = ?', f.from);
    else {
      if (f.from) add('r."localDate" >= ?', f.from);
      if (f.to) add('r."localDate" <= ?', f.to);
    }
    if (f.direction) add('r.direction = ?', f.direction);
    if (f.minDuration !== undefined) add('r."durationSeconds" >= ?', f.minDuration);
    if (f.maxDuration !== undefined) add('r."durationSeconds" <= ?', f.maxDuration);
    if (f.hasTranscript !== undefined) add('r."hasTranscript" = ?', f.hasTranscript);
    if (f.customerNumber) add('r."customerNumber" = ?', f.customerNumber);
    if (f.evaluated !== undefined) {
      where.push(`${f.evaluated ? '' : 'NOT '}EXISTS (SELECT 1 FROM evaluations e WHERE e."recordingId" = r.id AND e.status = 'submitted')`);
    }
    if (f.failed) {
      add(
        `EXISTS (SELECT 1 FROM recording_auto_checks ac WHERE ac."recordingId" = r.id AND ? = ANY(ac."failedCodes")
           AND ac."checklistVersionId" = (SELECT id FROM checklist_versions WHERE status = 'published' ORDER BY version DESC LIMIT 1))`,
        f.failed,
      );
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = `${f.sort === 'duration' ? 'r."durationSeconds"' : 'r."startedAt"'} ${f.order === 'asc' ? 'ASC' : 'DESC'}, r.id`;
    // Counting a million rows for page 1 costs more than the page; cap the count and say so with total.
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM (SELECT 1 FROM recordings r ${clause} LIMIT 10001) c`, params);
    // Sort and cut the page on recordings alone, then join names to those rows only.
    const rows = await this.db.query(
      `SELECT r.*, a."employeeNo" AS "agentNo", a.name AS "agentName", t.code AS "teamCode", p.code AS "projectCode"
         FROM (SELECT r.* FROM recordings r ${clause} ORDER BY ${order} LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}) r
         JOIN agents a ON a.id = r."agentId" JOIN teams t ON t.id = r."teamId" JOIN projects p ON p.id = r."projectId"
        ORDER BY ${order}`,
      params,
    );
    return { total, rows };
  }
}
