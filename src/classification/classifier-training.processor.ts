import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { JobLike, ReclassifyPayload, ShopPayload } from '../jobs/queues';
import { ReviewTagging } from './review-tagging.service';
import { ShopClassifiers } from './shop-classifiers.service';
import { isUuid } from '../common/validation/uuid';

/** The `models` queue: retraining a shop's classifier, and reclassifying its reviews with the new model. */
@Processor('models', { autorun: false })
export class ClassifierTrainingProcessor extends WorkerHost {
  private readonly logger = new Logger(ClassifierTrainingProcessor.name);

  constructor(
    private readonly classifiers: ShopClassifiers,
    private readonly tagging: ReviewTagging,
  ) {
    super();
  }

  async process(job: JobLike<ShopPayload | ReclassifyPayload>): Promise<unknown> {
    const data = job.data as Partial<ReclassifyPayload> | null;
    if (!isUuid(data?.shopId)) return this.discard(job);
    switch (job.name) {
      case 'retrain-classifier': {
        const outcome = await this.classifiers.retrain(data.shopId);
        // what the shop's staff see in the queue should follow the model at once
        if (outcome.trained) await this.tagging.reclassify(data.shopId, DEFAULT_RECLASSIFY_DAYS);
        return { trained: outcome.trained, version: outcome.model?.version ?? null };
      }
      case 'reclassify-reviews': {
        const days = typeof data.sinceDays === 'number' && data.sinceDays > 0 ? data.sinceDays : DEFAULT_RECLASSIFY_DAYS;
        return this.tagging.reclassify(data.shopId, days);
      }
      default:
        return this.discard(job);
    }
  }

  private discard(job: JobLike<unknown>): never {
    this.logger.error({ msg: 'discarding malformed models job', jobId: job.id, job: job.name });
    throw new UnrecoverableError(`malformed ${job.name} job`);
  }
}

/** Reviews from the last 90 days are the ones still being worked on (platforms allow changes for 30-180 days). */
export const DEFAULT_RECLASSIFY_DAYS = 90;
