import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { sqlRows } from '../database/sql';
import { JobQueue } from '../jobs/job-queue';
import { WorkerRegistry } from '../jobs/worker-registry';
import { weeklyReportJobId } from '../jobs/queues';
import { ReportEventsService } from './report-events.service';
import { dueWeeklyReports, ScheduledShop } from './report-schedule';
import { ReportsProcessor } from './reports.processor';
import { compactGradeCounts } from './review-grade-counts';

/** hours of review counts still being written (late arrivals) are merged this long after they ended */
const MERGE_AFTER_MS = 2 * 3_600_000;

/**
 * The weekly schedule: a sweep in every worker process finds, in the database, the shops whose last week
 * has no report yet and enqueues one job each (job id per shop and week). It only enqueues. Nothing lives
 * in Redis between sweeps, so a Redis flush or a crash loses nothing: the next sweep enqueues again, and
 * the job itself stores at most one report per shop and week. On the same timer, the review counts the trend
 * adds up are merged (mergeGradeCounts). A second sweep, on the webhook sweeper's interval, dispatches
 * report.created events that were stored but never dispatched.
 */
@Injectable()
export class ReportWorkers {
  private readonly logger = new Logger(ReportWorkers.name);
  private readonly schedule;
  private readonly merge;
  private readonly eventSweep;

  constructor(
    registry: WorkerRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    processor: ReportsProcessor,
    events: ReportEventsService,
  ) {
    registry.processor('reports', processor);
    const interval = { intervalMs: (config: AppConfig) => config.env.reportScheduleIntervalMs };
    // a process that starts on a Monday morning should not wait a whole interval
    this.schedule = registry.sweep<number, Date>(
      'report schedule sweep',
      { ...interval, firstAfterMs: (config) => Math.min(config.env.reportScheduleIntervalMs, 5_000) },
      (now = new Date()) => this.enqueueDue(now),
    );
    this.merge = registry.sweep<number, Date>('merging review counts', interval, (now = new Date()) =>
      compactGradeCounts(this.dataSource, new Date(now.getTime() - MERGE_AFTER_MS)),
    );
    this.eventSweep = registry.sweep<number, number>('report event sweep', { intervalMs: (config) => config.env.webhookSweepIntervalMs }, (olderThanMs) =>
      events.sweep(olderThanMs),
    );
  }

  /** Dispatches the report.created events missed after their report was stored; returns how many. */
  sweepEvents(olderThanMs?: number): Promise<number> {
    return this.eventSweep.run(olderThanMs);
  }

  /**
   * Merges the per-connection review counts of the hours that ended more than MERGE_AFTER_MS ago (what the
   * trend adds up); returns how many merged rows it wrote. Safe in many processes at once.
   */
  mergeGradeCounts(now?: Date): Promise<number> {
    return this.merge.run(now);
  }

  /** Enqueues the due weekly reports; returns how many. Safe in many processes at once. */
  sweep(now?: Date): Promise<number> {
    return this.schedule.run(now);
  }

  private async enqueueDue(now: Date): Promise<number> {
    const shops = await sqlRows<{ id: string; timezone: string; report_settings: unknown; created_at: Date }>(
      this.dataSource,
      `SELECT id, timezone, report_settings, created_at FROM shops`,
    );
    const due = dueWeeklyReports(
      shops.map((s): ScheduledShop => ({ id: s.id, timezone: s.timezone, reportSettings: s.report_settings, createdAt: new Date(s.created_at) })),
      now,
    );
    if (!due.length) return 0;
    const stored = await sqlRows<{ shop_id: string; period_start: Date }>(
      this.dataSource,
      `SELECT DISTINCT r.shop_id, r.period_start FROM reports r
       JOIN unnest($1::uuid[], $2::timestamptz[]) AS d(shop_id, period_start) ON r.shop_id = d.shop_id AND r.period_start = d.period_start
       WHERE r.kind = 'weekly'`,
      [due.map((d) => d.shopId), due.map((d) => d.periodStart)],
    );
    const done = new Set(stored.map((row) => `${row.shop_id}|${new Date(row.period_start).toISOString()}`));
    const missing = due.filter((d) => !done.has(`${d.shopId}|${d.periodStart.toISOString()}`));
    for (const report of missing) {
      await this.jobs.add('generate-weekly-report', [{ shopId: report.shopId, week: report.week }], {
        jobId: weeklyReportJobId(report.shopId, report.week, now),
      });
    }
    if (missing.length) this.logger.log({ msg: 'weekly reports enqueued', count: missing.length });
    return missing.length;
  }
}
