import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '#server/jobs/job-queue.js';
import { RetentionService } from './retention.service.js';

export const RETENTION_JOB = 'retention-daily';
/** 02:30 in the centre's time zone: after the day's last calls, before the morning's listening. */
export const RETENTION_CRON = '30 2 * * *';

/**
 * The daily retention run as a pg-boss schedule: pg-boss sends one job per tick however many workers
 * run (an `api` process schedules nothing), and a run is idempotent, so a retried job finishes the work.
 */
@Injectable()
export class RetentionSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly retention: RetentionService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.queue(RETENTION_JOB, { retryLimit: 2 });
    await this.jobs.work(RETENTION_JOB, { batchSize: 1 }, async () => {
      await this.retention.run('schedule', null);
    });
    await this.jobs.schedule(RETENTION_JOB, RETENTION_CRON, {}, process.env.TZ || 'Asia/Shanghai');
  }
}
