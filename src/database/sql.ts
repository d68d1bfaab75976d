import type { EntityManager, DataSource } from 'typeorm';

export type Queryable = Pick<EntityManager | DataSource, 'query'>;

/**
 * Runs raw SQL and returns its rows. TypeORM's postgres driver answers UPDATE/DELETE ... RETURNING
 * with [rows, rowCount] and everything else with rows; callers should not care.
 */
export async function sqlRows<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
