/**
 * The one place that reads process.env. Every variable is parsed and checked once, at boot;
 * a bad value stops the process with a message that names the variable.
 */
export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppEnv {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** null: use the embedded PostgreSQL (PGlite) */
  databaseUrl: string | null;
  databasePoolSize: number;
  /** directory of the embedded database, or 'memory' */
  embeddedDataDir: string;
  /** null: run jobs in-process */
  redisUrl: string | null;
  queuePrefix: string;
  runWorkers: boolean;
  workerConcurrency: number;
  runMigrations: boolean;
  analysisSweepIntervalMs: number;
  analysisOverdueMs: number;
  analysisMaxAttempts: number;
  /** an analysed review still due its automatic draft this long after its analysis is re-enqueued by the draft sweep */
  draftOverdueMs: number;
  /** an enqueue that Redis has not acknowledged within this long fails: the review stays committed, the sweeper has it */
  enqueueTimeoutMs: number;
  /** on SIGTERM/SIGINT, a process that has not closed within this long exits 1, leaving what it held to the sweepers */
  shutdownTimeoutMs: number;
  /** how often a process checks that Redis answers and still holds this deployment's queues */
  queueProbeIntervalMs: number;
  /** GET /metrics (Prometheus text) on the API port */
  metricsEnabled: boolean;
  /** when set, GET /metrics wants "Authorization: Bearer <token>" */
  metricsToken: string | null;
  /** worker.js serves /metrics on this port (0: not at all); main.js serves it on PORT */
  metricsPort: number;
  /** how often workers sweep recovery cases (missed promises, closed windows, queue urgency); 0: never */
  recoverySweepIntervalMs: number;
  /** how often workers sweep early-warning alerts (every subject with a recent medium/bad review, open alerts, priors); 0: never */
  alertSweepIntervalMs: number;
  /** how often worker processes look for shops due their weekly report; 0 disables the schedule */
  reportScheduleIntervalMs: number;
  /** new staff corrections that start a retraining of the shop's classifier by themselves */
  retrainAfterCorrections: number;
  rateLimitPerMinute: number;
  /** how long a process remembers who a valid API key is; a revocation elsewhere takes effect within it */
  apiKeyCacheMs: number;
  /** a webhook delivery attempt gives up after this long */
  webhookTimeoutMs: number;
  /** the first retry of a failed delivery waits this long, each next one twice as long (capped at an hour) */
  webhookRetryBaseMs: number;
  /** attempts before a delivery is marked failed */
  webhookMaxAttempts: number;
  /** how often pending deliveries whose job was lost are re-enqueued (0 disables) */
  webhookSweepIntervalMs: number;
  /** let shop webhooks reach loopback and private networks (development, tests, an integration inside the network) */
  webhookAllowInternal: boolean;
  /** how often workers look for event deliveries that are due (the outbox poll; 0 disables) */
  eventsPollIntervalMs: number;
  /** delivered event deliveries, and events with nothing left to deliver, are deleted after this many days */
  eventRetentionDays: number;
  /** how often workers delete what is past the event retention (0 disables) */
  eventPruneIntervalMs: number;
  bodyLimitBytes: number;
  csvMaxBytes: number;
  logLevel: LogLevel;
  createDemoShop: boolean;
}

export class EnvError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid environment variable ${variable}: ${detail}`);
    this.name = 'EnvError';
  }
}

type Source = Record<string, string | undefined>;

function raw(source: Source, name: string): string | undefined {
  const value = source[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function int(source: Source, name: string, fallback: number, min: number, max: number): number {
  const value = raw(source, name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new EnvError(name, `expected an integer, got "${value}"`);
  const parsed = Number(value);
  if (parsed < min || parsed > max) throw new EnvError(name, `expected ${min}..${max}, got ${parsed}`);
  return parsed;
}

function bool(source: Source, name: string, fallback: boolean): boolean {
  const value = raw(source, name);
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
  if (['0', 'false', 'no', 'off'].includes(lower)) return false;
  throw new EnvError(name, `expected true or false, got "${value}"`);
}

function oneOf<T extends string>(source: Source, name: string, allowed: readonly T[], fallback: T): T {
  const value = raw(source, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new EnvError(name, `expected one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

function url(source: Source, name: string, protocols: string[]): string | null {
  const value = raw(source, name);
  if (value === undefined) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new EnvError(name, 'not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new EnvError(name, `expected a ${protocols.join(' or ')} URL, got ${parsed.protocol}`);
  }
  return value;
}

const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

function bytes(source: Source, name: string, fallback: number): number {
  const value = raw(source, name);
  if (value === undefined) return fallback;
  const match = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(value);
  if (!match) throw new EnvError(name, `expected a size such as 16mb, got "${value}"`);
  return Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()];
}

/** `fallback` changes defaults for a kind of process (the CLI logs warnings only unless LOG_LEVEL says otherwise). */
export function loadEnv(source: Source = process.env, fallback: Partial<Pick<AppEnv, 'logLevel'>> = {}): AppEnv {
  const nodeEnv = oneOf(source, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  return {
    nodeEnv,
    port: int(source, 'PORT', 3000, 0, 65535),
    host: raw(source, 'HOST') ?? '0.0.0.0',
    databaseUrl: url(source, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: int(source, 'DATABASE_POOL_SIZE', 10, 1, 200),
    embeddedDataDir: raw(source, 'EMBEDDED_DATA_DIR') ?? './data/pglite',
    redisUrl: url(source, 'REDIS_URL', ['redis:', 'rediss:']),
    queuePrefix: raw(source, 'QUEUE_PREFIX') ?? 'rrs',
    runWorkers: bool(source, 'RUN_WORKERS', true),
    workerConcurrency: int(source, 'WORKER_CONCURRENCY', 4, 1, 64),
    runMigrations: bool(source, 'RUN_MIGRATIONS', true),
    analysisSweepIntervalMs: int(source, 'ANALYSIS_SWEEP_INTERVAL_MS', 30_000, 0, 86_400_000),
    analysisOverdueMs: int(source, 'ANALYSIS_OVERDUE_MS', 120_000, 0, 86_400_000),
    analysisMaxAttempts: int(source, 'ANALYSIS_MAX_ATTEMPTS', 5, 1, 100),
    draftOverdueMs: int(source, 'DRAFT_OVERDUE_MS', 120_000, 0, 86_400_000),
    enqueueTimeoutMs: int(source, 'ENQUEUE_TIMEOUT_MS', 1_000, 50, 60_000),
    shutdownTimeoutMs: int(source, 'SHUTDOWN_TIMEOUT_MS', 20_000, 100, 3_600_000),
    queueProbeIntervalMs: int(source, 'QUEUE_PROBE_INTERVAL_MS', 5_000, 0, 3_600_000),
    metricsEnabled: bool(source, 'METRICS_ENABLED', true),
    metricsToken: raw(source, 'METRICS_TOKEN') ?? null,
    metricsPort: int(source, 'METRICS_PORT', 0, 0, 65535),
    recoverySweepIntervalMs: int(source, 'RECOVERY_SWEEP_INTERVAL_MS', 60_000, 0, 86_400_000),
    alertSweepIntervalMs: int(source, 'ALERT_SWEEP_INTERVAL_MS', 3_600_000, 0, 86_400_000),
    reportScheduleIntervalMs: int(source, 'REPORT_SCHEDULE_INTERVAL_MS', 300_000, 0, 86_400_000),
    retrainAfterCorrections: int(source, 'RETRAIN_AFTER_CORRECTIONS', 20, 1, 100_000),
    rateLimitPerMinute: int(source, 'RATE_LIMIT_PER_MINUTE', 1200, 0, 1_000_000),
    apiKeyCacheMs: int(source, 'API_KEY_CACHE_MS', 5_000, 0, 300_000),
    webhookTimeoutMs: int(source, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    webhookRetryBaseMs: int(source, 'WEBHOOK_RETRY_BASE_MS', 10_000, 10, 3_600_000),
    webhookMaxAttempts: int(source, 'WEBHOOK_MAX_ATTEMPTS', 8, 1, 30),
    webhookSweepIntervalMs: int(source, 'WEBHOOK_SWEEP_INTERVAL_MS', 30_000, 0, 86_400_000),
    webhookAllowInternal: bool(source, 'WEBHOOK_ALLOW_INTERNAL', false),
    eventsPollIntervalMs: int(source, 'EVENTS_POLL_INTERVAL_MS', 1_000, 0, 3_600_000),
    eventRetentionDays: int(source, 'EVENT_RETENTION_DAYS', 30, 1, 3_650),
    eventPruneIntervalMs: int(source, 'EVENT_PRUNE_INTERVAL_MS', 3_600_000, 0, 86_400_000),
    bodyLimitBytes: bytes(source, 'BODY_LIMIT', 16 * 1024 ** 2),
    csvMaxBytes: bytes(source, 'CSV_MAX_BYTES', 256 * 1024 ** 2),
    logLevel: oneOf(
      source,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      fallback.logLevel ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    ),
    createDemoShop: bool(source, 'CREATE_DEMO_SHOP', true),
  };
}
