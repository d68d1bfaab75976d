import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from '../jobs/in-process-job.runner';
import { startProcessor, stopProcessor } from '../jobs/processor-runner';
import { DeliverWebhookProcessor } from './deliver-webhook.processor';
import { WebhookDeliveryService } from './webhook-delivery.service';

/** Starts the webhook processor where this process runs workers, and the sweeper that finds lost deliveries. */
@Injectable()
export class WebhookWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookWorkers.name);
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly processor: DeliverWebhookProcessor,
    private readonly deliveries: WebhookDeliveryService,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.runWorkers) return;
    startProcessor(this.config, 'webhooks', this.processor, this.inProcess, this.logger);
    const interval = this.config.env.webhookSweepIntervalMs;
    if (interval > 0) {
      this.timer = setInterval(() => void this.sweep().catch((error: unknown) => this.logger.warn({ msg: 'webhook sweep failed', err: String(error) })), interval);
      this.timer.unref();
    }
  }

  async sweep(overdueMs?: number): Promise<number> {
    if (this.sweeping) return this.sweeping;
    this.sweeping = this.deliveries.sweep(overdueMs).finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.sweeping?.catch(() => undefined);
    await stopProcessor(this.config, this.processor, this.inProcess);
  }
}
