import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import { RecordingAccessEntity } from './recording.entity.js';

export interface AccessLogFilter {
  /** The teams the caller may see (`ScopeService.visibleTeamIds`), null for all. */
  teamIds: string[] | null;
  recordingId?: string;
  username?: string;
  page: number;
  pageSize: number;
}

/** A log entry with the call's externalId and the agent's employee number. */
export interface AccessLogRow {
  id: string;
  at: Date;
  username: string;
  action: 'play' | 'download';
  recordingId: string;
  ip: string | null;
  externalId: string;
  agent: string;
}

/** The playback and download log (DOMAIN.md confidentiality). */
@Injectable()
export class RecordingAccessRepository {
  constructor(@InjectRepository(RecordingAccessEntity) private readonly orm: Repository<RecordingAccessEntity>) {}

  async insert(entry: Pick<RecordingAccessEntity, 'userId' | 'username' | 'recordingId' | 'action' | 'ip'>): Promise<void> {
    await this.orm.insert(entry);
  }

  /**
   * Logs a playback unless this user's last one of this recording is under `windowMinutes` old: one
   * entry per sitting, whatever ranges the player asks for. Atomic across requests and server
   * processes: an advisory lock on (user, recording) for the transaction, then insert-if-none.
   */
  async insertPlayOnce(entry: Pick<RecordingAccessEntity, 'userId' | 'username' | 'recordingId' | 'ip'>, windowMinutes: number, tx: Transaction): Promise<boolean> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`play:${entry.userId}:${entry.recordingId}`]);
    const rows = await tx.query(
      `INSERT INTO recording_access_log ("userId", username, "recordingId", action, ip)
       SELECT $1, $2, $3, 'play', $4
        WHERE NOT EXISTS (SELECT 1 FROM recording_access_log
                           WHERE "recordingId" = $3 AND "userId" = $1 AND action = 'play' AND at > clock_timestamp() - make_interval(secs => $5))
       RETURNING id`,
      [entry.userId, entry.username, entry.recordingId, entry.ip, windowMinutes * 60],
    );
    return rows.length > 0;
  }

  /** Newest first. */
  async search(f: AccessLogFilter): Promise<{ total: number; rows: AccessLogRow[] }> {
    const filter = new SqlFilter().withinTeams('r."teamId"', f.teamIds).equals('l."recordingId"', f.recordingId).equals('l.username', f.username);
    const from = `FROM recording_access_log l JOIN recordings r ON r.id = l."recordingId" JOIN agents a ON a.id = r."agentId" ${filter.where}`;
    const [{ total }] = await this.orm.query(`SELECT count(*)::int AS total ${from}`, filter.params);
    const rows = await this.orm.query(
      `SELECT l.id, l.at, l.username, l.action, l."recordingId", l.ip, r."externalId", a."employeeNo" AS agent ${from} ORDER BY l.id DESC LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
      filter.params,
    );
    return { total, rows };
  }
}
