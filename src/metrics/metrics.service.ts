import { Injectable, Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { errorForLog } from '../common/errors/error-for-log';

/** a scrape never waits longer than this for a gauge that reads the database or Redis */
const COLLECT_TIMEOUT_MS = 2_000;

type Collect = (set: (value: number, labels?: Record<string, string>) => void) => Promise<void>;

/**
 * This process's Prometheus metrics (one registry per application, so tests can build many). Labels are
 * routes, queue names, sweep names and states: never a shop, a review or anything a person wrote.
 * Counters count what happened in this process; gauges that read the database or Redis are read at scrape time
 * through `gauge()`, by the module that owns the data.
 */
@Injectable()
export class Metrics {
  private readonly logger = new Logger(Metrics.name);
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'rrs_http_request_duration_seconds',
    help: 'HTTP request latency by route pattern, method and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly queueUp = new Gauge({
    name: 'rrs_queue_up',
    help: '1 while Redis answers this process, 0 while it is unreachable (always 1 with in-process jobs)',
    registers: [this.registry],
  });
  readonly queueOutages = new Counter({
    name: 'rrs_queue_outages_total',
    help: 'times Redis became unreachable from this process',
    registers: [this.registry],
  });
  readonly queueUnreachableSeconds = new Counter({
    name: 'rrs_queue_unreachable_seconds_total',
    help: 'seconds Redis was unreachable from this process (counted when it is back)',
    registers: [this.registry],
  });
  readonly queueDataLost = new Counter({
    name: 'rrs_queue_data_lost_total',
    help: "times this deployment's queue data vanished from Redis (a flush, a Redis without persistence restarted)",
    registers: [this.registry],
  });
  readonly enqueueFailures = new Counter({
    name: 'rrs_enqueue_failures_total',
    help: 'enqueues that failed or timed out; the work stays in PostgreSQL for the sweepers',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  readonly sweepRecovered = new Counter({
    name: 'rrs_sweep_recovered_total',
    help: 'work a database sweep found without a job and enqueued again, by sweep',
    labelNames: ['sweep'] as const,
    registers: [this.registry],
  });
  readonly reviewsParked = new Counter({
    name: 'rrs_reviews_parked_total',
    help: 'reviews whose analysis was parked as failed after ANALYSIS_MAX_ATTEMPTS starts',
    registers: [this.registry],
  });
  readonly webhookFailures = new Counter({
    name: 'rrs_webhook_delivery_failures_total',
    help: 'webhook delivery attempts that failed (a retry follows until WEBHOOK_MAX_ATTEMPTS)',
    registers: [this.registry],
  });

  constructor() {
    this.queueUp.set(1);
    collectDefaultMetrics({ register: this.registry, prefix: 'rrs_process_' });
  }

  /** A gauge read at scrape time; a read that fails or takes over 2 s leaves it empty for that scrape. */
  gauge(name: string, help: string, labelNames: string[], collect: Collect): void {
    const logger = this.logger;
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        const set = (value: number, labels?: Record<string, string>) => (labels ? this.set(labels, value) : this.set(value));
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            collect(set),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('timed out')), COLLECT_TIMEOUT_MS);
            }),
          ]);
        } catch (error) {
          logger.debug({ msg: 'metric not collected', metric: name, err: errorForLog(error) });
        } finally {
          clearTimeout(timer);
        }
      },
    });
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
