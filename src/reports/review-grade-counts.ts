import { sqlRows } from '../database/sql';
import type { DataSource, EntityManager } from 'typeorm';

/** rows merged by one statement: a sweep after a long pause catches up over several runs */
export const COMPACT_BATCH = 20_000;

/**
 * review_grade_counts (see its migration) holds, per shop, UTC hour and grade, one row per database backend that
 * wrote reviews of that hour, so that concurrent ingestion never waits on a shared counter. Merging the rows of
 * past hours into writer 0 keeps the table near one row per shop, hour and grade; the sums do not change.
 *
 * One statement: the rows it deletes are the rows it adds up. Rows a writer holds are skipped (the next run takes
 * them); a writer adding to a row after it was merged starts a new one; two runs at once take each row once.
 */
const COMPACT_SQL = `
  WITH picked AS (
    SELECT shop_id, hour, grade, writer FROM review_grade_counts
    WHERE writer <> 0 AND hour < $1
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), merged AS (
    DELETE FROM review_grade_counts c USING picked p
    WHERE c.shop_id = p.shop_id AND c.hour = p.hour AND c.grade = p.grade AND c.writer = p.writer
    RETURNING c.shop_id, c.hour, c.grade, c.reviews
  )
  INSERT INTO review_grade_counts AS c (shop_id, hour, grade, writer, reviews)
  SELECT shop_id, hour, grade, 0, sum(reviews) FROM merged
  GROUP BY shop_id, hour, grade
  ORDER BY shop_id, hour, grade
  ON CONFLICT (shop_id, hour, grade, writer) DO UPDATE SET reviews = c.reviews + excluded.reviews
  RETURNING 1`;

/**
 * Merges every shop's counts of the hours before `before` into one row per hour and grade, at most `limit` rows
 * per call; returns how many merged rows it wrote.
 */
export async function compactGradeCounts(db: DataSource | EntityManager, before: Date, limit = COMPACT_BATCH): Promise<number> {
  return (await sqlRows(db, COMPACT_SQL, [before, limit])).length;
}
