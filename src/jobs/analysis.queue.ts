import { Injectable } from '@nestjs/common';
import { JobQueue } from './job-queue';
import { ANALYSIS_JOB_SIZE } from './queues';

/** Hands reviews to the analysis job in chunks. */
@Injectable()
export class AnalysisQueue {
  constructor(private readonly jobs: JobQueue) {}

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
