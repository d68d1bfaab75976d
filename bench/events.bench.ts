import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { cpuModel, freePort, intSetting, recreateDatabase, runCli, startService, stopService, writeResultsSection } from './bench-support';
import { ReviewGenerator } from './review-generator';

/**
 * npm run bench:events
 *
 * The cost of the event outbox on ingestion. Runs alternate between a shop without event subscribers and the same
 * shop with one endpoint subscribed to every event (a receiver in this process), BENCH_REPEATS times each, in the
 * order without/with, with/without, ... so that a machine getting busier or quieter weighs on both alike. Every run
 * has the same shape: a fresh database (dropped, created, migrated), a fresh service (API and workers, PostgreSQL and
 * Redis), one shop, the same generated reviews (same seed) through POST /v1/reviews/batch, timed end to end until
 * every review is stored and analysed; a run with the subscriber then waits for its deliveries and reports their
 * rate. Goal: the median with a subscriber within 15 % of the median without.
 */
const ROOT = resolve(__dirname, '..', '..');
const RESULTS_FILE = join(ROOT, 'bench', 'RESULTS.md');
const BEGIN_MARK = '<!-- bench:events:begin -->';
const END_MARK = '<!-- bench:events:end -->';
const SETTINGS = {
  reviews: intSetting('BENCH_REVIEWS', 100_000, 1),
  batchSize: intSetting('BENCH_BATCH', 1_000, 1),
  concurrency: intSetting('BENCH_CONCURRENCY', 4, 1),
  repeats: intSetting('BENCH_REPEATS', 3, 1),
  seed: intSetting('BENCH_SEED', 20_261_207, 0),
  writeResults: process.env.BENCH_WRITE_RESULTS !== '0',
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rrs_bench_events',
  redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};
const GOAL_OVERHEAD = 0.15;
const DRAIN_TIMEOUT_MS = 30 * 60_000;

type Mode = 'without' | 'with';
interface RunResult {
  mode: Mode;
  accepted: number;
  seconds: number;
  events: number;
  delivered: number;
  requests: number;
  failed: number;
  deliveredDuringIngest: number;
  deliverySeconds: number;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const log = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function ingest(baseUrl: string, apiKey: string, bodies: string[]): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(`${baseUrl}/v1/reviews/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body,
      });
      if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
      await response.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: SETTINGS.concurrency }, lane));
}

/** the same reviews for every run */
function bodies(): string[] {
  const generator = new ReviewGenerator(SETTINGS.seed);
  const out: string[] = [];
  for (let i = 0; i < SETTINGS.reviews; i += SETTINGS.batchSize) {
    out.push(JSON.stringify({ items: Array.from({ length: Math.min(SETTINGS.batchSize, SETTINGS.reviews - i) }, () => generator.next()) }));
  }
  return out;
}

/** the receiver: counts events (by id) and requests, answers 200 at once */
class Receiver {
  ids = new Set<string>();
  requests = 0;
  lastReceivedAt = 0;
  private readonly server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      this.requests++;
      this.ids.add(String(request.headers['x-rrs-event-id']));
      this.lastReceivedAt = Date.now();
      response.end();
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/events`;
  }

  reset(): void {
    this.ids = new Set();
    this.requests = 0;
    this.lastReceivedAt = 0;
  }

  stop(): void {
    this.server.close();
  }
}

async function runOnce(mode: Mode, repeat: number, payloads: string[], receiver: Receiver, receiverUrl: string): Promise<RunResult> {
  await recreateDatabase(SETTINGS.databaseUrl);
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
  const shop = JSON.parse(runCli(['shop:create', '--name', 'bench'], cliEnv).trim().split('\n').pop() ?? '{}') as { shopId: string; apiKey: string };
  const baseUrl = `http://127.0.0.1:${port}`;
  const service = await startService(env, baseUrl);
  const admin = new Client({ connectionString: SETTINGS.databaseUrl });
  await admin.connect();
  receiver.reset();
  try {
    if (mode === 'with') {
      const subscription = await fetch(`${baseUrl}/v1/event-subscriptions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${shop.apiKey}` },
        body: JSON.stringify({ url: receiverUrl, eventTypes: ['*'] }),
      });
      if (subscription.status !== 201) throw new Error(`subscription answered ${subscription.status}`);
    }
    const count = async (sql: string) => Number((await admin.query<{ n: string }>(sql, [shop.shopId])).rows[0].n);
    const started = Date.now();
    await ingest(baseUrl, shop.apiKey, payloads);
    const accepted = (Date.now() - started) / 1000;
    while ((await count(`SELECT count(*) AS n FROM reviews WHERE shop_id = $1 AND analysis_status <> 'done'`)) > 0) {
      if (Date.now() - started > DRAIN_TIMEOUT_MS) throw new Error(`${mode}: analysis did not finish`);
      await sleep(250);
    }
    const seconds = (Date.now() - started) / 1000;
    const deliveredDuringIngest = receiver.ids.size;
    const eventsOf = () => count(`SELECT count(*) AS n FROM outbox_events WHERE shop_id = $1`);
    if (mode === 'with') {
      for (;;) {
        const left = await count(`SELECT count(*) AS n FROM event_deliveries WHERE shop_id = $1 AND status = 'pending'`);
        // drafting and reviewer risk go on after the analysis: their events count too
        if (left === 0 && receiver.ids.size >= (await eventsOf())) break;
        if (Date.now() - started > DRAIN_TIMEOUT_MS) throw new Error(`deliveries did not finish: ${left} pending`);
        await sleep(500);
      }
    }
    const events = await eventsOf();
    const failed = await count(`SELECT count(*) AS n FROM event_deliveries WHERE shop_id = $1 AND status = 'failed'`);
    const result: RunResult = {
      mode,
      accepted,
      seconds,
      events,
      delivered: receiver.ids.size,
      requests: receiver.requests,
      failed,
      deliveredDuringIngest,
      deliverySeconds: receiver.lastReceivedAt ? (receiver.lastReceivedAt - started) / 1000 : 0,
    };
    log(
      `#${repeat + 1} ${mode === 'with' ? 'subscriber on *     ' : 'without subscribers '} accepted in ${fmt(accepted, 1)} s, stored and analysed in ${fmt(seconds, 1)} s` +
        ` (${fmt(SETTINGS.reviews / seconds)} reviews/s); events ${fmt(events)}` +
        (mode === 'with'
          ? `, delivered ${fmt(result.delivered)} in ${fmt(result.deliverySeconds, 1)} s (${fmt(result.delivered / result.deliverySeconds)}/s)`
          : ''),
    );
    return result;
  } finally {
    await admin.end();
    await stopService(service);
  }
}

async function main(): Promise<void> {
  const payloads = bodies();
  const receiver = new Receiver();
  const receiverUrl = await receiver.start();
  const runs: RunResult[] = [];
  const loadBefore = loadavg()[0];
  try {
    for (let repeat = 0; repeat < SETTINGS.repeats; repeat++) {
      const order: Mode[] = repeat % 2 === 0 ? ['without', 'with'] : ['with', 'without'];
      for (const mode of order) runs.push(await runOnce(mode, repeat, payloads, receiver, receiverUrl));
    }
  } finally {
    receiver.stop();
  }
  const loadAfter = loadavg()[0];
  const of = (mode: Mode) => runs.filter((run) => run.mode === mode);
  const without = median(of('without').map((run) => run.seconds));
  const withSub = median(of('with').map((run) => run.seconds));
  const overhead = withSub / without - 1;
  const pairs = Array.from({ length: SETTINGS.repeats }, (_, i) => of('with')[i].seconds / of('without')[i].seconds - 1);
  const rates = of('with').map((run) => run.delivered / run.deliverySeconds);
  const events = median(of('with').map((run) => run.events));
  const failed = of('with').reduce((sum, run) => sum + run.failed, 0);
  const quietEvents = of('without').reduce((sum, run) => sum + run.events, 0);
  log(`median end to end       without ${fmt(without, 1)} s, with a subscriber ${fmt(withSub, 1)} s`);
  log(
    `ingestion overhead      ${fmt(overhead * 100, 1)} % of the medians (per pair: ${pairs.map((p) => `${fmt(p * 100, 1)} %`).join(', ')}); goal at most ${GOAL_OVERHEAD * 100} % -> ${overhead <= GOAL_OVERHEAD ? 'met' : 'NOT met'}`,
  );
  log(
    `delivery rate           ${rates.map((r) => fmt(r)).join(', ')} events/s; ${fmt(events)} events per run (${fmt(events / SETTINGS.reviews, 2)} per review), ${fmt(failed)} failed`,
  );
  log(`load average            ${fmt(loadBefore, 1)} before, ${fmt(loadAfter, 1)} after`);

  if (SETTINGS.writeResults) {
    const machine = `${cpuModel()}, ${availableParallelism()} cores, ${fmt(totalmem() / 1024 ** 3, 1)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
    const rows = runs
      .map(
        (run, i) =>
          `| ${i + 1} | ${run.mode === 'with' ? 'one endpoint on `*`' : 'no subscriber'} | ${fmt(run.seconds, 1)} s | ${fmt(SETTINGS.reviews / run.seconds)} | ${fmt(run.events)} | ${run.mode === 'with' ? `${fmt(run.delivered)} in ${fmt(run.deliverySeconds, 1)} s (${fmt(run.delivered / run.deliverySeconds)}/s), ${fmt(run.deliveredDuringIngest)} before the analysis finished` : ''} |`,
      )
      .join('\n');
    writeResultsSection(
      RESULTS_FILE,
      BEGIN_MARK,
      END_MARK,
      `${BEGIN_MARK}
## bench:events (event outbox: ingestion with and without a subscriber)

\`npm run bench:events\` (BENCH_REVIEWS=${SETTINGS.reviews}, batch ${SETTINGS.batchSize}, concurrency ${SETTINGS.concurrency}, BENCH_REPEATS=${SETTINGS.repeats}), ${machine},
load average ${fmt(loadBefore, 1)} before and ${fmt(loadAfter, 1)} after (the machine is shared). Every run: a fresh database and service,
one shop, the same reviews; runs alternate without/with, with/without. End to end = posted, stored and analysed.

| run | shop | end to end | reviews/s | events | delivered |
|---|---|---|---|---|---|
${rows}

**Overhead of the medians: ${fmt(overhead * 100, 1)} %** (${fmt(withSub, 1)} s against ${fmt(without, 1)} s; per pair ${pairs.map((p) => `${fmt(p * 100, 1)} %`).join(', ')});
goal ≤ ${GOAL_OVERHEAD * 100} %: ${overhead <= GOAL_OVERHEAD ? 'met' : 'not met'}. Events per run: ${fmt(events)} (${fmt(events / SETTINGS.reviews, 2)} per review; ${fmt(quietEvents)} without a subscriber).
Delivery rate ${rates.map((r) => fmt(r)).join(', ')} events/s (first review posted to last event received; deliveries run while the analysis does), ${fmt(failed)} failed.
${END_MARK}`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
