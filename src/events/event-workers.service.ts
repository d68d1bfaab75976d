import { Injectable } from '@nestjs/common';
import { WorkerRegistry } from '../jobs/worker-registry';
import { DeliverEventsProcessor } from './deliver-events.processor';
import { EventDeliveryService } from './event-delivery.service';
import { EventRetentionService, PruneResult } from './event-retention.service';

/**
 * The event delivery processor and the outbox poll, which enqueues a run for each endpoint with deliveries due
 * (new events, retries that came due, runs lost with Redis or a killed worker), and the retention sweep, which
 * deletes what is past EVENT_RETENTION_DAYS.
 */
@Injectable()
export class EventWorkers {
  private readonly poller;
  private readonly pruner;

  constructor(registry: WorkerRegistry, processor: DeliverEventsProcessor, deliveries: EventDeliveryService, retention: EventRetentionService) {
    registry.processor('events', processor);
    this.poller = registry.sweep<number>('event outbox poll', { intervalMs: (config) => config.env.eventsPollIntervalMs }, () => deliveries.poll());
    this.pruner = registry.sweep<PruneResult>('event retention sweep', { intervalMs: (config) => config.env.eventPruneIntervalMs }, () => retention.prune());
  }

  /** Enqueues the endpoints with deliveries due; returns how many. */
  poll(): Promise<number> {
    return this.poller.run();
  }

  /** Deletes what is past the event retention now; returns how much. */
  prune(): Promise<PruneResult> {
    return this.pruner.run();
  }
}
