import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

interface PgClient {
  on(event: 'error', listener: (error: Error) => void): unknown;
}
interface PgPool {
  on(event: 'connect', listener: (client: PgClient) => void): unknown;
  _clients?: PgClient[];
}

/**
 * pg's pool listens for errors only on idle clients: a connection terminated while checked out (pg_terminate_backend,
 * a failover, between two statements of a transaction) emits an 'error' nobody handles, and Node ends the process.
 * Its query fails on its own (the request answers 503, the job retries); this listener only keeps the process alive.
 */
export function guardPoolClients(dataSource: DataSource): DataSource {
  const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
  if (!pool) return dataSource;
  const logger = new Logger('Database');
  const guard = (client: PgClient) => client.on('error', (error) => logger.warn({ msg: 'database connection lost', err: error.message }));
  for (const client of pool._clients ?? []) guard(client);
  pool.on('connect', guard);
  return dataSource;
}
