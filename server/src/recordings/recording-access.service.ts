import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { Page } from '#shared/api/page.js';
import type { AccessLogEntry, NumberSearchEntry } from '#shared/api/recordings.js';
import { can } from '#shared/permissions.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, notFound } from '#server/common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { toAccessLogEntry, toNumberSearchEntry } from './recording.mapper.js';
import { NumberSearchRepository } from './number-search.repository.js';
import { RecordingAccessRepository } from './recording-access.repository.js';
import { RecordingRepository, type RecordingRow } from './recording.repository.js';
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
    private readonly scope: ScopeService,
    private readonly accessLog: RecordingAccessRepository,
    private readonly storage: AudioStorage,
    private readonly transaction: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly numberSearches: NumberSearchRepository,
    private readonly recordings: RecordingRepository,
  ) {}

  /**
   * Lets a search by customer number through, or refuses it, and logs it either way (issue 11
   * finding 4). Who may see whole numbers (`recording.unmask`) searches as before, logged. Everyone
   * else searches by the whole number only (7+ digits: no guessing the masked middle from a part),
   * at most NUMBER_SEARCHES_PER_HOUR answered searches an hour, counted in PostgreSQL under a lock
   * per user so that concurrent requests and several server processes share the count.
   */
  async admitNumberSearch(user: AuthUser, number: string, ip?: string): Promise<void> {
    const entry = { userId: user.id, username: user.username, number: number.slice(0, 40), ip: ip ?? null };
    const unmasked = can(user.roles, 'recording.unmask');
    if (unmasked && !number.includes('*')) {
      await this.numberSearches.insert({ ...entry, outcome: 'answered' });
      return;
    }
    if (number.includes('*') || number.replace(/\D/g, '').length < 7) {
      await this.numberSearches.insert({ ...entry, outcome: 'partial' });
      throw new DomainError('NUMBER_SEARCH_PARTIAL', 'customerNumber: search by the whole number (7 digits or more)', [
        { field: 'customerNumber', message: 'must be the whole number (7 digits or more)' },
      ]);
    }
    const limit = this.config.numberSearchesPerHour;
    const refusal = await this.transaction.run(async (tx) => {
      await this.numberSearches.lockUser(user.id, tx);
      const { count, retryAfterSeconds } = await this.numberSearches.answeredWithin(user.id, 3600, tx);
      if (count >= limit) {
        await this.numberSearches.insert({ ...entry, outcome: 'throttled' }, tx);
        return retryAfterSeconds;
      }
      await this.numberSearches.insert({ ...entry, outcome: 'answered' }, tx);
      return null;
    });
    if (refusal !== null) {
      throw new DomainError('NUMBER_SEARCH_THROTTLED', `Too many customer-number searches: ${limit} an hour; try again in ${refusal} s`, undefined, {
        params: { retryAfterSeconds: refusal, limit },
        headers: { 'Retry-After': String(refusal) },
      });
    }
  }

  async numberSearchLog(q: { username?: string; page: number; pageSize: number }): Promise<Page<NumberSearchEntry>> {
    const { total, rows } = await this.numberSearches.page(q.page, q.pageSize, q.username);
    return { total, items: rows.map(toNumberSearchEntry) };
  }

  /**
   * Streams the original bytes, honouring Range so a player can seek. A player fetches many ranges
   * per listening, from any byte: the first request of a user for a recording in PLAYBACK_LOG_MINUTES
   * is logged as a playback, whatever its range; every download is logged.
   */
  async audio(user: AuthUser, id: string, range: string | undefined, download: boolean, ip?: string): Promise<AudioResponse> {
    return this.stream(user, await this.scope.recording(user, id), range, download, ip);
  }

  /**
   * The same stream and the same log for a recording the caller reached through something else that
   * grants it, its check done there: an FAQ maintainer plays the call an FAQ proposal points at.
   */
  async streamGranted(user: AuthUser, recordingId: string, range: string | undefined, ip?: string): Promise<AudioResponse> {
    const recording = await this.recordings.byId(recordingId);
    if (!recording) throw notFound('Recording');
    return this.stream(user, recording, range, false, ip);
  }

  private async stream(user: AuthUser, recording: RecordingRow, range: string | undefined, download: boolean, ip?: string): Promise<AudioResponse> {
    const id = recording.id;
    if (recording.audioRemovedAt) {
      const removedAt = new Date(recording.audioRemovedAt).toISOString();
      throw new DomainError('AUDIO_REMOVED', `The audio of this call was removed by its project's retention policy on ${removedAt}`, undefined, {
        params: { removedAt },
      });
    }
    const size = await this.storage.size(recording.audioKey);
    const type = recording.audioFormat === 'mp3' ? 'audio/mpeg' : 'audio/wav';
    const parsed = parseRange(range, size);
    if (parsed === 'unsatisfiable') {
      throw new DomainError('RANGE_NOT_SATISFIABLE', `Range not satisfiable: the file has ${size} bytes`, undefined, {
        params: { size },
        headers: { 'Content-Range': `bytes */${size}` },
      });
    }
    const entry = { userId: user.id, username: user.username, recordingId: id, ip: ip ?? null };
    if (download) await this.accessLog.insert({ ...entry, action: 'download' });
    else await this.transaction.run((tx) => this.accessLog.insertPlayOnce(entry, this.config.playbackLogMinutes, tx));
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
    const { total, rows } = await this.accessLog.search({
      teamIds: this.scope.visibleTeamIds(user),
      recordingId: q.recordingId,
      username: q.username,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { total, items: rows.map((r) => toAccessLogEntry(r, user)) };
  }
}
