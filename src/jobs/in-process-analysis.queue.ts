import { Injectable } from '@nestjs/common';
import { AnalysisQueue, chunk } from './analysis.queue';
import { InProcessJobRunner } from './in-process-job.runner';
import { ANALYSIS_JOB_OPTIONS, ANALYSIS_JOB_SIZE, ANALYSIS_QUEUE, JOB_NAMES } from './queues';

@Injectable()
export class InProcessAnalysisQueue extends AnalysisQueue {
  constructor(private readonly runner: InProcessJobRunner) {
    super();
  }

  async enqueueReviews(shopId: string, reviewIds: string[]): Promise<void> {
    for (const ids of chunk(reviewIds, ANALYSIS_JOB_SIZE)) {
      this.runner.add(ANALYSIS_QUEUE, JOB_NAMES.analyzeReviews, { shopId, reviewIds: ids }, ANALYSIS_JOB_OPTIONS);
    }
  }
}
