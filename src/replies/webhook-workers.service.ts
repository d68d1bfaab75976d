import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { startProcessor, stopProcessor } from '../jobs/processor-runner';
import { DeliverWebhookProcessor } from './deliver-webhook.processor';
import { WebhookDeliveryService } from './webhook-delivery.service';

/** Starts the webhook processor where this process runs workers, and the sweeper that finds lost deliveries. */
@Injectable()
export class WebhookWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookWorkers.name);
  private readonly sweeper = new PeriodicSweep<number, number>('webhook sweep', this.logger, (overdueMs) => this.deliveries.sweep(overdueMs));

  constructor(
    private readonly config: AppConfig,
    private readonly processor: DeliverWebhookProcessor,
    private readonly deliveries: WebhookDeliveryService,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.runWorkers) return;
    startProcessor(this.config, 'webhooks', this.processor, this.inProcess, this.logger);
    this.sweeper.start(this.config.env.webhookSweepIntervalMs);
  }

  /** Re-enqueues deliveries whose job was lost; returns how many. */
  sweep(overdueMs?: number): Promise<number> {
    return this.sweeper.run(overdueMs);
  }

  async onModuleDestroy(): Promise<void> {
    await this.sweeper.stop();
    await stopProcessor(this.config, this.processor, this.inProcess);
  }
}
