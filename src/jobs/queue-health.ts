import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Optional, Inject } from '@nestjs/common';
import type { Queue } from 'bullmq';

/** Pings Redis through the analysis queue's connection; with in-process jobs there is nothing to ping. */
@Injectable()
export class QueueHealth {
  constructor(@Optional() @Inject(getQueueToken('analysis')) private readonly queue?: Queue) {}

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
