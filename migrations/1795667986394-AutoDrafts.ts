import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Medium and bad reviews are drafted by themselves by default (a shop's row keeps what it chose), and the
 * reply-draft sweep and drafting jobs read medium/bad reviews by the time of their analysis.
 */
export class AutoDrafts1795667986394 implements MigrationInterface {
  name = 'AutoDrafts1795667986394';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reply_settings" ALTER COLUMN "auto_draft" SET DEFAULT \'negative\'');
    await queryRunner.query('CREATE INDEX "ix_reviews_negative_analyzed" ON "reviews" ("analyzed_at") WHERE grade <> \'good\' AND analyzed_at IS NOT NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_reviews_negative_analyzed"');
    await queryRunner.query('ALTER TABLE "reply_settings" ALTER COLUMN "auto_draft" SET DEFAULT \'off\'');
  }
}
