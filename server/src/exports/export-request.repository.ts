import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqlFilter } from '#server/database/sql-filter.js';
import { ExportRequestEntity, type ExportStatusValue } from './export-request.entity.js';

export type NewExportRequest = Pick<ExportRequestEntity, 'requesterId' | 'requester' | 'kind' | 'format' | 'query' | 'teamIds' | 'purpose'>;

@Injectable()
export class ExportRequestRepository {
  constructor(private readonly db: DataSource) {}

  async insert(entry: NewExportRequest): Promise<ExportRequestEntity> {
    return this.db.getRepository(ExportRequestEntity).save({ ...entry, status: 'pending' as const });
  }

  async byId(id: string): Promise<ExportRequestEntity | null> {
    return this.db.getRepository(ExportRequestEntity).findOneBy({ id });
  }

  /**
   * Newest first: the requester's own (`requesterId`), or those an approver may decide (`teamIds`
   * overlapping the approver's, null for all).
   */
  async search(f: { requesterId?: string; teamIds?: string[] | null; status?: ExportStatusValue; page: number; pageSize: number }) {
    const filter = new SqlFilter().equals('"requesterId"', f.requesterId).equals('status', f.status);
    if (f.teamIds) filter.add('"teamIds" && ?::uuid[]', f.teamIds);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM export_requests ${filter.where}`, filter.params);
    const rows: ExportRequestEntity[] = await this.db.query(
      `SELECT * FROM export_requests ${filter.where} ORDER BY "createdAt" DESC, id LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
      filter.params,
    );
    return { total: total as number, rows };
  }

  /** Moves a pending request to approved or refused; false when it was no longer pending (decided by someone else). */
  async decide(id: string, status: 'approved' | 'refused', decidedBy: string, reason: string | null): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE export_requests SET status = $2, "decidedBy" = $3, "decidedAt" = now(), reason = $4 WHERE id = $1 AND status = 'pending' RETURNING id`,
      [id, status, decidedBy, reason],
    );
    return affected(rows) > 0;
  }

  /** Marks an approved request downloaded, once: false when it is not approved any more (downloaded already). */
  async markDownloaded(id: string, requesterId: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE export_requests SET status = 'downloaded', "downloadedAt" = now() WHERE id = $1 AND "requesterId" = $2 AND status = 'approved' RETURNING id`,
      [id, requesterId],
    );
    return affected(rows) > 0;
  }
}

/** Rows an UPDATE … RETURNING answered (TypeORM gives [rows, count] for an UPDATE). */
const affected = (result: unknown[]): number => (Array.isArray(result[0]) ? result[0].length : result.length);
