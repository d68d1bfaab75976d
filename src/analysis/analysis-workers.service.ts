import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AnalysisQueue } from '../jobs/analysis.queue';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
import { JobQueue } from '../jobs/job-queue';
import { QueueMonitor } from '../jobs/queue-monitor';
import { Metrics } from '../metrics/metrics.service';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { startProcessor, stopProcessor } from '../jobs/processor-runner';
import { AnalyzeReviewsProcessor } from './analyze-reviews.processor';
import { ReviewAnalysisService } from './review-analysis.service';
import { errorForLog } from '../common/errors/error-for-log';

const SWEEP_BATCH = 5_000;
/**
 * The sweep reads the analysis jobs still queued (up to this many, 500 reviews each) so as not to enqueue what only
 * waits its turn; with a deeper queue it waits for the queue to drain below this before re-enqueuing anything.
 */
const QUEUED_SCAN_LIMIT = 400;

/**
 * Starts the analysis processor in processes that run workers, and the sweeper that re-enqueues
 * reviews whose analysis is overdue: the database, not Redis, is the record of pending work.
 */
@Injectable()
export class AnalysisWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AnalysisWorkers.name);
  private readonly sweeper = new PeriodicSweep<number, number>('analysis sweep', this.logger, async (overdueMs = this.config.env.analysisOverdueMs) => {
    const queued = await this.jobs.queued('analyze-reviews', QUEUED_SCAN_LIMIT);
    if (queued === null) {
      this.logger.debug({ msg: 'analysis sweep skipped: the queue is deep and being worked', limitJobs: QUEUED_SCAN_LIMIT });
      return 0;
    }
    let total = 0;
    for (const { shopId, ids } of await this.analysis.claimOverdue(overdueMs, SWEEP_BATCH, queued.flatMap((job) => job.reviewIds))) {
      await this.queue.enqueueReviews(shopId, ids);
      total += ids.length;
    }
    if (total) {
      this.metrics.sweepRecovered.inc({ sweep: 'analysis' }, total);
      this.logger.warn({ msg: 'analysis sweep recovered reviews without a job (lost with Redis or a crashed process)', reviews: total });
    }
    return total;
  });

  constructor(
    private readonly config: AppConfig,
    private readonly processor: AnalyzeReviewsProcessor,
    private readonly analysis: ReviewAnalysisService,
    private readonly queue: AnalysisQueue,
    private readonly jobs: JobQueue,
    private readonly metrics: Metrics,
    private readonly monitor: QueueMonitor,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.runWorkers) return;
    startProcessor(this.config, 'analysis', this.processor, this.inProcess, this.logger);
    const interval = this.config.env.analysisSweepIntervalMs;
    this.sweeper.start(interval);
    if (interval > 0) this.monitor.onRecovery(() => void this.sweep().catch((error: unknown) => this.logger.warn({ msg: 'analysis sweep failed', err: errorForLog(error) })));
    this.logger.log({ msg: 'analysis workers started', concurrency: this.config.env.workerConcurrency, jobs: this.inProcess ? 'in-process' : 'bullmq', sweepIntervalMs: interval });
  }

  /** Re-enqueues overdue reviews; returns how many. Safe to run in many processes at once. */
  sweep(overdueMs?: number): Promise<number> {
    return this.sweeper.run(overdueMs);
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweeper.stop();
    await stopProcessor(this.config, this.processor, this.inProcess);
  }
}
