import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobQueue } from './job-queue';
import { EnqueueOptions, JobName, JobPayloads, JOBS, QueueName } from './queues';

@Injectable()
export class BullJobQueue extends JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue('analysis') analysis: Queue,
    @InjectQueue('drafts') drafts: Queue,
    @InjectQueue('models') models: Queue,
    @InjectQueue('rescoring') rescoring: Queue,
    @InjectQueue('webhooks') webhooks: Queue,
    @InjectQueue('reports') reports: Queue,
  ) {
    super();
    this.queues = { analysis, drafts, models, rescoring, webhooks, reports };
  }

  async add<N extends JobName>(name: N, payloads: JobPayloads[N][], options: EnqueueOptions = {}): Promise<void> {
    if (!payloads.length) return;
    const { queue, options: jobOptions } = JOBS[name];
    const opts = {
      ...jobOptions,
      ...(options.jobId ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
    };
    await this.queues[queue].addBulk(payloads.map((data) => ({ name, data, opts })));
  }
}
