import { Injectable } from '@nestjs/common';
import { JobType, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics.service';
import { withDeadline } from './deadline';
import { JobQueue } from './job-queue';
import { ProducerQueues } from './producer-queues';
import { QueueMonitor } from './queue-monitor';
import { EnqueueOptions, JobName, JobPayloads, JOBS, QueueName } from './queues';

/**
 * The states of a job still waiting to run. A running (active) job is left out: its reviews were stamped when it
 * started, so they only look overdue when it has run far too long or its worker died, and a dead worker's job would
 * otherwise wait for BullMQ's stalled-job check (up to a minute) before anyone looked at it again.
 */
const WAITING: JobType[] = ['waiting', 'delayed', 'prioritized', 'paused', 'waiting-children'];

@Injectable()
export class BullJobQueue extends JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    producers: ProducerQueues,
    private readonly config: AppConfig,
    private readonly monitor: QueueMonitor,
    private readonly metrics: Metrics,
  ) {
    super();
    this.queues = producers.queues;
    metrics.gauge('rrs_queue_jobs', 'jobs per queue and state (failed: failed for good, kept a week)', ['queue', 'state'], async (set) => {
      await Promise.all(
        Object.entries(this.queues).map(async ([name, queue]) => {
          const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed');
          for (const [state, count] of Object.entries(counts)) set(count, { queue: name, state });
        }),
      );
    });
  }

  /**
   * Fails within ENQUEUE_TIMEOUT_MS when Redis does not take the jobs: callers have committed the work first and
   * leave it to the sweepers, so a request never waits on Redis.
   */
  async add<N extends JobName>(name: N, payloads: JobPayloads[N][], options: EnqueueOptions = {}): Promise<void> {
    if (!payloads.length) return;
    const { queue, options: jobOptions } = JOBS[name];
    const opts = {
      ...jobOptions,
      ...(options.jobId ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
    };
    try {
      await withDeadline(this.queues[queue].addBulk(payloads.map((data) => ({ name, data, opts }))), this.config.env.enqueueTimeoutMs, `enqueue ${name}`);
    } catch (error) {
      this.metrics.enqueueFailures.inc({ queue });
      this.monitor.failed(error);
      throw error;
    }
  }

  async queued<N extends JobName>(name: N, limit: number, runningForMs?: number): Promise<JobPayloads[N][] | null> {
    const queue = this.queues[JOBS[name].queue];
    const timeout = this.config.env.enqueueTimeoutMs * 5;
    const states: JobType[] = runningForMs === undefined ? WAITING : [...WAITING, 'active'];
    const counts = await withDeadline(queue.getJobCounts(...states), timeout, `count ${name} jobs`);
    if (Object.values(counts).reduce((sum, n) => sum + n, 0) > limit) return null;
    const waiting = await withDeadline(queue.getJobs(WAITING, 0, limit), timeout, `read ${name} jobs`);
    const running = runningForMs === undefined ? [] : await withDeadline(queue.getJobs(['active'], 0, limit), timeout, `read running ${name} jobs`);
    const since = Date.now() - (runningForMs ?? 0);
    // a job removed between the reads comes back as undefined
    return [...waiting, ...running.filter((job) => (job?.processedOn ?? 0) >= since)]
      .filter((job) => job?.name === name)
      .map((job) => job.data as JobPayloads[N]);
  }
}
