import { join } from 'node:path';
import { DataSource, DataSourceOptions, MigrationExecutor } from 'typeorm';
import { DatabaseLogger } from './database-logger';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';

/** migrations/ beside src/ in development and tests, dist/migrations/ when built */
export const MIGRATIONS_GLOB = __filename.endsWith('.ts') ? join(__dirname, '..', '..', 'migrations', '*.ts') : join(__dirname, '..', 'migrations', '*.js');

export const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations');

/** The entity classes, listed once by the composition root (src/entities.ts): features sit above the database layer. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

export interface DatabaseOptions {
  url: string;
  entities: EntityList;
  poolSize: number;
  /**
   * The database is one session (PGlite behind its socket): a new connection would find the prepared statements of
   * the one it replaced (42P05), so the connection is never closed for being idle.
   */
  singleSession?: boolean;
  /** only for throwaway test databases */
  synchronize?: boolean;
}

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: options.synchronize ?? false,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: options.poolSize, connectionTimeoutMillis: 10_000, ...(options.singleSession ? { idleTimeoutMillis: 0 } : {}) },
    // failed queries go to the JSON log without their parameters (personal data)
    logger: new DatabaseLogger(),
  };
}

// An arbitrary constant shared by every process of the service, so that only one migrates at a time.
const MIGRATION_LOCK = 7_242_031;

/** Applies pending migrations while holding an advisory lock, so API and worker processes can start together. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // on the runner that holds the lock: with a pool of one (PGlite) a second connection would never come
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
