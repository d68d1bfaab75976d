import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DeliverWebhookPayload, JobLike } from '../jobs/queues';
import { AttemptOutcome, WebhookDeliveryService } from './webhook-delivery.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thin: validates the payload and makes one attempt; the delivery schedules its own retries. */
@Processor('webhooks', { autorun: false })
export class DeliverWebhookProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliverWebhookProcessor.name);

  constructor(private readonly deliveries: WebhookDeliveryService) {
    super();
  }

  async process(job: JobLike<DeliverWebhookPayload>): Promise<AttemptOutcome> {
    const data = job.data as Partial<DeliverWebhookPayload> | null;
    if (job.name !== 'deliver-webhook' || typeof data?.shopId !== 'string' || !UUID.test(data.shopId) || typeof data.deliveryId !== 'string' || !UUID.test(data.deliveryId)) {
      this.logger.error({ msg: 'discarding malformed webhook job', jobId: job.id, job: job.name });
      throw new UnrecoverableError(`malformed ${job.name} job`);
    }
    return this.deliveries.attempt(data.shopId, data.deliveryId);
  }
}
