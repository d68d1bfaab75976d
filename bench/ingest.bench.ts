import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { summarizeCpuProfile } from './cpu-profile';
import { GeneratedReview, ReviewGenerator } from './review-generator';
import {
  adminUrl,
  cpuModel,
  freePort,
  intSetting,
  recreateDatabase,
  runCli,
  ServiceProcess,
  spawnService,
  stopService,
  waitHealthy,
  writeResultsSection,
} from './bench-support';

/**
 * npm run bench:ingest
 *
 * Generates reviews, sends them through POST /v1/reviews/batch of a freshly started service into
 * PostgreSQL and Redis, and waits until every analysis job has finished; compares the rate with plain
 * multi-row INSERTs of the same rows. Then, apart from that, waits until the drafting jobs have written a draft
 * for every review the shop's autoDraft asks for. Settings come from the environment (see SETTINGS below).
 */

// compiled to dist-bench/bench/: the repository root is two levels up
const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const OUT_DIR = join(ROOT, 'bench', 'out');
const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');
const BEGIN_MARK = '<!-- bench:ingest:begin -->';
const END_MARK = '<!-- bench:ingest:end -->';
const PLAIN_TABLE = 'bench_plain_reviews';
const DRAIN_TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 100;

function autoDraftSetting(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  if (!['off', 'negative', 'all'].includes(raw.trim())) throw new Error(`BENCH_AUTO_DRAFT must be off, negative or all, got "${raw}"`);
  return raw.trim();
}

const SETTINGS = {
  reviews: intSetting('BENCH_REVIEWS', 100_000, 1),
  batchSize: intSetting('BENCH_BATCH', 1_000, 1),
  concurrency: intSetting('BENCH_CONCURRENCY', 4, 1),
  /** 0: the API process runs the analysis workers (the default deployment); N: N separate worker.js processes */
  workers: intSetting('BENCH_WORKERS', 0, 0),
  seed: intSetting('BENCH_SEED', 20_261_111, 0),
  /** 1: CPU-profile the service's processes during the timed run, into bench/out/ */
  profile: process.env.BENCH_PROFILE === '1',
  /** 0: print only, do not rewrite bench/RESULTS.md */
  writeResults: process.env.BENCH_WRITE_RESULTS !== '0',
  /** the shop's autoDraft (off, negative, all); unset: the service's default */
  autoDraft: autoDraftSetting(process.env.BENCH_AUTO_DRAFT),
  /** off: the shop's early warning disabled for every subject type, to measure what detection costs ingestion */
  alertsOff: process.env.BENCH_ALERTS === 'off',
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rrs_bench',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};

const GOAL_RATE = 3_000;
const GOAL_RATIO = 1 / 3;

// ---------------------------------------------------------------- processes

interface Service extends ServiceProcess {
  /** warnings and errors it logged */
  warnings: number;
  profileFile: string | null;
}

function startService(name: string, script: string, env: NodeJS.ProcessEnv): Service {
  const profileFile = SETTINGS.profile ? join(OUT_DIR, `${name}-${Date.now()}.cpuprofile`) : null;
  const counts = { warnings: 0 };
  const spawned = spawnService(
    { ...env, ...(profileFile ? { BENCH_CPU_PROFILE_FILE: profileFile } : {}) },
    {
      name,
      script,
      nodeArgs: profileFile ? ['--require', join(__dirname, 'cpu-profiler.preload.js')] : [],
      onLine: (line) => {
        if (/"level":(40|50|60)/.test(line)) counts.warnings++;
      },
    },
  );
  return {
    ...spawned,
    profileFile,
    get warnings() {
      return counts.warnings;
    },
  };
}

async function signalAndWaitForProfiles(services: Service[], phase: 'start' | 'stop'): Promise<void> {
  for (const service of services) if (service.profileFile && service.child.pid) process.kill(service.child.pid, 'SIGUSR2');
  if (phase === 'start') return;
  const deadline = Date.now() + 30_000;
  for (const service of services) {
    while (service.profileFile && !existsSync(service.profileFile) && Date.now() < deadline) await sleep(100);
  }
}

// ---------------------------------------------------------------- CPU accounting (Linux /proc)

const CLOCK_TICKS = 100;

interface CpuSample {
  /** CPU seconds and role hint by pid */
  byPid: Map<number, { comm: string; cmdline: string; seconds: number }>;
  /** machine-wide CPU seconds from /proc/stat */
  busy: number;
  idle: number;
  iowait: number;
}

function readCpu(): CpuSample {
  const sample: CpuSample = { byPid: new Map(), busy: 0, idle: 0, iowait: 0 };
  if (!existsSync('/proc/stat')) return sample;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  sample.busy = (user + nice + system + irq + softirq + (steal || 0)) / CLOCK_TICKS;
  sample.idle = idle / CLOCK_TICKS;
  sample.iowait = iowait / CLOCK_TICKS;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = comm === 'postgres' ? readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ') : '';
      // fields[11], fields[12]: utime and stime (the 14th and 15th fields of stat)
      sample.byPid.set(Number(entry), { comm, cmdline, seconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS });
    } catch {
      // the process ended meanwhile
    }
  }
  return sample;
}

function postgresRole(cmdline: string, database: string): string | null {
  // backends are titled "postgres: [CLUSTER: ]USER DATABASE HOST(PORT) STATE", the server's own processes by their job
  const backend = /^postgres: (?:\S+: )?\S+ (\S+) (?:\S+\(\d+\)|\[local\])/.exec(cmdline);
  if (backend) return backend[1] === database ? 'PostgreSQL backends' : null;
  return 'PostgreSQL WAL, checkpoints, autovacuum';
}

/** CPU seconds spent between two samples, by role; the rest of the machine as "other" and "idle". */
function cpuBetween(before: CpuSample, after: CpuSample, roles: Map<number, string>, database: string): Map<string, number> {
  const spent = new Map<string, number>();
  let accounted = 0;
  for (const [pid, { comm, cmdline, seconds }] of after.byPid) {
    const role = roles.get(pid) ?? (comm === 'postgres' ? postgresRole(cmdline, database) : comm.startsWith('redis-server') ? 'Redis' : null);
    if (!role) continue;
    const delta = seconds - (before.byPid.get(pid)?.seconds ?? 0);
    spent.set(role, (spent.get(role) ?? 0) + delta);
    accounted += delta;
  }
  if (after.busy > 0) {
    spent.set('other processes on the machine', Math.max(0, after.busy - before.busy - accounted));
    spent.set('idle', after.idle - before.idle);
    spent.set('idle waiting for disk (iowait)', after.iowait - before.iowait);
  }
  return spent;
}

// ---------------------------------------------------------------- database

/** The columns the service writes on insert, with their types for unnest(). */
const PLAIN_COLUMNS: [string, string][] = [
  ['shop_id', 'uuid'],
  ['platform', 'text'],
  ['external_id', 'text'],
  ['product_id', 'text'],
  ['sku', 'text'],
  ['product_name', 'text'],
  ['order_id', 'text'],
  ['buyer_id', 'text'],
  ['buyer_nick', 'text'],
  ['rating', 'smallint'],
  ['grade', 'text'],
  ['content', 'text'],
  ['image_urls', 'text[]'],
  ['image_count', 'integer'],
  ['has_video', 'boolean'],
  ['order_amount', 'numeric'],
  ['currency', 'text'],
  ['ordered_at', 'timestamptz'],
  ['shipped_at', 'timestamptz'],
  ['delivered_at', 'timestamptz'],
  ['reviewed_at', 'timestamptz'],
  ['carrier', 'text'],
  ['service_agent', 'text'],
  ['follow_up_content', 'text'],
  ['follow_up_at', 'timestamptz'],
  ['content_hash', 'text'],
];
const IMAGE_URLS = PLAIN_COLUMNS.findIndex(([name]) => name === 'image_urls');

function plainRow(shopId: string, review: GeneratedReview): unknown[] {
  const images = review.images ?? [];
  return [
    shopId,
    review.platform,
    review.externalId,
    review.productId,
    review.sku,
    review.productName,
    review.orderId,
    review.buyerId,
    review.buyerNick,
    review.rating,
    review.rating >= 4 ? 'good' : review.rating === 3 ? 'medium' : 'bad',
    review.content,
    images,
    Math.max(review.imageCount ?? 0, images.length),
    review.hasVideo ?? false,
    review.orderAmount.toFixed(2),
    review.currency ?? (review.platform === 'other' ? null : 'CNY'),
    review.orderedAt,
    review.shippedAt,
    review.deliveredAt,
    review.reviewedAt,
    review.carrier,
    review.serviceAgent,
    review.followUpContent ?? null,
    review.followUpAt ?? null,
    createHash('sha256').update(JSON.stringify(review)).digest('hex'),
  ];
}

/** unnest() cannot return arrays of arrays, so image_urls travels as array literals, one per row. */
function arrayLiteral(items: string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

type PlainMethod = 'values' | 'unnest';

function insertSql(method: PlainMethod, table: string, rows: number): string {
  const names = PLAIN_COLUMNS.map(([name]) => name).join(', ');
  const width = PLAIN_COLUMNS.length;
  if (method === 'values') {
    const tuples = Array.from({ length: rows }, (_, r) => `(${PLAIN_COLUMNS.map((_, c) => `$${r * width + c + 1}`).join(',')})`);
    return `INSERT INTO ${table} (${names}) VALUES ${tuples.join(',')}`;
  }
  const arrays = PLAIN_COLUMNS.map(([, type], c) => `$${c + 1}::${type === 'text[]' ? 'text' : type}[]`).join(', ');
  const select = PLAIN_COLUMNS.map(([, type], c) => (type === 'text[]' ? `c${c}::text[]` : `c${c}`)).join(', ');
  return `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${arrays}) AS u(${PLAIN_COLUMNS.map((_, c) => `c${c}`).join(', ')})`;
}

function insertParams(method: PlainMethod, rows: unknown[][]): unknown[] {
  if (method === 'values') return rows.flat();
  return PLAIN_COLUMNS.map((_, c) => rows.map((row) => (c === IMAGE_URLS ? arrayLiteral(row[c] as string[]) : row[c])));
}

interface PlainResult {
  label: string;
  seconds: number;
  rate: number;
}

/**
 * Multi-row INSERTs of the same rows in batches of the same size, over as many connections as the API
 * run has concurrent requests. Statements and parameters are built before the clock starts: this
 * measures the database.
 */
async function plainInsertRate(
  label: string,
  databaseUrl: string,
  rowBatches: unknown[][][],
  method: PlainMethod,
  table: string,
  setup: string,
): Promise<PlainResult> {
  const clients = await Promise.all(
    Array.from({ length: SETTINGS.concurrency }, async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      // timestamps without an offset are read in the shop's zone, as the service does
      await client.query(`SET TimeZone = 'Asia/Shanghai'`);
      return client;
    }),
  );
  try {
    // a TEMP table exists per connection; a regular one once
    for (const client of setup.includes('TEMP') ? clients : clients.slice(0, 1)) await client.query(setup);
    const statements = rowBatches.map((rows) => ({ rows: rows.length, values: insertParams(method, rows) }));
    const sqlBySize = new Map(statements.map(({ rows }) => [rows, insertSql(method, table, rows)]));
    let next = 0;
    let rows = 0;
    const started = performance.now();
    await Promise.all(
      clients.map(async (client) => {
        while (next < statements.length) {
          const statement = statements[next++];
          await client.query(sqlBySize.get(statement.rows) as string, statement.values);
          rows += statement.rows;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { label, seconds, rate: rows / seconds };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

async function plainInsertBaselines(databaseUrl: string, shopId: string, batches: GeneratedReview[][]): Promise<PlainResult[]> {
  const rowBatches = batches.map((batch) => batch.map((review) => plainRow(shopId, review)));
  const temp = (name: string) => `CREATE TEMP TABLE ${name} (LIKE reviews INCLUDING DEFAULTS)`;
  const results = [
    await plainInsertRate('plain INSERT ... VALUES, TEMP table, no indexes', databaseUrl, rowBatches, 'values', 'plain_values', temp('plain_values')),
    await plainInsertRate('plain INSERT ... unnest, TEMP table, no indexes', databaseUrl, rowBatches, 'unnest', 'plain_unnest', temp('plain_unnest')),
    await plainInsertRate(
      'plain INSERT ... unnest, logged copy of reviews with its indexes',
      databaseUrl,
      rowBatches,
      'unnest',
      PLAIN_TABLE,
      `CREATE TABLE ${PLAIN_TABLE} (LIKE reviews INCLUDING ALL)`,
    ),
  ];
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP TABLE ${PLAIN_TABLE}`);
    // so that the baselines' dirty pages are not written during the timed run
    await admin.query('CHECKPOINT');
  } finally {
    await admin.end();
  }
  return results;
}

/**
 * Samples pg_stat_activity of the bench database until stopped: on average, how many connections were
 * running which statement, waiting on what (IO:WALSync, Lock...), or idle in a transaction waiting for
 * the service (Client:ClientRead).
 */
function sampleDatabaseActivity(databaseUrl: string): { stop: () => Promise<{ samples: number; states: [string, number][] }> } {
  const database = adminUrl(databaseUrl).database;
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      while (running) {
        const { rows } = await client.query<{ state: string; wait: string; query: string }>(
          `SELECT state, coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS wait, left(regexp_replace(query, '\\s+', ' ', 'g'), 48) AS query
           FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
          [database],
        );
        samples++;
        for (const row of rows) {
          const key = row.state === 'active' ? `active, ${row.wait}: ${row.query.trim()}` : `${row.state}${row.state === 'idle' ? '' : `, ${row.wait}`}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        await sleep(50);
      }
    } finally {
      await client.end();
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return {
        samples,
        states: [...counts]
          .map(([key, n]): [string, number] => [key, n / Math.max(samples, 1)])
          .sort((a, b) => b[1] - a[1])
          .slice(0, 15),
      };
    },
  };
}

// ---------------------------------------------------------------- the run

interface BatchReply {
  summary: { created: number; updated: number; unchanged: number; rejected: number };
  results: { index: number; result: string; errors?: unknown[] }[];
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
}

async function machine(databaseUrl: string, redisUrl: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const pg = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await client.end();
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const info = await redis.info('server');
  redis.disconnect();
  return {
    cores: String(availableParallelism()),
    cpu: cpuModel(),
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    postgres: pg,
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
  };
}

async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const queuePrefix = `rrs-bench-${randomUUID().slice(0, 8)}`;
  try {
    await run(queuePrefix);
  } finally {
    // the queue's keys go whatever happened; the database stays for inspection and is recreated by the next run
    const keys = await deleteQueueKeys(SETTINGS.redisUrl, queuePrefix).catch(() => 0);
    log(`(removed ${keys} Redis keys under ${queuePrefix}; the database ${adminUrl(SETTINGS.databaseUrl).database} is kept for inspection)`);
  }
}

async function run(queuePrefix: string): Promise<void> {
  if (!existsSync(join(DIST, 'main.js'))) throw new Error('dist/main.js is missing: run npm run build first (npm run bench:ingest does)');
  mkdirSync(OUT_DIR, { recursive: true });
  const { databaseUrl, redisUrl } = SETTINGS;

  log(
    `bench:ingest  ${fmt(SETTINGS.reviews)} reviews, batches of ${fmt(SETTINGS.batchSize)}, ${SETTINGS.concurrency} concurrent requests, ` +
      `${SETTINGS.workers ? `${SETTINGS.workers} worker process(es)` : 'analysis in the API process'}`,
  );
  await recreateDatabase(databaseUrl);
  const host = await machine(databaseUrl, redisUrl);
  log(`machine       ${host.cores} cores ${host.cpu}, ${host.memory}, node ${host.node}, PostgreSQL ${host.postgres}, Redis ${host.redis}`);

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: queuePrefix,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    CREATE_DEMO_SHOP: 'false',
  };
  // The CLI needs no queue for these; without REDIS_URL it also avoids BullMQ's "Connection is closed"
  // error that sometimes ends the CLI with exit code 1 while it closes.
  const cliEnv = { ...env, REDIS_URL: '' };
  runCli(['migration:run'], cliEnv);
  const created = JSON.parse(runCli(['shop:create', '--name', 'bench'], cliEnv).trim().split('\n').pop() ?? '{}') as { shopId?: string; apiKey?: string };
  if (!created.shopId || !created.apiKey) throw new Error('shop:create printed no shopId/apiKey');
  const { shopId, apiKey } = created as { shopId: string; apiKey: string };

  // generated and serialised before the clock starts: the client should cost the service as little as possible
  const generator = new ReviewGenerator(SETTINGS.seed);
  const batches: GeneratedReview[][] = [];
  for (let i = 0; i < SETTINGS.reviews; i += SETTINGS.batchSize) {
    batches.push(Array.from({ length: Math.min(SETTINGS.batchSize, SETTINGS.reviews - i) }, () => generator.next()));
  }
  const bodies = batches.map((items) => JSON.stringify({ items }));
  const bodyBytes = bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0);
  log(`generated     ${fmt(SETTINGS.reviews)} reviews in ${batches.length} requests, ${fmt(bodyBytes / 1024 ** 2, 1)} MiB of JSON`);

  // baselines first, on a quiet database
  const plain = await plainInsertBaselines(databaseUrl, shopId, batches);
  for (const result of plain) log(`plain INSERT  ${fmt(result.rate).padStart(6)} rows/s  ${result.label} (${fmt(result.seconds, 1)} s)`);
  // the goal is measured against the faster of the two plain INSERTs into a scratch table without indexes
  const plainBest = plain.slice(0, 2).reduce((best, result) => (result.rate > best.rate ? result : best));
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();

  const services: Service[] = [];
  const api = startService('api', join(DIST, 'main.js'), { ...env, RUN_WORKERS: SETTINGS.workers ? 'false' : 'true' });
  services.push(api);
  for (let i = 0; i < SETTINGS.workers; i++) services.push(startService(`worker-${i + 1}`, join(DIST, 'worker.js'), env));
  const baseUrl = `http://127.0.0.1:${port}`;
  // polled every POLL_MS while the analysis drains: it asks the partial index of pending reviews whether any is
  // left (counting them, or anything over the whole table, each time would take CPU from the service it measures),
  // and counts only when asked; it looks for failures once nothing is pending
  const pending = async (count = false) => {
    // the planner's statistics lag behind the import and would pick a sequential scan
    await admin.query('SET enable_seqscan = off');
    const { rows } = await admin.query<{ n: string }>(
      count
        ? `SELECT count(*) AS n FROM reviews WHERE analysis_status = 'pending' AND shop_id = $1`
        : `SELECT count(*) AS n FROM (SELECT 1 FROM reviews WHERE analysis_status = 'pending' AND shop_id = $1 LIMIT 1) x`,
      [shopId],
    );
    await admin.query('RESET enable_seqscan');
    const left = Number(rows[0].n);
    if (left > 0) return left;
    const failed = Number(
      (await admin.query<{ n: string }>(`SELECT count(*) AS n FROM reviews WHERE shop_id = $1 AND analysis_status = 'failed'`, [shopId])).rows[0].n,
    );
    // a failed analysis is never retried by itself: waiting for it would only run into the timeout
    if (failed > 0) throw new Error(`${failed} reviews ended with analysis_status 'failed'`);
    return 0;
  };

  // drafts the shop's current replies still lack; known once the analysis is done, as no review arrives after it
  let expectedDrafts: number | null = null;
  const draftsLeft = async () => {
    expectedDrafts ??= Number(
      (
        await admin.query<{ n: string }>(
          `SELECT count(*) AS n FROM reviews WHERE shop_id = $1 AND analysis_status = 'done' AND (grade <> 'good' OR $2 = 'all')`,
          [shopId, autoDraft],
        )
      ).rows[0].n,
    );
    const { rows } = await admin.query<{ n: string }>('SELECT count(*) AS n FROM reply_drafts WHERE shop_id = $1 AND is_current', [shopId]);
    return { written: Number(rows[0].n), left: expectedDrafts - Number(rows[0].n) };
  };

  let summary: Awaited<ReturnType<typeof timedRun>>;
  let autoDraft = 'off';
  try {
    await waitHealthy(baseUrl, api);
    await sleep(500); // let the workers connect to Redis
    autoDraft = await replySettings(baseUrl, apiKey, SETTINGS.autoDraft);
    if (SETTINGS.alertsOff) await disableAlerts(baseUrl, apiKey);
    const roles = new Map<number, string>([[process.pid, 'bench client (this process)']]);
    for (const service of services)
      if (service.child.pid)
        roles.set(service.child.pid, service.name === 'api' ? (SETTINGS.workers ? 'API process' : 'API + workers process') : 'worker processes');
    await signalAndWaitForProfiles(services, 'start');
    summary = await timedRun(baseUrl, apiKey, bodies, pending, roles, autoDraft === 'off' ? null : draftsLeft);
    await signalAndWaitForProfiles(services, 'stop');
  } finally {
    for (const service of services) await stopService(service);
  }

  const check = await admin.query<{ language: string | null; n: string }>(
    `SELECT language, count(*) AS n FROM reviews WHERE shop_id = $1 AND analysis_status = 'done' GROUP BY language ORDER BY count(*) DESC`,
    [shopId],
  );
  const stored = Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM reviews WHERE shop_id = $1', [shopId])).rows[0].n);
  await admin.end();
  const languages = check.rows.map((row) => `${row.language ?? 'none'} ${fmt(Number(row.n))}`).join(', ');
  if (stored !== SETTINGS.reviews) throw new Error(`expected ${SETTINGS.reviews} stored reviews, found ${stored}`);

  const endToEnd = SETTINGS.reviews / summary.endToEndSeconds;
  const ratio = endToEnd / plainBest.rate;
  const warnings = services.reduce((sum, service) => sum + service.warnings, 0);
  const rows: [string, string][] = [
    ['reviews', fmt(SETTINGS.reviews)],
    ['requests', `${batches.length} x ${fmt(SETTINGS.batchSize)} reviews, ${SETTINGS.concurrency} concurrent, ${fmt(bodyBytes / 1024 ** 2, 1)} MiB of JSON`],
    ['analysis', SETTINGS.workers ? `${SETTINGS.workers} worker.js process(es), API with RUN_WORKERS=false` : 'in the API process (RUN_WORKERS=true)'],
    ['batch API accepted everything', `${fmt(summary.apiSeconds, 2)} s, ${fmt(SETTINGS.reviews / summary.apiSeconds)} reviews/s`],
    ['request latency p50 / p95 / max', `${fmt(summary.p50)} / ${fmt(summary.p95)} / ${fmt(summary.max)} ms`],
    ['analysis still pending then', `${fmt(summary.pendingAtApiDone)} reviews, drained in ${fmt(summary.endToEndSeconds - summary.apiSeconds, 2)} s more`],
    ['**end to end (stored and analysed)**', `**${fmt(summary.endToEndSeconds, 2)} s, ${fmt(endToEnd)} reviews/s**`],
    ...plain.map((result): [string, string] => [
      result.label,
      `${fmt(result.seconds, 2)} s, ${fmt(result.rate)} rows/s, end to end is ${fmt(endToEnd / result.rate, 2)} of it`,
    ]),
    ['**end to end / fastest plain INSERT into a scratch table**', `**${fmt(ratio, 2)}** (against ${plainBest.label.replace('plain INSERT ... ', '')})`],
    [`goal >= ${fmt(GOAL_RATE)} reviews/s`, endToEnd >= GOAL_RATE ? 'met' : 'NOT met'],
    [
      'goal >= 1/3 of plain INSERT',
      plain
        .slice(0, 2)
        .map(
          (result) =>
            `${endToEnd / result.rate >= GOAL_RATIO ? 'met' : 'NOT met'} against ${result.label.replace('plain INSERT ... ', '').replace(', TEMP table, no indexes', '')}`,
        )
        .join(', '),
    ],
    ['early warning (alert detection)', SETTINGS.alertsOff ? 'off for every subject type (BENCH_ALERTS=off)' : 'on (the default)'],
    ['reply drafting (autoDraft)', `${autoDraft}${SETTINGS.autoDraft ? ' (BENCH_AUTO_DRAFT)' : ' (the default)'}`],
    ...(summary.drafts ? [draftsRow(summary.drafts)] : []),
    ['analysed languages', languages],
    ['service warnings/errors logged', String(warnings)],
  ];
  const cpuRows = [...summary.cpu].sort((a, b) => b[1] - a[1]);
  const capacity = summary.endToEndSeconds * availableParallelism();

  log('');
  const width = Math.max(...rows.map(([k]) => k.replace(/\*/g, '').length));
  for (const [key, value] of rows) log(`${key.replace(/\*/g, '').padEnd(width)}  ${value.replace(/\*/g, '')}`);
  log('');
  log(`CPU during the timed run (${fmt(summary.endToEndSeconds, 1)} s x ${availableParallelism()} cores = ${fmt(capacity, 1)} CPU-s available):`);
  for (const [role, seconds] of cpuRows) log(`  ${role.padEnd(40)} ${fmt(seconds, 1).padStart(6)} CPU-s  ${fmt((100 * seconds) / capacity).padStart(3)} %`);
  if (summary.drafts) {
    const draftCapacity = summary.drafts.drainSeconds * availableParallelism();
    log(
      `\nCPU while the drafts drained after end to end (${fmt(summary.drafts.drainSeconds, 1)} s x ${availableParallelism()} cores = ${fmt(draftCapacity, 1)} CPU-s available):`,
    );
    for (const [role, seconds] of [...summary.drafts.cpu].sort((a, b) => b[1] - a[1])) {
      log(`  ${role.padEnd(40)} ${fmt(seconds, 1).padStart(6)} CPU-s  ${fmt((100 * seconds) / Math.max(draftCapacity, 1e-9)).padStart(3)} %`);
    }
  }
  if (warnings) for (const service of services) if (service.warnings) log(`\n${service.name} logged:\n${service.tail.slice(-5).join('\n')}`);

  if (summary.databaseActivity) {
    log(`\nPostgreSQL connections of the bench database, average over ${summary.databaseActivity.samples} samples of pg_stat_activity:`);
    for (const [state, average] of summary.databaseActivity.states) log(`  ${fmt(average, 2).padStart(5)}  ${state}`);
  }
  for (const service of services) {
    if (!service.profileFile || !existsSync(service.profileFile)) continue;
    const profile = summarizeCpuProfile(service.profileFile);
    log(`\nCPU profile of ${service.name} (${service.profileFile}): busy ${fmt(profile.busyMs / 1000, 1)} s of ${fmt(profile.wallMs / 1000, 1)} s`);
    log('  self time by module:');
    for (const [name, ms] of profile.byModule) log(`    ${fmt(ms).padStart(7)} ms  ${name}`);
    log('  self time by function:');
    for (const [name, ms] of profile.byFunction) log(`    ${fmt(ms).padStart(7)} ms  ${name}`);
    log('  inclusive time of app functions:');
    for (const [name, ms] of profile.appInclusive) log(`    ${fmt(ms).padStart(7)} ms  ${name}`);
  }

  if (SETTINGS.writeResults) {
    writeResults(host, rows, cpuRows, capacity, summary.endToEndSeconds);
    log(`results written to ${RESULTS_FILE}`);
  }
  if (summary.failures) process.exitCode = 1;
}

interface DraftsSummary {
  expected: number;
  written: number;
  /** written before the analysis had drained (end to end) */
  writtenByEndToEnd: number;
  /** from end to end to the last draft */
  drainSeconds: number;
  cpu: Map<string, number>;
}

function draftsRow(drafts: DraftsSummary): [string, string] {
  const after = drafts.written - drafts.writtenByEndToEnd;
  const rate = drafts.drainSeconds > 0 ? after / drafts.drainSeconds : 0;
  const cpu = [...drafts.cpu].filter(([role]) => !/^idle|^other processes|^bench client/.test(role)).reduce((sum, [, seconds]) => sum + seconds, 0);
  return [
    '**drafts written (drafting jobs, apart from end to end)**',
    `**${fmt(drafts.written)} drafts for ${fmt(drafts.expected)} reviews (${fmt(drafts.writtenByEndToEnd)} before end to end), the last ${fmt(drafts.drainSeconds, 2)} s after it: ${fmt(rate)} drafts/s, ${fmt((1000 * cpu) / Math.max(after, 1), 2)} ms of CPU per draft**`,
  ];
}

/** Turns the shop's early warning off for every subject type: detection then reads nothing per subject. */
async function disableAlerts(baseUrl: string, apiKey: string): Promise<void> {
  const subjects = Object.fromEntries(['sku', 'carrier', 'agent', 'shop'].map((type) => [type, { enabled: false }]));
  const response = await fetch(`${baseUrl}/v1/alerts/settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ subjects }),
  });
  if (!response.ok) throw new Error(`alert settings: HTTP ${response.status} ${await response.text()}`);
}

/** Sets the shop's autoDraft when asked to; returns the one in effect. */
async function replySettings(baseUrl: string, apiKey: string, autoDraft: string | null): Promise<string> {
  const response = await fetch(`${baseUrl}/v1/reply-settings`, {
    method: autoDraft ? 'PUT' : 'GET',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    ...(autoDraft ? { body: JSON.stringify({ autoDraft }) } : {}),
  });
  if (!response.ok) throw new Error(`reply settings: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { autoDraft: string }).autoDraft;
}

async function timedRun(
  baseUrl: string,
  apiKey: string,
  bodies: string[],
  pending: (count?: boolean) => Promise<number>,
  roles: Map<number, string>,
  draftsLeft: (() => Promise<{ written: number; left: number }>) | null,
) {
  const activity = SETTINGS.profile ? sampleDatabaseActivity(SETTINGS.databaseUrl) : null;
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure = '';
  let next = 0;
  const cpuBefore = readCpu();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: SETTINGS.concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const sent = performance.now();
        const response = await fetch(`${baseUrl}/v1/reviews/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body,
        });
        const text = await response.text();
        latencies.push(performance.now() - sent);
        const reply = response.ok ? (JSON.parse(text) as BatchReply) : null;
        if (!reply || reply.summary.rejected > 0 || reply.summary.created === 0) {
          failures++;
          firstFailure ||= `HTTP ${response.status}: ${text.slice(0, 600)}`;
        }
      }
    }),
  );
  const apiSeconds = (performance.now() - started) / 1000;
  const pendingAtApiDone = await pending(true);
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  let left = pendingAtApiDone;
  while (left > 0) {
    if (Date.now() > deadline) throw new Error(`analysis did not finish within ${DRAIN_TIMEOUT_MS / 1000} s: ${await pending(true)} reviews pending`);
    await sleep(POLL_MS);
    left = await pending();
  }
  const endToEndSeconds = (performance.now() - started) / 1000;
  const cpuAtEndToEnd = readCpu();
  const cpu = cpuBetween(cpuBefore, cpuAtEndToEnd, roles, adminUrl(SETTINGS.databaseUrl).database);
  const databaseActivity = activity ? await activity.stop() : null;
  let drafts: DraftsSummary | null = null;
  if (draftsLeft) {
    let state = await draftsLeft();
    const writtenByEndToEnd = state.written;
    const draftDeadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (state.left > 0) {
      if (Date.now() > draftDeadline) throw new Error(`drafting did not finish within ${DRAIN_TIMEOUT_MS / 1000} s: ${state.left} drafts missing`);
      await sleep(POLL_MS);
      state = await draftsLeft();
    }
    drafts = {
      expected: state.written + state.left,
      written: state.written,
      writtenByEndToEnd,
      drainSeconds: (performance.now() - started) / 1000 - endToEndSeconds,
      cpu: cpuBetween(cpuAtEndToEnd, readCpu(), roles, adminUrl(SETTINGS.databaseUrl).database),
    };
  }
  if (failures) process.stderr.write(`${failures} requests failed; the first: ${firstFailure}\n`);
  latencies.sort((a, b) => a - b);
  return {
    apiSeconds,
    endToEndSeconds,
    pendingAtApiDone,
    failures,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies[latencies.length - 1] ?? 0,
    cpu,
    databaseActivity,
    drafts,
  };
}

function writeResults(host: Record<string, string>, rows: [string, string][], cpuRows: [string, number][], capacity: number, seconds: number): void {
  const settings = [
    SETTINGS.reviews !== 100_000 ? `BENCH_REVIEWS=${SETTINGS.reviews}` : '',
    SETTINGS.batchSize !== 1_000 ? `BENCH_BATCH=${SETTINGS.batchSize}` : '',
    SETTINGS.concurrency !== 4 ? `BENCH_CONCURRENCY=${SETTINGS.concurrency}` : '',
    SETTINGS.workers ? `BENCH_WORKERS=${SETTINGS.workers}` : '',
    SETTINGS.profile ? 'BENCH_PROFILE=1' : '',
    SETTINGS.autoDraft ? `BENCH_AUTO_DRAFT=${SETTINGS.autoDraft}` : '',
    SETTINGS.alertsOff ? 'BENCH_ALERTS=off' : '',
  ].filter(Boolean);
  const section = [
    BEGIN_MARK,
    '## Latest run',
    '',
    `- date: ${new Date().toISOString()}`,
    `- machine: ${host.cores} cores (nproc), ${host.cpu}, ${host.memory} memory, node ${host.node}, PostgreSQL ${host.postgres}, Redis ${host.redis}`,
    `- command: \`${[...settings, 'npm run bench:ingest'].join(' ')}\``,
    '',
    '| measure | result |',
    '| --- | --- |',
    ...rows.map(([key, value]) => `| ${key} | ${value} |`),
    '',
    `CPU during the timed run (${fmt(seconds, 1)} s x ${host.cores} cores = ${fmt(capacity, 1)} CPU-s available):`,
    '',
    '| process | CPU-s | share |',
    '| --- | ---: | ---: |',
    ...cpuRows.map(([role, cpu]) => `| ${role} | ${fmt(cpu, 1)} | ${fmt((100 * cpu) / capacity)} % |`),
    END_MARK,
  ].join('\n');
  writeResultsSection(RESULTS_FILE, BEGIN_MARK, END_MARK, section);
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:ingest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
