import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RuleResult, Transcript } from '#shared/rules/types.js';
import type { RuleAgreementCounts } from '#shared/reports/rule-agreement.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import { AutocheckRunEntity } from './auto-check.entity.js';

/** A call with what the rules need: its transcript and length. */
export interface CheckableCall {
  id: string;
  durationSeconds: number;
  transcript: Transcript;
  /** As PostgreSQL's text, to the microsecond: a JS Date would round it and never match again. */
  updatedAt: string;
}

export type AutocheckRunRow = AutocheckRunEntity & { checklistVersion: number };

export interface AgreementRow extends RuleAgreementCounts {
  code: string;
  evaluated: number;
  agreed: number;
}

// Calls with a transcript not yet checked under a version, or checked on an older transcript.
const uncheckedFrom = (versionParam: string) => `FROM recordings r JOIN recording_transcripts t ON t."recordingId" = r.id
      LEFT JOIN recording_auto_checks ac ON ac."recordingId" = r.id AND ac."checklistVersionId" = ${versionParam}
      WHERE ac."recordingId" IS NULL OR ac."transcriptUpdatedAt" < t."updatedAt"`;

/** The automatic verdicts per call and version, and the background re-check runs. */
@Injectable()
export class AutoCheckRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Whether the user is to score this call blind and has not submitted it yet (issue 15): his daily
   * assignment of it was drawn blind. While so, the machine's verdicts of the call are hidden from him.
   */
  async blindFor(recordingId: string, userId: string): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT 1 FROM sampling_assignments sa
        WHERE sa."recordingId" = $1 AND sa."inspectorId" = $2 AND sa.source = 'daily' AND sa.blind
          AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e."recordingId" = sa."recordingId" AND e."inspectorId" = sa."inspectorId" AND e.status = 'submitted')`,
      [recordingId, userId],
    );
    return !!row;
  }

  /** The stored verdicts, if they were computed from the call's current transcript. */
  async currentResults(recordingId: string, checklistVersionId: string): Promise<RuleResult[] | null> {
    const [stored] = await this.db.query(
      `SELECT ac.results FROM recording_auto_checks ac JOIN recording_transcripts t ON t."recordingId" = ac."recordingId"
        WHERE ac."recordingId" = $1 AND ac."checklistVersionId" = $2 AND ac."transcriptUpdatedAt" >= t."updatedAt"`,
      [recordingId, checklistVersionId],
    );
    return stored?.results ?? null;
  }

  /** The calls among these that have a transcript. */
  checkable(recordingIds: string[]): Promise<CheckableCall[]> {
    return this.db.query(
      `SELECT r.id, r."durationSeconds", t.transcript, t."updatedAt"::text AS "updatedAt" FROM recordings r JOIN recording_transcripts t ON t."recordingId" = r.id WHERE r.id = ANY($1)`,
      [recordingIds],
    );
  }

  /**
   * Stores one call's verdicts; an older transcript's never overwrite a newer one's. In the same
   * transaction the call's team day and month in `auto_check_days` and `auto_check_months` move by the difference between its latest
   * check before and after, so a re-check replaces the call's verdicts there instead of adding them.
   */
  async store(call: CheckableCall, checklistVersionId: string, results: RuleResult[], tx: Transaction): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`auto-check:${call.id}`]);
    const before = await this.latestResults(call.id, tx);
    await tx.query(
      `INSERT INTO recording_auto_checks ("recordingId", "checklistVersionId", results, "failedCodes", "transcriptUpdatedAt")
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("recordingId", "checklistVersionId") DO UPDATE
         SET results = EXCLUDED.results, "failedCodes" = EXCLUDED."failedCodes", "transcriptUpdatedAt" = EXCLUDED."transcriptUpdatedAt", "checkedAt" = now()
       WHERE recording_auto_checks."transcriptUpdatedAt" <= EXCLUDED."transcriptUpdatedAt"`,
      [call.id, checklistVersionId, JSON.stringify(results), results.filter((r) => r.verdict === 'fail').map((r) => r.code), call.updatedAt],
    );
    const after = await this.latestResults(call.id, tx);
    if (before === after) return;
    await tx.query(
      `WITH delta AS (
         SELECT r."teamId", r."localDate" AS day, v.code, r."projectId", sum(v.sign)::int AS results,
                sum(v.sign * (v.verdict <> 'na')::int)::int AS calls, sum(v.sign * (v.verdict = 'fail')::int)::int AS failures
           FROM recordings r
           CROSS JOIN (SELECT 1 AS sign, a.* FROM jsonb_to_recordset(coalesce($2::jsonb, '[]')) AS a(code text, verdict text)
                       UNION ALL SELECT -1, b.* FROM jsonb_to_recordset(coalesce($3::jsonb, '[]')) AS b(code text, verdict text)) v
          WHERE r.id = $1
          GROUP BY r."teamId", r."localDate", v.code, r."projectId"),
       days AS (
         INSERT INTO auto_check_days ("teamId", "callDate", code, "projectId", results, calls, failures)
         SELECT "teamId", day, code, "projectId", results, calls, failures FROM delta ORDER BY code
         ON CONFLICT ("teamId", "callDate", code) DO UPDATE SET results = auto_check_days.results + EXCLUDED.results,
           calls = auto_check_days.calls + EXCLUDED.calls, failures = auto_check_days.failures + EXCLUDED.failures)
       INSERT INTO auto_check_months ("teamId", month, code, "projectId", results, calls, failures)
       SELECT "teamId", date_trunc('month', day)::date, code, "projectId", results, calls, failures FROM delta ORDER BY code
       ON CONFLICT ("teamId", month, code) DO UPDATE SET results = auto_check_months.results + EXCLUDED.results,
         calls = auto_check_months.calls + EXCLUDED.calls, failures = auto_check_months.failures + EXCLUDED.failures`,
      [call.id, after, before],
    );
  }

  /** The verdicts of the call's latest check under any version (what the summary counts), as JSON text. */
  private async latestResults(recordingId: string, tx: Transaction): Promise<string | null> {
    const [row] = await tx.query(
      `SELECT results::text AS results FROM recording_auto_checks WHERE "recordingId" = $1 ORDER BY "checkedAt" DESC, "checklistVersionId" DESC LIMIT 1`,
      [recordingId],
    );
    return row?.results ?? null;
  }

  async uncheckedCount(checklistVersionId: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n ${uncheckedFrom('$1')}`, [checklistVersionId]);
    return n;
  }

  /** The next ids to check, in id order. */
  async uncheckedBatch(checklistVersionId: string, size: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(`SELECT r.id ${uncheckedFrom('$1')} ORDER BY r.id LIMIT ${size}`, [checklistVersionId]);
    return rows.map((r) => r.id);
  }

  createRun(values: { checklistVersionId: string; reason: AutocheckRunEntity['reason']; total: number }): Promise<AutocheckRunEntity> {
    return this.db.getRepository(AutocheckRunEntity).save(values);
  }

  run(id: string): Promise<AutocheckRunEntity | null> {
    return this.db.getRepository(AutocheckRunEntity).findOneBy({ id });
  }

  /** Runs left `running`: under way in a live worker, or left so by one that died. */
  runningRuns(): Promise<AutocheckRunEntity[]> {
    return this.db.getRepository(AutocheckRunEntity).find({ where: { status: 'running' }, order: { startedAt: 'ASC' } });
  }

  /**
   * Takes the run's session advisory lock on a connection of its own, or answers null when another
   * process holds it (a live worker is on the run). PostgreSQL lets go of it when that process's
   * connection drops, so a worker killed mid-run leaves the run free for the next to take up.
   */
  async lockRun(id: string): Promise<(() => Promise<void>) | null> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked`, [`autocheck-run:${id}`]);
      if (locked)
        return async () => {
          await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [`autocheck-run:${id}`]).catch(() => undefined);
          await runner.release();
        };
    } catch (e) {
      await runner.release();
      throw e;
    }
    await runner.release();
    return null;
  }

  async supersede(id: string): Promise<void> {
    await this.db.getRepository(AutocheckRunEntity).update(id, { status: 'superseded', finishedAt: new Date() });
  }

  async advance(id: string, checked: number): Promise<void> {
    await this.db.query(`UPDATE autocheck_runs SET done = LEAST(total, done + $2) WHERE id = $1`, [id, checked]);
  }

  async finish(id: string): Promise<void> {
    await this.db.query(`UPDATE autocheck_runs SET status = 'done', done = total, "finishedAt" = now() WHERE id = $1`, [id]);
  }

  /** The 20 latest runs with their version number. */
  recentRuns(): Promise<AutocheckRunRow[]> {
    return this.db.query(
      `SELECT r.*, cv.version AS "checklistVersion" FROM autocheck_runs r JOIN checklist_versions cv ON cv.id = r."checklistVersionId" ORDER BY r."startedAt" DESC LIMIT 20`,
    );
  }

  /**
   * Per rule code, submitted evaluations' final verdicts against the machine's (not `na`), calibration
   * aside: over all of them, over the blind ones (with what precision and recall need), and over those
   * that showed it as a suggestion.
   */
  agreementByRule(f: { teamIds: string[] | null; projectIds?: string[] | null; from?: string; to?: string }): Promise<AgreementRow[]> {
    const filter = new SqlFilter()
      .add(`e.status = 'submitted'`)
      .add(`e.source <> 'calibration'`)
      .add(`i."autoVerdict" IS NOT NULL`)
      .add(`i."autoVerdict" <> 'na'`)
      .within('e."projectId"', f.projectIds ?? null)
      .withinTeams('e."teamId"', f.teamIds)
      .localDateBetween('e."callDate"', f.from, f.to);
    return this.db.query(
      `SELECT i.code, count(*)::int AS evaluated, count(*) FILTER (WHERE i.verdict = i."autoVerdict")::int AS agreed,
              count(*) FILTER (WHERE e.blind)::int AS "blindEvaluated",
              count(*) FILTER (WHERE e.blind AND i.verdict = i."autoVerdict")::int AS "blindAgreed",
              count(*) FILTER (WHERE e.blind AND i."autoVerdict" = 'fail')::int AS "blindMachineFailed",
              count(*) FILTER (WHERE e.blind AND i.verdict = 'fail')::int AS "blindPeopleFailed",
              count(*) FILTER (WHERE e.blind AND i.verdict = 'fail' AND i."autoVerdict" = 'fail')::int AS "blindBothFailed",
              count(*) FILTER (WHERE NOT e.blind)::int AS "suggestedEvaluated",
              count(*) FILTER (WHERE NOT e.blind AND i.verdict <> i."autoVerdict")::int AS "suggestedOverturned"
         FROM evaluation_items i JOIN evaluations e ON e.id = i."evaluationId"
        ${filter.where} GROUP BY i.code ORDER BY i.code`,
      filter.params,
    );
  }
}
