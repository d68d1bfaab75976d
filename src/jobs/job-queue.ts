import type { EnqueueOptions, JobName, JobPayloads } from './queues';

/** Adds jobs to their queue; implemented by BullMQ on Redis or by the in-process runner. */
export abstract class JobQueue {
  abstract add<N extends JobName>(name: N, payloads: JobPayloads[N][], options?: EnqueueOptions): Promise<void>;
}
