import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { startProcessor, stopProcessor } from '../jobs/processor-runner';
import { DeliverEventsProcessor } from './deliver-events.processor';
import { EventDeliveryService } from './event-delivery.service';

/**
 * Where this process runs workers: the event delivery processor and the outbox poll, which enqueues a run for each
 * endpoint with deliveries due (new events, retries that came due, runs lost with Redis or a killed worker).
 */
@Injectable()
export class EventWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventWorkers.name);
  private readonly poller = new PeriodicSweep<number>('event outbox poll', this.logger, () => this.deliveries.poll());

  constructor(
    private readonly config: AppConfig,
    private readonly processor: DeliverEventsProcessor,
    private readonly deliveries: EventDeliveryService,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.runWorkers) return;
    startProcessor(this.config, 'events', this.processor, this.inProcess, this.logger);
    this.poller.start(this.config.env.eventsPollIntervalMs);
  }

  /** Enqueues the endpoints with deliveries due; returns how many. */
  poll(): Promise<number> {
    return this.poller.run();
  }

  async onModuleDestroy(): Promise<void> {
    await this.poller.stop();
    await stopProcessor(this.config, this.processor, this.inProcess);
  }
}
