import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlRows } from '../database/sql';
import { WebhookDeliveryService } from '../replies/webhook-delivery.service';
import { errorForLog } from '../common/errors/error-for-log';

/** an event undispatched this long was missed (the process stopped between storing the report and dispatching) */
export const EVENT_SWEEP_AFTER_MS = 60_000;
const DISPATCH_BATCH = 200;

interface ClaimedEvent {
  id: string;
  shop_id: string;
  report_id: string;
  payload: object;
  webhook_url: string | null;
}

/**
 * Dispatches the report_events outbox: claims undispatched rows (FOR UPDATE SKIP LOCKED, so processes never
 * dispatch one twice), writes a signed webhook delivery for each shop with a webhook (the reply webhook's URL
 * and secret), sets dispatched_at, commits, then enqueues the deliveries. From there a delivery is retried
 * like a reply's, and the webhook sweeper finds its job again if Redis loses it. A shop without a webhook
 * has its events marked dispatched with nothing to send.
 */
@Injectable()
export class ReportEventsService {
  private readonly logger = new Logger(ReportEventsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhookDeliveryService,
  ) {}

  /** Right after a report is stored. A failure loses nothing: the sweep dispatches the event later. */
  async announce(shopId: string, reportId: string): Promise<void> {
    try {
      await this.dispatchBatch(`e.shop_id = $2 AND e.report_id = $3`, [shopId, reportId]);
    } catch (error) {
      this.logger.warn({ msg: 'could not dispatch the report.created event; the sweep will', shopId, reportId, err: errorForLog(error) });
    }
  }

  /** Dispatches the events left undispatched for `olderThanMs`; returns how many. Safe in many processes at once. */
  async sweep(olderThanMs = EVENT_SWEEP_AFTER_MS): Promise<number> {
    let total = 0;
    for (;;) {
      const count = await this.dispatchBatch(`e.created_at < now() - make_interval(secs => $2::double precision / 1000)`, [olderThanMs]);
      total += count;
      if (count < DISPATCH_BATCH) break;
    }
    if (total) this.logger.log({ msg: 'dispatched missed report events', events: total });
    return total;
  }

  private async dispatchBatch(where: string, params: unknown[]): Promise<number> {
    const { events, deliveries } = await this.dataSource.transaction(async (manager) => {
      const claimed = await sqlRows<ClaimedEvent>(
        manager,
        `SELECT e.id, e.shop_id, e.report_id, e.payload, s.webhook_url
         FROM report_events e LEFT JOIN reply_settings s ON s.shop_id = e.shop_id
         WHERE e.dispatched_at IS NULL AND ${where}
         ORDER BY e.created_at, e.id
         LIMIT $1
         FOR UPDATE OF e SKIP LOCKED`,
        [DISPATCH_BATCH, ...params],
      );
      const created: { shopId: string; deliveryId: string }[] = [];
      for (const event of claimed) {
        if (!event.webhook_url) continue;
        created.push({
          shopId: event.shop_id,
          deliveryId: await this.webhooks.createForReport(manager, event.shop_id, event.report_id, event.webhook_url, event.payload),
        });
      }
      if (claimed.length) {
        await manager.query(`UPDATE report_events SET dispatched_at = now() WHERE id = ANY($1::uuid[])`, [claimed.map((event) => event.id)]);
      }
      return { events: claimed, deliveries: created };
    });
    const byShop = new Map<string, string[]>();
    for (const delivery of deliveries) byShop.set(delivery.shopId, [...(byShop.get(delivery.shopId) ?? []), delivery.deliveryId]);
    for (const [shopId, ids] of byShop) await this.webhooks.enqueue(shopId, ids);
    for (const event of events) {
      this.logger.log({
        msg: 'report.created dispatched',
        shopId: event.shop_id,
        reportId: event.report_id,
        eventId: event.id,
        webhook: event.webhook_url !== null,
      });
    }
    return events.length;
  }
}
