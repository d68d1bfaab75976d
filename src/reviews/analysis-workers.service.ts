import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AnalysisQueue } from '../jobs/analysis.queue';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { startProcessor, stopProcessor } from '../jobs/processor-runner';
import { AnalyzeReviewsProcessor } from './analyze-reviews.processor';
import { ReviewAnalysisService } from './review-analysis.service';

const SWEEP_BATCH = 5_000;

/**
 * Starts the analysis processor in processes that run workers, and the sweeper that re-enqueues
 * reviews whose analysis is overdue: the database, not Redis, is the record of pending work.
 */
@Injectable()
export class AnalysisWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AnalysisWorkers.name);
  private readonly sweeper = new PeriodicSweep<number, number>('analysis sweep', this.logger, async (overdueMs = this.config.env.analysisOverdueMs) => {
    let total = 0;
    for (const { shopId, ids } of await this.analysis.claimOverdue(overdueMs, SWEEP_BATCH)) {
      await this.queue.enqueueReviews(shopId, ids);
      total += ids.length;
    }
    if (total) this.logger.log({ msg: 're-enqueued overdue analyses', reviews: total });
    return total;
  });

  constructor(
    private readonly config: AppConfig,
    private readonly processor: AnalyzeReviewsProcessor,
    private readonly analysis: ReviewAnalysisService,
    private readonly queue: AnalysisQueue,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.runWorkers) return;
    startProcessor(this.config, 'analysis', this.processor, this.inProcess, this.logger);
    const interval = this.config.env.analysisSweepIntervalMs;
    this.sweeper.start(interval);
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
