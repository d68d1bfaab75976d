import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { startProcessor, stopProcessor } from '../jobs/processor-runner';
import { AutoDrafts } from './auto-drafts.service';
import { DraftRepliesProcessor } from './draft-replies.processor';

/** one drafting job at a time per process: drafts are never urgent, ingestion and the API are */
const DRAFT_CONCURRENCY = 1;

/**
 * Starts the drafting processor where this process runs workers, and a sweeper (on the analysis sweep interval)
 * that enqueues analysed reviews still waiting for their draft: the database, not Redis, says what is missing.
 */
@Injectable()
export class AutoDraftWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AutoDraftWorkers.name);
  private readonly sweeper = new PeriodicSweep<number, number>('draft sweep', this.logger, async (overdueMs) => {
    const count = await this.drafts.sweep(overdueMs);
    if (count) this.logger.log({ msg: 're-enqueued overdue reply drafts', reviews: count });
    return count;
  });

  constructor(
    private readonly config: AppConfig,
    private readonly processor: DraftRepliesProcessor,
    private readonly drafts: AutoDrafts,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.runWorkers) return;
    startProcessor(this.config, 'drafts', this.processor, this.inProcess, this.logger, DRAFT_CONCURRENCY);
    this.sweeper.start(this.config.env.analysisSweepIntervalMs);
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
