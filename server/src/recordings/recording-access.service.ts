import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { Page } from '../../../shared/src/api/page.js';
import type { AccessLogEntry } from '../../../shared/src/api/recordings.js';
import { visibleTeams } from '../auth/access.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError } from '../common/domain-error.js';
import { RecordingAccessEntity } from './recording.entity.js';
import { RecordingsService } from './recordings.service.js';
import { AudioStorage } from './storage/audio-storage.js';

export interface AudioResponse {
  status: 200 | 206;
  headers: Record<string, string>;
  body: Readable;
}

/** Parses one `bytes=` range against the file size; null when there is none or it cannot be served. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'unsatisfiable';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

@Injectable()
export class RecordingAccessService {
  constructor(
    private readonly recordings: RecordingsService,
    private readonly storage: AudioStorage,
    private readonly db: DataSource,
  ) {}

  /**
   * Streams the original bytes, honouring Range so a player can seek. A player fetches many ranges
   * per listening; only the opening request (no range, or one from byte 0) is logged as a playback.
   */
  async audio(user: AuthUser, id: string, range: string | undefined, download: boolean, ip?: string): Promise<AudioResponse> {
    const recording = await this.recordings.visible(user, id);
    const size = await this.storage.size(recording.audioKey);
    const type = recording.audioFormat === 'mp3' ? 'audio/mpeg' : 'audio/wav';
    const parsed = parseRange(range, size);
    if (parsed === 'unsatisfiable') {
      throw new DomainError('RANGE_NOT_SATISFIABLE', `Range not satisfiable: the file has ${size} bytes`, undefined, { params: { size }, headers: { 'Content-Range': `bytes */${size}` } });
    }
    if (download || !parsed || parsed.start === 0) {
      await this.db.getRepository(RecordingAccessEntity).insert({ userId: user.id, username: user.username, recordingId: id, action: download ? 'download' : 'play', ip: ip ?? null });
    }
    const headers: Record<string, string> = { 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Cache-Control': 'private, no-store' };
    if (download) {
      const name = recording.externalId.replace(/[^A-Za-z0-9_.-]/g, '_');
      headers['Content-Disposition'] = `attachment; filename="${name}.${recording.audioFormat === 'mp3' ? 'mp3' : 'wav'}"`;
    }
    if (!parsed) {
      headers['Content-Length'] = String(size);
      return { status: 200, headers, body: await this.storage.read(recording.audioKey) };
    }
    headers['Content-Length'] = String(parsed.end - parsed.start + 1);
    headers['Content-Range'] = `bytes ${parsed.start}-${parsed.end}/${size}`;
    return { status: 206, headers, body: await this.storage.read(recording.audioKey, parsed) };
  }

  async log(user: AuthUser, q: { recordingId?: string; username?: string; page: number; pageSize: number }): Promise<Page<AccessLogEntry>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const teams = visibleTeams(user);
    if (teams) {
      params.push(teams);
      where.push(`r."teamId" = ANY($${params.length})`);
    }
    if (q.recordingId) {
      params.push(q.recordingId);
      where.push(`l."recordingId" = $${params.length}`);
    }
    if (q.username) {
      params.push(q.username);
      where.push(`l.username = $${params.length}`);
    }
    const from = `FROM recording_access_log l JOIN recordings r ON r.id = l."recordingId" JOIN agents a ON a.id = r."agentId" ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await this.db.query(
      `SELECT l.id, l.at, l.username, l.action, l."recordingId", l.ip, r."externalId", a."employeeNo" AS agent ${from} ORDER BY l.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    );
    return { total, items: rows.map((r: AccessLogEntry & { at: Date }) => ({ ...r, at: new Date(r.at).toISOString() })) };
  }
}
