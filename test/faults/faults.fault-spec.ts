import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  assertBuilt,
  cli,
  createDatabase,
  drained,
  FaultDatabase,
  freePort,
  intSetting,
  kill,
  log,
  logged,
  loggedAt,
  measured,
  metricsText,
  metricValue,
  outcome,
  percentile,
  postBatch,
  RedisProxy,
  reviews,
  runLoad,
  Service,
  spawnService,
  waitFor,
} from './fault-support';

/**
 * npm run test:faults (after npm run build): real API and worker processes on this machine's PostgreSQL and Redis,
 * Redis reached through a TCP proxy the test cuts. Sizes come from the environment; the defaults keep a CI run to a
 * few minutes. The full size:
 *   FAULT_REVIEWS=20000 FAULT_BACKLOG_REVIEWS=20000 FAULT_REDIS_CUT_MS=30000 npm run test:faults
 */
const SETTINGS = {
  reviews: intSetting('FAULT_REVIEWS', 3_000),
  backlog: intSetting('FAULT_BACKLOG_REVIEWS', 5_000),
  batch: intSetting('FAULT_BATCH', 500),
  cutMs: intSetting('FAULT_REDIS_CUT_MS', 30_000),
  shutdownTimeoutMs: intSetting('FAULT_SHUTDOWN_TIMEOUT_MS', 5_000),
  /** a fault's work must be done this long after the fault ends */
  recoverWithinMs: intSetting('FAULT_RECOVER_WITHIN_MS', 60_000),
};

const redisBase = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const redisDb = redisBase.pathname.replace('/', '') || '0';
const prefix = `rrs-faults-${process.pid}`;

let db: FaultDatabase;
let proxy: RedisProxy;
let apiKey = '';
const services: Service[] = [];

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    REDIS_URL: `redis://127.0.0.1:${proxy.port}/${redisDb}`,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: process.env.FAULT_LOG_LEVEL ?? 'info',
    RATE_LIMIT_PER_MINUTE: '0',
    CREATE_DEMO_SHOP: 'false',
    RUN_MIGRATIONS: 'false',
    WORKER_CONCURRENCY: '2',
    DATABASE_POOL_SIZE: '6',
    ANALYSIS_SWEEP_INTERVAL_MS: '2000',
    ANALYSIS_OVERDUE_MS: '15000',
    DRAFT_OVERDUE_MS: '15000',
    QUEUE_PROBE_INTERVAL_MS: '1000',
    ENQUEUE_TIMEOUT_MS: '1000',
    SHUTDOWN_TIMEOUT_MS: String(SETTINGS.shutdownTimeoutMs),
    RECOVERY_SWEEP_INTERVAL_MS: '0',
    REPORT_SCHEDULE_INTERVAL_MS: '0',
    WEBHOOK_SWEEP_INTERVAL_MS: '0',
    ...extra,
  };
}

interface Api {
  service: Service;
  url: string;
}

async function startApi(name = 'api', extra: Record<string, string> = {}, waitForHealth = true): Promise<Api> {
  const port = await freePort();
  const service = spawnService(name, 'main.js', env({ PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false', ...extra }));
  services.push(service);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${name} listening`, async () => (waitForHealth ? (await fetch(`${url}/health`)).ok : logged(service, /listening/)), 60_000, service);
  return { service, url };
}

async function startWorker(name = 'worker', extra: Record<string, string> = {}): Promise<{ service: Service; metricsUrl: string }> {
  const port = await freePort();
  const service = spawnService(name, 'worker.js', env({ METRICS_PORT: String(port), HOST: '127.0.0.1', ...extra }));
  services.push(service);
  await waitFor(`${name} started`, async () => logged(service, /worker started/), 60_000, service);
  return { service, metricsUrl: `http://127.0.0.1:${port}/metrics` };
}

async function stopAll(): Promise<void> {
  await Promise.all(services.splice(0).map((service) => kill(service, 'SIGKILL')));
}

/** Deletes this suite's queue keys: what FLUSHDB does to a deployment, without touching other users of the Redis db. */
async function flushQueues(): Promise<number> {
  const redis = new IORedis({ host: redisBase.hostname, port: Number(redisBase.port || 6379), db: Number(redisDb) });
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
  return deleted;
}

async function completedAnalysisJobs(): Promise<number> {
  const queue = new Queue('analysis', { connection: { host: redisBase.hostname, port: Number(redisBase.port || 6379), db: Number(redisDb) }, prefix });
  const counts = await queue.getJobCounts('completed', 'failed');
  await queue.close();
  return counts.completed + counts.failed;
}

beforeAll(async () => {
  assertBuilt();
  db = await createDatabase();
  proxy = new RedisProxy(redisBase.hostname, Number(redisBase.port || 6379));
  await proxy.start();
  cli(['migration:run'], env());
  const created = JSON.parse(cli(['shop:create', '--name', 'faults'], env()).trim().split('\n').pop() ?? '{}') as { apiKey: string };
  apiKey = created.apiKey;
  log(`database ${db.name}, Redis db ${redisDb} prefix ${prefix} through proxy :${proxy.port}; ${JSON.stringify(SETTINGS)}`);
});

afterEach(async () => {
  await proxy.restore();
  await stopAll();
});

afterAll(async () => {
  await stopAll();
  await proxy.cut();
  await flushQueues().catch(() => 0);
  await db?.drop();
  log(`measured: ${JSON.stringify(measured, null, 1)}`);
});

describe('faults', () => {
  it('with Redis unreachable the API answers writes within 2 s, committed, and the sweeper analyses them once Redis is back', async () => {
    const api = await startApi();
    await startWorker();
    const run = `down-${randomUUID().slice(0, 6)}`;
    // the same writes with Redis up first: what a batch costs on this machine without any fault
    const baseline: number[] = [];
    for (let i = 0; i < 2; i++) baseline.push((await postBatch(api.url, apiKey, reviews(`up${run}`, i * SETTINGS.batch, SETTINGS.batch))).ms);
    await proxy.cut();
    const latencies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await postBatch(api.url, apiKey, reviews(run, i * SETTINGS.batch, SETTINGS.batch), 10_000);
      expect(reply.status).toBe(200);
      latencies.push(reply.ms);
    }
    const singles: number[] = [];
    for (let i = 0; i < 5; i++) {
      const sent = performance.now();
      const single = await fetch(`${api.url}/v1/reviews`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(reviews(run, 3 * SETTINGS.batch + i, 1)[0]),
      });
      expect(single.status).toBe(201);
      singles.push(performance.now() - sent);
    }
    measured.redisDownSingleMaxMs = Math.round(Math.max(...singles));
    measured.redisDownBatchMaxMs = Math.round(Math.max(...latencies));
    measured.redisUpBatchMaxMs = Math.round(Math.max(...baseline));
    expect(Math.max(...singles)).toBeLessThan(2_000);
    // a batch of 500 costs what it costs on a busy machine; Redis being down adds at most ENQUEUE_TIMEOUT_MS (1 s)
    expect(Math.max(...latencies)).toBeLessThan(Math.max(2_000, Math.max(...baseline) + 1_000));
    const expected = 3 * SETTINGS.batch + 5;
    expect((await outcome(db, run)).stored).toBe(expected);
    await waitFor('the API to log the outage', async () => logged(api.service, /queue unreachable/), 10_000);

    // an API started while Redis is down starts and answers too
    const late = await startApi('api-late', {}, false);
    const lateReply = await postBatch(late.url, apiKey, reviews(run, 4 * SETTINGS.batch, 10), 10_000);
    expect(lateReply.status).toBe(200);
    expect(lateReply.ms).toBeLessThan(2_000);

    await proxy.restore();
    const restored = Date.now();
    measured.redisDownRecoveredMs = await drained(db, run, expected + 10, SETTINGS.recoverWithinMs);
    log(
      `Redis unreachable: single reviews answered in ≤ ${measured.redisDownSingleMaxMs} ms, batches of ${SETTINGS.batch} in ≤ ${measured.redisDownBatchMaxMs} ms ` +
        `(≤ ${measured.redisUpBatchMaxMs} ms with Redis up); all analysed and drafted ${Date.now() - restored} ms after Redis was back`,
    );
    await waitFor('the API to log Redis back', async () => logged(api.service, /queue reachable again/), 10_000);
  });

  it('Redis cut under load, then restored: nothing lost or doubled, all analysed and drafted within a minute; /metrics shows it', async () => {
    const api = await startApi();
    const worker = await startWorker();
    const run = `cut-${randomUUID().slice(0, 6)}`;
    const batches = Math.ceil(SETTINGS.reviews / SETTINGS.batch);
    // spread the load over the cut and a little either side
    const pauseMs = Math.max(0, Math.floor((SETTINGS.cutMs + 10_000) / batches));
    const load = runLoad(() => api.url, apiKey, run, SETTINGS.reviews, SETTINGS.batch, pauseMs);
    await sleep(3_000);
    await proxy.cut();
    const cutAt = Date.now();
    await sleep(SETTINGS.cutMs);
    await proxy.restore();
    const restoredAt = Date.now();
    const result = await load;
    expect(result.acknowledged.size).toBe(SETTINGS.reviews);
    expect([...result.statuses.keys()].filter((status) => status !== 200)).toEqual([]);
    // measured from the restore to the moment the last review is done (the load may still be running after the restore)
    await drained(db, run, SETTINGS.reviews, SETTINGS.recoverWithinMs + (Date.now() - restoredAt));
    const sinceRestore = Date.now() - restoredAt;
    const final = await outcome(db, run);
    expect(final).toMatchObject({ stored: SETTINGS.reviews, pending: 0, failed: 0, negativeWithoutDraft: 0, duplicateDrafts: 0 });
    measured.redisCutMs = restoredAt - cutAt;
    measured.redisCutP99BatchMs = Math.round(percentile(result.latencies, 99));
    measured.redisCutMaxBatchMs = Math.round(Math.max(...result.latencies));
    log(
      `Redis cut ${restoredAt - cutAt} ms under load: ${SETTINGS.reviews} reviews acknowledged, batch p99 ${measured.redisCutP99BatchMs} ms, max ${measured.redisCutMaxBatchMs} ms`,
    );

    const apiMetrics = await metricsText(`${api.url}/metrics`);
    expect(metricValue(apiMetrics, 'rrs_queue_outages_total')).toBeGreaterThanOrEqual(1);
    expect(metricValue(apiMetrics, 'rrs_queue_up')).toBe(1);
    expect(metricValue(apiMetrics, 'rrs_enqueue_failures_total')).toBeGreaterThanOrEqual(1);
    expect(metricValue(apiMetrics, 'rrs_http_request_duration_seconds_count', { route: '/v1/reviews/batch' })).toBeGreaterThanOrEqual(1);
    const workerMetrics = await metricsText(worker.metricsUrl);
    const recovered = metricValue(workerMetrics, 'rrs_sweep_recovered_total', { sweep: 'analysis' });
    expect(recovered).toBeGreaterThanOrEqual(1);
    expect(metricValue(workerMetrics, 'rrs_reviews_parked_total')).toBe(0);
    expect(logged(api.service, /queue unreachable/) && logged(api.service, /queue reachable again/)).toBe(true);
    expect(logged(worker.service, /analysis sweep recovered/)).toBe(true);
    measured.redisCutRecoveredReviews = recovered;
    measured.redisCutDoneAfterRestoreMs = sinceRestore;
    log(`all analysed and drafted ${sinceRestore} ms after Redis was restored; the sweep recovered ${recovered} reviews`);
    expect(sinceRestore).toBeLessThan(SETTINGS.recoverWithinMs);
  });

  it('kill -9 of the API and the worker under load, and the queues flushed: nothing lost or doubled, all done within a minute', async () => {
    let api = await startApi();
    let worker = await startWorker();
    const run = `kill-${randomUUID().slice(0, 6)}`;
    let apiUrl = api.url;
    const load = runLoad(() => apiUrl, apiKey, run, SETTINGS.reviews, SETTINGS.batch, 1_000);
    await sleep(3_000);
    await kill(worker.service, 'SIGKILL');
    await kill(api.service, 'SIGKILL');
    const deleted = await flushQueues();
    log(`killed the API and the worker with SIGKILL, deleted ${deleted} queue keys`);
    api = await startApi('api-2');
    apiUrl = api.url;
    worker = await startWorker('worker-2');
    const restartedAt = Date.now();
    const result = await load;
    expect(result.acknowledged.size).toBe(SETTINGS.reviews);
    const tookMs = (await drained(db, run, SETTINGS.reviews, SETTINGS.recoverWithinMs * 2)) + 0;
    const sinceRestart = Date.now() - restartedAt;
    expect(await outcome(db, run)).toMatchObject({ stored: SETTINGS.reviews, pending: 0, failed: 0, negativeWithoutDraft: 0, duplicateDrafts: 0 });
    measured.killDoneAfterRestartMs = sinceRestart;
    measured.killDrainAfterLoadMs = tookMs;
    log(
      `after kill -9 and a flush: all analysed and drafted ${sinceRestart} ms after the restart (${tookMs} ms after the load ended); refused batches retried: ${result.statuses.get(0) ?? 0}`,
    );
  });

  it('the queues flushed under a running deployment: a warning, and the sweeps enqueue the lost work again', async () => {
    const api = await startApi();
    const worker = await startWorker();
    const run = `flush-${randomUUID().slice(0, 6)}`;
    await kill(worker.service, 'SIGKILL');
    expect((await postBatch(api.url, apiKey, reviews(run, 0, SETTINGS.batch))).status).toBe(200);
    await flushQueues();
    const flushedAt = Date.now();
    await waitFor('the API to notice the flush', async () => logged(api.service, /queue data lost/), 10_000);
    const next = await startWorker('worker-2');
    await drained(db, run, SETTINGS.batch, SETTINGS.recoverWithinMs);
    measured.flushDoneAfterMs = Date.now() - flushedAt;
    expect(logged(next.service, /analysis sweep recovered/)).toBe(true);
    const metrics = await metricsText(`${api.url}/metrics`);
    expect(metricValue(metrics, 'rrs_queue_data_lost_total')).toBe(1);
    log(`queues flushed: noticed and all ${SETTINGS.batch} reviews analysed and drafted ${measured.flushDoneAfterMs} ms after the flush`);
  });

  it('SIGTERM of a worker with Redis unreachable exits within SHUTDOWN_TIMEOUT_MS', async () => {
    const api = await startApi();
    const worker = await startWorker();
    const run = `term-${randomUUID().slice(0, 6)}`;
    expect((await postBatch(api.url, apiKey, reviews(run, 0, SETTINGS.batch))).status).toBe(200);
    await proxy.cut();
    await sleep(500);
    const sent = Date.now();
    const exit = await kill(worker.service, 'SIGTERM');
    const tookMs = Date.now() - sent;
    measured.sigtermRedisDownExitMs = tookMs;
    // the process's own clock: from the signal's handler to its last word (shutdown complete, or the deadline's exit)
    const at = (pattern: RegExp) => loggedAt(worker.service, pattern);
    const closingAt = at(/"shutting down"/);
    const endedAt = at(/"shutdown complete"/) ?? at(/"shutdown timed out/);
    expect(closingAt).toBeDefined();
    expect(endedAt).toBeDefined();
    const deadlineMs = endedAt! - closingAt!;
    measured.sigtermRedisDownDeadlineMs = deadlineMs;
    log(
      `SIGTERM with Redis unreachable: exited in ${tookMs} ms with ${JSON.stringify(exit)}, ${deadlineMs} ms from the handler to its exit (SHUTDOWN_TIMEOUT_MS=${SETTINGS.shutdownTimeoutMs})`,
    );
    // the deadline itself, by the process's clock: a timer firing late on a busy machine, not a second deadline
    expect(deadlineMs).toBeLessThanOrEqual(SETTINGS.shutdownTimeoutMs + 500);
    // seen from outside: the deadline plus delivering the signal, exiting and reaping the process, which take
    // seconds on a 2-core machine at load 20 (1.5 s was once missed by 14 ms there)
    expect(tookMs).toBeLessThan(SETTINGS.shutdownTimeoutMs + 3_000);
    await proxy.restore();
    await startWorker('worker-2');
    await drained(db, run, SETTINGS.batch, SETTINGS.recoverWithinMs);
  });

  it('a backlog drained by one slow worker with short overdue settings parks nothing and is not enqueued again', async () => {
    const api = await startApi();
    const run = `backlog-${randomUUID().slice(0, 6)}`;
    const queuedBefore = await completedAnalysisJobs();
    const load = await runLoad(() => api.url, apiKey, run, SETTINGS.backlog, SETTINGS.batch, 0);
    expect(load.acknowledged.size).toBe(SETTINGS.backlog);
    // one worker, one job at a time, reviews overdue after 1 s and parked after one attempt: under the old counting
    // every sweep while the backlog waited was an attempt, and every sweep enqueued the waiting reviews again
    const worker = await startWorker('slow-worker', {
      WORKER_CONCURRENCY: '1',
      ANALYSIS_OVERDUE_MS: '1000',
      ANALYSIS_SWEEP_INTERVAL_MS: '500',
      ANALYSIS_MAX_ATTEMPTS: '1',
      DRAFT_OVERDUE_MS: '1000',
    });
    const started = Date.now();
    await drained(db, run, SETTINGS.backlog, 600_000);
    const took = Date.now() - started;
    const final = await outcome(db, run);
    expect(final).toMatchObject({ stored: SETTINGS.backlog, pending: 0, failed: 0, duplicateDrafts: 0 });
    const jobs = (await completedAnalysisJobs()) - queuedBefore;
    const batches = Math.ceil(SETTINGS.backlog / SETTINGS.batch);
    measured.backlogReviews = SETTINGS.backlog;
    measured.backlogDrainMs = took;
    measured.backlogAnalysisJobs = jobs;
    log(`backlog of ${SETTINGS.backlog}: drained in ${took} ms by one worker, ${jobs} analysis jobs for ${batches} batches, 0 parked`);
    expect(jobs).toBeLessThanOrEqual(batches + 2);
    expect(logged(worker.service, /parked/)).toBe(false);
  });

  it('a process refuses to start on queues another deployment uses (same Redis db and QUEUE_PREFIX)', async () => {
    const shared = `${prefix}-shared`;
    const redis = new IORedis({ host: redisBase.hostname, port: Number(redisBase.port || 6379), db: Number(redisDb) });
    await redis.set(`${shared}:deployment`, randomUUID());
    try {
      const port = await freePort();
      const api = spawnService('api-foreign', 'main.js', env({ PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false', QUEUE_PREFIX: shared }));
      services.push(api);
      // unref'd: the 60 s timer left pending after the race must not keep jest from exiting
      const exit = await Promise.race([api.exited, sleep(60_000, null, { ref: false })]);
      expect(exit?.code).not.toBe(0);
      expect(exit).not.toBeNull();
      expect(logged(api, /another deployment/)).toBe(true);
    } finally {
      await redis.del(`${shared}:deployment`);
      await redis.quit();
    }
  });

  it('PostgreSQL backends terminated under load: no 500, nothing lost', async () => {
    const api = await startApi();
    await startWorker();
    const run = `pgkill-${randomUUID().slice(0, 6)}`;
    let terminated = 0;
    let stop = false;
    const killer = (async () => {
      while (!stop) {
        const rows = await db.query<{ pid: number }>(
          `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
          [db.name],
        );
        terminated += rows.length;
        await sleep(1_000);
      }
    })();
    const result = await runLoad(() => api.url, apiKey, run, SETTINGS.reviews, Math.min(SETTINGS.batch, 100), 50);
    stop = true;
    await killer;
    const statuses = Object.fromEntries(result.statuses);
    measured.pgTerminateBackends = terminated;
    measured.pgTerminateStatuses = JSON.stringify(statuses);
    log(`terminated ${terminated} backends under load: HTTP statuses ${JSON.stringify(statuses)}`);
    expect(result.statuses.get(500) ?? 0).toBe(0);
    expect(result.acknowledged.size).toBe(SETTINGS.reviews);
    await drained(db, run, SETTINGS.reviews, SETTINGS.recoverWithinMs * 2);
    expect(await outcome(db, run)).toMatchObject({ duplicateDrafts: 0 });
    expect(api.service.child.exitCode).toBeNull();
  });
});
