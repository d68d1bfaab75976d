import type { RedisOptions } from 'ioredis';

/** ioredis options from a redis:// or rediss:// URL (user, password, database number, TLS), for BullMQ workers. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.replace('/', '');
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    // BullMQ workers block on Redis; they must retry forever rather than fail a command.
    maxRetriesPerRequest: null,
    // reconnect within 2 s of Redis coming back (ioredis' and BullMQ's default backs off to 20 s)
    retryStrategy: (times: number) => Math.min(200 * times, 2_000),
  };
}

/**
 * For the queues' own connections (producers, counts): a command fails rather than wait for Redis. Without this
 * an add while Redis is down sits in ioredis' offline queue and the request that committed a review never answers;
 * failing fast lets it answer and leave the job to the sweeper. `commandTimeoutMs` also bounds a connection that
 * is open but silent (a network partition).
 */
export function producerRedisOptions(url: string, commandTimeoutMs: number): RedisOptions {
  return {
    ...redisOptionsFromUrl(url),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: commandTimeoutMs,
    connectTimeout: Math.max(commandTimeoutMs, 1_000),
  };
}
