import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
import { JobQueue } from '../jobs/job-queue';
import { QueueMonitor } from '../jobs/queue-monitor';
import { Metrics } from '../metrics/metrics.service';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { startProcessor, stopProcessor } from '../jobs/processor-runner';
import { AutoDrafts } from './auto-drafts.service';
import { DraftRepliesProcessor } from './draft-replies.processor';
import { errorForLog } from '../common/errors/error-for-log';

/** one drafting job at a time per process: drafts are never urgent, ingestion and the API are */
const DRAFT_CONCURRENCY = 1;
/** drafting jobs the sweep reads to leave their reviews alone; with more queued it waits for them to drain */
const QUEUED_SCAN_LIMIT = 400;

/**
 * Starts the drafting processor where this process runs workers, and a sweeper (on the analysis sweep interval)
 * that enqueues analysed reviews still waiting for their draft DRAFT_OVERDUE_MS after their analysis: the database,
 * not Redis, says what is missing.
 */
@Injectable()
export class AutoDraftWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AutoDraftWorkers.name);
  private readonly sweeper = new PeriodicSweep<number, number>('draft sweep', this.logger, async (overdueMs = this.config.env.draftOverdueMs) => {
    // a drafting job waiting its turn (or putting itself off while an import runs), or running, is not lost; one
    // running for longer than the overdue time may have died with its worker
    const queued = await this.jobs.queued('draft-replies', QUEUED_SCAN_LIMIT, overdueMs);
    if (queued === null) return 0;
    const count = await this.drafts.sweep(overdueMs, queued.flatMap((job) => job.reviewIds));
    if (count) {
      this.metrics.sweepRecovered.inc({ sweep: 'drafts' }, count);
      this.logger.warn({ msg: 'draft sweep recovered reviews without a drafting job (lost with Redis or a crashed process)', reviews: count });
    }
    return count;
  });

  constructor(
    private readonly config: AppConfig,
    private readonly processor: DraftRepliesProcessor,
    private readonly drafts: AutoDrafts,
    private readonly jobs: JobQueue,
    private readonly metrics: Metrics,
    private readonly monitor: QueueMonitor,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.runWorkers) return;
    startProcessor(this.config, 'drafts', this.processor, this.inProcess, this.logger, DRAFT_CONCURRENCY);
    const interval = this.config.env.analysisSweepIntervalMs;
    this.sweeper.start(interval);
    if (interval > 0) this.monitor.onRecovery(() => void this.sweep().catch((error: unknown) => this.logger.warn({ msg: 'draft sweep failed', err: errorForLog(error) })));
  }

  /** Enqueues reviews whose draft is overdue; returns how many. One sweep at a time per process. */
  sweep(overdueMs?: number): Promise<number> {
    return this.sweeper.run(overdueMs);
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweeper.stop();
    await stopProcessor(this.config, this.processor, this.inProcess);
  }
}
