import { Injectable } from '@nestjs/common';
import { WorkerRegistry } from '../jobs/worker-registry';
import { DeliverWebhookProcessor } from './deliver-webhook.processor';
import { WebhookDeliveryService } from './webhook-delivery.service';

/** The webhook processor, and the sweeper that finds lost deliveries. */
@Injectable()
export class WebhookWorkers {
  private readonly sweeper;

  constructor(registry: WorkerRegistry, processor: DeliverWebhookProcessor, deliveries: WebhookDeliveryService) {
    registry.processor('webhooks', processor);
    this.sweeper = registry.sweep<number, number>('webhook sweep', { intervalMs: (config) => config.env.webhookSweepIntervalMs }, (overdueMs) =>
      deliveries.sweep(overdueMs),
    );
  }

  /** Re-enqueues deliveries whose job was lost; returns how many. */
  sweep(overdueMs?: number): Promise<number> {
    return this.sweeper.run(overdueMs);
  }
}
