import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Transcript } from '#shared/rules/types.js';

/** A call of a dry run: what the rules need and what its example link shows. */
export interface DryRunCall {
  id: string;
  externalId: string;
  startedAt: Date;
  agent: string;
  durationSeconds: number;
  transcript: Transcript;
}

/** Where the previous batch stopped, newest first: its last call's start (as PostgreSQL's text, to the microsecond) and id. */
export interface DryRunCursor {
  startedAt: string;
  id: string;
}

const FROM = `FROM recordings r JOIN recording_transcripts t ON t."recordingId" = r.id`;
const PERIOD = `r."projectId" = $1 AND r."startedAt" >= $2 AND r."startedAt" < $3`;

/** The calls a dry run reads: a project's calls with transcripts in a period, newest first, in batches. */
@Injectable()
export class DryRunRepository {
  constructor(private readonly db: DataSource) {}

  async count(projectId: string, from: Date, to: Date): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n ${FROM} WHERE ${PERIOD}`, [projectId, from, to]);
    return n;
  }

  /** The next `limit` calls after the cursor, newest first; the cursor of the last one with them. */
  async batch(projectId: string, from: Date, to: Date, limit: number, after: DryRunCursor | null): Promise<{ calls: DryRunCall[]; cursor: DryRunCursor | null }> {
    const rows: (DryRunCall & { cursor: string })[] = await this.db.query(
      `SELECT r.id, r."externalId", r."startedAt", r."startedAt"::text AS cursor, a."employeeNo" AS agent, r."durationSeconds", t.transcript
         ${FROM} JOIN agents a ON a.id = r."agentId"
        WHERE ${PERIOD} AND ($5::timestamptz IS NULL OR (r."startedAt", r.id) < ($5::timestamptz, $6::uuid))
        ORDER BY r."startedAt" DESC, r.id DESC LIMIT $4`,
      [projectId, from, to, limit, after?.startedAt ?? null, after?.id ?? null],
    );
    const last = rows[rows.length - 1];
    return { calls: rows.map(({ cursor: _, ...call }) => call), cursor: last ? { startedAt: last.cursor, id: last.id } : null };
  }
}
