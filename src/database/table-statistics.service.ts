import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlRows } from './sql';

const CHECK_EVERY_MS = 10_000;
const LOCK_KEY = 7_242_032;

/**
 * Keeps planner statistics of hot tables fresh during bulk ingestion. Without them PostgreSQL
 * guesses that a shop has a handful of reviews and scans all of them for every batch; autovacuum
 * reacts too late for an import that lasts a minute (measured in bench/RESULTS.md).
 */
@Injectable()
export class TableStatistics {
  private readonly logger = new Logger(TableStatistics.name);
  private readonly lastCheck = new Map<string, number>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Cheap to call often: looks at most every 10 s per table and process; one process analyses at a time. */
  async refreshIfStale(table: string): Promise<void> {
    const now = Date.now();
    if (now - (this.lastCheck.get(table) ?? 0) < CHECK_EVERY_MS) return;
    this.lastCheck.set(table, now);
    const [stats] = await sqlRows<{ live: string; modified: string; never: boolean }>(
      this.dataSource,
      `SELECT n_live_tup AS live, n_mod_since_analyze AS modified, (last_analyze IS NULL AND last_autoanalyze IS NULL) AS never
       FROM pg_stat_user_tables WHERE relname = $1`,
      [table],
    );
    if (!stats) return;
    const live = Number(stats.live);
    const modified = Number(stats.modified);
    if (!(modified > Math.max(10_000, live * 0.2) || (stats.never && modified > 1_000))) return;
    const started = Date.now();
    const analysed = await this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [LOCK_KEY]);
      if (locked) await manager.query(`ANALYZE ${table.replace(/[^a-z_]/g, '')}`);
      return Boolean(locked);
    });
    if (analysed) this.logger.log({ msg: 'refreshed planner statistics', table, modified, ms: Date.now() - started });
  }
}
