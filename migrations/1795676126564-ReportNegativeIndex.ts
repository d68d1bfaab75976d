import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The medium/bad reviews of a shop by posting time. A report reads the complaints of two periods through it
 * instead of every review of both; only medium/bad reviews (about a fifth) are in it, so ingestion writes
 * little extra.
 */
export class ReportNegativeIndex1795676126564 implements MigrationInterface {
  name = 'ReportNegativeIndex1795676126564';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "ix_reviews_shop_negative" ON "reviews" ("shop_id", "reviewed_at") WHERE grade <> \'good\'');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_reviews_shop_negative"');
  }
}
