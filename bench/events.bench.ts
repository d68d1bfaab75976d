import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { availableParallelism, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { cpuModel, freePort, intSetting, recreateDatabase, runCli, startService, stopService, writeResultsSection } from './bench-support';
import { ReviewGenerator } from './review-generator';

/**
 * npm run bench:events
 *
 * The cost of the event outbox on ingestion. One service (API and workers, PostgreSQL and Redis), two shops in the
 * same run: the same number of generated reviews goes through POST /v1/reviews/batch into a shop without event
 * subscribers, then into a shop with one endpoint subscribed to every event (a receiver in this process). Each is
 * timed end to end, until every review is stored and analysed; then the deliveries are waited for and their rate
 * reported. Goal: with a subscriber, ingestion end to end within 15 % of the run without.
 */
const ROOT = resolve(__dirname, '..', '..');
const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');
const BEGIN_MARK = '<!-- bench:events:begin -->';
const END_MARK = '<!-- bench:events:end -->';
const SETTINGS = {
  reviews: intSetting('BENCH_REVIEWS', 100_000, 1),
  batchSize: intSetting('BENCH_BATCH', 1_000, 1),
  concurrency: intSetting('BENCH_CONCURRENCY', 4, 1),
  seed: intSetting('BENCH_SEED', 20_261_207, 0),
  writeResults: process.env.BENCH_WRITE_RESULTS !== '0',
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rrs_bench_events',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};
const GOAL_OVERHEAD = 0.15;
const DRAIN_TIMEOUT_MS = 20 * 60_000;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const log = (line: string) => process.stdout.write(`${line}\n`);

async function ingest(baseUrl: string, apiKey: string, bodies: string[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(`${baseUrl}/v1/reviews/batch`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` }, body });
      if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: SETTINGS.concurrency }, lane));
}

async function main(): Promise<void> {
  const database = await recreateDatabase(SETTINGS.databaseUrl);
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: SETTINGS.databaseUrl,
    REDIS_URL: SETTINGS.redisUrl,
    QUEUE_PREFIX: `bench-events-${Date.now()}`,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    CREATE_DEMO_SHOP: 'false',
    WEBHOOK_ALLOW_INTERNAL: 'true',
  };
  const cliEnv = { ...env, REDIS_URL: '' };
  runCli(['migration:run'], cliEnv);
  const shop = (name: string) => JSON.parse(runCli(['shop:create', '--name', name], cliEnv).trim().split('\n').pop() ?? '{}') as { shopId: string; apiKey: string };
  const quiet = shop('bench-no-subscribers');
  const subscribed = shop('bench-subscribed');

  const generator = new ReviewGenerator(SETTINGS.seed);
  const bodiesOf = () => {
    const bodies: string[] = [];
    for (let i = 0; i < SETTINGS.reviews; i += SETTINGS.batchSize) {
      bodies.push(JSON.stringify({ items: Array.from({ length: Math.min(SETTINGS.batchSize, SETTINGS.reviews - i) }, () => generator.next()) }));
    }
    return bodies;
  };
  const quietBodies = bodiesOf();
  const subscribedBodies = bodiesOf();

  // the receiver: counts events (by id) and requests, answers 200 at once
  const ids = new Set<string>();
  let requests = 0;
  let lastReceivedAt = 0;
  const receiver = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests++;
      ids.add(String(request.headers['x-rrs-event-id']));
      lastReceivedAt = Date.now();
      response.end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/events`;

  const baseUrl = `http://127.0.0.1:${port}`;
  const service = await startService(env, baseUrl);
  const admin = new Client({ connectionString: SETTINGS.databaseUrl });
  await admin.connect();
  try {
    const subscription = await fetch(`${baseUrl}/v1/event-subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${subscribed.apiKey}` },
      body: JSON.stringify({ url: receiverUrl, eventTypes: ['*'] }),
    });
    if (subscription.status !== 201) throw new Error(`subscription answered ${subscription.status}`);

    const pending = async (shopId: string) =>
      Number((await admin.query<{ n: string }>(`SELECT count(*) AS n FROM reviews WHERE shop_id = $1 AND analysis_status <> 'done'`, [shopId])).rows[0].n);
    const run = async (label: string, target: { shopId: string; apiKey: string }, bodies: string[]) => {
      const started = Date.now();
      await ingest(baseUrl, target.apiKey, bodies);
      const accepted = (Date.now() - started) / 1000;
      while ((await pending(target.shopId)) > 0) {
        if (Date.now() - started > DRAIN_TIMEOUT_MS) throw new Error(`${label}: analysis did not finish`);
        await sleep(250);
      }
      const seconds = (Date.now() - started) / 1000;
      log(`${label.padEnd(22)} accepted in ${fmt(accepted, 1)} s, stored and analysed in ${fmt(seconds, 1)} s (${fmt(SETTINGS.reviews / seconds)} reviews/s)`);
      return { started, seconds };
    };

    const without = await run('without subscribers', quiet, quietBodies);
    const withSub = await run('subscriber on *', subscribed, subscribedBodies);
    const count = async (sql: string) => Number((await admin.query<{ n: string }>(sql, [subscribed.shopId])).rows[0].n);
    const events = await count(`SELECT count(*) AS n FROM outbox_events WHERE shop_id = $1`);
    const quietEvents = Number((await admin.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_events WHERE shop_id = $1`, [quiet.shopId])).rows[0].n);
    const deliveredDuringIngest = ids.size;
    for (;;) {
      const left = await count(`SELECT count(*) AS n FROM event_deliveries WHERE shop_id = $1 AND status = 'pending'`);
      if (left === 0 && ids.size >= events) break;
      if (Date.now() - withSub.started > DRAIN_TIMEOUT_MS) throw new Error(`deliveries did not finish: ${left} pending`);
      await sleep(500);
    }
    const failed = await count(`SELECT count(*) AS n FROM event_deliveries WHERE shop_id = $1 AND status = 'failed'`);
    const deliverySeconds = (lastReceivedAt - withSub.started) / 1000;
    const overhead = withSub.seconds / without.seconds - 1;
    log(`events written         ${fmt(events)} (${fmt(events / SETTINGS.reviews, 2)} per review); shop without subscribers: ${fmt(quietEvents)}`);
    log(`delivered              ${fmt(ids.size)} distinct events in ${fmt(requests)} requests, ${fmt(deliveredDuringIngest)} of them before the analysis finished; ${fmt(failed)} failed`);
    log(`delivery rate          ${fmt(ids.size / deliverySeconds)} events/s (from the first review posted to the last event received, ${fmt(deliverySeconds, 1)} s)`);
    log(`ingestion overhead     ${fmt(overhead * 100, 1)} % (goal: at most ${GOAL_OVERHEAD * 100} %) -> ${overhead <= GOAL_OVERHEAD ? 'met' : 'NOT met'}`);

    if (SETTINGS.writeResults) {
      const machine = `${cpuModel()}, ${availableParallelism()} cores, ${fmt(totalmem() / 1024 ** 3, 1)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
      writeResultsSection(
        RESULTS_FILE,
        BEGIN_MARK,
        END_MARK,
        `${BEGIN_MARK}
## bench:events (event outbox: ingestion with and without a subscriber)

\`npm run bench:events\` (BENCH_REVIEWS=${SETTINGS.reviews}, batch ${SETTINGS.batchSize}, concurrency ${SETTINGS.concurrency}), ${machine}. One service
(API + workers, PostgreSQL + Redis), two shops in one run; end to end = posted, stored and analysed.

| | end to end | reviews/s |
|---|---|---|
| shop without subscribers | ${fmt(without.seconds, 1)} s | ${fmt(SETTINGS.reviews / without.seconds)} |
| shop with one endpoint on \`*\` | ${fmt(withSub.seconds, 1)} s | ${fmt(SETTINGS.reviews / withSub.seconds)} |
| **overhead** | **${fmt(overhead * 100, 1)} %** (goal ≤ ${GOAL_OVERHEAD * 100} %: ${overhead <= GOAL_OVERHEAD ? 'met' : 'not met'}) | |

Events written: ${fmt(events)} (${fmt(events / SETTINGS.reviews, 2)} per review; none for the shop without subscribers: ${fmt(quietEvents)}).
Delivered: ${fmt(ids.size)} distinct events in ${fmt(requests)} requests (${fmt(failed)} failed), **${fmt(ids.size / deliverySeconds)} events/s**
from the first review posted to the last event received (${fmt(deliverySeconds, 1)} s; deliveries run while the analysis does).
${END_MARK}`,
      );
    }
  } finally {
    await admin.end();
    await stopService(service);
    receiver.close();
    void database;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
