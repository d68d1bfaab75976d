import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
export { freePort } from '../support/free-port';

/** What the fault suite shares: settings, its own database, a cuttable Redis, service processes, load. */

/** where dist/ is: the repository, or FAULT_ROOT (a copy with dist/ and node_modules/, so a rebuild elsewhere cannot pull it away mid-run) */
export const ROOT = process.env.FAULT_ROOT ? resolve(process.env.FAULT_ROOT) : resolve(__dirname, '..', '..');

export function intSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export const log = (message: string): void => void process.stdout.write(`[faults] ${message}\n`);

/** measured numbers, printed together at the end (and quoted in docs/operations.md and the README's reliability summary) */
export const measured: Record<string, string | number> = {};

// ---------------------------------------------------------------- PostgreSQL

export interface FaultDatabase {
  url: string;
  name: string;
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh database next to DATABASE_URL's (or the local server's), dropped at the end. */
export async function createDatabase(): Promise<FaultDatabase> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  const name = `rrs_faults_${process.pid}_${randomUUID().slice(0, 6)}`;
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const adminClient = new Client({ connectionString: admin.toString() });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${name}`);
  await adminClient.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  // the suite's own connection is terminated too when it terminates "every backend": it never is (pid excluded)
  client.on('error', () => undefined);
  return {
    url: url.toString(),
    name,
    query: async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    async drop() {
      await client.end().catch(() => undefined);
      const dropper = new Client({ connectionString: admin.toString() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

// ---------------------------------------------------------------- Redis behind a proxy the test can cut

/**
 * A TCP proxy in front of Redis. cut() closes every connection and stops listening (clients see ECONNREFUSED),
 * restore() listens again on the same port.
 */
export class RedisProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly upstreamHost: string,
    private readonly upstreamPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.upstreamPort, this.upstreamHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => this.sockets.delete(socket));
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((done, fail) => {
      this.server!.once('error', fail);
      this.server!.listen(this.port, '127.0.0.1', () => done());
    });
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server) await new Promise<void>((done) => server.close(() => done()));
  }

  async restore(): Promise<void> {
    if (!this.server) await this.start();
  }
}

// ---------------------------------------------------------------- service processes

export interface Service {
  name: string;
  child: ChildProcess;
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

export function assertBuilt(): void {
  if (!existsSync(join(ROOT, 'dist', 'main.js')) || !existsSync(join(ROOT, 'dist', 'worker.js'))) {
    throw new Error('the fault suite runs the built service: npm run build first');
  }
}

/** FAULT_LOG_DIR: every process's log also goes to <dir>/<name>.log (to see where a run's time went). */
const LOG_DIR = process.env.FAULT_LOG_DIR ? resolve(process.env.FAULT_LOG_DIR) : null;

/** Starts dist/main.js or dist/worker.js; every line it logs is kept (the tests look for warnings). */
export function spawnService(name: string, script: 'main.js' | 'worker.js', env: NodeJS.ProcessEnv): Service {
  if (LOG_DIR) mkdirSync(LOG_DIR, { recursive: true });
  const child = spawn(process.execPath, [join(ROOT, 'dist', script)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  const service: Service = {
    name,
    child,
    lines: [],
    exited: new Promise((done) => child.once('exit', (code, signal) => done({ code, signal }))),
  };
  let partial = '';
  const collect = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) service.lines.push(line);
    if (LOG_DIR)
      appendFileSync(
        join(LOG_DIR, `${name}.log`),
        parts
          .filter((line) => line.trim())
          .map((line) => `${line}\n`)
          .join(''),
      );
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return service;
}

export function tail(service: Service, count = 15): string {
  return service.lines.slice(-count).join('\n');
}

export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs: number, service?: Service): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (service && (service.child.exitCode !== null || service.child.signalCode !== null)) {
      throw new Error(`${service.name} exited while waiting for ${what}:\n${tail(service)}`);
    }
    let value: T | undefined | false;
    try {
      value = await check();
    } catch {
      value = undefined;
    }
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${service ? `:\n${tail(service)}` : ''}`);
    await sleep(250);
  }
}

export function logged(service: Service, pattern: RegExp): boolean {
  return service.lines.some((line) => pattern.test(line));
}

/** The time (ms since the epoch, the process's own clock) of the first JSON log line matching the pattern. */
export function loggedAt(service: Service, pattern: RegExp): number | undefined {
  for (const line of service.lines) {
    if (!pattern.test(line)) continue;
    try {
      const time = (JSON.parse(line) as { time?: unknown }).time;
      if (typeof time === 'number') return time;
    } catch {
      // not a JSON line
    }
  }
  return undefined;
}

export async function kill(service: Service, signal: NodeJS.Signals = 'SIGKILL'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill(signal);
  const result = await service.exited;
  started.delete(service.child);
  return result;
}

export function cli(args: string[], env: NodeJS.ProcessEnv): string {
  return execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// ---------------------------------------------------------------- load

const CONTENT: [number, string][] = [
  [1, '质量太差了，穿了一次就开线，客服也不回复'],
  [2, 'The zipper broke after two days and the seller never answered.'],
  [3, '物流太慢了，等了一个星期才到，东西还行'],
  [5, '很好，和描述一致，下次还来'],
  [4, 'Good value, fits well, delivery was quick.'],
];

/** Review inputs `from`..`from+count-1` of run `run`: external ids are unique, so a retry is an update, never a copy. */
export function reviews(run: string, from: number, count: number): Record<string, unknown>[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const [rating, content] = CONTENT[i % CONTENT.length];
    return {
      platform: 'taobao',
      externalId: `${run}-${i}`,
      productId: `p-${i % 50}`,
      orderId: `o-${run}-${i}`,
      buyerId: `b-${run}-${i}`,
      rating,
      content,
      orderAmount: 59.9,
      orderedAt: new Date(now - 5 * 86_400_000).toISOString(),
      deliveredAt: new Date(now - 2 * 86_400_000).toISOString(),
      reviewedAt: new Date(now - 3_600_000).toISOString(),
    };
  });
}

export interface PostResult {
  status: number;
  ms: number;
  retryAfter: string | null;
}

export async function postBatch(baseUrl: string, apiKey: string, items: Record<string, unknown>[], timeoutMs = 30_000): Promise<PostResult> {
  const sent = performance.now();
  try {
    const response = await fetch(`${baseUrl}/v1/reviews/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.text();
    return { status: response.status, ms: performance.now() - sent, retryAfter: response.headers.get('retry-after') };
  } catch {
    // refused (the API was killed) or timed out: not acknowledged
    return { status: 0, ms: performance.now() - sent, retryAfter: null };
  }
}

export interface LoadResult {
  /** external ids the API acknowledged (2xx) */
  acknowledged: Set<string>;
  statuses: Map<number, number>;
  latencies: number[];
}

/**
 * Sends `count` reviews in batches, `pauseMs` apart, each batch retried until acknowledged (a client that
 * retries 503 and refused connections, as ingestion is idempotent).
 */
export async function runLoad(
  baseUrl: () => string,
  apiKey: string,
  run: string,
  count: number,
  batch: number,
  pauseMs: number,
  stopAfterMs = 300_000,
): Promise<LoadResult> {
  const result: LoadResult = { acknowledged: new Set(), statuses: new Map(), latencies: [] };
  const deadline = Date.now() + stopAfterMs;
  for (let from = 0; from < count; from += batch) {
    const items = reviews(run, from, Math.min(batch, count - from));
    for (;;) {
      const reply = await postBatch(baseUrl(), apiKey, items);
      result.statuses.set(reply.status, (result.statuses.get(reply.status) ?? 0) + 1);
      if (reply.status === 200) {
        result.latencies.push(reply.ms);
        for (const item of items) result.acknowledged.add(item.externalId as string);
        break;
      }
      if (Date.now() > deadline) throw new Error(`load: batch ${from} never acknowledged (last status ${reply.status})`);
      await sleep(reply.retryAfter ? Number(reply.retryAfter) * 1000 : 500);
    }
    if (pauseMs) await sleep(pauseMs);
  }
  return result;
}

export interface Outcome {
  stored: number;
  pending: number;
  failed: number;
  negativeWithoutDraft: number;
  duplicateDrafts: number;
}

/** What the database holds for run `run`: stored, still pending, parked, negative reviews without a draft, doubled drafts. */
export async function outcome(db: FaultDatabase, run: string): Promise<Outcome> {
  const [row] = await db.query<{ stored: string; pending: string; failed: string; undrafted: string; doubled: string }>(
    `SELECT count(*) AS stored,
            count(*) FILTER (WHERE r.analysis_status = 'pending') AS pending,
            count(*) FILTER (WHERE r.analysis_status = 'failed') AS failed,
            count(*) FILTER (WHERE r.grade <> 'good' AND NOT EXISTS (SELECT 1 FROM reply_drafts d WHERE d.review_id = r.id AND d.is_current)) AS undrafted,
            (SELECT count(*) FROM (SELECT d.review_id FROM reply_drafts d JOIN reviews x ON x.id = d.review_id
               WHERE x.external_id LIKE $1 AND d.is_current GROUP BY d.review_id HAVING count(*) > 1) dd) AS doubled
     FROM reviews r WHERE r.external_id LIKE $1`,
    [`${run}-%`],
  );
  return {
    stored: Number(row.stored),
    pending: Number(row.pending),
    failed: Number(row.failed),
    negativeWithoutDraft: Number(row.undrafted),
    duplicateDrafts: Number(row.doubled),
  };
}

/** Waits until every review of the run is analysed and every medium/bad one drafted; answers the ms it took. */
export async function drained(db: FaultDatabase, run: string, expected: number, timeoutMs: number): Promise<number> {
  const since = Date.now();
  let last: Outcome | undefined;
  try {
    await waitFor(
      `run ${run} analysed and drafted`,
      async () => {
        last = await outcome(db, run);
        return last.stored === expected && last.pending === 0 && last.failed === 0 && last.negativeWithoutDraft === 0;
      },
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}: ${JSON.stringify(last)}`, { cause: error });
  }
  return Date.now() - since;
}

export async function metricsText(url: string): Promise<string> {
  const response = await fetch(url);
  return response.text();
}

/** The value of one sample of a Prometheus text exposition (summed over samples matching the labels given). */
export function metricValue(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const labelText = match[2] ?? '';
    if (!Object.entries(labels).every(([key, value]) => labelText.includes(`${key}="${value}"`))) continue;
    sum += Number(match[3]);
    found = true;
  }
  return found ? sum : NaN;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
