import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';

export const JOB_SCHEMA = 'pgboss';

/**
 * Background work as pg-boss jobs in the application's own PostgreSQL: a job survives a restart,
 * is retried on failure, and is never run by two workers at once.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private boss!: PgBoss;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig & { databaseUrl: string }) {}

  async onModuleInit(): Promise<void> {
    this.boss = new PgBoss({ connectionString: this.config.databaseUrl, schema: JOB_SCHEMA, max: 4, application_name: 'qa-jobs' });
    this.boss.on('error', (e) => this.logger.error(e instanceof Error ? e.message : String(e)));
    await this.boss.start();
  }

  async onModuleDestroy(): Promise<void> {
    // Graceful: a job under way finishes (or is left active for another start to retry).
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => undefined);
  }

  async queue(name: string, options: Omit<PgBoss.Queue, 'name'> = {}): Promise<void> {
    await this.boss.createQueue(name, { name, retryLimit: 3, retryDelay: 2, retryBackoff: true, ...options });
  }

  send<T extends object>(name: string, data: T, options: PgBoss.SendOptions = {}): Promise<string | null> {
    return this.boss.send(name, data, options);
  }

  /** Registers a worker, unless this process runs none (JOB_WORKERS=0). */
  async work<T>(name: string, options: PgBoss.WorkOptions, handler: (jobs: PgBoss.Job<T>[]) => Promise<void>): Promise<string | null> {
    if (!this.config.jobWorkers) return null;
    return this.boss.work<T>(name, { pollingIntervalSeconds: this.config.jobPollSeconds, ...options }, handler);
  }

  schedule(name: string, cron: string, data: object, tz: string): Promise<void> {
    return this.boss.schedule(name, cron, data, { tz });
  }

  /** How many jobs of a queue wait or run: for progress shown to supervisors. */
  async pending(name: string): Promise<number> {
    return this.boss.getQueueSize(name);
  }
}
