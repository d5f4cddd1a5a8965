import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AutoChecks, AutocheckRun } from '#shared/api/autocheck.js';
import type { Page } from '#shared/api/page.js';
import { rulesOf } from '#shared/checklists/types.js';
import { compileRules, type CompiledRules, runRules } from '#shared/rules/engine.js';
import { maskerFor } from '#shared/masking.js';
import type { RuleResult } from '#shared/rules/types.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import type { ChecklistVersionEntity } from '#server/checklists/checklist-version.entity.js';
import { ChecklistsService } from '#server/checklists/checklists.service.js';
import { DomainError } from '#server/common/domain-error.js';
import { DomainEvents } from '#server/common/domain-events.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { JobQueue } from '#server/jobs/job-queue.js';
import type { AutocheckRunEntity } from './auto-check.entity.js';
import { AutoCheckRepository } from './auto-check.repository.js';
import { toAutoChecks, toAutocheckRun } from './autocheck.mapper.js';

export const CHECK_RECORDING = 'autocheck-recording';
export const BACKFILL = 'autocheck-backfill';
const BATCH = 500;

/** Runs the shared rule engine over every call: on ingest, on a new transcript, and after a publish. */
@Injectable()
export class AutocheckService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Autocheck');
  private readonly compiled = new Map<string, CompiledRules>();

  constructor(
    private readonly autoChecks: AutoCheckRepository,
    private readonly jobs: JobQueue,
    private readonly checklists: ChecklistsService,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
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
      await this.checkAndStore(
        jobs.map((j) => j.data.recordingId),
        version,
      );
    });
    await this.jobs.work<{ runId: string }>(BACKFILL, { batchSize: 1 }, async ([job]) => this.backfill(job.data.runId));
    // A run still `running` is taken up again: its worker may have died (kill -9, a lost machine),
    // leaving its job active in pg-boss until it expires. The run's advisory lock keeps a live worker's run to itself.
    const running = await this.autoChecks.runningRuns();
    for (const run of running) await this.jobs.send(BACKFILL, { runId: run.id }, { singletonKey: run.id });
    // Catches up whatever a crash or a lost event left unchecked under the active version.
    const active = await this.checklists.activeEntity();
    if (!running.some((r) => r.checklistVersionId === active.id) && (await this.autoChecks.uncheckedCount(active.id))) await this.startBackfill(active.id, 'startup');
  }

  private rules(version: ChecklistVersionEntity): CompiledRules {
    let compiled = this.compiled.get(version.id);
    if (!compiled) {
      compiled = compileRules(rulesOf(version.sections));
      this.compiled.set(version.id, compiled);
    }
    return compiled;
  }

  /**
   * CONTRACT.md `GET /api/recordings/:id/auto-checks`: the active version's verdicts, `na` without a transcript.
   * Refused (403 AUTO_CHECK_BLIND) to an inspector who is to score the call blind, until he has submitted it.
   */
  async forRecording(user: AuthUser, recordingId: string): Promise<AutoChecks> {
    const checks = await this.verdicts(user, recordingId);
    if (await this.isBlind(recordingId, user.id))
      throw new DomainError('AUTO_CHECK_BLIND', "Forbidden: this call is scored blind; the machine's verdicts show once you have submitted it");
    return checks;
  }

  /** Whether the user scores this call blind and has not submitted it yet. */
  isBlind(recordingId: string, userId: string): Promise<boolean> {
    return this.autoChecks.blindFor(recordingId, userId);
  }

  /** The active version's verdicts of a call in the user's scope, blind or not: for the evaluation's own record. */
  async verdicts(user: AuthUser, recordingId: string): Promise<AutoChecks> {
    const recording = await this.scope.recording(user, recordingId);
    const mask = maskerFor(user.roles);
    const version = await this.checklists.activeEntity();
    const codes = rulesOf(version.sections).map((r) => r.code);
    if (!recording.hasTranscript) return toAutoChecks(version, codes, null, mask);
    const stored = await this.autoChecks.currentResults(recordingId, version.id);
    if (stored) return toAutoChecks(version, codes, stored, mask);
    // Not checked yet (the job is queued): the engine is fast enough to answer now, and stores it.
    const [checked] = await this.checkAndStore([recordingId], version);
    return toAutoChecks(version, codes, checked?.results ?? null, mask);
  }

  /** Checks calls and stores each call's verdicts in one statement: all of them or none. */
  async checkAndStore(recordingIds: string[], version: ChecklistVersionEntity): Promise<{ recordingId: string; results: RuleResult[] }[]> {
    const calls = await this.autoChecks.checkable(recordingIds);
    const compiled = this.rules(version);
    const all: { recordingId: string; results: RuleResult[] }[] = [];
    for (const call of calls) {
      const results = runRules(compiled, call.transcript, { duration: call.durationSeconds });
      all.push({ recordingId: call.id, results });
      await this.transaction.run((tx) => this.autoChecks.store(call, version.id, results, tx));
    }
    return all;
  }

  async startBackfill(versionId: string, reason: 'publish' | 'startup'): Promise<AutocheckRunEntity> {
    const total = await this.autoChecks.uncheckedCount(versionId);
    const run = await this.autoChecks.createRun({ checklistVersionId: versionId, reason, total });
    await this.jobs.send(BACKFILL, { runId: run.id }, { singletonKey: run.id });
    return run;
  }

  /** Re-checks past calls in batches, recording progress; a newer published version supersedes it. */
  private async backfill(runId: string): Promise<void> {
    const run = await this.autoChecks.run(runId);
    if (!run || run.status !== 'running') return;
    // One worker at a time on a run; its job sent again after a crash finds the lock free.
    const unlock = await this.autoChecks.lockRun(run.id);
    if (!unlock) return;
    try {
      await this.backfillLocked(run);
    } finally {
      await unlock();
    }
  }

  private async backfillLocked(run: AutocheckRunEntity): Promise<void> {
    if ((await this.autoChecks.run(run.id))?.status !== 'running') return;
    let previous = '';
    for (;;) {
      const active = await this.checklists.activeEntity();
      if (active.id !== run.checklistVersionId) {
        await this.autoChecks.supersede(run.id);
        return;
      }
      const batch = await this.autoChecks.uncheckedBatch(active.id, BATCH);
      if (!batch.length) break;
      // A batch that stores nothing would come back forever: stop rather than spin.
      if (batch[0] === previous) throw new Error(`re-check ${run.id} made no progress at recording ${previous}`);
      previous = batch[0];
      await this.checkAndStore(batch, active);
      await this.autoChecks.advance(run.id, batch.length);
    }
    // Per-call jobs may have checked some of the same calls meanwhile: at the end, all are done.
    await this.autoChecks.finish(run.id);
    this.logger.log(`Re-check ${run.id} done`);
  }

  async runs(): Promise<Page<AutocheckRun>> {
    const rows = await this.autoChecks.recentRuns();
    return { total: rows.length, items: rows.map(toAutocheckRun) };
  }
}
