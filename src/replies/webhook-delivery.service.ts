import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { postOutbound, OutboundRefused } from '../common/net/outbound-post';
import { AppConfig } from '../config/app-config';
import { sqlRows } from '../database/sql';
import { JobQueue } from '../jobs/job-queue';
import { Metrics } from '../metrics/metrics.service';
import type { Review } from '../reviews/review.entity';
import { ReplyDraft } from './reply-draft.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../events/webhook-signature';
import { errorForLog } from '../common/errors/error-for-log';

export const REPLY_PUBLISHED = 'reply.published';
export const REPORT_CREATED = 'report.created';
/** the longest wait between two attempts */
const MAX_RETRY_DELAY_MS = 3_600_000;
/** a pending delivery this far past due has lost its job (Redis flushed, process killed): the sweeper re-enqueues it */
export const SWEEP_OVERDUE_MS = 60_000;
const SWEEP_BATCH = 500;

export type AttemptOutcome = 'delivered' | 'retrying' | 'failed' | 'skipped';

/** What the shop's integration receives when a reply is published: enough to post it, no personal data. */
export interface ReplyPublishedEvent {
  id: string;
  event: typeof REPLY_PUBLISHED;
  createdAt: string;
  shopId: string;
  reply: {
    id: string;
    reviewId: string;
    platform: string;
    externalId: string;
    productId: string | null;
    language: string;
    text: string;
    publishedAt: string;
    publishedBy: string;
  };
}

/** What the shop's integration receives when a report is stored: the report's ids, period, counts and links. */
export interface ReportCreatedEvent {
  id: string;
  event: typeof REPORT_CREATED;
  createdAt: string;
  shopId: string;
  report: object;
}

/**
 * Delivers published replies and stored reports to the shop's webhook: at least once, signed, with retries and
 * backoff. The delivery row is written in a transaction of the database (an outbox); a job does one attempt and,
 * when it fails, schedules the next one itself, so the retry policy and its state live in the database.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  /** Writes the delivery of a just-published reply; enqueue its id once the transaction has committed. */
  async create(manager: EntityManager, reply: ReplyDraft, review: Review, url: string): Promise<string> {
    const id = randomUUID();
    const event: ReplyPublishedEvent = {
      id,
      event: REPLY_PUBLISHED,
      createdAt: new Date().toISOString(),
      shopId: reply.shopId,
      reply: {
        id: reply.id,
        reviewId: review.id,
        platform: review.platform,
        externalId: review.externalId,
        productId: review.productId,
        language: reply.language,
        text: reply.text,
        publishedAt: (reply.publishedAt ?? new Date()).toISOString(),
        publishedBy: reply.publishedBy ?? '',
      },
    };
    await manager.insert(WebhookDelivery, {
      id,
      shopId: reply.shopId,
      replyId: reply.id,
      event: REPLY_PUBLISHED,
      url,
      body: JSON.stringify(event),
      status: 'pending',
      attempts: 0,
    });
    return id;
  }

  /** Writes the delivery announcing a stored report; enqueue its id once the transaction has committed. */
  async createForReport(manager: EntityManager, shopId: string, reportId: string, url: string, report: object): Promise<string> {
    const id = randomUUID();
    const event: ReportCreatedEvent = { id, event: REPORT_CREATED, createdAt: new Date().toISOString(), shopId, report };
    await manager.insert(WebhookDelivery, { id, shopId, reportId, event: REPORT_CREATED, url, body: JSON.stringify(event), status: 'pending', attempts: 0 });
    return id;
  }

  /** Hands deliveries to the queue. A failure here loses nothing: the sweeper finds pending deliveries again. */
  async enqueue(shopId: string, deliveryIds: string[], delayMs = 0): Promise<void> {
    try {
      await this.jobs.add(
        'deliver-webhook',
        deliveryIds.map((deliveryId) => ({ shopId, deliveryId })),
        delayMs > 0 ? { delayMs } : {},
      );
    } catch (error) {
      this.logger.warn({ msg: 'could not enqueue webhook deliveries; the sweeper will', shopId, deliveries: deliveryIds.length, err: errorForLog(error) });
    }
  }

  retryDelayMs(attempts: number): number {
    return Math.min(this.config.env.webhookRetryBaseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  }

  /** One attempt. A duplicate job finds the delivery already claimed (or done) and skips. */
  async attempt(shopId: string, deliveryId: string): Promise<AttemptOutcome> {
    const { webhookTimeoutMs, webhookMaxAttempts, webhookAllowInternal } = this.config.env;
    const leaseSeconds = webhookTimeoutMs / 1000 + 30;
    const [claimed] = await sqlRows<{ url: string; body: string; event: string; attempts: number; secret: string | null }>(
      this.dataSource,
      `UPDATE webhook_deliveries d SET attempts = d.attempts + 1, last_attempt_at = now(),
         next_attempt_at = now() + make_interval(secs => $3), updated_at = now()
       WHERE d.id = $1 AND d.shop_id = $2 AND d.status = 'pending' AND d.next_attempt_at <= now() + interval '5 seconds'
       RETURNING d.url, d.body, d.event, d.attempts, (SELECT s.webhook_secret FROM reply_settings s WHERE s.shop_id = d.shop_id) AS secret`,
      [deliveryId, shopId, leaseSeconds],
    );
    if (!claimed) return 'skipped';
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    let refused = false;
    if (!claimed.secret) {
      error = 'no webhook secret is configured';
    } else {
      const timestamp = Math.floor(Date.now() / 1000);
      try {
        statusCode = await postOutbound({
          url: claimed.url,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'review-recovery-service',
            [EVENT_HEADER]: claimed.event,
            [DELIVERY_HEADER]: deliveryId,
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signWebhook(claimed.secret, timestamp, claimed.body),
          },
          body: claimed.body,
          timeoutMs: webhookTimeoutMs,
          allowInternal: webhookAllowInternal,
        });
        if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
      } catch (caught) {
        // an address the guard refuses will not change with retries
        refused = caught instanceof OutboundRefused;
        error = describe(caught);
      }
    }
    const ms = Date.now() - started;
    if (error === null) {
      await this.dataSource.query(
        `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now(), last_status_code = $2, last_error = NULL, updated_at = now() WHERE id = $1`,
        [deliveryId, statusCode],
      );
      this.logger.log({ msg: 'webhook delivered', shopId, deliveryId, attempts: claimed.attempts, statusCode, ms });
      return 'delivered';
    }
    const final = claimed.attempts >= webhookMaxAttempts || !claimed.secret || refused;
    const delay = this.retryDelayMs(claimed.attempts);
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, last_status_code = $3, last_error = $4,
         next_attempt_at = now() + make_interval(secs => $5), updated_at = now()
       WHERE id = $1`,
      [deliveryId, final ? 'failed' : 'pending', statusCode, error.slice(0, 300), delay / 1000],
    );
    this.metrics?.webhookFailures.inc();
    this.logger.warn({
      msg: final ? 'webhook delivery failed for good' : 'webhook delivery failed; will retry',
      shopId,
      deliveryId,
      attempts: claimed.attempts,
      statusCode,
      error,
      ms,
      retryInMs: final ? null : delay,
    });
    if (final) return 'failed';
    await this.enqueue(shopId, [deliveryId], delay);
    return 'retrying';
  }

  /** Re-enqueues pending deliveries whose job was lost; safe to run in many processes at once. */
  async sweep(overdueMs = SWEEP_OVERDUE_MS): Promise<number> {
    const rows = await sqlRows<{ id: string; shop_id: string }>(
      this.dataSource,
      `UPDATE webhook_deliveries SET next_attempt_at = now(), updated_at = now()
       WHERE id IN (
         SELECT id FROM webhook_deliveries
         WHERE status = 'pending' AND next_attempt_at < now() - make_interval(secs => $1::double precision / 1000)
         ORDER BY next_attempt_at LIMIT $2
         FOR UPDATE SKIP LOCKED)
       RETURNING id, shop_id`,
      [overdueMs, SWEEP_BATCH],
    );
    const byShop = new Map<string, string[]>();
    for (const row of rows) byShop.set(row.shop_id, [...(byShop.get(row.shop_id) ?? []), row.id]);
    for (const [shopId, ids] of byShop) await this.enqueue(shopId, ids);
    if (rows.length) {
      this.metrics?.sweepRecovered.inc({ sweep: 'webhooks' }, rows.length);
      this.logger.warn({ msg: 'webhook sweep recovered deliveries without a job (lost with Redis or a crashed process)', deliveries: rows.length });
    }
    return rows.length;
  }

  /** Deliveries of replies, newest first, by reply id. */
  async forReplies(shopId: string, replyIds: string[]): Promise<Map<string, WebhookDelivery[]>> {
    const byReply = new Map<string, WebhookDelivery[]>();
    if (!replyIds.length) return byReply;
    const rows = await this.dataSource
      .getRepository(WebhookDelivery)
      .find({ where: { shopId, replyId: In(replyIds) }, order: { createdAt: 'DESC', id: 'DESC' } });
    for (const row of rows) {
      const replyId = row.replyId as string;
      byReply.set(replyId, [...(byReply.get(replyId) ?? []), row]);
    }
    return byReply;
  }
}

/** A short description of a network error for the delivery row: the error code and at most the address tried, never the body. */
function describe(error: unknown): string {
  // postOutbound's errors already say it: "no answer within N ms", "connect ECONNREFUSED ...", a refused address
  return error instanceof Error ? error.message : String(error);
}
