import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { AppConfig } from '../src/config/app-config';
import { configureHttp } from '../src/http';
import { buildReportData } from '../src/reports/report-engine';
import { shiftBack, weekPeriod } from '../src/reports/report-period';
import { ShopsService } from '../src/shops/shops.service';
import { seedRecoverySql, seedSql } from './report-seed';
import { cpuModel, intSetting, recreateDatabase, writeResultsSection } from './bench-support';

/**
 * npm run bench:report
 *
 * One shop with 1,000,000 reviews, 50,000 in the reported week (20 weeks of 50,000, so the report's 8-week
 * trend reads 8 full weeks), seeded with SQL. Then, in interleaved rounds after a warm-up: the full weekly
 * report over HTTP (generated, stored, returned), the report's data alone, rendering a stored snapshot as
 * html, and two plain GROUP BYs over the same week. Settings: BENCH_ROUNDS (9), BENCH_SEED,
 * BENCH_WRITE_RESULTS=0 (print only), DATABASE_URL (dropped and recreated; default rrs_report_bench).
 */

const ROOT = resolve(__dirname, '..', '..');
const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');
const BEGIN_MARK = '<!-- bench:report:begin -->';
const END_MARK = '<!-- bench:report:end -->';
const WEEK = { year: 2026, week: 47 };
const TIME_ZONE = 'Asia/Shanghai';
const WEEKS = 20;
const PER_WEEK = 50_000;
const GOAL_MS = 2_000;
const GOAL_RATIO = 3;

const SETTINGS = {
  rounds: intSetting('BENCH_ROUNDS', 9, 1),
  seed: intSetting('BENCH_SEED', 20_261_116, 0),
  writeResults: process.env.BENCH_WRITE_RESULTS !== '0',
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rrs_report_bench',
};

const log = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (value: number, digits = 0) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** busy and total jiffies of the whole machine, from /proc/stat */
function cpuSample(): { busy: number; total: number } | null {
  if (!existsSync('/proc/stat')) return null;
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = fields[3] + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

interface Timing {
  label: string;
  ms: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function timed(timing: Timing, run: () => Promise<unknown>): Promise<void> {
  const started = process.hrtime.bigint();
  await run();
  timing.ms.push(Number(process.hrtime.bigint() - started) / 1e6);
}

async function main(): Promise<void> {
  const { databaseUrl } = SETTINGS;
  log(`database      ${databaseUrl.replace(/\/\/[^@]*@/, '//')} (dropped and recreated)`);
  await recreateDatabase(databaseUrl);
  execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'migration:run'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

  const config = AppConfig.fromProcess({
    databaseUrl,
    redisUrl: null,
    runWorkers: false,
    runMigrations: false,
    reportScheduleIntervalMs: 0,
    analysisSweepIntervalMs: 0,
    rateLimitPerMinute: 0,
    createDemoShop: false,
    logLevel: 'warn',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { http: true, logTo: 'stderr' }), {
    bodyParser: false,
    logger: ['error'],
  });
  configureHttp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${address.port}`;
  const dataSource = app.get(DataSource);
  try {
    const { shop, key } = await app.get(ShopsService).createShop('Bench shop', TIME_ZONE);
    const auth = { Authorization: `Bearer ${key}` };
    const period = weekPeriod(WEEK, TIME_ZONE);
    const firstWeek = shiftBack(period, WEEKS - 1);

    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const seedStarted = Date.now();
    const shape = { shopId: shop.id, firstWeekStart: firstWeek.start, weeks: WEEKS, perWeek: PER_WEEK, seed: SETTINGS.seed };
    for (const sql of [...seedSql(shape), ...seedRecoverySql(shape)]) await client.query(sql);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    // what autovacuum does after a bulk load: statistics, and the visibility map for index-only scans
    for (const table of ['reviews', 'review_revisions', 'recovery_cases', 'recovery_contacts']) await client.query(`VACUUM (ANALYZE) ${table}`);
    const counts = (
      await client.query<{ total: number; week: number; revised: number; cases: number; weekCases: number; contacts: number }>(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE reviewed_at >= $2 AND reviewed_at < $3)::int AS week,
           (SELECT count(*)::int FROM review_revisions WHERE shop_id = $1) AS revised,
           (SELECT count(*)::int FROM recovery_cases WHERE shop_id = $1) AS cases,
           (SELECT count(*)::int FROM recovery_cases WHERE shop_id = $1 AND opened_at >= $2 AND opened_at < $3) AS "weekCases",
           (SELECT count(*)::int FROM recovery_contacts WHERE shop_id = $1) AS contacts
         FROM reviews WHERE shop_id = $1`,
        [shop.id, period.start, period.end],
      )
    ).rows[0];
    const pg = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    log(
      `seeded        ${fmt(counts.total)} reviews, ${fmt(counts.week)} in ${period.week}, ${fmt(counts.revised)} revised, ${fmt(counts.cases)} recovery cases (${fmt(counts.weekCases)} opened in the week), ${fmt(counts.contacts)} contacts, in ${fmt(seedSeconds, 1)} s`,
    );

    const plainWide = `SELECT r.grade, t.tag, r.sku, r.carrier, r.service_agent, count(*)
      FROM reviews r LEFT JOIN LATERAL unnest(r.tags) AS t(tag) ON true
      WHERE r.shop_id = $1 AND r.reviewed_at >= $2 AND r.reviewed_at < $3
      GROUP BY 1, 2, 3, 4, 5`;
    const plainGrade = `SELECT grade, count(*) FROM reviews WHERE shop_id = $1 AND reviewed_at >= $2 AND reviewed_at < $3 GROUP BY grade`;
    // the report turns JIT off for its transaction (compiling costs more than these queries run); so do the baselines
    const plain = (sql: string) => async () => {
      await client.query('BEGIN');
      await client.query('SET LOCAL jit = off');
      await client.query(sql, [shop.id, period.start, period.end]);
      await client.query('COMMIT');
    };
    let lastId = '';
    let jsonBytes = 0;
    let htmlBytes = 0;
    const fetchOk = async (path: string) => {
      const response = await fetch(`${base}${path}`, { headers: auth });
      const body = await response.text();
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${body.slice(0, 300)}`);
      return { response, body };
    };
    const report = async () => {
      const { body } = await fetchOk(`/v1/reports/weekly?week=${period.week}&regenerate=true`);
      jsonBytes = Buffer.byteLength(body);
      lastId = (JSON.parse(body) as { id: string }).id;
    };
    const dataOnly = () =>
      dataSource.transaction((manager) => buildReportData(manager, { id: shop.id, name: shop.name, locale: 'zh', reportSettings: {} }, period, new Date()));
    const html = async () => {
      htmlBytes = Buffer.byteLength((await fetchOk(`/v1/reports/${lastId}?format=html`)).body);
    };

    const timings: Record<'report' | 'data' | 'html' | 'wide' | 'grade', Timing> = {
      report: { label: 'weekly report over HTTP: generate, store, return JSON', ms: [] },
      data: { label: 'the report data alone (one SQL statement + section maths)', ms: [] },
      html: { label: 'a stored snapshot rendered as html over HTTP', ms: [] },
      wide: { label: 'plain GROUP BY of the week: grade x tag x SKU x carrier x agent', ms: [] },
      grade: { label: 'plain GROUP BY of the week: grade', ms: [] },
    };
    log('warm-up       one round');
    await report();
    await dataOnly();
    await html();
    await plain(plainWide)();
    await plain(plainGrade)();
    const load = loadavg()[0];
    const cpuBefore = cpuSample();
    const started = Date.now();
    for (let round = 0; round < SETTINGS.rounds; round++) {
      await timed(timings.report, report);
      await timed(timings.wide, plain(plainWide));
      await timed(timings.data, dataOnly);
      await timed(timings.grade, plain(plainGrade));
      await timed(timings.html, html);
      log(`round ${round + 1}       report ${fmt(timings.report.ms[round])} ms, plain GROUP BY ${fmt(timings.wide.ms[round])} ms`);
    }
    const cpuAfter = cpuSample();
    const busy = cpuBefore && cpuAfter ? (100 * (cpuAfter.busy - cpuBefore.busy)) / (cpuAfter.total - cpuBefore.total) : null;
    const seconds = (Date.now() - started) / 1000;
    await client.end();

    const reportMs = median(timings.report.ms);
    const ratio = reportMs / median(timings.wide.ms);
    const rows: [string, string][] = [
      ['reviews of the shop', `${fmt(counts.total)} (${WEEKS} weeks of ${fmt(PER_WEEK)}), ${fmt(counts.revised)} revised once`],
      [
        'recovery behind them',
        `${fmt(counts.cases)} cases (one per medium/bad review; ${fmt(counts.weekCases)} opened in the week), ${fmt(counts.contacts)} contacts`,
      ],
      ['reviews in the week', `${fmt(counts.week)} (${period.week}, ${TIME_ZONE})`],
      ['seeding (SQL, generate_series)', `${fmt(seedSeconds, 1)} s, then VACUUM (ANALYZE)`],
      ...Object.values(timings).map((t): [string, string] => [
        t.label,
        `${fmt(median(t.ms))} ms (min ${fmt(Math.min(...t.ms))}, max ${fmt(Math.max(...t.ms))})`,
      ]),
      ['report JSON / html size', `${fmt(jsonBytes / 1024)} KiB / ${fmt(htmlBytes / 1024)} KiB`],
      [
        `**report / plain GROUP BY (same week, same run)**`,
        `**${fmt(ratio, 2)}x** (against the grade-only GROUP BY: ${fmt(reportMs / median(timings.grade.ms), 1)}x)`,
      ],
      [`goal: report under ${fmt(GOAL_MS)} ms`, reportMs < GOAL_MS ? 'met' : 'NOT met'],
      [`goal: within ${GOAL_RATIO}x of the plain GROUP BY`, ratio <= GOAL_RATIO ? 'met' : 'NOT met'],
      [
        'machine during the timed rounds',
        `${busy === null ? 'unknown' : `${fmt(busy)} % busy`} over ${fmt(seconds, 1)} s; load average ${fmt(load, 2)} before`,
      ],
    ];
    log('');
    for (const [key, value] of rows) log(`${key.replace(/\*/g, '').padEnd(64)} ${value.replace(/\*/g, '')}`);
    if (SETTINGS.writeResults) {
      writeResults(
        {
          cores: String(availableParallelism()),
          cpu: cpuModel(),
          memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
          node: process.version,
          postgres: pg,
        },
        rows,
      );
      log(`\nwritten to ${RESULTS_FILE}`);
    }
  } finally {
    await app.close();
  }
}

function writeResults(host: Record<string, string>, rows: [string, string][]): void {
  const settings = [SETTINGS.rounds !== 9 ? `BENCH_ROUNDS=${SETTINGS.rounds}` : ''].filter(Boolean);
  const section = [
    BEGIN_MARK,
    '### Latest run',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${host.cores} cores (nproc), ${host.cpu}, ${host.memory} memory, node ${host.node}, PostgreSQL ${host.postgres}`,
    `- command: \`${[...settings, 'npm run bench:report'].join(' ')}\`; medians of ${SETTINGS.rounds} interleaved rounds after a warm-up`,
    '',
    '| measure | result |',
    '| --- | --- |',
    ...rows.map(([key, value]) => `| ${key} | ${value} |`),
    END_MARK,
  ].join('\n');
  writeResultsSection(RESULTS_FILE, BEGIN_MARK, END_MARK, section);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
