import { Injectable } from '@nestjs/common';
import { InProcessJobRunner } from './in-process-job.runner';
import { JobQueue } from './job-queue';
import { EnqueueOptions, JobName, JobPayloads, JOBS } from './queues';

@Injectable()
export class InProcessJobQueue extends JobQueue {
  constructor(private readonly runner: InProcessJobRunner) {
    super();
  }

  async add<N extends JobName>(name: N, payloads: JobPayloads[N][], options: EnqueueOptions = {}): Promise<void> {
    const { queue, options: jobOptions } = JOBS[name];
    for (const data of payloads) this.runner.add(queue, name, data, jobOptions, options.jobId, options.delayMs);
  }
}
