import { sqlRows } from '../database/sql';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * review_grade_counts (see its migration) holds, per shop, UTC hour and grade, one row per database backend that
 * wrote reviews of that hour, so that concurrent ingestion never waits on a shared counter. Merging the rows of
 * past hours into writer 0 keeps the table near one row per shop, hour and grade; the sums do not change.
 *
 * One statement: the rows it deletes are the rows it adds up. A writer adding to a row while it is merged waits
 * for the merge, then finds the row gone and starts a new one; two merges of one shop take each row once.
 */
const COMPACT_SQL = `
  WITH merged AS (
    DELETE FROM review_grade_counts
    WHERE shop_id = $1 AND hour < $2 AND writer <> 0
    RETURNING hour, grade, reviews
  )
  INSERT INTO review_grade_counts AS c (shop_id, hour, grade, writer, reviews)
  SELECT $1, hour, grade, 0, sum(reviews) FROM merged
  GROUP BY hour, grade
  ORDER BY hour, grade
  ON CONFLICT (shop_id, hour, grade, writer) DO UPDATE SET reviews = c.reviews + excluded.reviews
  RETURNING 1`;

/** Merges the shop's counts of the hours before `before` into one row per hour and grade; returns how many rows it wrote. */
export async function compactGradeCounts(db: DataSource | EntityManager, shopId: string, before: Date): Promise<number> {
  return (await sqlRows(db, COMPACT_SQL, [shopId, before])).length;
}
