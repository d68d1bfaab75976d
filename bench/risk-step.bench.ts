import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AppModule } from '../src/app.module';
import { AppConfig } from '../src/config/app-config';
import { loadEnv } from '../src/config/env';
import type { AnalyzedBatch } from '../src/reviews/analysis-step';
import { ReviewAnalysisService } from '../src/analysis/review-analysis.service';
import { ReviewsService } from '../src/reviews/reviews.service';
import { ReviewerRiskService } from '../src/reviewers/reviewer-risk.service';
import { CONTEXT_CHANGE_SHARE, CONTEXT_MIN_CHANGE, CONTEXT_TTL_MS } from '../src/reviewers/shop-context.cache';
import { ShopsService } from '../src/shops/shops.service';
import { AutoDrafts, DRAFT_BATCH_MAX } from '../src/replies/auto-drafts.service';
import { ReviewGenerator } from './review-generator';
import { adminUrl, intSetting, recreateDatabase, writeResultsSection } from './bench-support';

/**
 * npm run bench:risk-step
 *
 * What the 'reviewer-risk' analysis step costs on the ingest path. Recreates the database of DATABASE_URL, applies
 * the migrations, stores generated reviews in one shop (not timed), then runs the analysis job's work
 * (ReviewAnalysisService.analyze) over them in batches of 500 as the workers would, timing each batch and, inside
 * it, the reviewer-risk step alone (with the SQL statements it sends). Then drafts the same batches as the drafting
 * job would (AutoDrafts.draftDue), and scores every reviewer of the shop again as after a settings change. The analysis without the step is the baseline of the same run.
 */

// compiled to dist-bench/bench/: the repository root is two levels up
const ROOT = resolve(__dirname, '..', '..');
const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');
const BEGIN_MARK = '<!-- bench:risk-step:begin -->';
const END_MARK = '<!-- bench:risk-step:end -->';
const BATCH = 500;

const SETTINGS = {
  reviews: intSetting('BENCH_REVIEWS', 100_000, 1_000),
  seed: intSetting('BENCH_SEED', 20_261_111, 0),
  writeResults: process.env.BENCH_WRITE_RESULTS !== '0',
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rrs_bench',
};

const format = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Recreates the bench database (bench-support) and answers the server's version. */
async function recreateDatabaseAndVersion(url: string): Promise<string> {
  await recreateDatabase(url);
  const client = new Client({ connectionString: adminUrl(url).admin });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

interface BatchMeasure {
  analysisMs: number;
  stepMs: number;
  /** of stepMs, waiting for PostgreSQL */
  sqlMs: number;
  statements: number;
  reviewers: number;
}

async function main(): Promise<void> {
  const loadBefore = loadavg()[0];
  const pgVersion = await recreateDatabaseAndVersion(SETTINGS.databaseUrl);
  execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'migration:run'], {
    env: { ...process.env, DATABASE_URL: SETTINGS.databaseUrl, REDIS_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const env = loadEnv({ ...process.env, DATABASE_URL: SETTINGS.databaseUrl, REDIS_URL: '', LOG_LEVEL: 'warn' });
  // no workers: this process drives the analysis itself, batch by batch
  const config = new AppConfig({ ...env, runWorkers: false, runMigrations: false, analysisSweepIntervalMs: 0, createDemoShop: false, databasePoolSize: 2 });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { http: false, logTo: 'stderr' }), { logger: ['error', 'warn'] });
  try {
    const { shop } = await app.get(ShopsService).createShop('risk step bench');
    const authShop = { shopId: shop.id, apiKeyId: 'bench', timezone: shop.timezone };
    const generator = new ReviewGenerator(SETTINGS.seed);
    const reviews = app.get(ReviewsService);
    const ids: string[] = [];
    const storeStarted = performance.now();
    for (let stored = 0; stored < SETTINGS.reviews; stored += 1_000) {
      const items = Array.from({ length: Math.min(1_000, SETTINGS.reviews - stored) }, () => generator.next());
      for (const result of await reviews.ingestBatch(authShop, items)) if (result.id) ids.push(result.id);
    }
    const storeSeconds = (performance.now() - storeStarted) / 1000;

    // time the step inside the analysis transaction, and count the statements it sends
    const risk = app.get(ReviewerRiskService);
    const step = risk.afterAnalysis.bind(risk);
    let current: { stepMs: number; statements: number; sqlMs: number } = { stepMs: 0, statements: 0, sqlMs: 0 };
    const bySql = new Map<string, { n: number; ms: number }>();
    risk.afterAnalysis = async (manager: EntityManager, batch: AnalyzedBatch) => {
      const query = manager.query.bind(manager);
      const counted = current;
      manager.query = (async (sql: string, parameters?: unknown[]) => {
        counted.statements++;
        const started = performance.now();
        try {
          return await query(sql, parameters);
        } finally {
          const ms = performance.now() - started;
          counted.sqlMs += ms;
          const label = sql.replace(/\s+/g, ' ').slice(0, 70);
          const entry = bySql.get(label) ?? { n: 0, ms: 0 };
          entry.n++;
          entry.ms += ms;
          bySql.set(label, entry);
        }
      }) as EntityManager['query'];
      const started = performance.now();
      try {
        await step(manager, batch);
      } finally {
        counted.stepMs = performance.now() - started;
        manager.query = query;
      }
    };

    const analysis = app.get(ReviewAnalysisService);
    const measures: BatchMeasure[] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      current = { stepMs: 0, statements: 0, sqlMs: 0 };
      const started = performance.now();
      const summary = await analysis.analyze(shop.id, ids.slice(i, i + BATCH));
      measures.push({
        analysisMs: performance.now() - started,
        stepMs: current.stepMs,
        sqlMs: current.sqlMs,
        statements: current.statements,
        reviewers: summary.analyzed,
      });
    }
    risk.afterAnalysis = step;

    // the drafting job's work (AutoDrafts.draftDue: the reviews due a draft, composed and stored): the first half of
    // the reviews in batches of one job (500), the second half as a job holding the shop drafts a backlog (DRAFT_BATCH_MAX)
    const autoDrafts = app.get(AutoDrafts);
    const draftMeasures: { ms: number; drafts: number }[] = [];
    const half = Math.floor(ids.length / 2 / BATCH) * BATCH;
    for (let i = 0; i < half; i += BATCH) {
      const started = performance.now();
      const drafts = await autoDrafts.draftDue(shop.id, ids.slice(i, i + BATCH));
      draftMeasures.push({ ms: performance.now() - started, drafts });
    }
    const backlogMeasures: { ms: number; drafts: number }[] = [];
    for (let i = half; i < ids.length; i += DRAFT_BATCH_MAX) {
      const started = performance.now();
      const drafts = await autoDrafts.draftDue(shop.id, ids.slice(i, i + DRAFT_BATCH_MAX));
      backlogMeasures.push({ ms: performance.now() - started, drafts });
    }
    if (process.env.BENCH_SQL_DETAIL === '1') {
      for (const [label, { n, ms }] of [...bySql].sort((a, b) => b[1].ms - a[1].ms))
        process.stderr.write(`${format(ms, 0).padStart(7)} ms ${String(n).padStart(4)}x  ${label}\n`);
    }

    const [counts] = await app
      .get(DataSource)
      .query(`SELECT count(*)::int AS profiles, count(*) FILTER (WHERE status = 'flagged')::int AS flagged FROM reviewer_profiles WHERE shop_id = $1`, [
        shop.id,
      ]);
    const { profiles, flagged } = counts as { profiles: number; flagged: number };
    const rescoreStarted = performance.now();
    const rescored = await risk.rescoreShop(shop.id);
    const rescoreSeconds = (performance.now() - rescoreStarted) / 1000;

    const first = measures[0];
    const rest = measures.slice(1);
    const steps = rest.map((m) => m.stepMs);
    const baseline = rest.map((m) => m.analysisMs - m.stepMs);
    const totals = rest.map((m) => m.analysisMs);
    const statements = rest.map((m) => m.statements);
    const sql = rest.map((m) => m.sqlMs);
    const js = rest.map((m) => m.stepMs - m.sqlMs);
    const draftTimes = draftMeasures.slice(1).map((m) => m.ms);
    const draftsWritten = draftMeasures.reduce((sum, m) => sum + m.drafts, 0);
    const draftRate = (list: { ms: number; drafts: number }[]) => (list.reduce((sum, m) => sum + m.drafts, 0) * 1000) / list.reduce((sum, m) => sum + m.ms, 0);
    const cpu = cpus()[0]?.model ?? 'unknown CPU';
    const lines = [
      BEGIN_MARK,
      '## `npm run bench:risk-step`',
      '',
      'What the `reviewer-risk` analysis step adds to the ingest path. Builds the service and the bench, recreates the',
      'database of `DATABASE_URL` (default `postgres://postgres@127.0.0.1:5432/rrs_bench`), applies the migrations, stores',
      '`bench/review-generator.ts` reviews in one shop through the ingest service (not timed; about 30,000 buyers, 20',
      'products, the last 90 days), then runs the analysis job (`ReviewAnalysisService.analyze`) over them in batches of',
      '500 in one process, timing each batch and, inside its transaction, the reviewer-risk step alone with the SQL',
      'statements it sends. The analysis without the step (language detection, marking the reviews analysed) is the',
      "baseline. Then the drafting job's work (`AutoDrafts.draftDue`: the medium and bad reviews composed and stored)",
      'over the same batches, and last every reviewer of the shop is scored again, as after a settings change. Settings:',
      '`BENCH_REVIEWS`, `BENCH_SEED`, `BENCH_WRITE_RESULTS=0` (print only).',
      '',
      '### Latest run',
      '',
      `- date: ${new Date().toISOString()}`,
      `- machine: ${cpus().length} cores, ${cpu}, ${format(totalmem() / 2 ** 30, 1)} GiB memory, node ${process.version}, PostgreSQL ${pgVersion}`,
      `- load average (1 min) at the start and the end: ${format(loadBefore, 1)} / ${format(loadavg()[0], 1)} on ${cpus().length} cores (other processes share this machine: compare the rows with each other, not across runs)`,
      `- shop: ${format(ids.length)} reviews stored in ${format(storeSeconds, 1)} s, ${format(profiles)} reviewer profiles after the analysis, ${format(flagged)} flagged`,
      '',
      '| per batch of 500 reviews | mean | p50 | p95 | max |',
      '| --- | --- | --- | --- | --- |',
      `| analysis without the step (baseline) | ${format(mean(baseline), 1)} ms | ${format(percentile(baseline, 50), 1)} ms | ${format(percentile(baseline, 95), 1)} ms | ${format(Math.max(...baseline), 1)} ms |`,
      `| **reviewer-risk step** | ${format(mean(steps), 1)} ms | ${format(percentile(steps, 50), 1)} ms | ${format(percentile(steps, 95), 1)} ms | ${format(Math.max(...steps), 1)} ms |`,
      `| analysis with the step | ${format(mean(totals), 1)} ms | ${format(percentile(totals, 50), 1)} ms | ${format(percentile(totals, 95), 1)} ms | ${format(Math.max(...totals), 1)} ms |`,
      `| of which SQL (PostgreSQL round trips) | ${format(mean(sql), 1)} ms | ${format(percentile(sql, 50), 1)} ms | ${format(percentile(sql, 95), 1)} ms | ${format(Math.max(...sql), 1)} ms |`,
      `| of which JS (scoring, template index) | ${format(mean(js), 1)} ms | ${format(percentile(js, 50), 1)} ms | ${format(percentile(js, 95), 1)} ms | ${format(Math.max(...js), 1)} ms |`,
      `| drafting job (AutoDrafts.draftDue) | ${format(mean(draftTimes), 1)} ms | ${format(percentile(draftTimes, 50), 1)} ms | ${format(percentile(draftTimes, 95), 1)} ms | ${format(Math.max(...draftTimes), 1)} ms |`,
      `| SQL statements of the step | ${format(mean(statements), 1)} | ${format(percentile(statements, 50))} | ${format(percentile(statements, 95))} | ${format(Math.max(...statements))} |`,
      '',
      `- the step is ${format(mean(steps) / mean(baseline), 1)}x the baseline; ${format(mean(totals) / mean(baseline), 1)}x for the whole analysis batch, ${format((BATCH * 1000) / mean(totals))} reviews/s analysed in one process`,
      `- drafting: ${format(draftsWritten)} drafts for the first ${format(half)} reviews (the medium and bad ones), ${format(draftsWritten / draftMeasures.length, 0)} per batch of 500: ${format(draftRate(draftMeasures))} drafts/s in one process; the other ${format(ids.length - half)} in batches of ${format(DRAFT_BATCH_MAX)} reviews (DRAFT_BATCH_MAX, a backlog drafted by the job holding the shop): ${format(draftRate(backlogMeasures))} drafts/s (${format(draftRate(backlogMeasures) / draftRate(draftMeasures), 2)}x)`,
      `- first batch (builds the shop's statistics and template index, cold JIT): step ${format(first.stepMs, 0)} ms, ${first.statements} statements`,
      `- the shop's product statistics are rebuilt every ${format(Math.max(CONTEXT_MIN_CHANGE, CONTEXT_CHANGE_SHARE * ids.length))} analysed reviews here (${CONTEXT_CHANGE_SHARE * 100} % of the shop) or ${CONTEXT_TTL_MS / 60_000} minutes, the template index every ${CONTEXT_TTL_MS / 60_000} minutes: those batches are the p95/max`,
      `- scoring every reviewer again (settings change): ${format(rescored)} reviewers in ${format(rescoreSeconds, 1)} s, ${format(rescored / rescoreSeconds)} reviewers/s`,
      END_MARK,
    ];
    const section = lines.join('\n');
    process.stdout.write(`${section}\n`);
    if (SETTINGS.writeResults) {
      writeResultsSection(RESULTS_FILE, BEGIN_MARK, END_MARK, section);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
