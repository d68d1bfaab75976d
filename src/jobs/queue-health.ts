import { Injectable, Optional } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { ProducerQueues } from './producer-queues';

/** Pings Redis through the producers' connection (it fails fast); with in-process jobs there is nothing to ping. */
@Injectable()
export class QueueHealth {
  private readonly queue?: Queue;

  constructor(@Optional() producers?: ProducerQueues) {
    this.queue = producers?.queues.analysis;
  }

  async ping(): Promise<void> {
    if (!this.queue) return;
    // any round trip will do; count() is one cheap command
    await this.queue.count();
  }

  /** Jobs not yet finished, for the benchmark and operations. */
  async pendingJobs(): Promise<number> {
    if (!this.queue) return 0;
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
  }
}
