import { Injectable, Logger } from '@nestjs/common';
import type { Page } from '#shared/api/page.js';
import type { RetentionPolicy, RetentionProjectRun, RetentionRun } from '#shared/api/retention.js';
import { localDateOf } from '#shared/dates.js';
import { addDays } from '#shared/reports/periods.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { invalid } from '#server/common/domain-error.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { RecordingsService } from '#server/recordings/recordings.service.js';
import type { RetentionPolicyDto } from './retention.dto.js';
import { toRetentionPolicy } from './retention.mapper.js';
import { type Cutoffs, RetentionRepository } from './retention.repository.js';

/** Calls handled per batch: each batch deletes its audio, then marks its rows, so a run cut off anywhere resumes from the next. */
export const RETENTION_BATCH = 200;

/**
 * Retention (issue 16): each project keeps its calls' audio for its policy's days (evaluated calls
 * for their own, longer, period), then the audio is deleted through the AudioStorage and the call is
 * marked, while its row, transcript, peaks, checks and scores stay. A call someone still needs (an
 * unsettled dispute or open dispute window, an open rectification notice citing it, an example call)
 * keeps its audio whatever its age. Runs are idempotent: a call once removed is never looked at again.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly repo: RetentionRepository,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
    private readonly recordings: RecordingsService,
  ) {}

  async list(user: AuthUser): Promise<Page<RetentionPolicy>> {
    const items = (await this.repo.list(this.scope.visibleProjectIds(user))).map(toRetentionPolicy);
    return { total: items.length, items };
  }

  /** An admin, or the supervisor of the whole project, sets its policy; audited with what it was before. */
  async set(user: AuthUser, projectId: string, dto: RetentionPolicyDto): Promise<RetentionPolicy> {
    const project = await this.scope.projectById(user, projectId, { whole: true });
    const { audioDays, evaluatedAudioDays } = dto;
    if (audioDays === null && evaluatedAudioDays !== null) {
      throw invalid(
        'evaluatedAudioDays',
        'must be null (for ever) while audioDays is null: an evaluated call keeps its audio at least as long as any other',
        'shorterThan',
        {
          value: 'null',
        },
      );
    }
    if (audioDays !== null && evaluatedAudioDays !== null && evaluatedAudioDays < audioDays) {
      throw invalid('evaluatedAudioDays', `must be at least audioDays (${audioDays}): an evaluated call keeps its audio at least as long as any other`, 'shorterThan', {
        value: audioDays,
      });
    }
    return this.transaction.run(async (tx) => {
      const before = await this.repo.byProject(project.id, tx);
      await this.repo.save({ projectId: project.id, audioDays, evaluatedAudioDays, updatedById: user.id, updatedBy: user.username }, tx);
      await this.audit.record(
        {
          userId: user.id,
          username: user.username,
          action: 'retention.policy',
          detail: { code: project.code, audioDays, evaluatedAudioDays, before: { audioDays: before.audioDays, evaluatedAudioDays: before.evaluatedAudioDays } },
        },
        tx,
      );
      return toRetentionPolicy(await this.repo.byProject(project.id, tx));
    });
  }

  /**
   * Applies every project's policy, counting back from the centre's local day: the daily job's work,
   * or an admin's "now". One audit entry per run (also when nothing was due) with each project's policy
   * and counts. Concurrent runs are safe: a call is marked once, and deleting missing audio is no error.
   */
  async run(trigger: RetentionRun['trigger'], user: AuthUser | null, now = new Date()): Promise<RetentionRun> {
    const today = localDateOf(now, process.env.TZ);
    const projects: RetentionProjectRun[] = [];
    for (const policy of await this.repo.configured()) {
      const cutoffs: Cutoffs = {
        audio: addDays(today, -policy.audioDays!),
        evaluated: policy.evaluatedAudioDays === null ? null : addDays(today, -policy.evaluatedAudioDays),
      };
      let removed = 0;
      let removedBytes = 0;
      const failed: string[] = [];
      for (;;) {
        const batch = await this.repo.candidates(policy.projectId, cutoffs, failed, RETENTION_BATCH);
        if (!batch.length) break;
        const result = await this.recordings.removeAudio(batch, now);
        const marked = new Set(result.removed);
        removed += marked.size;
        removedBytes += batch.filter((c) => marked.has(c.id)).reduce((sum, c) => sum + Number(c.audioBytes), 0);
        failed.push(...result.failed);
        if (!marked.size && !result.failed.length) break; // another run took them all: nothing left for this one
      }
      if (failed.length) this.logger.warn(`Retention ${policy.projectCode}: the storage failed to delete ${failed.length} calls' audio; the next run tries again`);
      projects.push({
        project: policy.projectCode,
        audioDays: policy.audioDays,
        evaluatedAudioDays: policy.evaluatedAudioDays,
        removed,
        removedBytes,
        protected: await this.repo.countProtected(policy.projectId, cutoffs),
        failed: failed.length,
      });
    }
    const run: RetentionRun = { ranAt: now.toISOString(), trigger, by: user?.username ?? null, today, projects };
    await this.audit.record({ userId: user?.id ?? null, username: user?.username ?? null, action: 'retention.run', detail: { ...run } });
    return run;
  }
}
