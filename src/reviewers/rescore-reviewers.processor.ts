import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { JobLike, ShopPayload } from '../jobs/queues';
import { ReviewerRiskService } from './reviewer-risk.service';
import { isUuid } from '../common/validation/uuid';

/**
 * Scores every reviewer of a shop again after its risk settings changed. Thin and idempotent: rescoring twice
 * gives the same scores. autorun is off so that API-only processes never consume; ReviewerRiskWorkers starts it.
 */
@Processor('rescoring', { autorun: false })
export class RescoreReviewersProcessor extends WorkerHost {
  private readonly logger = new Logger(RescoreReviewersProcessor.name);

  constructor(private readonly risk: ReviewerRiskService) {
    super();
  }

  async process(job: JobLike<ShopPayload>): Promise<{ reviewers: number }> {
    const payload = job.data as Partial<ShopPayload> | null;
    if (job.name !== 'rescore-reviewers' || !isUuid(payload?.shopId)) {
      this.logger.error({ msg: 'discarding malformed rescoring job', jobId: job.id, job: job.name });
      throw new UnrecoverableError(`malformed ${job.name} job`);
    }
    return { reviewers: await this.risk.rescoreShop(payload.shopId) };
  }
}
