import { Injectable } from '@nestjs/common';
import { WorkerRegistry } from '../jobs/worker-registry';
import { DeliverEventsProcessor } from './deliver-events.processor';
import { EventDeliveryService } from './event-delivery.service';

/**
 * The event delivery processor and the outbox poll, which enqueues a run for each endpoint with deliveries due
 * (new events, retries that came due, runs lost with Redis or a killed worker).
 */
@Injectable()
export class EventWorkers {
  private readonly poller;

  constructor(registry: WorkerRegistry, processor: DeliverEventsProcessor, deliveries: EventDeliveryService) {
    registry.processor('events', processor);
    this.poller = registry.sweep<number>('event outbox poll', { intervalMs: (config) => config.env.eventsPollIntervalMs }, () => deliveries.poll());
  }

  /** Enqueues the endpoints with deliveries due; returns how many. */
  poll(): Promise<number> {
    return this.poller.run();
  }
}
