import { randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { verifyWebhook } from '../../src/events/webhook-signature';
import { assertBuilt, cli, createDatabase, FaultDatabase, freePort, kill, logged, reviews, Service, spawnService, waitFor } from './fault-support';

/**
 * kill -9 of the event worker between a change and its delivery (npm run test:faults, after npm run build): a real API
 * process without workers, a real worker process, this machine's PostgreSQL and Redis. The event is still delivered
 * once a worker is back (at least once: the receiver may see the same event id twice, never a lost one).
 */
const prefix = `rrs-faults-events-${process.pid}`;
let db: FaultDatabase;
let apiKey = '';
let apiUrl = '';
const services: Service[] = [];

interface Request {
  headers: IncomingHttpHeaders;
  body: string;
  response: ServerResponse;
}
const requests: Request[] = [];
/** answer nothing to the first request (the worker is killed while it waits) */
let hangNext = false;
let server: Server;

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'info',
    RATE_LIMIT_PER_MINUTE: '0',
    CREATE_DEMO_SHOP: 'false',
    RUN_MIGRATIONS: 'false',
    WEBHOOK_ALLOW_INTERNAL: 'true',
    WEBHOOK_TIMEOUT_MS: '60000',
    EVENTS_POLL_INTERVAL_MS: '200',
    RECOVERY_SWEEP_INTERVAL_MS: '0',
    REPORT_SCHEDULE_INTERVAL_MS: '0',
    ...extra,
  };
}

async function startWorker(): Promise<Service> {
  const service = spawnService(`worker-${services.length}`, 'worker.js', env({ METRICS_PORT: String(await freePort()), HOST: '127.0.0.1' }));
  services.push(service);
  await waitFor('worker started', async () => logged(service, /worker started/), 60_000, service);
  return service;
}

beforeAll(async () => {
  assertBuilt();
  db = await createDatabase();
  cli(['migration:run'], env());
  apiKey = (JSON.parse(cli(['shop:create', '--name', 'faults-events'], env()).trim().split('\n').pop() ?? '{}') as { apiKey: string }).apiKey;
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), response });
      if (hangNext) {
        hangNext = false;
        return;
      }
      response.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = await freePort();
  const api = spawnService('api', 'main.js', env({ PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false' }));
  services.push(api);
  apiUrl = `http://127.0.0.1:${port}`;
  await waitFor('api listening', async () => (await fetch(`${apiUrl}/health`)).ok, 60_000, api);
}, 180_000);

afterAll(async () => {
  await Promise.all(services.splice(0).map((service) => kill(service, 'SIGKILL')));
  for (const request of requests) request.response.destroy();
  server?.close();
  await db?.drop();
});

describe('event delivery survives kill -9 of the worker', () => {
  it('delivers a change made while the worker was dead, and redelivers one whose worker died mid-request, with the same event id', async () => {
    const receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
    const created = await fetch(`${apiUrl}/v1/event-subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ url: receiverUrl, eventTypes: ['review.created'] }),
    });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };
    const post = async (run: string) => {
      const response = await fetch(`${apiUrl}/v1/reviews/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify({ items: reviews(run, 0, 1) }),
      });
      expect(response.status).toBe(200);
      return ((await response.json()) as { results: { id: string }[] }).results[0].id;
    };
    const about = (reviewId: string) => requests.filter((r) => (JSON.parse(r.body) as { review: { id: string } }).review.id === reviewId);

    // 1. the worker is killed; the change commits meanwhile; nothing is delivered until a worker is back
    const first = await startWorker();
    await kill(first);
    const whileDead = await post(`dead-${randomUUID().slice(0, 6)}`);
    await sleep(1_500);
    expect(about(whileDead)).toHaveLength(0);
    const second = await startWorker();
    await waitFor('the event made while the worker was dead', async () => about(whileDead).length === 1, 60_000, second);

    // 2. the worker is killed while the endpoint holds its request; the next worker sends it again after the lease
    hangNext = true;
    const inFlight = await post(`flight-${randomUUID().slice(0, 6)}`);
    await waitFor('the first attempt in flight', async () => about(inFlight).length === 1, 60_000, second);
    await kill(second);
    await startWorker();
    const [attempt1, attempt2] = await waitFor(
      'the attempt repeated by the new worker',
      async () => (about(inFlight).length >= 2 ? about(inFlight) : undefined),
      90_000,
    );
    expect(attempt2.headers['x-rrs-event-id']).toBe(attempt1.headers['x-rrs-event-id']);
    expect(JSON.parse(attempt2.body).id).toBe(JSON.parse(attempt1.body).id);
    for (const request of [...about(whileDead), attempt1, attempt2]) {
      expect(verifyWebhook(secret, String(request.headers['x-rrs-timestamp']), request.body, String(request.headers['x-rrs-signature']))).toBe(true);
    }
    const [row] = await db.query<{ status: string }>(`SELECT status FROM event_deliveries WHERE event_id = $1`, [attempt1.headers['x-rrs-event-id']]);
    expect(row.status).toBe('delivered');
  });
});
