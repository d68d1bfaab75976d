import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AnalysisQueue, chunk } from './analysis.queue';
import { ANALYSIS_JOB_OPTIONS, ANALYSIS_JOB_SIZE, ANALYSIS_QUEUE, AnalyzeReviewsPayload, JOB_NAMES } from './queues';

@Injectable()
export class BullAnalysisQueue extends AnalysisQueue {
  constructor(@InjectQueue(ANALYSIS_QUEUE) private readonly queue: Queue<AnalyzeReviewsPayload>) {
    super();
  }

  async enqueueReviews(shopId: string, reviewIds: string[]): Promise<void> {
    if (!reviewIds.length) return;
    await this.queue.addBulk(
      chunk(reviewIds, ANALYSIS_JOB_SIZE).map((ids) => ({
        name: JOB_NAMES.analyzeReviews,
        data: { shopId, reviewIds: ids },
        opts: ANALYSIS_JOB_OPTIONS,
      })),
    );
  }
}
