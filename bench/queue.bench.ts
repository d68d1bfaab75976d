import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { cpuModel, findShopByName, freePort, intSetting, recreateDatabase, runCli, startService, stopService, writeResultsSection } from './bench-support';

/**
 * npm run bench:queue
 *
 * Seeds a shop with 1,000,000 reviews and 100,000 open recovery cases straight in PostgreSQL (set-based
 * INSERT ... SELECT generate_series, not through the API), starts `node dist/main.js` on a free port and
 * measures GET /v1/queue at 50 concurrent clients with autocannon, next to GET /health in the same run.
 * DATABASE_URL (required) names the bench database: it is dropped and recreated.
 */

const ROOT = resolve(__dirname, '..', '..');
const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');
const BEGIN_MARK = '<!-- bench:queue:begin -->';
const END_MARK = '<!-- bench:queue:end -->';
const GOAL_P99_MS = 50;

const SETTINGS = {
  reviews: intSetting('BENCH_REVIEWS', 1_000_000, 1_000),
  openCases: intSetting('BENCH_OPEN_CASES', 100_000, 100),
  connections: intSetting('BENCH_CONNECTIONS', 50, 1),
  seconds: intSetting('BENCH_SECONDS', 20, 1),
  writeResults: process.env.BENCH_WRITE_RESULTS !== '0',
  /** 1: measure again on the database a previous run seeded (no drop, no seeding) */
  reuse: process.env.BENCH_REUSE === '1',
  databaseUrl: process.env.DATABASE_URL,
  redisUrl: process.env.REDIS_URL,
};

const log = (message: string) => process.stdout.write(`${message}\n`);

// ---------------------------------------------------------------- database

const STAFF = 10;
const SHOP_NAME = 'Queue bench shop';

const HIGH_RISK_BUYERS = 2_000;

/**
 * One shop: `reviews` reviews over the last year, of which the first `openCases` are medium/bad reviews of the
 * last 29 days with an open case each (60 % new, 25 % contacting, 15 % waiting for a promised revision), spread
 * over 2,000 products with a few best-sellers, 10 agents (a third of the cases unassigned) and 2,000 high-risk
 * buyers. The queue columns are filled exactly as the service fills them.
 */
async function seed(client: Client, shopId: string): Promise<Record<string, number>> {
  const timings: Record<string, number> = {};
  const timed = async (name: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    await client.query(sql, params);
    timings[name] = (Date.now() - started) / 1000;
  };
  await client.query('SET synchronous_commit = off');
  await timed(
    'reviews',
    `INSERT INTO reviews (shop_id, platform, external_id, product_id, product_name, order_id, buyer_id, rating, grade, content,
       order_amount, currency, reviewed_at, content_hash, analysis_status, analyzed_revision, analyzed_at, language)
     SELECT $1, 'taobao', 'bench-' || i, 'p-' || product, '商品 ' || product, 'o-' || i, 'b-' || (i % 400000), rating,
       CASE WHEN rating >= 4 THEN 'good' WHEN rating = 3 THEN 'medium' ELSE 'bad' END,
       CASE WHEN rating >= 4 THEN '质量很好，物流也快' ELSE '质量一般，和描述不符' END,
       round((9 + random() * 600)::numeric, 2), 'CNY', reviewed_at, md5(i::text) || md5((i * 7)::text), 'done', 1, now(), 'zh-Hans'
     FROM (
       SELECT i,
         floor(2000 * power(random(), 3))::int AS product,
         CASE WHEN i <= $2 THEN 1 + (i % 3) WHEN i % 10 = 0 THEN 1 + (i % 3) ELSE 4 + (i % 2) END AS rating,
         CASE WHEN i <= $2 THEN now() - random() * interval '29 days' ELSE now() - interval '31 days' - random() * interval '334 days' END AS reviewed_at
       FROM generate_series(1, $3) AS i
     ) g`,
    [shopId, SETTINGS.openCases, SETTINGS.reviews],
  );
  await timed('staff', `INSERT INTO staff_members (shop_id, name, role) SELECT $1, 'agent ' || i, 'agent' FROM generate_series(1, ${STAFF}) i`, [shopId]);
  await timed(
    'cases',
    `WITH staff AS (SELECT array_agg(id ORDER BY id) AS ids FROM staff_members WHERE shop_id = $1),
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
       CASE WHEN s.n % 3 = 0 THEN NULL ELSE staff.ids[1 + (s.n % ${STAFF})] END,
       CASE WHEN s.n % 3 = 0 THEN NULL ELSE s.opened END,
       s.opened
     FROM src s
     CROSS JOIN staff
     CROSS JOIN LATERAL (SELECT CASE WHEN s.n % 20 < 12 THEN 'new' WHEN s.n % 20 < 17 THEN 'contacting' ELSE 'awaiting_revision' END AS status) st
     LEFT JOIN popularity p ON p.product_id = s.product_id
     WHERE s.n <= $2`,
    [shopId, SETTINGS.openCases],
  );
  await timed(
    'queue urgency',
    `UPDATE recovery_cases c SET queue_urgency = CASE
       WHEN c.follow_up_due_at IS NOT NULL AND c.follow_up_due_at < ((date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + interval '1 day') AT TIME ZONE 'Asia/Shanghai') THEN 0
       WHEN c.status = 'awaiting_revision' THEN NULL
       WHEN c.first_contacted_at IS NULL AND c.first_contact_due_at <= now() THEN 1
       ELSE 2 END
     WHERE c.shop_id = $1`,
    [shopId],
  );
  await timed(
    'high-risk reviewers',
    `INSERT INTO reviewer_profiles (shop_id, platform, buyer_id, review_count, negative_review_count, risk_score, risk_level, status)
     SELECT $1, 'taobao', buyer_id, 3, 3, 80 + random() * 20, 'high', CASE WHEN n % 4 = 0 THEN 'confirmed' ELSE 'flagged' END
     FROM (SELECT DISTINCT buyer_id, row_number() OVER () AS n FROM (SELECT DISTINCT buyer_id FROM recovery_cases WHERE shop_id = $1 ORDER BY buyer_id LIMIT ${HIGH_RISK_BUYERS}) b) x`,
    [shopId],
  );
  const started = Date.now();
  for (const table of ['reviews', 'recovery_cases', 'reviewer_profiles', 'staff_members', 'api_keys', 'shops']) await client.query(`VACUUM (ANALYZE) ${table}`);
  timings['vacuum analyze'] = (Date.now() - started) / 1000;
  return timings;
}

// ---------------------------------------------------------------- load

interface LoadResult {
  label: string;
  path: string;
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

/** `perClient` gives each connection its own path (distinct views: no two clients ask for the same queue). */
async function load(label: string, url: string, headers: Record<string, string>, seconds: number, perClient?: (index: number) => string): Promise<LoadResult> {
  let clients = 0;
  const setupClient = perClient ? (client: autocannon.Client) => client.setRequests([{ method: 'GET', path: perClient(clients++), headers }]) : undefined;
  const result = await autocannon({ url, headers, connections: SETTINGS.connections, duration: seconds, pipelining: 1, setupClient });
  return {
    label,
    path: new URL(url).pathname + new URL(url).search,
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const databaseUrl = SETTINGS.databaseUrl;
  if (!databaseUrl)
    throw new Error('DATABASE_URL must name the bench database (it is dropped and recreated), e.g. postgres://postgres@127.0.0.1:5432/rrs_queue_bench');
  const started = new Date();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  if (!SETTINGS.redisUrl) delete env.REDIS_URL;
  const database = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  let shopId: string;
  let apiKey: string;
  let timings: Record<string, number> = {};
  let seedSeconds = 0;
  const client = new Client({ connectionString: databaseUrl });
  const previous = SETTINGS.reuse ? await findShopByName(databaseUrl, SHOP_NAME) : null;
  if (previous) {
    shopId = previous;
    apiKey = (
      JSON.parse(
        runCli(['apikey:create', '--shop', shopId, '--name', `bench-${Date.now()}`], env)
          .trim()
          .split('\n')
          .pop() ?? '{}',
      ) as { apiKey: string }
    ).apiKey;
    await client.connect();
    log(`database      ${database} reused (seeded by an earlier run)`);
  } else {
    await recreateDatabase(databaseUrl);
    log(`database      ${database} recreated`);
    runCli(['migration:run'], env);
    ({ shopId, apiKey } = JSON.parse(runCli(['shop:create', '--name', SHOP_NAME], env).trim().split('\n').pop() ?? '{}') as { shopId: string; apiKey: string });
    await client.connect();
    const seedStarted = Date.now();
    timings = await seed(client, shopId);
    seedSeconds = (Date.now() - seedStarted) / 1000;
  }
  const counts = (
    await client.query<{ reviews: string; open: string; queued: string; risky: string }>(
      `SELECT (SELECT count(*) FROM reviews WHERE shop_id = $1) AS reviews,
              (SELECT count(*) FROM recovery_cases WHERE shop_id = $1 AND status IN ('new', 'contacting', 'awaiting_revision', 'escalated')) AS open,
              (SELECT count(*) FROM recovery_cases WHERE shop_id = $1 AND queue_urgency IS NOT NULL) AS queued,
              (SELECT count(*) FROM reviewer_profiles WHERE shop_id = $1) AS risky`,
      [shopId],
    )
  ).rows[0];
  const agentId = (await client.query<{ id: string }>(`SELECT id FROM staff_members WHERE shop_id = $1 ORDER BY id LIMIT 1`, [shopId])).rows[0].id;
  const pg = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  await client.end();
  log(
    `data          ${Number(counts.reviews).toLocaleString('en')} reviews, ${Number(counts.open).toLocaleString('en')} open cases (${Number(counts.queued).toLocaleString('en')} in the queue), ${counts.risky} high-risk reviewers${seedSeconds ? `, seeded in ${seedSeconds.toFixed(1)} s` : ''}`,
  );

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
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
  const auth = { Authorization: `Bearer ${apiKey}` };
  let results: LoadResult[] = [];
  let loadBefore = 0;
  let loadAfter = 0;
  let sample: { items: number; highRisk: number; counts: Record<string, number>; first: string[] } | null = null;
  try {
    const response = await fetch(`${baseUrl}/v1/queue`, { headers: auth });
    if (!response.ok) throw new Error(`GET /v1/queue answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { items: { reasons: { code: string }[] }[]; highRisk: unknown[]; counts: Record<string, number> };
    sample = { items: body.items.length, highRisk: body.highRisk.length, counts: body.counts, first: body.items[0]?.reasons.map((r) => r.code) ?? [] };
    log(`queue         ${sample.items} items, ${sample.highRisk} high-risk, counts ${JSON.stringify(sample.counts)}`);

    // the last target gives every client its own page sizes (15-25 items, 5-9 high-risk: about the size of the
    // default 20 + 10), so no request can share another's read
    const distinct = (index: number) => `/v1/queue?limit=${15 + (index % 11)}&highRiskLimit=${5 + Math.floor(index / 11)}`;
    const targets: [string, string, Record<string, string>, ((index: number) => string)?][] = [
      ['GET /health (trivial endpoint, no auth)', `${baseUrl}/health`, {}],
      ['GET /v1/queue (20 items + 10 high-risk)', `${baseUrl}/v1/queue`, auth],
      ['GET /v1/queue?assignee=<agent>', `${baseUrl}/v1/queue?assignee=${agentId}`, auth],
      ['GET /v1/queue?limit=15..25&highRiskLimit=5..9, a different view per client', `${baseUrl}/v1/queue`, auth, distinct],
    ];
    for (const [label, url, headers, perClient] of targets) await load(label, url, headers, 3, perClient); // warm-up
    loadBefore = loadavg()[0];
    results = [];
    for (const [label, url, headers, perClient] of targets) {
      const result = await load(label, url, headers, SETTINGS.seconds, perClient);
      results.push(result);
      log(
        `${label.padEnd(42)} p50 ${result.p50} ms  p90 ${result.p90} ms  p99 ${result.p99} ms  max ${result.max} ms  ${Math.round(result.rps)} req/s  non-2xx ${result.non2xx}  errors ${result.errors}`,
      );
    }
    loadAfter = loadavg()[0];
  } finally {
    await stopService(service);
  }

  // the goal is about clients reading the queue; the distinct-view line shows the cost of a read nobody shares
  const distinctView = results[3];
  const queueP99 = Math.max(...results.slice(1, 3).map((r) => r.p99));
  const failures = results.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  const met = queueP99 < GOAL_P99_MS && failures === 0;
  log(
    `goal          GET /v1/queue p99 < ${GOAL_P99_MS} ms at ${SETTINGS.connections} clients: ${met ? 'met' : 'NOT met'} (${queueP99} ms; a different view per client: ${distinctView?.p99 ?? '-'} ms)`,
  );

  if (SETTINGS.writeResults) {
    const health = results[0];
    const lines = [
      BEGIN_MARK,
      '## Latest run',
      '',
      `- date: ${started.toISOString()}`,
      `- machine: ${availableParallelism()} cores (nproc), ${cpuModel()}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory, node ${process.version}, PostgreSQL ${pg}`,
      `- command: \`DATABASE_URL=postgres://…/${database} npm run bench:queue\``,
      `- data: ${Number(counts.reviews).toLocaleString('en')} reviews, ${Number(counts.open).toLocaleString('en')} open cases (${Number(counts.queued).toLocaleString('en')} in the daily queue), ${counts.risky} high-risk reviewers, ${STAFF} agents, one shop; ${
        seedSeconds
          ? `seeded in ${seedSeconds.toFixed(1)} s (${Object.entries(timings)
              .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
              .join(', ')})`
          : 'seeded by an earlier run (BENCH_REUSE=1)'
      }`,
      `- load: autocannon, ${SETTINGS.connections} connections, ${SETTINGS.seconds} s per endpoint after a 3 s warm-up, one API process (\`node dist/main.js\`, RUN_WORKERS=false), autocannon in the bench process on the same machine`,
      `- machine load average (1 min) before / after the measured runs: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)} on ${availableParallelism()} cores (other work on the machine shows here)`,
      `- first queue item's reasons: ${sample?.first.join(', ') ?? '-'}`,
      '',
      '| endpoint | requests | req/s | p50 | p90 | **p99** | max | non-2xx / errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map(
        (r) =>
          `| ${r.label} | ${r.requests.toLocaleString('en')} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50} ms | ${r.p90} ms | **${r.p99} ms** | ${r.max} ms | ${r.non2xx} / ${r.errors} |`,
      ),
      '',
      `Goal: GET /v1/queue p99 < ${GOAL_P99_MS} ms at ${SETTINGS.connections} concurrent clients: **${met ? 'met' : 'NOT met'}** (${queueP99} ms; /health p99 ${health?.p99 ?? '-'} ms in the same run).`,
      '',
      `The first two queue lines are ${SETTINGS.connections} clients asking for the same queue: requests that arrive while a read of`,
      `that queue is running share it (docs/api/recovery.md). The last line gives every client its own page size, so no`,
      `read is shared: it is what each read costs (p99 ${distinctView?.p99 ?? '-'} ms, ${Math.round(distinctView?.rps ?? 0).toLocaleString('en')} req/s).`,
      END_MARK,
    ];
    const section = lines.join('\n');
    writeResultsSection(RESULTS_FILE, BEGIN_MARK, END_MARK, section);
  }
  process.exitCode = met ? 0 : 1;
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:queue failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
