import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from './job-queue';
import { ANALYSIS_JOB_SIZE } from './queues';

/** Hands reviews to the analysis job in chunks. */
@Injectable()
export class AnalysisQueue {
  private readonly logger = new Logger(AnalysisQueue.name);

  constructor(private readonly jobs: JobQueue) {}

  /**
   * For reviews already committed as pending: enqueues them, and when the queue cannot take the jobs (Redis down)
   * leaves them to the sweeper, which finds them as overdue. Never throws.
   */
  async enqueueOrLeaveToSweeper(shopId: string, reviewIds: string[], options: { delayMs?: number } = {}): Promise<void> {
    await this.enqueueReviews(shopId, reviewIds, options).catch((error: unknown) => {
      this.logger.warn({ msg: 'analysis enqueue failed; the sweeper will retry', shopId, count: reviewIds.length, err: String(error) });
    });
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
