import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { isUuid } from '../common/validation/uuid';
import { DeliverEventsPayload, JobLike } from '../jobs/queues';
import { EventDeliveryService, RunResult } from './event-delivery.service';

/** Thin: validates the payload and runs the endpoint's deliveries; each delivery row keeps its own retry schedule. */
@Processor('events', { autorun: false })
export class DeliverEventsProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliverEventsProcessor.name);

  constructor(private readonly deliveries: EventDeliveryService) {
    super();
  }

  async process(job: JobLike<DeliverEventsPayload>): Promise<RunResult> {
    const data = job.data as Partial<DeliverEventsPayload> | null;
    if (job.name !== 'deliver-events' || !isUuid(data?.shopId) || !isUuid(data.subscriptionId)) {
      this.logger.error({ msg: 'discarding malformed event delivery job', jobId: job.id, job: job.name });
      throw new UnrecoverableError(`malformed ${job.name} job`);
    }
    return this.deliveries.run(data.shopId, data.subscriptionId);
  }
}
