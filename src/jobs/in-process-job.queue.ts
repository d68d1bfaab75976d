import { Injectable, Optional } from '@nestjs/common';
import { Metrics } from '../metrics/metrics.service';
import { InProcessJobRunner } from './in-process-job.runner';
import { JobQueue } from './job-queue';
import { EnqueueOptions, JobName, JobPayloads, JOBS } from './queues';

@Injectable()
export class InProcessJobQueue extends JobQueue {
  constructor(
    private readonly runner: InProcessJobRunner,
    @Optional() metrics?: Metrics,
  ) {
    super();
    metrics?.gauge('rrs_queue_jobs', 'jobs of the in-process runner by state (every queue together)', ['queue', 'state'], async (set) => {
      set(runner.counts.waiting, { queue: 'in-process', state: 'waiting' });
      set(runner.counts.active, { queue: 'in-process', state: 'active' });
    });
  }

  async add<N extends JobName>(name: N, payloads: JobPayloads[N][], options: EnqueueOptions = {}): Promise<void> {
    const { queue, options: jobOptions } = JOBS[name];
    for (const data of payloads) this.runner.add(queue, name, data, jobOptions, options.jobId, options.delayMs);
  }

  async queued<N extends JobName>(name: N, limit: number, runningForMs?: number): Promise<JobPayloads[N][] | null> {
    const data = this.runner.queued(JOBS[name].queue, name, runningForMs) as JobPayloads[N][];
    return data.length > limit ? null : data;
  }
}
