import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews per shop, UTC hour of posting and grade, kept by triggers on reviews, so a report's trend adds up
 * hours instead of counting every review of eight periods.
 *
 * Each writing backend adds to its own row (writer = pg_backend_pid()): concurrent ingestion transactions of a
 * shop never wait on one another's counter, and a row may hold a negative number (a backend that only saw a
 * review change grade). The sum over writers is the count. A sweep in the worker processes merges past hours
 * into writer 0 (compactGradeCounts), so the table stays near one row per shop, hour and grade.
 *
 * Inserts are counted per statement (the new rows as a transition table, one upsert per hour and grade);
 * updates per row, and only when grade, posting time or shop change (a revision; analysis never does);
 * deletes per statement, except when the shop itself is being deleted (its counts go with it).
 */
export class ReviewGradeCounts1795676295864 implements MigrationInterface {
  name = 'ReviewGradeCounts1795676295864';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "review_grade_counts" (
        "shop_id" uuid NOT NULL,
        "hour" timestamptz NOT NULL,
        "grade" character varying(8) NOT NULL,
        "writer" integer NOT NULL,
        "reviews" integer NOT NULL,
        CONSTRAINT "PK_review_grade_counts" PRIMARY KEY ("shop_id", "hour", "grade", "writer"),
        CONSTRAINT "FK_review_grade_counts_shop" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE
      )`);
    // the rows the merge sweep has not reached yet
    await queryRunner.query(`CREATE INDEX "ix_review_grade_counts_unmerged" ON "review_grade_counts" ("hour") WHERE writer <> 0`);
    // inserted or deleted rows, as the transition table "changed" of either trigger
    await queryRunner.query(`
      CREATE FUNCTION review_grade_counts_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO review_grade_counts AS c (shop_id, hour, grade, writer, reviews)
        SELECT r.shop_id, date_trunc('hour', r.reviewed_at, 'UTC'), r.grade, pg_backend_pid(),
          CASE TG_OP WHEN 'DELETE' THEN -count(*) ELSE count(*) END
        FROM changed r
        -- deleting a shop deletes its reviews and its counts: nothing left to count
        WHERE TG_OP = 'INSERT' OR EXISTS (SELECT 1 FROM shops s WHERE s.id = r.shop_id)
        GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
        ON CONFLICT (shop_id, hour, grade, writer) DO UPDATE SET reviews = c.reviews + excluded.reviews;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION review_grade_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO review_grade_counts AS c (shop_id, hour, grade, writer, reviews)
        SELECT x.shop_id, x.hour, x.grade, pg_backend_pid(), sum(x.n)
        FROM (VALUES
          (OLD.shop_id, date_trunc('hour', OLD.reviewed_at, 'UTC'), OLD.grade::varchar, -1),
          (NEW.shop_id, date_trunc('hour', NEW.reviewed_at, 'UTC'), NEW.grade::varchar, 1)
        ) AS x(shop_id, hour, grade, n)
        GROUP BY 1, 2, 3
        HAVING sum(x.n) <> 0
        ORDER BY 1, 2, 3
        ON CONFLICT (shop_id, hour, grade, writer) DO UPDATE SET reviews = c.reviews + excluded.reviews;
        RETURN NULL;
      END $$`);
    // no review may be written between the count of what exists and the triggers taking over
    await queryRunner.query(`LOCK TABLE "reviews" IN SHARE ROW EXCLUSIVE MODE`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_reviews_grade_counts_insert" AFTER INSERT ON "reviews"
      REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION review_grade_counts_rows()`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_reviews_grade_counts_update" AFTER UPDATE ON "reviews" FOR EACH ROW
      WHEN (OLD.grade IS DISTINCT FROM NEW.grade OR OLD.reviewed_at IS DISTINCT FROM NEW.reviewed_at OR OLD.shop_id IS DISTINCT FROM NEW.shop_id)
      EXECUTE FUNCTION review_grade_counts_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER "tr_reviews_grade_counts_delete" AFTER DELETE ON "reviews"
      REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION review_grade_counts_rows()`);
    await queryRunner.query(`
      INSERT INTO "review_grade_counts" (shop_id, hour, grade, writer, reviews)
      SELECT shop_id, date_trunc('hour', reviewed_at, 'UTC'), grade, 0, count(*) FROM reviews GROUP BY 1, 2, 3`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_reviews_grade_counts_delete" ON "reviews"`);
    await queryRunner.query(`DROP TRIGGER "tr_reviews_grade_counts_update" ON "reviews"`);
    await queryRunner.query(`DROP TRIGGER "tr_reviews_grade_counts_insert" ON "reviews"`);
    await queryRunner.query(`DROP FUNCTION review_grade_counts_changed()`);
    await queryRunner.query(`DROP FUNCTION review_grade_counts_rows()`);
    await queryRunner.query(`DROP TABLE "review_grade_counts"`);
  }
}
