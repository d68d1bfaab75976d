import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import { errorForLog } from '../common/errors/error-for-log';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from './in-process-job.runner';
import { PeriodicSweep } from './periodic-sweep';
import { JobProcessor, startProcessor, stopProcessor } from './processor-runner';
import { QueueMonitor } from './queue-monitor';
import type { QueueName } from './queues';

export interface SweepOptions {
  /** how often it runs, read at start (0 or less: never on a timer, still callable) */
  intervalMs: (config: AppConfig) => number;
  /** a first run this soon after start, for sweeps that should not wait a whole interval */
  firstAfterMs?: (config: AppConfig) => number;
  /** also run as soon as the queue is reachable again after an outage (what it lost is found at once) */
  onQueueRecovery?: boolean;
}

interface RegisteredProcessor {
  queue: QueueName;
  processor: JobProcessor;
  concurrency?: number;
}

interface RegisteredSweep {
  name: string;
  sweep: PeriodicSweep<unknown, never>;
  options: SweepOptions;
}

/**
 * Every queue processor and every periodic sweep of the service, registered by the module that owns it (its
 * `*Workers` class, at construction) and started and stopped here, the same way for all: only in processes that run
 * workers (RUN_WORKERS), sweeps before processors on the way down so none enqueues into a closing worker.
 */
@Injectable()
export class WorkerRegistry implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerRegistry.name);
  private readonly processors: RegisteredProcessor[] = [];
  private readonly sweeps: RegisteredSweep[] = [];
  private started = false;

  constructor(
    private readonly config: AppConfig,
    private readonly monitor: QueueMonitor,
    @Optional() private readonly inProcess?: InProcessJobRunner,
  ) {}

  /** The processor of a queue; `concurrency` holds the queue below WORKER_CONCURRENCY. */
  processor(queue: QueueName, processor: JobProcessor, concurrency?: number): void {
    this.processors.push({ queue, processor, concurrency });
  }

  /** A sweep run on a timer; its `run()` is what the CLI and tests call, one run at a time per process. */
  sweep<T, P = undefined>(name: string, options: SweepOptions, work: (arg?: P) => Promise<T>): PeriodicSweep<T, P> {
    const sweep = new PeriodicSweep<T, P>(name, this.logger, work);
    this.sweeps.push({ name, sweep: sweep as unknown as PeriodicSweep<unknown, never>, options });
    return sweep;
  }

  /** What the queue monitor calls when Redis is reachable again: the sweeps that asked for it run now. */
  queueRecovered(): void {
    if (!this.started) return;
    for (const { name, sweep, options } of this.sweeps) {
      if (options.onQueueRecovery && options.intervalMs(this.config) > 0) {
        void sweep.run().catch((error: unknown) => this.logger.warn({ msg: `${name} failed`, err: errorForLog(error) }));
      }
    }
  }

  get registered(): { queues: QueueName[]; sweeps: string[] } {
    return { queues: this.processors.map((p) => p.queue), sweeps: this.sweeps.map((s) => s.name) };
  }

  onApplicationBootstrap(): void {
    if (!this.config.env.runWorkers || this.started) return;
    this.started = true;
    for (const { queue, processor, concurrency } of this.processors) startProcessor(this.config, queue, processor, this.inProcess, this.logger, concurrency);
    for (const { sweep, options } of this.sweeps) sweep.start(options.intervalMs(this.config), options.firstAfterMs?.(this.config));
    this.monitor.onRecovery(() => this.queueRecovered());
    this.logger.log({
      msg: 'workers started',
      jobs: this.inProcess ? 'in-process' : 'bullmq',
      concurrency: this.config.env.workerConcurrency,
      queues: this.registered.queues,
      sweeps: this.registered.sweeps.length,
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.started = false;
    await Promise.all(this.sweeps.map(({ sweep }) => sweep.stop()));
    await Promise.all(this.processors.map(({ processor }) => stopProcessor(this.config, processor, this.inProcess)));
  }
}
