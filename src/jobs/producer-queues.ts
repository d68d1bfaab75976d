import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { QUEUE_NAMES, QueueName } from './queues';
import { producerRedisOptions } from './redis-options';

/**
 * The queues as producers see them: one Redis connection that fails a command instead of waiting for Redis
 * (producerRedisOptions). The queues registered with @nestjs/bullmq keep the workers' connection, which waits.
 */
@Injectable()
export class ProducerQueues implements OnModuleDestroy {
  private readonly connection: IORedis;
  readonly queues: Record<QueueName, Queue>;

  constructor(config: AppConfig) {
    this.connection = new IORedis(producerRedisOptions(config.env.redisUrl as string, config.env.enqueueTimeoutMs));
    // ioredis reports a lost connection as an error event; QueueMonitor says it once, in words
    this.connection.on('error', () => undefined);
    const queue = (name: QueueName) => new Queue(name, { connection: this.connection, prefix: config.env.queuePrefix });
    this.queues = Object.fromEntries(QUEUE_NAMES.map((name) => [name, queue(name)])) as Record<QueueName, Queue>;
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled(Object.values(this.queues).map((queue) => queue.close()));
    this.connection.disconnect();
  }
}
