import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AnalysisQueue } from '../jobs/analysis.queue';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
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
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;

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
    if (interval > 0) {
      this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn({ msg: 'sweep failed', err: String(error) })), interval);
      this.timer.unref();
    }
    this.logger.log({ msg: 'analysis workers started', concurrency: this.config.env.workerConcurrency, jobs: this.inProcess ? 'in-process' : 'bullmq', sweepIntervalMs: interval });
  }

  /** Re-enqueues overdue reviews; returns how many. Safe to run in many processes at once. */
  async sweep(overdueMs = this.config.env.analysisOverdueMs): Promise<number> {
    if (this.sweeping) return this.sweeping;
    this.sweeping = (async () => {
      let total = 0;
      for (const { shopId, ids } of await this.analysis.claimOverdue(overdueMs, SWEEP_BATCH)) {
        await this.queue.enqueueReviews(shopId, ids);
        total += ids.length;
      }
      if (total) this.logger.log({ msg: 're-enqueued overdue analyses', reviews: total });
      return total;
    })().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
    await stopProcessor(this.config, this.processor, this.inProcess);
  }
}
