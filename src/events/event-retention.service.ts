import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { sqlRows } from '../database/sql';

/** rows deleted per statement: short transactions and locks, whatever the backlog */
const PRUNE_BATCH = 5_000;

export interface PruneResult {
  deliveries: number;
  events: number;
}

/**
 * Deletes what is past EVENT_RETENTION_DAYS: deliveries delivered before the cutoff, then events older than it with
 * no delivery left (nothing pending, nothing failed, nothing recent). Pending and failed deliveries stay whatever
 * their age, with their events: they are the endpoint's backlog and its notice. In batches, per endpoint and per
 * shop, each through an index (ix_event_deliveries_log, ix_outbox_events_shop_created).
 */
@Injectable()
export class EventRetentionService {
  private readonly logger = new Logger(EventRetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async prune(): Promise<PruneResult> {
    const started = Date.now();
    const [{ cutoff }] = await sqlRows<{ cutoff: Date }>(this.dataSource, `SELECT now() - make_interval(days => $1) AS cutoff`, [
      this.config.env.eventRetentionDays,
    ]);
    const result = { deliveries: 0, events: 0 };
    const endpoints = await sqlRows<{ id: string; shop_id: string }>(this.dataSource, `SELECT id, shop_id FROM event_subscriptions ORDER BY id`);
    for (const endpoint of endpoints) {
      result.deliveries += await this.inBatches(
        `DELETE FROM event_deliveries WHERE id IN (
           SELECT id FROM event_deliveries
           WHERE subscription_id = $1 AND shop_id = $2 AND created_at < $3 AND status = 'delivered' AND delivered_at < $3
           LIMIT $4 FOR UPDATE SKIP LOCKED)`,
        [endpoint.id, endpoint.shop_id, cutoff],
      );
    }
    const shops = await sqlRows<{ shop_id: string }>(
      this.dataSource,
      `SELECT s.id AS shop_id FROM shops s WHERE EXISTS (SELECT 1 FROM outbox_events e WHERE e.shop_id = s.id) ORDER BY s.id`,
    );
    for (const shop of shops) {
      result.events += await this.inBatches(
        `DELETE FROM outbox_events WHERE id IN (
           SELECT e.id FROM outbox_events e
           WHERE e.shop_id = $1 AND e.created_at < $2 AND NOT EXISTS (SELECT 1 FROM event_deliveries d WHERE d.event_id = e.id)
           LIMIT $3 FOR UPDATE SKIP LOCKED)`,
        [shop.shop_id, cutoff],
      );
    }
    if (result.deliveries || result.events) {
      this.logger.log({ msg: 'event retention pruned', ...result, retentionDays: this.config.env.eventRetentionDays, ms: Date.now() - started });
    }
    return result;
  }

  private async inBatches(sql: string, params: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const result: unknown = await this.dataSource.query(sql, [...params, PRUNE_BATCH]);
      const deleted = Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
      total += deleted;
      if (deleted < PRUNE_BATCH) return total;
    }
  }
}
