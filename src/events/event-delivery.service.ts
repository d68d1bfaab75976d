import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { errorForLog } from '../common/errors/error-for-log';
import { OutboundRefused, postOutbound } from '../common/net/outbound-post';
import { AppConfig } from '../config/app-config';
import { Queryable, sqlRows } from '../database/sql';
import { JobQueue } from '../jobs/job-queue';
import { Metrics } from '../metrics/metrics.service';
import { DELIVERY_HEADER, EVENT_HEADER, EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader, TIMESTAMP_HEADER } from './webhook-signature';

/** a run holds its endpoint this long without renewing; a killed worker's endpoint is picked up again after it */
export const LEASE_MS = 15_000;
const RENEW_EVERY_MS = 5_000;
/** deliveries read per round of a run */
const BATCH = 200;
/** subjects (reviews, reviewers, reports) delivered at once to one endpoint; each subject's events one after the other */
const PARALLEL_SUBJECTS = 8;
/** a run gives its endpoint back after this long; the next poll starts another (fairness between endpoints) */
const RUN_MS = 30_000;
const MAX_RETRY_DELAY_MS = 3_600_000;

interface Claimed {
  id: string;
  shop_id: string;
  url: string;
  secret: string;
  previous_secret: string | null;
}

export interface Due {
  id: string;
  event_id: string;
  event_type: string;
  subject_id: string;
  attempts: number;
  body: string;
}

interface Outcome {
  id: string;
  ok: boolean;
  final: boolean;
  status_code: number | null;
  latency_ms: number;
  error: string | null;
  delay_s: number;
}

/**
 * A page of an endpoint's pending deliveries in event order, after ($2, $3): an ORDER BY ... LIMIT on exactly the
 * columns of ix_event_deliveries_queue.
 */
export const QUEUE_PAGE = `SELECT id, subject_id, next_attempt_at <= now() AS due, event_seq, seq FROM event_deliveries
  WHERE subscription_id = $1 AND status = 'pending' AND (event_seq, seq) > ($2::bigint, $3::bigint)
  ORDER BY event_seq, seq
  LIMIT $4`;
/**
 * Run first in pickDue's transaction: on a table that has never been analysed (the embedded database has no
 * autovacuum; PostgreSQL right after a burst) the planner may take another pending index and sort what it reads.
 */
export const QUEUE_PLAN = `SET LOCAL enable_sort = off`;
const QUEUE_PAGE_ROWS = 1_000;
/** a round reads at most this much of the queue; subjects further back wait for the ones ahead */
const QUEUE_SCAN_LIMIT = 50_000;

/**
 * Due deliveries with no earlier pending delivery of the same subject, in event order, at most `batch`: the first
 * pending delivery of each subject met while reading the queue in event order is that subject's head, sent when due;
 * every later one of the subject waits behind it. Reads what it answers plus what it skips (deliveries held back by
 * a retry and those behind them), never the whole backlog: a NOT EXISTS pick was planned, on the statistics of a
 * table that had just grown, as the backlog joined to itself, and ran for minutes at 120,000 pending. `db` is a
 * transaction (QUEUE_PLAN is SET LOCAL).
 */
export async function pickDue(db: Queryable, subscriptionId: string, batch: number): Promise<Due[]> {
  await db.query(QUEUE_PLAN);
  const picked: string[] = [];
  const seen = new Set<string>();
  let after: [string, string] = ['0', '0'];
  for (let scanned = 0; picked.length < batch && scanned < QUEUE_SCAN_LIMIT;) {
    const page = await sqlRows<{ id: string; subject_id: string; due: boolean; event_seq: string; seq: string }>(db, QUEUE_PAGE, [
      subscriptionId,
      after[0],
      after[1],
      QUEUE_PAGE_ROWS,
    ]);
    for (const row of page) {
      if (seen.has(row.subject_id)) continue;
      seen.add(row.subject_id);
      if (row.due) picked.push(row.id);
      if (picked.length >= batch) break;
    }
    scanned += page.length;
    if (page.length < QUEUE_PAGE_ROWS) break;
    const last = page[page.length - 1];
    after = [last.event_seq, last.seq];
  }
  if (!picked.length) return [];
  return sqlRows<Due>(
    db,
    `SELECT d.id, d.event_id, d.event_type, d.subject_id, d.attempts, e.payload::text AS body
     FROM event_deliveries d JOIN outbox_events e ON e.id = d.event_id
     WHERE d.id = ANY($1::uuid[]) AND d.subscription_id = $2
     ORDER BY d.event_seq, d.seq`,
    [picked, subscriptionId],
  );
}

export type RunResult = { delivered: number; failed: number; retrying: number } | 'busy';

/**
 * Delivers an endpoint's pending events: one run per endpoint at a time (a lease on its row), in event order per
 * subject (a review with its case and replies, a reviewer, a report): a delivery waits while an earlier one of the
 * same subject is pending, so a failure holds back that subject only. Each attempt is signed with the endpoint's
 * secret(s) and recorded on its row (status, response code, latency); a failure is retried with backoff, and an
 * endpoint whose deliveries keep failing until one runs out of attempts is disabled with the reason as its notice.
 * At least once: a worker killed mid-attempt leaves the delivery pending, and it is sent again after the lease.
 */
@Injectable()
export class EventDeliveryService {
  private readonly logger = new Logger(EventDeliveryService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  retryDelayMs(attempts: number): number {
    return Math.min(this.config.env.webhookRetryBaseMs * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY_MS);
  }

  /** Enqueues a run for every endpoint with a delivery due and nobody delivering; the outbox poll. Returns how many. */
  async poll(): Promise<number> {
    const rows = await sqlRows<{ id: string; shop_id: string }>(
      this.dataSource,
      `SELECT s.id, s.shop_id FROM event_subscriptions s
       WHERE s.status = 'active' AND (s.lease_until IS NULL OR s.lease_until < now())
         AND EXISTS (SELECT 1 FROM event_deliveries d WHERE d.subscription_id = s.id AND d.status = 'pending' AND d.next_attempt_at <= now())`,
    );
    await this.enqueue(rows.map((row) => ({ shopId: row.shop_id, subscriptionId: row.id })));
    return rows.length;
  }

  /** A failure here loses nothing: the next poll finds the deliveries again. */
  async enqueue(runs: { shopId: string; subscriptionId: string }[]): Promise<void> {
    for (const run of runs) {
      try {
        await this.jobs.add('deliver-events', [run], { jobId: `events.${run.subscriptionId}` });
      } catch (error) {
        this.logger.warn({ msg: 'could not enqueue an event delivery run; the poll will', subscriptionId: run.subscriptionId, err: errorForLog(error) });
      }
    }
  }

  /** One run for one endpoint: until nothing is due, RUN_MS has passed, or the endpoint is disabled. */
  async run(shopId: string, subscriptionId: string): Promise<RunResult> {
    let endpoint = await this.claim(shopId, subscriptionId, `(lease_until IS NULL OR lease_until < now())`);
    if (!endpoint) return 'busy';
    const totals = { delivered: 0, failed: 0, retrying: 0 };
    const renew = setInterval(() => void this.renew(subscriptionId).catch(() => undefined), RENEW_EVERY_MS);
    const started = Date.now();
    try {
      while (endpoint && Date.now() - started < RUN_MS) {
        const due = await this.due(subscriptionId);
        if (!due.length) break;
        const outcomes = await this.deliverBatch(endpoint, due);
        await this.record(endpoint, outcomes);
        for (const outcome of outcomes) {
          if (outcome.ok) totals.delivered++;
          else if (outcome.final) totals.failed++;
          else totals.retrying++;
        }
        // the URL, the secrets (a rotation) and the status (disabled) as they are now
        endpoint = await this.claim(shopId, subscriptionId, 'TRUE');
      }
    } finally {
      clearInterval(renew);
      await this.release(subscriptionId);
    }
    return totals;
  }

  private async claim(shopId: string, subscriptionId: string, free: string): Promise<Claimed | null> {
    const [row] = await sqlRows<Claimed>(
      this.dataSource,
      `UPDATE event_subscriptions SET lease_until = now() + make_interval(secs => $3::double precision / 1000)
       WHERE id = $1 AND shop_id = $2 AND status = 'active' AND ${free}
       RETURNING id, shop_id, url, secret, CASE WHEN previous_secret_expires_at > now() THEN previous_secret END AS previous_secret`,
      [subscriptionId, shopId, LEASE_MS],
    );
    return row ?? null;
  }

  private renew(subscriptionId: string): Promise<unknown> {
    return this.dataSource.query(`UPDATE event_subscriptions SET lease_until = now() + make_interval(secs => $2::double precision / 1000) WHERE id = $1`, [
      subscriptionId,
      LEASE_MS,
    ]);
  }

  private release(subscriptionId: string): Promise<unknown> {
    return this.dataSource.query(`UPDATE event_subscriptions SET lease_until = NULL WHERE id = $1`, [subscriptionId]);
  }

  private due(subscriptionId: string): Promise<Due[]> {
    return this.dataSource.transaction((manager) => pickDue(manager, subscriptionId, BATCH));
  }

  /**
   * Only the first due delivery of each subject can be sent this round (the query holds back the rest behind a pending
   * one); subjects go in parallel, PARALLEL_SUBJECTS at a time.
   */
  private async deliverBatch(endpoint: Claimed, due: Due[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    let next = 0;
    const lane = async () => {
      while (next < due.length) {
        const delivery = due[next++];
        outcomes.push(await this.attempt(endpoint, delivery));
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_SUBJECTS, due.length) }, lane));
    return outcomes;
  }

  private async attempt(endpoint: Claimed, delivery: Due): Promise<Outcome> {
    const { webhookTimeoutMs, webhookAllowInternal, webhookMaxAttempts } = this.config.env;
    const timestamp = Math.floor(Date.now() / 1000);
    const secrets = endpoint.previous_secret ? [endpoint.secret, endpoint.previous_secret] : [endpoint.secret];
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    let refused = false;
    try {
      statusCode = await postOutbound({
        url: endpoint.url,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'review-recovery-service',
          [EVENT_HEADER]: delivery.event_type,
          [EVENT_ID_HEADER]: delivery.event_id,
          [DELIVERY_HEADER]: delivery.id,
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signatureHeader(secrets, timestamp, delivery.body),
        },
        body: delivery.body,
        timeoutMs: webhookTimeoutMs,
        allowInternal: webhookAllowInternal,
      });
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    } catch (caught) {
      // an address the guard refuses will not change with retries
      refused = caught instanceof OutboundRefused;
      error = caught instanceof Error ? caught.message : String(caught);
    }
    const attempts = delivery.attempts + 1;
    const ok = error === null;
    return {
      id: delivery.id,
      ok,
      final: !ok && (refused || attempts >= webhookMaxAttempts),
      status_code: statusCode,
      latency_ms: Date.now() - started,
      error: error?.slice(0, 300) ?? null,
      delay_s: this.retryDelayMs(attempts) / 1000,
    };
  }

  /**
   * Writes a round's outcomes in one statement, then the endpoint's failure count; disables the endpoint when a
   * delivery ran out of attempts without a success in between.
   */
  private async record(endpoint: Claimed, outcomes: Outcome[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE event_deliveries d SET attempts = d.attempts + 1, last_attempt_at = now(), last_status_code = x.status_code,
         last_latency_ms = x.latency_ms, last_error = x.error,
         status = CASE WHEN x.ok THEN 'delivered' WHEN x.final THEN 'failed' ELSE 'pending' END,
         delivered_at = CASE WHEN x.ok THEN now() END,
         next_attempt_at = CASE WHEN x.ok OR x.final THEN d.next_attempt_at ELSE now() + make_interval(secs => x.delay_s) END
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, ok boolean, final boolean, status_code integer, latency_ms integer, error text, delay_s double precision)
       WHERE d.id = x.id AND d.subscription_id = $2`,
      [JSON.stringify(outcomes), endpoint.id],
    );
    const failures = outcomes.filter((o) => !o.ok);
    const lastSuccess = outcomes.map((o) => o.ok).lastIndexOf(true);
    // failures after the round's last success (outcomes are in completion order)
    const trailing = outcomes.slice(lastSuccess + 1).length;
    const exhausted = failures.some((o) => o.final);
    if (failures.length) this.metrics?.webhookFailures.inc(failures.length);
    const [row] = await sqlRows<{ status: string; consecutive_failures: number }>(
      this.dataSource,
      `UPDATE event_subscriptions SET consecutive_failures = CASE WHEN $2 THEN $3 ELSE consecutive_failures + $3 END,
         status = CASE WHEN $4 AND (CASE WHEN $2 THEN $3 ELSE consecutive_failures + $3 END) >= $5 THEN 'disabled' ELSE status END,
         disabled_at = CASE WHEN $4 AND (CASE WHEN $2 THEN $3 ELSE consecutive_failures + $3 END) >= $5 THEN now() ELSE disabled_at END,
         disabled_reason = CASE WHEN $4 AND (CASE WHEN $2 THEN $3 ELSE consecutive_failures + $3 END) >= $5
           THEN left('disabled after persistent failure: ' || $6, 300) ELSE disabled_reason END,
         updated_at = CASE WHEN $4 AND (CASE WHEN $2 THEN $3 ELSE consecutive_failures + $3 END) >= $5 THEN now() ELSE updated_at END
       WHERE id = $1
       RETURNING status, consecutive_failures`,
      [endpoint.id, lastSuccess >= 0, trailing, exhausted, this.config.env.webhookMaxAttempts, failures.at(-1)?.error ?? ''],
    );
    if (failures.length) {
      this.logger.warn({
        msg: 'event deliveries failed',
        shopId: endpoint.shop_id,
        subscriptionId: endpoint.id,
        failed: failures.length,
        lastError: failures.at(-1)?.error,
      });
    }
    if (row?.status === 'disabled') {
      this.logger.warn({
        msg: 'event endpoint disabled after persistent failure',
        shopId: endpoint.shop_id,
        subscriptionId: endpoint.id,
        consecutiveFailures: row.consecutive_failures,
      });
    }
  }
}
