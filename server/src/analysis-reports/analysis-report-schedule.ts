import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { AnalysisReportKind } from '#shared/api/analysis-reports.js';
import { JobQueue } from '#server/jobs/job-queue.js';
import { AnalysisReportsService } from './analysis-reports.service.js';

/**
 * The pg-boss jobs that make the reports, each on a cron in the centre's time zone (TZ): pg-boss
 * sends one job per tick however many workers run, and the report of a period is one row, so a
 * retried or repeated job rewrites the same snapshot (never a published one).
 */
export const REPORT_JOBS: Record<AnalysisReportKind, { name: string; cron: string }> = {
  /** Yesterday's report, for the supervisor's morning (11.1). */
  daily: { name: 'analysis-report-daily', cron: '0 7 * * *' },
  /** Last week's (Monday to Sunday), on Monday morning. */
  weekly: { name: 'analysis-report-weekly', cron: '0 7 * * 1' },
  /** Last month's, on the 1st. */
  monthly: { name: 'analysis-report-monthly', cron: '0 7 1 * *' },
};

export const reportTimeZone = () => process.env.TZ || 'Asia/Shanghai';

@Injectable()
export class AnalysisReportSchedule implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueue,
    private readonly reports: AnalysisReportsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const [kind, job] of Object.entries(REPORT_JOBS) as [AnalysisReportKind, (typeof REPORT_JOBS)[AnalysisReportKind]][]) {
      await this.jobs.queue(job.name, { retryLimit: 2 });
      await this.jobs.work(job.name, { batchSize: 1 }, async () => {
        await this.reports.runScheduled(kind);
      });
      await this.jobs.schedule(job.name, job.cron, {}, reportTimeZone());
    }
  }
}
