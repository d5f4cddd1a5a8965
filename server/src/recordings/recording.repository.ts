import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CallDirection } from '#shared/recordings.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import { RecordingEntity, RecordingPeaksEntity, RecordingTranscriptEntity } from './recording.entity.js';

export interface RecordingFilter {
  /** The teams the caller may see (`ScopeService.visibleTeamIds`), null for all. */
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
  /**
   * Calls that failed the rule `code` under that checklist version (the active one), leaving out those
   * `blindTo` is to score blind and has not submitted yet.
   */
  failed?: { code: string; checklistVersionId: string; blindTo?: string };
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

/** One recording's audio as the database knows it: where it is and what it must hash to. */
export interface AudioObject {
  id: string;
  key: string;
  sha256: string;
  bytes: number;
}

export type NewRecording = Omit<RecordingEntity, 'agent' | 'createdAt' | 'audioRemovedAt'>;
export type Transcript = RecordingTranscriptEntity['transcript'];
export type Peaks = RecordingPeaksEntity['peaks'];

const SELECT = `r.*, a."employeeNo" AS "agentNo", a.name AS "agentName", t.code AS "teamCode", p.code AS "projectCode"
  FROM recordings r JOIN agents a ON a.id = r."agentId" JOIN teams t ON t.id = r."teamId" JOIN projects p ON p.id = r."projectId"`;

@Injectable()
export class RecordingRepository {
  constructor(private readonly db: DataSource) {}

  async byId(id: string): Promise<RecordingRow | null> {
    const rows = await this.db.query(`SELECT ${SELECT} WHERE r.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The centre's audio objects in id order, `limit` after `afterId` (keyset paging for `npm run audio:move`). */
  async audioObjects(afterId: string | null, limit: number): Promise<AudioObject[]> {
    return this.db.query(
      `SELECT id, "audioKey" AS key, "audioSha256" AS sha256, "audioBytes" AS bytes FROM recordings WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
  }

  /** Of these recording ids, those that have a row, with the key of their audio. */
  async audioKeysOf(ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; key: string }[] = await this.db.query(`SELECT id, "audioKey" AS key FROM recordings WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.key]));
  }

  async byExternalId(externalId: string): Promise<RecordingRow | null> {
    const rows = await this.db.query(`SELECT ${SELECT} WHERE r."externalId" = $1`, [externalId]);
    return rows[0] ?? null;
  }

  /** Search with every filter as a bound parameter; the indexes lead with agent, team, project or day. */
  async search(f: RecordingFilter): Promise<{ total: number; rows: RecordingRow[] }> {
    const filter = new SqlFilter()
      .withinTeams('r."teamId"', f.teamIds)
      .equals('r."projectId"', f.projectId)
      .equals('r."teamId"', f.teamId)
      .equals('r."agentId"', f.agentId)
      .localDateBetween('r."localDate"', f.from, f.to)
      .equals('r.direction', f.direction);
    if (f.minDuration !== undefined) filter.add('r."durationSeconds" >= ?', f.minDuration);
    if (f.maxDuration !== undefined) filter.add('r."durationSeconds" <= ?', f.maxDuration);
    filter.equals('r."hasTranscript"', f.hasTranscript);
    if (f.customerNumber) filter.add('r."customerNumber" = ?', f.customerNumber);
    if (f.evaluated !== undefined) {
      filter.add(
        `${f.evaluated ? '' : 'NOT '}EXISTS (SELECT 1 FROM evaluations e WHERE e."recordingId" = r.id AND e.status = 'submitted' AND e.source <> 'calibration')`,
      );
    }
    if (f.failed) {
      filter.add(
        `EXISTS (SELECT 1 FROM recording_auto_checks ac WHERE ac."recordingId" = r.id AND ? = ANY(ac."failedCodes") AND ac."checklistVersionId" = ?)`,
        f.failed.code,
        f.failed.checklistVersionId,
      );
      if (f.failed.blindTo)
        filter.add(
          `NOT EXISTS (SELECT 1 FROM sampling_assignments sa WHERE sa."recordingId" = r.id AND sa."inspectorId" = ? AND sa.source = 'daily' AND sa.blind
             AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e."recordingId" = r.id AND e."inspectorId" = sa."inspectorId" AND e.status = 'submitted'))`,
          f.failed.blindTo,
        );
    }
    const clause = filter.where;
    const params = filter.params;
    const direction = f.order === 'asc' ? 'ASC' : 'DESC';
    // By time, the local day first: the same order (a call's day follows from its start), but one the
    // (…, localDate, startedAt) indexes walk, so a search over weeks stops after its page instead of
    // sorting every matching call.
    const order = f.sort === 'duration' ? `r."durationSeconds" ${direction}, r.id` : `r."localDate" ${direction}, r."startedAt" ${direction}, r.id`;
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

  /**
   * Stores a new call with its peaks and transcript; false when a recording with its externalId is
   * already there (ON CONFLICT DO NOTHING: a simultaneous post of the same call won).
   */
  async insertIfNew(recording: NewRecording, peaks: Peaks, transcript: Transcript | null, tx: Transaction): Promise<boolean> {
    const result = await tx.createQueryBuilder().insert().into(RecordingEntity).values(recording).orIgnore().execute();
    if (!result.raw.length) return false;
    await tx.insert(RecordingPeaksEntity, { recordingId: recording.id, peaks });
    if (transcript) await tx.insert(RecordingTranscriptEntity, { recordingId: recording.id, transcript });
    return true;
  }

  async replaceTranscript(id: string, transcript: Transcript, tx: Transaction): Promise<void> {
    await tx.upsert(RecordingTranscriptEntity, { recordingId: id, transcript, updatedAt: new Date() }, ['recordingId']);
    await tx.update(RecordingEntity, { id }, { hasTranscript: true });
  }

  async peaks(id: string): Promise<Peaks | null> {
    return (await this.db.getRepository(RecordingPeaksEntity).findOneBy({ recordingId: id }))?.peaks ?? null;
  }

  async transcript(id: string): Promise<Transcript | null> {
    return (await this.db.getRepository(RecordingTranscriptEntity).findOneBy({ recordingId: id }))?.transcript ?? null;
  }

  /** Marks the calls' audio as removed (retention); answers the ids it marked (not those marked already). */
  async markAudioRemoved(ids: string[], at: Date): Promise<string[]> {
    if (!ids.length) return [];
    const result: unknown[] = await this.db.query(`UPDATE recordings SET "audioRemovedAt" = $2 WHERE id = ANY($1::uuid[]) AND "audioRemovedAt" IS NULL RETURNING id`, [
      ids,
      at,
    ]);
    // TypeORM answers [rows, count] for an UPDATE … RETURNING.
    const rows = (Array.isArray(result[0]) ? result[0] : result) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** How many calls there are whose externalId starts so (the demo's are DEMO-…). */
  async countByExternalIdPrefix(prefix: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM recordings WHERE "externalId" LIKE $1`, [`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
    return n;
  }
}
