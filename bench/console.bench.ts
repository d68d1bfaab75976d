import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../scripts/console-chromium';
import {
  cpuModel,
  findShopByName,
  freePort,
  intSetting,
  recreateDatabase,
  runCli,
  ServiceProcess,
  startService,
  stopService,
  writeResultsSection,
} from './bench-support';

/**
 * npm run bench:console
 *
 * Seeds a shop with 10,000 open recovery cases straight in PostgreSQL (set-based, like bench:queue), starts
 * `node dist/main.js` on a free port and opens /console in headless Chromium as a returning lead (the key
 * stored in the browser), measuring from navigation start to the frame that shows the queue's rows and
 * counts: first visit (empty browser cache) and reload, BENCH_RUNS times each, with the requests and bytes of
 * each load, next to the same browser loading GET /health from the same server. DATABASE_URL (required)
 * names the bench database: it is dropped and recreated.
 */

const ROOT = resolve(__dirname, '..', '..');
const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');
const BEGIN_MARK = '<!-- bench:console:begin -->';
const END_MARK = '<!-- bench:console:end -->';
const GOAL_MS = 1_000;
/** QueueCountsCache keeps the counts 5 s: a first visit waits it out, so it pays for counting like a cold server */
const COUNTS_CACHE_MS = 5_000;
/** what the queue view asks for (src/console/web/queue-view.ts) */
const CONSOLE_LIMIT = 50;
const CONSOLE_HIGH_RISK_LIMIT = 20;
const KEY_STORAGE = 'rrs.console.key';

const SETTINGS = {
  openCases: intSetting('BENCH_OPEN_CASES', 10_000, 100),
  reviews: intSetting('BENCH_REVIEWS', 50_000, 100),
  runs: intSetting('BENCH_RUNS', 10, 1),
  writeResults: process.env.BENCH_WRITE_RESULTS !== '0',
  /** 1: measure again on the database a previous run seeded (no drop, no seeding) */
  reuse: process.env.BENCH_REUSE === '1',
  databaseUrl: process.env.DATABASE_URL,
  redisUrl: process.env.REDIS_URL,
};

const log = (message: string) => process.stdout.write(`${message}\n`);

// ---------------------------------------------------------------- database

function cliJson<T>(args: string[], env: NodeJS.ProcessEnv): T {
  return JSON.parse(runCli(args, env).trim().split('\n').pop() ?? '{}') as T;
}

/** the service of this run, whose last lines a failure prints */
let running: ServiceProcess | null = null;

const SHOP_NAME = 'Console bench shop';
const LEAD_NAME = 'Bench lead';
const AGENTS = 10;
const HIGH_RISK_BUYERS = 300;

/**
 * `reviews` reviews of the last year; the first `openCases` are medium/bad reviews of the last 29 days with
 * an open case each (60 % new, 25 % contacting, 15 % waiting for a promised revision) and root-cause tags,
 * over 500 products, 10 agents and the lead (a third of the cases unassigned), 300 of their buyers high-risk.
 * The queue columns are filled as the service fills them (as in bench:queue).
 */
async function seed(client: Client, shopId: string): Promise<void> {
  await client.query('SET synchronous_commit = off');
  await client.query(
    `INSERT INTO reviews (shop_id, platform, external_id, product_id, product_name, order_id, buyer_id, rating, grade, content, tags,
       order_amount, currency, reviewed_at, content_hash, analysis_status, analyzed_revision, analyzed_at, language)
     SELECT $1, 'taobao', 'console-bench-' || i, 'p-' || product, '测试商品 ' || product || ' 号', 'o-' || i, 'b-' || i, rating,
       CASE WHEN rating >= 4 THEN 'good' WHEN rating = 3 THEN 'medium' ELSE 'bad' END,
       CASE WHEN rating >= 4 THEN '收到了，和图片一样，包装完好'
            WHEN i % 4 = 0 THEN '第' || i || '单：快递走了八天才到，外箱也压坏了'
            WHEN i % 4 = 1 THEN '第' || i || '单：用了三天按键就失灵了，做工粗糙'
            WHEN i % 4 = 2 THEN '第' || i || '单：问了客服两次都没人理，退货也不给处理'
            ELSE '第' || i || '单：颜色和详情页差很多，尺寸也不对' END,
       CASE WHEN rating >= 4 THEN '{}'::text[]
            WHEN i % 4 = 0 THEN ARRAY['logistics'] WHEN i % 4 = 1 THEN ARRAY['quality']
            WHEN i % 4 = 2 THEN ARRAY['service'] ELSE ARRAY['quality', 'description'] END,
       round((9 + random() * 600)::numeric, 2), 'CNY', reviewed_at, md5(i::text) || md5((i * 7)::text), 'done', 1, now(), 'zh-Hans'
     FROM (
       SELECT i,
         floor(500 * power(random(), 3))::int AS product,
         CASE WHEN i <= $2 THEN 1 + (i % 3) ELSE 4 + (i % 2) END AS rating,
         CASE WHEN i <= $2 THEN now() - random() * interval '29 days' ELSE now() - interval '31 days' - random() * interval '334 days' END AS reviewed_at
       FROM generate_series(1, $3) AS i
     ) g`,
    [shopId, SETTINGS.openCases, Math.max(SETTINGS.reviews, SETTINGS.openCases)],
  );
  await client.query(`INSERT INTO staff_members (shop_id, name, role) SELECT $1, '客服 ' || i, 'agent' FROM generate_series(1, ${AGENTS}) i`, [shopId]);
  await client.query(
    `WITH staff AS (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM staff_members WHERE shop_id = $1),
     popularity AS (SELECT product_id, count(*)::int AS n FROM reviews WHERE shop_id = $1 AND reviewed_at > now() - interval '30 days' GROUP BY product_id),
     src AS (
       SELECT r.*, row_number() OVER (ORDER BY r.id) AS n, r.reviewed_at + random() * interval '6 hours' AS opened
       FROM reviews r WHERE r.shop_id = $1 AND r.grade <> 'good' AND r.reviewed_at > now() - interval '29 days'
     )
     INSERT INTO recovery_cases (shop_id, review_id, status, grade, grade_rank, platform, buyer_id, product_id, order_amount, product_recent_reviews,
       reviewed_at, revision_deadline_at, deadline_day, first_contact_due_at, first_contacted_at, last_contact_at, contact_count,
       follow_up_due_at, promised_revision_at, assignee_id, assigned_at, opened_at)
     SELECT $1, s.id, st.status, s.grade, CASE s.grade WHEN 'bad' THEN 0 ELSE 1 END, s.platform, s.buyer_id, s.product_id, s.order_amount,
       COALESCE(p.n, 0), s.reviewed_at, s.reviewed_at + interval '30 days', ((s.reviewed_at + interval '30 days') AT TIME ZONE 'Asia/Shanghai')::date,
       s.opened + interval '24 hours',
       CASE WHEN st.status <> 'new' THEN s.opened + interval '3 hours' END,
       CASE WHEN st.status <> 'new' THEN s.opened + interval '3 hours' END,
       CASE WHEN st.status <> 'new' THEN 1 ELSE 0 END,
       CASE WHEN st.status = 'awaiting_revision' THEN now() + random() * interval '4 days' END,
       CASE WHEN st.status = 'awaiting_revision' THEN now() + random() * interval '4 days' END,
       CASE WHEN s.n % 3 = 0 THEN NULL ELSE staff.ids[1 + (s.n % staff.n)] END,
       CASE WHEN s.n % 3 = 0 THEN NULL ELSE s.opened END,
       s.opened
     FROM src s
     CROSS JOIN staff
     CROSS JOIN LATERAL (SELECT CASE WHEN s.n % 20 < 12 THEN 'new' WHEN s.n % 20 < 17 THEN 'contacting' ELSE 'awaiting_revision' END AS status) st
     LEFT JOIN popularity p ON p.product_id = s.product_id
     WHERE s.n <= $2`,
    [shopId, SETTINGS.openCases],
  );
  await client.query(
    `UPDATE recovery_cases c SET queue_urgency = CASE
       WHEN c.follow_up_due_at IS NOT NULL AND c.follow_up_due_at < ((date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 day') AT TIME ZONE 'Asia/Shanghai') THEN 0
       WHEN c.status = 'awaiting_revision' THEN NULL
       WHEN c.first_contacted_at IS NULL AND c.first_contact_due_at <= now() THEN 1
       ELSE 2 END
     WHERE c.shop_id = $1`,
    [shopId],
  );
  await client.query(
    `INSERT INTO reviewer_profiles (shop_id, platform, buyer_id, review_count, negative_review_count, risk_score, risk_level, status)
     SELECT $1, 'taobao', buyer_id, 3, 3, 80 + random() * 20, 'high', CASE WHEN n % 4 = 0 THEN 'confirmed' ELSE 'flagged' END
     FROM (SELECT buyer_id, row_number() OVER () AS n FROM (SELECT DISTINCT buyer_id FROM recovery_cases WHERE shop_id = $1 ORDER BY buyer_id LIMIT ${HIGH_RISK_BUYERS}) b) x`,
    [shopId],
  );
  for (const table of ['reviews', 'recovery_cases', 'reviewer_profiles', 'staff_members', 'api_keys', 'shops']) await client.query(`VACUUM (ANALYZE) ${table}`);
}

// ---------------------------------------------------------------- browser

interface Entry {
  name: string;
  start: number;
  end: number;
  /** bytes over the network (headers + encoded body); 0 when served from the browser's cache */
  transfer: number;
  decoded: number;
}

interface Load {
  /** navigation start (or the sign-in submit) to the frame that shows the queue, ms */
  ms: number;
  entries: Entry[];
  /** every URL the page asked for, as the browser's network layer saw it */
  requested: string[];
}

/**
 * Runs in the page before its scripts: notes the first frame in which the queue shows all its rows and the
 * count of cases in the queue (what a user waits for), and when the sign-in form was submitted.
 */
function shownProbe(rows: number, inQueue: number): string {
  return `(() => {
    let done = false;
    document.addEventListener('submit', () => { window.__rrsSubmitAt = performance.now(); }, true);
    const observer = new MutationObserver(() => {
      if (done) return;
      const count = document.querySelector('.counts .count-inQueue b');
      if (!count || count.textContent.trim() !== ${JSON.stringify(String(inQueue))}) return;
      if (document.querySelectorAll('table.queue tbody tr[data-case]').length < ${rows}) return;
      done = true;
      observer.disconnect();
      requestAnimationFrame(() => { window.__rrsShown = performance.now(); });
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

const READ_TIMING = `(() => {
  const all = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
  return {
    shown: window.__rrsShown ?? null,
    submitAt: window.__rrsSubmitAt ?? null,
    loadEventEnd: performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0,
    entries: all.map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, transfer: e.transferSize, decoded: e.decodedBodySize })),
  };
})()`;

interface Timing {
  shown: number | null;
  submitAt: number | null;
  loadEventEnd: number;
  entries: Entry[];
}

class Probe {
  requested: string[] = [];
  problems: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    watchProblems: boolean,
  ) {
    page.on('request', (request) => this.requested.push(request.url()));
    // Chromium asks the baseline's JSON page for /favicon.ico (a 404): only the console's own problems count
    if (!watchProblems) return;
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) this.problems.push(`${response.status()} for ${new URL(response.url()).pathname}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error: ${message.text()}`);
    });
  }

  static async open(browser: Browser, baseUrl: string, options: { key?: string; rows: number; inQueue: number; watchProblems?: boolean }): Promise<Probe> {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 1000 },
      storageState: options.key ? { cookies: [], origins: [{ origin: baseUrl, localStorage: [{ name: KEY_STORAGE, value: options.key }] }] } : undefined,
    });
    await context.addInitScript({ content: shownProbe(options.rows, options.inQueue) });
    return new Probe(context, await context.newPage(), options.watchProblems ?? true);
  }

  /** Until the queue shows, then until the network is quiet so the load's requests are all counted. */
  async queueShown(from: 'navigation' | 'submit'): Promise<Load> {
    // a function, not a string: the console's Content-Security-Policy forbids evaluating strings in the page
    await this.page.waitForFunction(() => (globalThis as { __rrsShown?: number }).__rrsShown !== undefined, undefined, { timeout: 60_000 });
    await this.page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    const timing = (await this.page.evaluate(READ_TIMING)) as Timing;
    const start = from === 'submit' ? (timing.submitAt ?? 0) : 0;
    return this.take(
      (timing.shown ?? 0) - start,
      timing.entries.filter((e) => e.start >= start),
    );
  }

  async loaded(): Promise<Load> {
    let timing = (await this.page.evaluate(READ_TIMING)) as Timing;
    for (let i = 0; i < 50 && !timing.loadEventEnd; i++) {
      await sleep(20);
      timing = (await this.page.evaluate(READ_TIMING)) as Timing;
    }
    return this.take(timing.loadEventEnd, timing.entries);
  }

  private take(ms: number, entries: Entry[]): Load {
    const load = { ms, entries, requested: this.requested };
    this.requested = [];
    return load;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

// ---------------------------------------------------------------- figures

interface Sample {
  label: string;
  loads: Load[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function network(load: Load): { requests: number; overNetwork: number; fromCache: number; bytes: number } {
  const overNetwork = load.entries.filter((e) => e.transfer > 0);
  return {
    requests: load.entries.length,
    overNetwork: overNetwork.length,
    fromCache: load.entries.length - overNetwork.length,
    bytes: overNetwork.reduce((sum, e) => sum + e.transfer, 0),
  };
}

interface Row {
  label: string;
  median: number;
  max: number;
  requests: string;
  bytes: string;
}

function row(sample: Sample): Row {
  const times = sample.loads.map((l) => l.ms);
  const nets = sample.loads.map(network);
  const range = (values: number[], format: (v: number) => string) => {
    const low = format(Math.min(...values));
    const high = format(Math.max(...values));
    return low === high ? low : `${low}-${high}`;
  };
  return {
    label: sample.label,
    median: median(times),
    max: Math.max(...times),
    requests: `${range(
      nets.map((n) => n.requests),
      String,
    )} (${range(
      nets.map((n) => n.fromCache),
      String,
    )} from cache)`,
    bytes: range(
      nets.map((n) => n.bytes),
      kib,
    ),
  };
}

type Phase = 'document' | 'styles and scripts' | 'GET /v1/me' | 'GET /v1/queue' | 'GET /v1/staff' | 'queue shown';

/** Where a load's time goes, from its resource timing: when each step ended (ms after navigation start). */
function phases(load: Load): Partial<Record<Phase, { start: number; end: number; bytes: number }>> {
  const path = (e: Entry) => new URL(e.name).pathname;
  const of = (test: (p: string) => boolean) => {
    const found = load.entries.filter((e) => test(path(e)));
    if (!found.length) return undefined;
    return { start: Math.min(...found.map((e) => e.start)), end: Math.max(...found.map((e) => e.end)), bytes: found.reduce((s, e) => s + e.decoded, 0) };
  };
  return {
    document: of((p) => p === '/console'),
    'styles and scripts': of((p) => p.startsWith('/console/') && p !== '/console'),
    'GET /v1/me': of((p) => p === '/v1/me'),
    'GET /v1/queue': of((p) => p === '/v1/queue'),
    'GET /v1/staff': of((p) => p === '/v1/staff'),
    'queue shown': { start: load.ms, end: load.ms, bytes: 0 },
  };
}

function breakdown(loads: Load[]): { phase: Phase; start: number; end: number; bytes: number }[] {
  const all = loads.map(phases);
  const names: Phase[] = ['document', 'styles and scripts', 'GET /v1/me', 'GET /v1/queue', 'GET /v1/staff', 'queue shown'];
  return names
    .filter((name) => all.every((p) => p[name]))
    .map((name) => ({
      phase: name,
      start: median(all.map((p) => p[name]?.start ?? 0)),
      end: median(all.map((p) => p[name]?.end ?? 0)),
      bytes: median(all.map((p) => p[name]?.bytes ?? 0)),
    }));
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const databaseUrl = SETTINGS.databaseUrl;
  if (!databaseUrl)
    throw new Error('DATABASE_URL must name the bench database (it is dropped and recreated), e.g. postgres://postgres@127.0.0.1:5432/rrs_console_bench');
  const started = new Date();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  if (!SETTINGS.redisUrl) delete env.REDIS_URL;
  const database = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  let shopId: string | null = SETTINGS.reuse ? await findShopByName(databaseUrl, SHOP_NAME) : null;
  const fresh = shopId === null;
  let seedSeconds = 0;
  if (shopId) {
    log(`database      ${database} reused (seeded by an earlier run)`);
  } else {
    await recreateDatabase(databaseUrl);
    log(`database      ${database} recreated`);
    runCli(['migration:run'], env);
    shopId = cliJson<{ shopId: string }>(['shop:create', '--name', SHOP_NAME], env).shopId;
  }
  // the lead who signs in: a staff member with their own key, as `staff:create` makes them
  const lead = cliJson<{ staffId: string; apiKey: string }>(['staff:create', '--shop', shopId, '--name', LEAD_NAME, '--role', 'lead'], env);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  if (fresh) {
    const seedStarted = Date.now();
    await seed(client, shopId);
    seedSeconds = (Date.now() - seedStarted) / 1000;
  }
  const counts = (
    await client.query<{ reviews: string; open: string; risky: string; staff: string }>(
      `SELECT (SELECT count(*) FROM reviews WHERE shop_id = $1) AS reviews,
              (SELECT count(*) FROM recovery_cases WHERE shop_id = $1 AND status IN ('new', 'contacting', 'awaiting_revision', 'escalated')) AS open,
              (SELECT count(*) FROM reviewer_profiles WHERE shop_id = $1) AS risky,
              (SELECT count(*) FROM staff_members WHERE shop_id = $1) AS staff`,
      [shopId],
    )
  ).rows[0];
  const pg = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await client.end();
  const data = `${Number(counts.reviews).toLocaleString('en')} reviews, ${Number(counts.open).toLocaleString('en')} open cases, ${counts.risky} high-risk reviewers, ${counts.staff} staff`;
  log(`data          ${data}${seedSeconds ? `, seeded in ${seedSeconds.toFixed(1)} s` : ''}`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const origin = new URL(baseUrl).origin;
  const service = await startService(
    {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_PER_MINUTE: '0',
      RUN_WORKERS: 'false',
      RUN_MIGRATIONS: 'false',
      CREATE_DEMO_SHOP: 'false',
      QUEUE_PREFIX: `rrs-bench-${randomUUID().slice(0, 8)}`,
    },
    baseUrl,
  );
  running = service;
  let browser: Browser | null = null;
  const samples: Record<'cold' | 'warm' | 'signIn' | 'healthCold' | 'healthWarm', Sample> = {
    cold: { label: 'console, first visit (empty browser cache, key stored)', loads: [] },
    warm: { label: 'console, reload', loads: [] },
    signIn: { label: 'console, sign-in: submit the key → queue shown', loads: [] },
    healthCold: { label: 'GET /health as a page, first visit (baseline)', loads: [] },
    healthWarm: { label: 'GET /health as a page, reload (baseline)', loads: [] },
  };
  let firstAfterStart: Load | null = null;
  let expected = { rows: 0, inQueue: 0 };
  let browserVersion = '';
  let loadBefore = 0;
  let loadAfter = 0;
  const problems: string[] = [];
  const foreign = new Set<string>();
  let orderMatches = false;
  try {
    // what the queue view will ask for and show, read from the API with the same key
    const response = await fetch(`${baseUrl}/v1/queue?limit=${CONSOLE_LIMIT}&highRiskLimit=${CONSOLE_HIGH_RISK_LIMIT}`, {
      headers: { Authorization: `Bearer ${lead.apiKey}` },
    });
    if (!response.ok) throw new Error(`GET /v1/queue answered ${response.status}: ${await response.text()}`);
    const queue = (await response.json()) as { items: { caseId: string }[]; highRisk: { caseId: string }[]; counts: { inQueue: number } };
    expected = { rows: queue.items.length + queue.highRisk.length, inQueue: queue.counts.inQueue };
    log(`queue         ${queue.items.length} items + ${queue.highRisk.length} high-risk shown of ${queue.counts.inQueue.toLocaleString('en')} in the queue`);
    browser = await launchChromium();
    browserVersion = browser.version();
    let lastQueueAt = Date.now();

    const collect = (probe: Probe, load: Load) => {
      problems.push(...probe.problems.splice(0));
      for (const url of load.requested) if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) foreign.add(url);
      for (const entry of load.entries) if (new URL(entry.name).origin !== origin) foreign.add(entry.name);
      return load;
    };

    loadBefore = loadavg()[0];
    // round 0 warms the service up (its first queue read, Chromium's first launch) and is not in the medians
    for (let run = 0; run <= SETTINGS.runs; run++) {
      await sleep(Math.max(0, lastQueueAt + COUNTS_CACHE_MS + 200 - Date.now()));
      const returning = await Probe.open(browser, baseUrl, { key: lead.apiKey, ...expected });
      await returning.page.goto(`${baseUrl}/console`, { waitUntil: 'commit' });
      const cold = collect(returning, await returning.queueShown('navigation'));
      if (run === 0) {
        firstAfterStart = cold;
        const shown = await returning.page.locator('table.queue tbody tr[data-case]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case')));
        orderMatches = JSON.stringify(shown) === JSON.stringify([...queue.items, ...queue.highRisk].map((i) => i.caseId));
      } else samples.cold.loads.push(cold);
      await returning.page.reload({ waitUntil: 'commit' });
      const warm = collect(returning, await returning.queueShown('navigation'));
      if (run > 0) samples.warm.loads.push(warm);
      await returning.close();

      const newcomer = await Probe.open(browser, baseUrl, expected);
      await newcomer.page.goto(`${baseUrl}/console`, { waitUntil: 'commit' });
      await newcomer.page.locator('#signin-key').waitFor();
      newcomer.requested = [];
      await newcomer.page.fill('#signin-key', lead.apiKey);
      await newcomer.page.click('button[type="submit"]');
      const signIn = collect(newcomer, await newcomer.queueShown('submit'));
      if (run > 0) samples.signIn.loads.push(signIn);
      await newcomer.close();
      lastQueueAt = Date.now();

      const health = await Probe.open(browser, baseUrl, { ...expected, watchProblems: false });
      await health.page.goto(`${baseUrl}/health`, { waitUntil: 'load' });
      const healthCold = collect(health, await health.loaded());
      await health.page.reload({ waitUntil: 'load' });
      const healthWarm = collect(health, await health.loaded());
      if (run > 0) {
        samples.healthCold.loads.push(healthCold);
        samples.healthWarm.loads.push(healthWarm);
      }
      await health.close();
      if (run > 0)
        log(
          `run ${String(run).padStart(2)}        first visit ${ms(cold.ms)}, reload ${ms(warm.ms)}, sign-in ${ms(signIn.ms)}; /health ${ms(healthCold.ms)}, reload ${ms(healthWarm.ms)}`,
        );
    }
    loadAfter = loadavg()[0];
  } finally {
    await browser?.close();
    await stopService(service);
  }

  const rows = Object.values(samples).map(row);
  const cold = rows[0];
  const healthCold = rows[3];
  const healthWarm = rows[4];
  log('');
  log(`${'load'.padEnd(58)} ${'median'.padStart(9)} ${'max'.padStart(9)}  requests            bytes over the network`);
  for (const r of rows) log(`${r.label.padEnd(58)} ${ms(r.median).padStart(9)} ${ms(r.max).padStart(9)}  ${r.requests.padEnd(19)} ${r.bytes}`);
  if (firstAfterStart) log(`${'console, first visit right after the service started'.padEnd(58)} ${ms(firstAfterStart.ms).padStart(9)}   (not in the medians)`);
  const coldPhases = breakdown(samples.cold.loads);
  const warmPhases = breakdown(samples.warm.loads);
  log('');
  log('where a first visit spends its time (medians, ms after navigation start):');
  for (const p of coldPhases)
    log(`  ${p.phase.padEnd(20)} ${p.phase === 'queue shown' ? '' : `${ms(p.start)} → `}${ms(p.end)}${p.bytes ? `  (${kib(p.bytes)})` : ''}`);
  const ratio = cold.median / healthCold.median;
  log('');
  log(
    `ratio         console first visit / /health first visit: ${ratio.toFixed(1)}x (medians); reload / reload: ${(rows[1].median / healthWarm.median).toFixed(1)}x`,
  );
  log(`queue order   the rows show the API's order: ${orderMatches ? 'yes' : 'NO'}`);
  log(`other origins ${foreign.size ? [...foreign].join(', ') : 'none'}`);
  if (problems.length) log(`page problems ${problems.slice(0, 5).join(' | ')}`);
  const met = cold.max < GOAL_MS && foreign.size === 0 && problems.length === 0 && orderMatches;
  log(
    `goal          first load of the queue < ${ms(GOAL_MS)} with ${Number(counts.open).toLocaleString('en')} open cases (every first visit): ${met ? 'met' : 'NOT met'} (median ${ms(cold.median)}, max ${ms(cold.max)})`,
  );

  if (SETTINGS.writeResults) {
    const phaseTable = (title: string, list: ReturnType<typeof breakdown>) => [
      `| ${title} | from | to | body (decoded; 0 when a 304) |`,
      '| --- | ---: | ---: | ---: |',
      ...list.map((p) => `| ${p.phase} | ${p.phase === 'queue shown' ? '' : ms(p.start)} | ${ms(p.end)} | ${p.bytes ? kib(p.bytes) : ''} |`),
    ];
    const lines = [
      BEGIN_MARK,
      '## Latest run',
      '',
      `- date: ${started.toISOString()}`,
      `- machine: ${availableParallelism()} cores (nproc), ${cpuModel()}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory, node ${process.version}, PostgreSQL ${pg}, Chromium ${browserVersion} headless (${CHROMIUM_PATH})`,
      `- command: \`DATABASE_URL=postgres://…/${database} npm run bench:console\``,
      `- data: ${data}, one shop${seedSeconds ? `, seeded in ${seedSeconds.toFixed(1)} s` : ' (seeded by an earlier run, BENCH_REUSE=1)'}; the queue shows ${expected.rows} rows (${CONSOLE_LIMIT} + the high-risk list) of ${expected.inQueue.toLocaleString('en')} cases in it`,
      `- ${SETTINGS.runs} runs after one warm-up round; a first visit is a new browser context (empty cache) with the lead's key in localStorage, started once the service's ${COUNTS_CACHE_MS / 1000} s counts cache has expired (the reload and the sign-in follow within seconds and may get the cached counts); times are from navigation start (from the submit for the sign-in) to the frame that shows all the rows and the queue count`,
      `- machine load average (1 min) before / after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)} on ${availableParallelism()} cores`,
      '',
      '| load | median | max | requests | bytes over the network |',
      '| --- | ---: | ---: | --- | ---: |',
      ...rows.map((r) => `| ${r.label} | ${ms(r.median)} | ${ms(r.max)} | ${r.requests} | ${r.bytes} |`),
      ...(firstAfterStart ? [`| console, first visit right after the service started (warm-up, not in the medians) | ${ms(firstAfterStart.ms)} | | | |`] : []),
      '',
      ...phaseTable('first visit: step (medians, after navigation start)', coldPhases),
      '',
      ...phaseTable('reload: step', warmPhases),
      '',
      `Requests to another origin: ${foreign.size ? [...foreign].join(', ') : 'none'}. Page errors: ${problems.length}. Rows in the API's order: ${orderMatches ? 'yes' : 'no'}.`,
      '',
      `Goal: first load of the queue < ${ms(GOAL_MS)} with ${Number(counts.open).toLocaleString('en')} open cases, every first visit: **${met ? 'met' : 'NOT met'}** (median ${ms(cold.median)}, max ${ms(cold.max)}; ${ratio.toFixed(1)}x the /health page's ${ms(healthCold.median)} in the same run).`,
      END_MARK,
    ];
    const section = lines.join('\n');
    writeResultsSection(RESULTS_FILE, BEGIN_MARK, END_MARK, section);
  }
  process.exitCode = met ? 0 : 1;
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:console failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  if (running?.tail.length) process.stderr.write(`the service's last lines:\n${running.tail.join('\n')}\n`);
  process.exit(1);
});
