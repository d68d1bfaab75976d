import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { AlertsModule } from './alerts/alerts.module';
import { AnalysisModule } from './analysis/analysis.module';
import { loggerParams } from './common/http/logging';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ConsoleController } from './console/console.controller';
import { DatabaseModule } from './database/database.module';
import { ENTITIES } from './entities';
import { EventsModule } from './events/events.module';
import { HealthController } from './health/health.controller';
import { JobsModule } from './jobs/jobs.module';
import { MetricsModule } from './metrics/metrics.module';
import { RecoveryModule } from './recovery/recovery.module';
import { ReviewersModule } from './reviewers/reviewers.module';
import { RepliesModule } from './replies/replies.module';
import { ReportsModule } from './reports/reports.module';
import { ReviewsModule } from './reviews/reviews.module';
import { ApiKeyThrottlerGuard } from './shops/api-key-throttler.guard';
import { ApiKeyGuard } from './shops/auth';
import { ShopsModule } from './shops/shops.module';

export interface AppRole {
  /** serve the REST API */
  http: boolean;
  /** where logs go: the CLI keeps stdout for its output */
  logTo: 'stdout' | 'stderr';
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, role: AppRole): DynamicModule {
    const http: DynamicModule['providers'] = role.http
      ? [
          // order matters: the key identifies the shop, then the shop's key is rate limited
          { provide: APP_GUARD, useClass: ApiKeyGuard },
          { provide: APP_GUARD, useClass: ApiKeyThrottlerGuard },
        ]
      : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerParams(config, role.logTo)),
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'per-key', ttl: 60_000, limit: config.env.rateLimitPerMinute }],
          skipIf: () => config.env.rateLimitPerMinute === 0,
        }),
        DatabaseModule.forRoot(ENTITIES),
        MetricsModule.forRoot(config, role.http),
        JobsModule.forRoot(config),
        ShopsModule,
        EventsModule,
        ReviewsModule,
        ReviewersModule,
        RecoveryModule,
        RepliesModule,
        AlertsModule,
        ReportsModule,
        AnalysisModule,
      ],
      controllers: role.http ? [HealthController, ConsoleController] : [],
      providers: http,
    };
  }
}
