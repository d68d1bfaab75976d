import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobQueue } from './job-queue';
import { EnqueueOptions, JobName, JobPayloads, JOBS, QueueName } from './queues';

@Injectable()
export class BullJobQueue extends JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(@InjectQueue('analysis') analysis: Queue, @InjectQueue('models') models: Queue, @InjectQueue('reports') reports: Queue) {
    super();
    this.queues = { analysis, models, reports };
  }

  async add<N extends JobName>(name: N, payloads: JobPayloads[N][], options: EnqueueOptions = {}): Promise<void> {
    if (!payloads.length) return;
    const { queue, options: jobOptions } = JOBS[name];
    await this.queues[queue].addBulk(
      payloads.map((data) => ({ name, data, opts: options.jobId ? { ...jobOptions, jobId: options.jobId } : jobOptions })),
    );
  }
}
