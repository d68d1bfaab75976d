import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { JobsOptions } from 'bullmq';
import { JobLike } from './queues';

type Handler = (job: JobLike<unknown>) => Promise<unknown>;

interface QueuedJob {
  queue: string;
  job: JobLike<unknown>;
  options: JobsOptions;
}

/**
 * Runs jobs in this process when there is no Redis, through the same processors and with the same
 * retry policy as BullMQ. As in BullMQ, a job without a priority goes before one with a priority, a lower
 * priority number before a higher one, and first come first served among equals; a queue may run fewer jobs at
 * once than the runner. Jobs live in memory: after a crash the database sweepers find their work again.
 */
@Injectable()
export class InProcessJobRunner implements OnModuleDestroy {
  private readonly logger = new Logger(InProcessJobRunner.name);
  private readonly handlers = new Map<string, Handler>();
  /** at most this many jobs of the queue at once (the runner's concurrency when absent) */
  private readonly queueLimits = new Map<string, number>();
  private readonly activeByQueue = new Map<string, number>();
  private readonly waiting: QueuedJob[] = [];
  private readonly active = new Set<Promise<void>>();
  /** the running jobs and when each started */
  private readonly startedAt = new Map<QueuedJob, number>();
  private concurrency = 1;
  private running = false;
  private closing = false;
  private sequence = 0;
  private idleWaiters: (() => void)[] = [];
  /** delayed jobs wait here, outside the queue, so they hold no slot */
  private readonly timers = new Map<NodeJS.Timeout, QueuedJob>();

  /** Registers the processor of a queue; jobs run once start() is called. */
  register(queue: string, handler: Handler, concurrency?: number): void {
    this.handlers.set(queue, handler);
    if (concurrency !== undefined) this.queueLimits.set(queue, Math.max(1, concurrency));
  }

  /** Several features register processors; each may call start, the largest concurrency wins. */
  start(concurrency: number): void {
    this.concurrency = Math.max(this.running ? this.concurrency : 1, concurrency);
    this.running = true;
    this.pump();
  }

  add(queue: string, name: string, data: unknown, options: JobsOptions, jobId?: string, delayMs = 0): void {
    if (this.closing) throw new Error('the job runner is shutting down');
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.closing) this.add(queue, name, data, options, jobId);
      }, delayMs);
      timer.unref();
      this.timers.set(timer, { queue, options, job: { name, data, attemptsMade: 0 } });
      return;
    }
    if (jobId !== undefined && this.waiting.some((entry) => entry.job.id === jobId)) return;
    this.waiting.push({ queue, options, job: { id: jobId ?? `job-${++this.sequence}`, name, data, attemptsMade: 0 } });
    this.pump();
  }

  /** Resolves when no job is waiting or running (used by tests and the benchmark); delayed jobs do not count. */
  async idle(): Promise<void> {
    if (!this.waiting.length && !this.active.size) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** The data of the `name` jobs of `queue` waiting or delayed, and running for less than `runningForMs` if given (see JobQueue.queued). */
  queued(queue: string, name: string, runningForMs?: number): unknown[] {
    const since = Date.now() - (runningForMs ?? 0);
    const running = runningForMs === undefined ? [] : [...this.startedAt].filter(([, at]) => at >= since).map(([entry]) => entry);
    return [...this.waiting, ...this.timers.values(), ...running]
      .filter((entry) => entry.queue === queue && entry.job.name === name)
      .map((entry) => entry.job.data);
  }

  get counts(): { waiting: number; active: number } {
    return { waiting: this.waiting.length, active: this.active.size };
  }

  async onModuleDestroy(): Promise<void> {
    // Finish what is running; what is still waiting is found again by the sweepers after restart.
    this.closing = true;
    this.running = false;
    for (const timer of this.timers.keys()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.active]);
  }

  private pump(): void {
    while (this.running && this.active.size < this.concurrency) {
      const index = this.nextIndex();
      if (index < 0) break;
      const [next] = this.waiting.splice(index, 1);
      this.activeByQueue.set(next.queue, (this.activeByQueue.get(next.queue) ?? 0) + 1);
      this.startedAt.set(next, Date.now());
      const run = this.execute(next).finally(() => {
        this.active.delete(run);
        this.startedAt.delete(next);
        this.activeByQueue.set(next.queue, (this.activeByQueue.get(next.queue) ?? 1) - 1);
        this.pump();
        if (!this.waiting.length && !this.active.size) this.idleWaiters.splice(0).forEach((resolve) => resolve());
      });
      this.active.add(run);
    }
  }

  /** The waiting job to run next: the first of the highest priority among queues with a free slot; -1 if none. */
  private nextIndex(): number {
    let best = -1;
    for (let i = 0; i < this.waiting.length; i++) {
      const { queue, options } = this.waiting[i];
      if ((this.activeByQueue.get(queue) ?? 0) >= (this.queueLimits.get(queue) ?? this.concurrency)) continue;
      if (best < 0 || (options.priority ?? 0) < (this.waiting[best].options.priority ?? 0)) best = i;
    }
    return best;
  }

  private async execute(entry: QueuedJob): Promise<void> {
    const handler = this.handlers.get(entry.queue);
    if (!handler) {
      this.logger.error({ msg: 'no processor registered; job dropped', queue: entry.queue, job: entry.job.name });
      return;
    }
    const attempts = entry.options.attempts ?? 1;
    for (;;) {
      try {
        await handler(entry.job);
        return;
      } catch (error) {
        entry.job.attemptsMade += 1;
        if (entry.job.attemptsMade >= attempts || this.closing) {
          this.logger.error({
            msg: 'job failed',
            queue: entry.queue,
            job: entry.job.name,
            jobId: entry.job.id,
            attempts: entry.job.attemptsMade,
            err: String(error),
          });
          return;
        }
        await sleep(backoffDelay(entry.options, entry.job.attemptsMade));
      }
    }
  }
}

function backoffDelay(options: JobsOptions, attemptsMade: number): number {
  const backoff = options.backoff;
  if (backoff === undefined) return 0;
  if (typeof backoff === 'number') return backoff;
  const delay = backoff.delay ?? 0;
  return backoff.type === 'exponential' ? delay * 2 ** (attemptsMade - 1) : delay;
}
