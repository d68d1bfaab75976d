import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { errorForLog } from '../common/errors/error-for-log';

const QUERY_MAX = 300;

/** The statement with placeholders, on one line and cut short: enough to find it in the code. */
export function queryShape(query: string): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > QUERY_MAX ? `${line.slice(0, QUERY_MAX)}…` : line;
}

/**
 * TypeORM's logging through the service's JSON logger. Its own loggers print failed queries with their
 * parameters, which carry buyer nicknames, phone numbers and review text: here a failed query is its
 * SQLSTATE, constraint, statement shape and parameter count, never the values.
 */
export class DatabaseLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {
    // every query at debug level would be noise, and its parameters personal data
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    this.logger.error({
      msg: 'query failed',
      err: errorForLog(error),
      query: queryShape(query),
      queryLength: query.length,
      parameters: parameters?.length ?? 0,
    });
  }

  logQuerySlow(time: number, query: string, parameters?: unknown[]): void {
    this.logger.warn({ msg: 'slow query', ms: time, query: queryShape(query), parameters: parameters?.length ?? 0 });
  }

  logSchemaBuild(): void {
    // only synchronize (throwaway test databases) builds schemas
  }

  logMigration(message: string): void {
    this.logger.debug?.({ msg: 'migration', detail: message });
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : String(message);
    if (level === 'warn') this.logger.warn({ msg: 'typeorm warning', detail: text });
    else this.logger.debug?.({ msg: 'typeorm', detail: text });
  }
}
