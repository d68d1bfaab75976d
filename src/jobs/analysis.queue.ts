import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from './job-queue';
import { ANALYSIS_JOB_SIZE } from './queues';
import { errorForLog } from '../common/errors/error-for-log';

/** what the owner of the reviews does with reviews whose enqueue failed: mark them due for the sweeper at once */
export type LeftToSweeper = (shopId: string, reviewIds: string[]) => Promise<void>;

/** Hands reviews to the analysis job in chunks. */
@Injectable()
export class AnalysisQueue {
  private readonly logger = new Logger(AnalysisQueue.name);
  private leftToSweeper: LeftToSweeper | null = null;

  constructor(private readonly jobs: JobQueue) {}

  /** The reviews module marks reviews it could not enqueue, so the next sweep takes them without waiting to be overdue. */
  onLeftToSweeper(handler: LeftToSweeper): void {
    this.leftToSweeper = handler;
  }

  /**
   * For reviews already committed as pending: enqueues them, and when the queue cannot take the jobs (Redis down,
   * within ENQUEUE_TIMEOUT_MS) leaves them to the sweeper. Never throws. The outage itself is logged once, by
   * QueueMonitor.
   */
  async enqueueOrLeaveToSweeper(shopId: string, reviewIds: string[], options: { delayMs?: number } = {}): Promise<void> {
    try {
      await this.enqueueReviews(shopId, reviewIds, options);
    } catch (error) {
      this.logger.debug({ msg: 'analysis enqueue failed; left to the sweeper', shopId, count: reviewIds.length, err: errorForLog(error) });
      await this.leftToSweeper?.(shopId, reviewIds).catch((markError: unknown) =>
        this.logger.warn({
          msg: 'could not mark reviews for the sweeper; they are swept once overdue',
          shopId,
          count: reviewIds.length,
          err: String(markError),
        }),
      );
    }
  }

  async enqueueReviews(shopId: string, reviewIds: string[], options: { delayMs?: number } = {}): Promise<void> {
    await this.jobs.add(
      'analyze-reviews',
      chunk(reviewIds, ANALYSIS_JOB_SIZE).map((ids) => ({ shopId, reviewIds: ids })),
      options,
    );
  }
}

export function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
