import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics.service';
import { withDeadline } from './deadline';
import { ProducerQueues } from './producer-queues';
import { errorForLog } from '../common/errors/error-for-log';

/** what a process is told when Redis is back or lost its data: run the sweeps now rather than at their next tick */
export type QueueRecoveryListener = () => void;

export class ForeignQueueError extends Error {
  constructor(key: string) {
    super(
      `Redis key ${key} names another deployment's database: two deployments share this Redis database and QUEUE_PREFIX ` +
        "and would take each other's jobs. Give each deployment its own QUEUE_PREFIX or Redis database (REDIS_URL).",
    );
    this.name = 'ForeignQueueError';
  }
}

/**
 * Watches Redis from this process: says in the log (a warning) and in the metrics when it becomes unreachable and
 * when it is back, notices when this deployment's queue data vanished (a flush), and refuses to share a queue
 * prefix with another deployment. A failed enqueue reports here too, so an outage shows at once, not at the
 * next probe. With in-process jobs there is nothing to watch.
 */
@Injectable()
export class QueueMonitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(QueueMonitor.name);
  private readonly listeners: QueueRecoveryListener[] = [];
  private downSince: number | null = null;
  private deploymentId: string | null = null;
  private foreign = false;
  private timer: NodeJS.Timeout | null = null;
  private probing: Promise<void> | null = null;
  /** this process has seen the marker in Redis, so its absence now means the queues were lost */
  private markerSeen = false;
  private readonly queue?: Queue;

  constructor(
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() producers?: ProducerQueues,
  ) {
    this.queue = producers?.queues.analysis;
    metrics.gauge('rrs_queue_foreign_deployment', '1 when the queues under QUEUE_PREFIX belong to another deployment (see the error log)', [], async (set) => {
      set(this.foreign ? 1 : 0);
    });
  }

  get markerKey(): string {
    return `${this.config.env.queuePrefix}:deployment`;
  }

  /** Sweepers register here to run as soon as the queue is usable again. */
  onRecovery(listener: QueueRecoveryListener): void {
    this.listeners.push(listener);
  }

  get reachable(): boolean {
    return this.downSince === null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue) return;
    const [row] = await this.dataSource.query<{ id: string }[]>('SELECT id FROM deployment ORDER BY created_at, id LIMIT 1');
    this.deploymentId = row?.id ?? null;
    try {
      await this.checkMarker();
    } catch (error) {
      // refuse to start next to another deployment's queues; an unreachable Redis is only watched
      if (error instanceof ForeignQueueError) throw error;
      this.failed(error);
    }
    const interval = this.config.env.queueProbeIntervalMs;
    if (interval > 0) {
      this.timer = setInterval(() => void this.probe(), interval);
      this.timer.unref();
    }
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** An enqueue or a probe failed: Redis is taken as unreachable until a probe gets an answer. */
  failed(error: unknown): void {
    if (!this.queue || this.downSince !== null) return;
    this.downSince = Date.now();
    this.metrics.queueUp.set(0);
    this.metrics.queueOutages.inc();
    this.logger.warn({ msg: 'queue unreachable: work is kept in PostgreSQL and left to the sweepers', err: errorForLog(error) });
  }

  /** Pings Redis and checks the deployment marker; one at a time. */
  probe(): Promise<void> {
    this.probing ??= this.probeOnce().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async probeOnce(): Promise<void> {
    if (!this.queue) return;
    try {
      await this.checkMarker();
    } catch (error) {
      if (error instanceof ForeignQueueError) {
        this.logger.error({ msg: error.message });
        return;
      }
      this.failed(error);
      return;
    }
    if (this.downSince !== null) {
      const downMs = Date.now() - this.downSince;
      this.downSince = null;
      this.metrics.queueUp.set(1);
      this.metrics.queueUnreachableSeconds.inc(downMs / 1000);
      this.logger.warn({ msg: 'queue reachable again: sweeping for work left meanwhile', downMs });
      this.notify();
    }
  }

  /**
   * The marker is this deployment's id under QUEUE_PREFIX: written by the first process, compared by every other.
   * Missing once written means Redis lost the queues (FLUSHDB, a restart without persistence).
   */
  private async checkMarker(): Promise<void> {
    if (!this.queue || this.deploymentId === null) return;
    const timeout = this.config.env.enqueueTimeoutMs * 2;
    const client = await withDeadline(this.queue.client, timeout, 'connect to Redis');
    const stored = await withDeadline(client.get(this.markerKey), timeout, 'read the deployment marker');
    if (stored === this.deploymentId) {
      this.foreign = false;
      this.markerSeen = true;
      return;
    }
    if (stored !== null) {
      this.foreign = true;
      throw new ForeignQueueError(this.markerKey);
    }
    // not atomic (no SET NX through BullMQ's client): two deployments writing within the same instant is the one miss
    await withDeadline(client.set(this.markerKey, this.deploymentId), timeout, 'write the deployment marker');
    if (this.markerSeen) {
      this.metrics.queueDataLost.inc();
      this.logger.warn({ msg: 'queue data lost (Redis flushed or restarted empty): the sweepers enqueue the pending work again' });
      this.notify();
    }
    this.markerSeen = true;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
