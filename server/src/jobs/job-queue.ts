import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';

export const JOB_SCHEMA = 'pgboss';
/** The PostgreSQL channel a sent job is announced on (its payload: the queue's name). */
export const JOB_CHANNEL = 'qa_jobs';

/**
 * Background work as pg-boss jobs in the application's own PostgreSQL: a job survives a restart,
 * is retried on failure, and is never run by two workers at once.
 *
 * Processes apart (PROCESS_ROLE): every process creates the queues and sends jobs; only those that
 * run jobs (`worker`, `all`) register handlers, run pg-boss's schedules and maintenance. A job sent
 * by any process is announced with NOTIFY; the job-running processes LISTEN and fetch at once, so
 * their polling (JOB_POLL_SECONDS) is only a fallback for a missed notification. Schedules fire once
 * across any number of workers: pg-boss 10 lets one instance a minute claim the cron check
 * (an atomic update of its `cron_on` time) and sends each due job with a singleton key for that minute.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private boss!: PgBoss;
  /** Worker ids by queue name, to wake on a notification. */
  private readonly workers = new Map<string, string[]>();
  private listener?: pg.Client;
  private stopped = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig & { databaseUrl: string }) {}

  async onModuleInit(): Promise<void> {
    const runsJobs = this.config.jobWorkers;
    this.boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: JOB_SCHEMA,
      max: 4,
      application_name: 'qa-jobs',
      schedule: runsJobs,
      supervise: runsJobs,
    });
    this.boss.on('error', (e) => this.logger.error(e instanceof Error ? e.message : String(e)));
    await this.boss.start();
    if (runsJobs) await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => undefined);
    // Graceful: a job under way finishes (or is left active for another start to retry).
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => undefined);
  }

  async queue(name: string, options: Omit<PgBoss.Queue, 'name'> = {}): Promise<void> {
    await this.boss.createQueue(name, { name, retryLimit: 3, retryDelay: 2, retryBackoff: true, ...options });
  }

  /** Sends a job and announces it, so that a worker in any process fetches it at once. */
  async send<T extends object>(name: string, data: T, options: PgBoss.SendOptions = {}): Promise<string | null> {
    const id = await this.boss.send(name, data, options);
    if (id && !options.startAfter) await this.announce(name);
    return id;
  }

  /** Registers a worker, unless this process runs none (PROCESS_ROLE=api or JOB_WORKERS=0). */
  async work<T>(name: string, options: PgBoss.WorkOptions, handler: (jobs: PgBoss.Job<T>[]) => Promise<void>): Promise<string | null> {
    if (!this.config.jobWorkers) return null;
    const id = await this.boss.work<T>(name, { pollingIntervalSeconds: this.config.jobPollSeconds, ...options }, handler);
    this.workers.set(name, [...(this.workers.get(name) ?? []), id]);
    return id;
  }

  /** A cron schedule, kept only by processes that run jobs (an `api` process runs no schedules). */
  async schedule(name: string, cron: string, data: object, tz: string): Promise<void> {
    if (!this.config.jobWorkers) return;
    await this.boss.schedule(name, cron, data, { tz });
  }

  /** How many jobs of a queue wait or run: for progress shown to supervisors. */
  async pending(name: string): Promise<number> {
    return this.boss.getQueueSize(name);
  }

  private async announce(name: string): Promise<void> {
    // Not fatal: the job is stored, and the workers' fallback poll finds it.
    await this.boss
      .getDb()
      .executeSql('SELECT pg_notify($1, $2)', [JOB_CHANNEL, name])
      .catch((e: unknown) => this.logger.warn(`NOTIFY failed: ${e instanceof Error ? e.message : String(e)}`));
  }

  /** One connection LISTENing for sent jobs; reconnected after a second when it drops. */
  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.config.databaseUrl, application_name: 'qa-jobs-listen' });
    const retry = () => {
      if (this.stopped || this.listener !== client) return;
      this.listener = undefined;
      setTimeout(() => void this.listen().catch(() => retry()), 1_000).unref();
    };
    client.on('notification', (message) => {
      for (const id of this.workers.get(message.payload ?? '') ?? []) this.boss.notifyWorker(id);
    });
    client.on('error', (e) => {
      this.logger.warn(`LISTEN connection lost (${e.message}); polling until it is back`);
      retry();
    });
    client.on('end', retry);
    this.listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${JOB_CHANNEL}`);
    } catch (e) {
      this.logger.warn(`LISTEN failed (${e instanceof Error ? e.message : String(e)}); polling until it works`);
      await client.end().catch(() => undefined);
      retry();
    }
  }
}
