import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
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
  /** Waits until every review of the shop is analysed. */
  analysed(shop: TestShop, timeoutMs?: number): Promise<void>;
  /** Posts a batch none of whose items may be rejected, waits for its analysis, answers the ids in order. */
  postAnalysed(shop: TestShop, items: Record<string, unknown>[]): Promise<string[]>;
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
  const analysed = async (shop: TestShop, timeoutMs = 30_000): Promise<void> => {
    await eventually(
      async () => {
        const [row] = await app.get(DataSource).query(`SELECT count(*)::int AS n FROM reviews WHERE shop_id = $1 AND analysis_status <> 'done'`, [shop.shopId]);
        return row.n === 0 ? true : undefined;
      },
      timeoutMs,
      'analysis',
    );
  };
  return {
    app,
    config,
    http,
    async createShop(name = 'Test shop', timezone = 'Asia/Shanghai', locale: 'zh' | 'en' = 'zh') {
      const { shop, key } = await app.get(ShopsService).createShop(name, timezone, locale);
      return { shopId: shop.id, key, auth: { Authorization: `Bearer ${key}` } };
    },
    analysed,
    async postAnalysed(shop, items) {
      const response = await http.post('/v1/reviews/batch').set(shop.auth).send({ items }).expect(200);
      const results = response.body.results as { result: string; id: string }[];
      expect(results.filter((r) => r.result === 'rejected')).toEqual([]);
      await analysed(shop);
      return results.map((r) => r.id);
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
