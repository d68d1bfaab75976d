import { WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from './in-process-job.runner';
import { JobLike, QueueName } from './queues';
import { errorForLog } from '../common/errors/error-for-log';

export type JobProcessor = WorkerHost & { process(job: JobLike<never>): Promise<unknown> };

/**
 * Starts a processor where this process runs workers: on BullMQ (its @Processor worker is created
 * with autorun off so that API-only processes never consume) or on the in-process runner. `queueConcurrency`
 * holds a queue below WORKER_CONCURRENCY.
 */
export function startProcessor(
  config: AppConfig,
  queue: QueueName,
  processor: JobProcessor,
  inProcess: InProcessJobRunner | undefined,
  logger: Logger,
  queueConcurrency?: number,
): void {
  if (!config.env.runWorkers) return;
  const concurrency = config.env.workerConcurrency;
  if (inProcess) {
    inProcess.register(queue, (job) => processor.process(job as JobLike<never>), queueConcurrency);
    // PGlite is a single session: more concurrency would only queue on it
    inProcess.start(config.embeddedDatabase ? 1 : concurrency);
  } else {
    processor.worker.concurrency = Math.min(concurrency, queueConcurrency ?? concurrency);
    void processor.worker.run().catch((error: unknown) => logger.error({ msg: 'worker stopped', queue, err: errorForLog(error) }));
  }
}

/** Lets the jobs in hand finish while the database is still open (it closes in the shutdown phase). */
export async function stopProcessor(config: AppConfig, processor: WorkerHost, inProcess: InProcessJobRunner | undefined): Promise<void> {
  if (config.env.runWorkers && !inProcess) await processor.worker.close();
}
