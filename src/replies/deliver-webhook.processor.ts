import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DeliverWebhookPayload, JobLike } from '../jobs/queues';
import { AttemptOutcome, WebhookDeliveryService } from './webhook-delivery.service';
import { isUuid } from '../common/validation/uuid';

/** Thin: validates the payload and makes one attempt; the delivery schedules its own retries. */
@Processor('webhooks', { autorun: false })
export class DeliverWebhookProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliverWebhookProcessor.name);

  constructor(private readonly deliveries: WebhookDeliveryService) {
    super();
  }

  async process(job: JobLike<DeliverWebhookPayload>): Promise<AttemptOutcome> {
    const data = job.data as Partial<DeliverWebhookPayload> | null;
    if (job.name !== 'deliver-webhook' || !isUuid(data?.shopId) || !isUuid(data.deliveryId)) {
      this.logger.error({ msg: 'discarding malformed webhook job', jobId: job.id, job: job.name });
      throw new UnrecoverableError(`malformed ${job.name} job`);
    }
    return this.deliveries.attempt(data.shopId, data.deliveryId);
  }
}
