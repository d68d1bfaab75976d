import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The weekly report counts recovery cases and flagged reviewers in the period of their reviews' posting time, like
 * the reviews: cases by recovery_cases.reviewed_at (an index for the funnel's range), flags by the new
 * reviewer_profiles.flagged_review_at (the posting time of the review that got the buyer flagged), which replaces
 * flagged_at in the report's index. Existing flags keep the time they were flagged: which review caused them is not known.
 */
export class ReportPeriodOfCasesAndFlags1795681000000 implements MigrationInterface {
  name = 'ReportPeriodOfCasesAndFlags1795681000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reviewer_profiles" ADD "flagged_review_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('UPDATE "reviewer_profiles" SET "flagged_review_at" = "flagged_at" WHERE "flagged_at" IS NOT NULL');
    await queryRunner.query('DROP INDEX "public"."ix_reviewer_profiles_shop_flagged"');
    await queryRunner.query(
      'CREATE INDEX "ix_reviewer_profiles_shop_flagged_review" ON "reviewer_profiles" ("shop_id", "flagged_review_at") WHERE flagged_review_at IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "ix_recovery_cases_shop_reviewed" ON "recovery_cases" ("shop_id", "reviewed_at") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_recovery_cases_shop_reviewed"');
    await queryRunner.query('DROP INDEX "public"."ix_reviewer_profiles_shop_flagged_review"');
    await queryRunner.query('CREATE INDEX "ix_reviewer_profiles_shop_flagged" ON "reviewer_profiles" ("shop_id", "flagged_at") WHERE flagged_at IS NOT NULL');
    await queryRunner.query('ALTER TABLE "reviewer_profiles" DROP COLUMN "flagged_review_at"');
  }
}
