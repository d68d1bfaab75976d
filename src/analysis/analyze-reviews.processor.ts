import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { AnalyzeReviewsPayload, JobLike } from '../jobs/queues';
import { AnalysisSummary, ReviewAnalysisService } from './review-analysis.service';
import { isUuid } from '../common/validation/uuid';

/**
 * Thin and idempotent: validates the payload, delegates, rethrows to retry. Registered with BullMQ
 * when there is Redis, and called by the in-process runner otherwise. autorun is off so that API-only
 * processes never consume jobs; AnalysisWorkers starts it.
 */
@Processor('analysis', { autorun: false })
export class AnalyzeReviewsProcessor extends WorkerHost {
  private readonly logger = new Logger(AnalyzeReviewsProcessor.name);

  constructor(private readonly analysis: ReviewAnalysisService) {
    super();
  }

  async process(job: JobLike<AnalyzeReviewsPayload>): Promise<AnalysisSummary> {
    if (job.name !== 'analyze-reviews' || !isPayload(job.data)) {
      // can never succeed: do not retry
      this.logger.error({ msg: 'discarding malformed analysis job', jobId: job.id, job: job.name });
      throw new UnrecoverableError(`malformed ${job.name} job`);
    }
    return this.analysis.analyze(job.data.shopId, job.data.reviewIds);
  }
}

function isPayload(data: unknown): data is AnalyzeReviewsPayload {
  const payload = data as Partial<AnalyzeReviewsPayload> | null;
  return typeof payload === 'object' && payload !== null && isUuid(payload.shopId) && Array.isArray(payload.reviewIds) && payload.reviewIds.every(isUuid);
}
