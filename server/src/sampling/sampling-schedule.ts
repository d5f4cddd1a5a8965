import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '#server/jobs/job-queue.js';
import { SamplingRepository } from './sampling.repository.js';
import { SamplingService } from './sampling.service.js';
import { addDays, SamplingPlanService, today } from './sampling-plan.service.js';

export const SAMPLING_TICK = 'sampling-tick';

/**
 * Every ten minutes (a pg-boss schedule in the centre's time zone) each project whose run time has
 * come gets yesterday sampled, once: a missed tick or a restart just means the next one does it.
 */
@Injectable()
export class SamplingSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Sampling');

  constructor(
    private readonly repo: SamplingRepository,
    private readonly jobs: JobQueue,
    private readonly sampling: SamplingService,
    private readonly plans: SamplingPlanService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.queue(SAMPLING_TICK, { retryLimit: 1 });
    await this.jobs.work(SAMPLING_TICK, { batchSize: 1 }, async () => {
      await this.tick();
    });
    await this.jobs.schedule(SAMPLING_TICK, '*/10 * * * *', {}, process.env.TZ ?? 'Asia/Shanghai');
  }

  /** Samples yesterday for every active project whose run time has passed. Answers what it ran. */
  async tick(now = new Date()): Promise<string[]> {
    const day = addDays(today(), -1);
    const clock = new Intl.DateTimeFormat('en-GB', { timeZone: process.env.TZ, hour: '2-digit', minute: '2-digit', hour12: false }).format(now);
    const projects = await this.repo.unsampledProjects(day);
    const ran: string[] = [];
    for (const p of projects) {
      const rules = await this.plans.rulesFor(p.id, day);
      if (clock < rules.runAt) continue;
      try {
        await this.sampling.runFor(p, day, null);
        ran.push(p.code);
      } catch (e) {
        this.logger.warn(`Sampling ${p.code} ${day} skipped: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return ran;
  }
}
