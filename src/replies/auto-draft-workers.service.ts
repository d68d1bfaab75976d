import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobQueue } from '../jobs/job-queue';
import { WorkerRegistry } from '../jobs/worker-registry';
import { Metrics } from '../metrics/metrics.service';
import { AutoDrafts } from './auto-drafts.service';
import { DraftRepliesProcessor } from './draft-replies.processor';

/**
 * two drafting jobs at a time per process (fewer than the analysis: drafts are less urgent than ingestion and the
 * API); a shop drafts one job at a time (AutoDrafts.run), so one shop's backlog leaves the other slot to the rest
 */
const DRAFT_CONCURRENCY = 2;
/** drafting jobs the sweep reads to leave their reviews alone; with more queued it waits for them to drain */
const QUEUED_SCAN_LIMIT = 400;

/**
 * The drafting processor, and a sweeper (on the analysis sweep interval, and as soon as Redis is back) that enqueues
 * analysed reviews still waiting for their draft DRAFT_OVERDUE_MS after their analysis: the database, not Redis, says
 * what is missing.
 */
@Injectable()
export class AutoDraftWorkers {
  private readonly logger = new Logger(AutoDraftWorkers.name);
  private readonly sweeper;

  constructor(
    registry: WorkerRegistry,
    config: AppConfig,
    processor: DraftRepliesProcessor,
    private readonly drafts: AutoDrafts,
    private readonly jobs: JobQueue,
    private readonly metrics: Metrics,
  ) {
    registry.processor('drafts', processor, DRAFT_CONCURRENCY);
    this.sweeper = registry.sweep<number, number>(
      'draft sweep',
      { intervalMs: (c) => c.env.analysisSweepIntervalMs, onQueueRecovery: true },
      (overdueMs = config.env.draftOverdueMs) => this.recover(overdueMs),
    );
  }

  /** Enqueues reviews whose draft is overdue; returns how many. One sweep at a time per process. */
  sweep(overdueMs?: number): Promise<number> {
    return this.sweeper.run(overdueMs);
  }

  private async recover(overdueMs: number): Promise<number> {
    // a drafting job waiting its turn (or putting itself off while an import runs), or running, is not lost; one
    // running for longer than the overdue time may have died with its worker
    const queued = await this.jobs.queued('draft-replies', QUEUED_SCAN_LIMIT, overdueMs);
    if (queued === null) return 0;
    const count = await this.drafts.sweep(
      overdueMs,
      queued.flatMap((job) => job.reviewIds),
    );
    if (count) {
      this.metrics.sweepRecovered.inc({ sweep: 'drafts' }, count);
      this.logger.warn({ msg: 'draft sweep recovered reviews without a drafting job (lost with Redis or a crashed process)', reviews: count });
    }
    return count;
  }
}
