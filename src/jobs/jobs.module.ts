import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AnalysisQueue } from './analysis.queue';
import { BullJobQueue } from './bull-job.queue';
import { InProcessJobQueue } from './in-process-job.queue';
import { InProcessJobRunner } from './in-process-job.runner';
import { JobQueue } from './job-queue';
import { QueueHealth } from './queue-health';
import { QueueMonitor } from './queue-monitor';
import { QUEUE_NAMES } from './queues';
import { ProducerQueues } from './producer-queues';
import { redisOptionsFromUrl } from './redis-options';
import { WorkerRegistry } from './worker-registry';

/** BullMQ on Redis when REDIS_URL is set, otherwise the in-process runner; the rest of the app sees JobQueue. */
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.inProcessJobs) {
      return {
        module: JobsModule,
        global: true,
        providers: [InProcessJobRunner, QueueHealth, QueueMonitor, AnalysisQueue, WorkerRegistry, { provide: JobQueue, useClass: InProcessJobQueue }],
        exports: [InProcessJobRunner, JobQueue, AnalysisQueue, QueueHealth, QueueMonitor, WorkerRegistry],
      };
    }
    // the processors' workers; producers go through ProducerQueues, whose connection fails fast when Redis is down
    const bullQueues = BullModule.registerQueue(...QUEUE_NAMES.map((name) => ({ name })));
    return {
      module: JobsModule,
      global: true,
      imports: [
        BullModule.forRoot({
          connection: redisOptionsFromUrl(config.env.redisUrl as string),
          prefix: config.env.queuePrefix,
        }),
        bullQueues,
      ],
      providers: [ProducerQueues, QueueHealth, QueueMonitor, AnalysisQueue, WorkerRegistry, { provide: JobQueue, useClass: BullJobQueue }],
      exports: [JobQueue, AnalysisQueue, QueueHealth, QueueMonitor, WorkerRegistry, bullQueues],
    };
  }
}
