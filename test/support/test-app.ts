import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { AppModule } from '../../src/app.module';
import { AppConfig } from '../../src/config/app-config';
import { AppEnv, loadEnv } from '../../src/config/env';
import { configureHttp } from '../../src/http';
import { ShopsService } from '../../src/shops/shops.service';

export interface TestShop {
  shopId: string;
  key: string;
  auth: { Authorization: string };
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  http: TestAgent;
  createShop(name?: string, timezone?: string, locale?: 'zh' | 'en'): Promise<TestShop>;
  close(): Promise<void>;
}

/**
 * The real application module over HTTP. Against DATABASE_URL / REDIS_URL when they are set (CI),
 * otherwise on an in-memory embedded PostgreSQL with in-process jobs. Each app gets its own queue
 * prefix so test files never consume each other's jobs.
 */
export async function createTestApp(overrides: Partial<AppEnv> = {}): Promise<TestApp> {
  const env = loadEnv({ ...process.env, NODE_ENV: 'test' });
  const config = new AppConfig({
    ...env,
    // 4xx responses are what these tests provoke: keep the output for real problems unless asked
    logLevel: process.env.LOG_LEVEL ? env.logLevel : 'error',
    embeddedDataDir: 'memory',
    queuePrefix: `rrs-test-${randomUUID().slice(0, 8)}`,
    rateLimitPerMinute: 0,
    analysisSweepIntervalMs: 0,
    reportScheduleIntervalMs: 0,
    workerConcurrency: 2,
    // the tests' webhook receivers listen on 127.0.0.1
    webhookAllowInternal: true,
    ...overrides,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot(config, { http: true, logTo: 'stderr' })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureHttp(app, config);
  await app.init();
  const http = request(app.getHttpServer());
  return {
    app,
    config,
    http,
    async createShop(name = 'Test shop', timezone = 'Asia/Shanghai', locale: 'zh' | 'en' = 'zh') {
      const { shop, key } = await app.get(ShopsService).createShop(name, timezone, locale);
      return { shopId: shop.id, key, auth: { Authorization: `Bearer ${key}` } };
    },
    async close() {
      await app.close();
    },
  };
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
