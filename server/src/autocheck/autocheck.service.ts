import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AutoChecks, AutocheckRun } from '../../../shared/src/api/autocheck.js';
import type { Page } from '../../../shared/src/api/page.js';
import { rulesOf } from '../../../shared/src/checklists/types.js';
import { compileRules, type CompiledRules, runRules } from '../../../shared/src/rules/engine.js';
import type { RuleResult, Transcript } from '../../../shared/src/rules/types.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { ChecklistVersionEntity } from '../checklists/checklist-version.entity.js';
import { ChecklistsService } from '../checklists/checklists.service.js';
import { DomainEvents } from '../common/domain-events.js';
import { JobQueue } from '../jobs/job-queue.js';
import { RecordingsService } from '../recordings/recordings.service.js';
import { AutocheckRunEntity } from './auto-check.entity.js';

export const CHECK_RECORDING = 'autocheck-recording';
export const BACKFILL = 'autocheck-backfill';
const BATCH = 500;

interface Checkable {
  id: string;
  durationSeconds: number;
  transcript: Transcript;
  /** As PostgreSQL's text, to the microsecond: a JS Date would round it and never match again. */
  updatedAt: string;
}

/** Runs the shared rule engine over every call: on ingest, on a new transcript, and after a publish. */
@Injectable()
export class AutocheckService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Autocheck');
  private readonly compiled = new Map<string, CompiledRules>();

  constructor(
    private readonly db: DataSource,
    private readonly jobs: JobQueue,
    private readonly checklists: ChecklistsService,
    private readonly recordings: RecordingsService,
    events: DomainEvents,
  ) {
    events.on('recording.transcript-changed', async ({ recordingIds }) => {
      for (const recordingId of recordingIds) await this.jobs.send(CHECK_RECORDING, { recordingId }, { singletonKey: recordingId });
    });
    events.on('checklist.published', ({ checklistVersionId }) => this.startBackfill(checklistVersionId, 'publish').then(() => undefined));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.queue(CHECK_RECORDING);
    await this.jobs.queue(BACKFILL, { retryLimit: 5 });
    await this.jobs.work<{ recordingId: string }>(CHECK_RECORDING, { batchSize: 20 }, async (jobs) => {
      const version = await this.checklists.activeEntity();
      await this.checkAndStore(jobs.map((j) => j.data.recordingId), version);
    });
    await this.jobs.work<{ runId: string }>(BACKFILL, { batchSize: 1 }, async ([job]) => this.backfill(job.data.runId));
    // Catches up whatever a crash or a lost event left unchecked under the active version.
    const active = await this.checklists.activeEntity();
    if (await this.uncheckedCount(active.id)) await this.startBackfill(active.id, 'startup');
  }

  private rules(version: ChecklistVersionEntity): CompiledRules {
    let compiled = this.compiled.get(version.id);
    if (!compiled) {
      compiled = compileRules(rulesOf(version.sections));
      this.compiled.set(version.id, compiled);
    }
    return compiled;
  }

  /** CONTRACT.md `GET /api/recordings/:id/auto-checks`: the active version's verdicts, `na` without a transcript. */
  async forRecording(user: AuthUser, recordingId: string): Promise<AutoChecks> {
    const recording = await this.recordings.visible(user, recordingId);
    const version = await this.checklists.activeEntity();
    const codes = rulesOf(version.sections).map((r) => r.code);
    if (!recording.hasTranscript) return { checklistVersion: version.version, results: codes.map((code) => ({ code, verdict: 'na', evidence: [] })) };
    const [stored] = await this.db.query(
      `SELECT ac.results FROM recording_auto_checks ac JOIN recording_transcripts t ON t."recordingId" = ac."recordingId"
        WHERE ac."recordingId" = $1 AND ac."checklistVersionId" = $2 AND ac."transcriptUpdatedAt" >= t."updatedAt"`,
      [recordingId, version.id],
    );
    if (stored) return { checklistVersion: version.version, results: stored.results };
    // Not checked yet (the job is queued): the engine is fast enough to answer now, and stores it.
    const [checked] = await this.checkAndStore([recordingId], version);
    return { checklistVersion: version.version, results: checked?.results ?? codes.map((code) => ({ code, verdict: 'na', evidence: [] })) };
  }

  /** Checks calls and stores each call's verdicts in one statement: all of them or none. */
  async checkAndStore(recordingIds: string[], version: ChecklistVersionEntity): Promise<{ recordingId: string; results: RuleResult[] }[]> {
    const calls: Checkable[] = await this.db.query(
      `SELECT r.id, r."durationSeconds", t.transcript, t."updatedAt"::text AS "updatedAt" FROM recordings r JOIN recording_transcripts t ON t."recordingId" = r.id WHERE r.id = ANY($1)`,
      [recordingIds],
    );
    const compiled = this.rules(version);
    const all: { recordingId: string; results: RuleResult[] }[] = [];
    for (const call of calls) {
      const results = runRules(compiled, call.transcript, { duration: call.durationSeconds });
      all.push({ recordingId: call.id, results });
      await this.db.query(
        `INSERT INTO recording_auto_checks ("recordingId", "checklistVersionId", results, "failedCodes", "transcriptUpdatedAt")
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ("recordingId", "checklistVersionId") DO UPDATE
           SET results = EXCLUDED.results, "failedCodes" = EXCLUDED."failedCodes", "transcriptUpdatedAt" = EXCLUDED."transcriptUpdatedAt", "checkedAt" = now()
         WHERE recording_auto_checks."transcriptUpdatedAt" <= EXCLUDED."transcriptUpdatedAt"`,
        [call.id, version.id, JSON.stringify(results), results.filter((r) => r.verdict === 'fail').map((r) => r.code), call.updatedAt],
      );
    }
    return all;
  }

  private uncheckedFrom(versionParam: string) {
    return `FROM recordings r JOIN recording_transcripts t ON t."recordingId" = r.id
      LEFT JOIN recording_auto_checks ac ON ac."recordingId" = r.id AND ac."checklistVersionId" = ${versionParam}
      WHERE ac."recordingId" IS NULL OR ac."transcriptUpdatedAt" < t."updatedAt"`;
  }

  private async uncheckedCount(versionId: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n ${this.uncheckedFrom('$1')}`, [versionId]);
    return n;
  }

  async startBackfill(versionId: string, reason: 'publish' | 'startup'): Promise<AutocheckRunEntity> {
    const total = await this.uncheckedCount(versionId);
    const run = await this.db.getRepository(AutocheckRunEntity).save({ checklistVersionId: versionId, reason, total });
    await this.jobs.send(BACKFILL, { runId: run.id }, { singletonKey: run.id });
    return run;
  }

  /** Re-checks past calls in batches, recording progress; a newer published version supersedes it. */
  private async backfill(runId: string): Promise<void> {
    const runs = this.db.getRepository(AutocheckRunEntity);
    const run = await runs.findOneBy({ id: runId });
    if (!run || run.status !== 'running') return;
    let previous = '';
    for (;;) {
      const active = await this.checklists.activeEntity();
      if (active.id !== run.checklistVersionId) {
        await runs.update(run.id, { status: 'superseded', finishedAt: new Date() });
        return;
      }
      const batch: { id: string }[] = await this.db.query(`SELECT r.id ${this.uncheckedFrom('$1')} ORDER BY r.id LIMIT ${BATCH}`, [active.id]);
      if (!batch.length) break;
      // A batch that stores nothing would come back forever: stop rather than spin.
      if (batch[0].id === previous) throw new Error(`re-check ${run.id} made no progress at recording ${previous}`);
      previous = batch[0].id;
      await this.checkAndStore(batch.map((b) => b.id), active);
      await this.db.query(`UPDATE autocheck_runs SET done = LEAST(total, done + $2) WHERE id = $1`, [run.id, batch.length]);
    }
    // Per-call jobs may have checked some of the same calls meanwhile: at the end, all are done.
    await this.db.query(`UPDATE autocheck_runs SET status = 'done', done = total, "finishedAt" = now() WHERE id = $1`, [run.id]);
    this.logger.log(`Re-check ${run.id} done`);
  }

  async runs(): Promise<Page<AutocheckRun>> {
    const rows = await this.db.query(
      `SELECT r.*, cv.version AS "checklistVersion" FROM autocheck_runs r JOIN checklist_versions cv ON cv.id = r."checklistVersionId" ORDER BY r."startedAt" DESC LIMIT 20`,
    );
    return {
      total: rows.length,
      items: rows.map((r: AutocheckRunEntity & { checklistVersion: number }) => ({
        id: r.id,
        checklistVersion: r.checklistVersion,
        reason: r.reason,
        total: r.total,
        done: r.done,
        status: r.status,
        startedAt: new Date(r.startedAt).toISOString(),
        finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
      })),
    };
  }
}
