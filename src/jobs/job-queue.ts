import type { EnqueueOptions, JobName, JobPayloads } from './queues';

/** Adds jobs to their queue; implemented by BullMQ on Redis or by the in-process runner. */
export abstract class JobQueue {
  abstract add<N extends JobName>(name: N, payloads: JobPayloads[N][], options?: EnqueueOptions): Promise<void>;

  /**
   * The payloads of the `name` jobs still waiting to run (waiting, delayed, between retries), so that a sweep does not
   * enqueue again what is only waiting its turn; null when more than `limit` jobs are queued (too many to read).
   * Running jobs are left out unless `runningForMs` is given: then those started less than that long ago are in too
   * (one running longer may have died with its worker).
   */
  abstract queued<N extends JobName>(name: N, limit: number, runningForMs?: number): Promise<JobPayloads[N][] | null>;
}
