import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AnalysisQueue } from './analysis.queue';
import { BullAnalysisQueue } from './bull-analysis.queue';
import { InProcessAnalysisQueue } from './in-process-analysis.queue';
import { InProcessJobRunner } from './in-process-job.runner';
import { QueueHealth } from './queue-health';
import { ANALYSIS_QUEUE } from './queues';
import { redisOptionsFromUrl } from './redis-options';

/** BullMQ on Redis when REDIS_URL is set, otherwise the in-process runner; the rest of the app sees AnalysisQueue. */
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.inProcessJobs) {
      return {
        module: JobsModule,
        global: true,
        providers: [InProcessJobRunner, QueueHealth, { provide: AnalysisQueue, useClass: InProcessAnalysisQueue }],
        exports: [InProcessJobRunner, AnalysisQueue, QueueHealth],
      };
    }
    const bullQueues = BullModule.registerQueue({ name: ANALYSIS_QUEUE });
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
      providers: [QueueHealth, { provide: AnalysisQueue, useClass: BullAnalysisQueue }],
      exports: [AnalysisQueue, QueueHealth, bullQueues],
    };
  }
}
