import { EnvError, loadEnv } from './env';

describe('loadEnv', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const env = loadEnv({});
    expect(env.port).toBe(3000);
    expect(env.databaseUrl).toBeNull();
    expect(env.redisUrl).toBeNull();
    expect(env.runWorkers).toBe(true);
    expect(env.bodyLimitBytes).toBe(16 * 1024 * 1024);
  });

  it.each([
    ['PORT', 'eighty', /PORT.*integer/],
    ['PORT', '70000', /PORT.*0\.\.65535/],
    ['DATABASE_URL', 'mysql://x@localhost/db', /DATABASE_URL.*postgres/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL.*valid URL/],
    ['REDIS_URL', 'http://localhost', /REDIS_URL/],
    ['RUN_WORKERS', 'maybe', /RUN_WORKERS.*true or false/],
    ['BODY_LIMIT', 'big', /BODY_LIMIT/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL.*one of/],
    ['SHUTDOWN_TIMEOUT_MS', '10', /SHUTDOWN_TIMEOUT_MS.*100\.\./],
    ['ENQUEUE_TIMEOUT_MS', 'soon', /ENQUEUE_TIMEOUT_MS.*integer/],
    ['DRAFT_OVERDUE_MS', '-1', /DRAFT_OVERDUE_MS/],
    ['METRICS_PORT', '99999', /METRICS_PORT/],
  ])('rejects %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => loadEnv({ [name]: value })).toThrow(EnvError);
    expect(() => loadEnv({ [name]: value })).toThrow(message);
  });

  it('defaults the fault-tolerance settings: drafts as prompt as analyses, bounded enqueue and shutdown, open /metrics', () => {
    const env = loadEnv({});
    expect(env.draftOverdueMs).toBe(env.analysisOverdueMs);
    expect(env).toMatchObject({ enqueueTimeoutMs: 1_000, shutdownTimeoutMs: 20_000, metricsEnabled: true, metricsToken: null, metricsPort: 0 });
  });

  it('parses sizes and booleans', () => {
    const env = loadEnv({ BODY_LIMIT: '2mb', RUN_WORKERS: 'false', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(env.bodyLimitBytes).toBe(2 * 1024 * 1024);
    expect(env.runWorkers).toBe(false);
    expect(env.redisUrl).toBe('redis://127.0.0.1:6379');
  });
});
