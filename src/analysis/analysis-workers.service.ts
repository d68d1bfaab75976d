import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AnalysisQueue } from '../jobs/analysis.queue';
import { JobQueue } from '../jobs/job-queue';
import { WorkerRegistry } from '../jobs/worker-registry';
import { Metrics } from '../metrics/metrics.service';
import { AnalyzeReviewsProcessor } from './analyze-reviews.processor';
import { ReviewAnalysisService } from './review-analysis.service';

const SWEEP_BATCH = 5_000;
/**
 * The sweep reads the analysis jobs still queued (up to this many, 500 reviews each) so as not to enqueue what only
 * waits its turn; with a deeper queue it waits for the queue to drain below this before re-enqueuing anything.
 */
const QUEUED_SCAN_LIMIT = 400;

/**
 * The analysis processor, and the sweeper that re-enqueues reviews whose analysis is overdue (also as soon as Redis
 * is back after an outage): the database, not Redis, is the record of pending work.
 */
@Injectable()
export class AnalysisWorkers {
  private readonly logger = new Logger(AnalysisWorkers.name);
  private readonly sweeper;

  constructor(
    registry: WorkerRegistry,
    config: AppConfig,
    processor: AnalyzeReviewsProcessor,
    private readonly analysis: ReviewAnalysisService,
    private readonly queue: AnalysisQueue,
    private readonly jobs: JobQueue,
    private readonly metrics: Metrics,
  ) {
    registry.processor('analysis', processor);
    this.sweeper = registry.sweep<number, number>(
      'analysis sweep',
      { intervalMs: (c) => c.env.analysisSweepIntervalMs, onQueueRecovery: true },
      (overdueMs = config.env.analysisOverdueMs) => this.recover(overdueMs),
    );
  }

  /** Re-enqueues overdue reviews; returns how many. Safe to run in many processes at once. */
  sweep(overdueMs?: number): Promise<number> {
    return this.sweeper.run(overdueMs);
  }

  private async recover(overdueMs: number): Promise<number> {
    const queued = await this.jobs.queued('analyze-reviews', QUEUED_SCAN_LIMIT);
    if (queued === null) {
      this.logger.debug({ msg: 'analysis sweep skipped: the queue is deep and being worked', limitJobs: QUEUED_SCAN_LIMIT });
      return 0;
    }
    let total = 0;
    for (const { shopId, ids } of await this.analysis.claimOverdue(
      overdueMs,
      SWEEP_BATCH,
      queued.flatMap((job) => job.reviewIds),
    )) {
      await this.queue.enqueueReviews(shopId, ids);
      total += ids.length;
    }
    if (total) {
      this.metrics.sweepRecovered.inc({ sweep: 'analysis' }, total);
      this.logger.warn({ msg: 'analysis sweep recovered reviews without a job (lost with Redis or a crashed process)', reviews: total });
    }
    return total;
  }
}
