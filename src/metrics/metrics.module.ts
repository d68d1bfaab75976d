import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics.service';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Metrics for every module to count into; GET /metrics and request timing where the process serves HTTP. */
@Global()
@Module({})
export class MetricsModule implements NestModule {
  static forRoot(config: AppConfig, http: boolean): DynamicModule {
    const serve = http && config.env.metricsEnabled;
    return {
      module: MetricsModule,
      providers: [Metrics],
      exports: [Metrics],
      controllers: serve ? [MetricsController] : [],
    };
  }

  constructor(metrics: Metrics, @InjectDataSource() dataSource: DataSource) {
    metrics.gauge('rrs_db_pool_connections', "this process's PostgreSQL pool: open, idle, and callers waiting for a connection", ['state'], async (set) => {
      const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
      if (!pool) return;
      set(pool.totalCount, { state: 'total' });
      set(pool.idleCount, { state: 'idle' });
      set(pool.waitingCount, { state: 'waiting' });
    });
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
