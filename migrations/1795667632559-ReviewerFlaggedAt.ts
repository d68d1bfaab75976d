import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewerFlaggedAt1795667632559 implements MigrationInterface {
  name = 'ReviewerFlaggedAt1795667632559';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reviewer_profiles" ADD "flagged_at" TIMESTAMP WITH TIME ZONE');
    // profiles flagged before the column existed: their last change is the best estimate of when
    await queryRunner.query('UPDATE "reviewer_profiles" SET "flagged_at" = "updated_at" WHERE "status" = \'flagged\'');
    await queryRunner.query('CREATE INDEX "ix_reviewer_profiles_shop_flagged" ON "reviewer_profiles" ("shop_id", "flagged_at") WHERE flagged_at IS NOT NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_reviewer_profiles_shop_flagged"');
    await queryRunner.query('ALTER TABLE "reviewer_profiles" DROP COLUMN "flagged_at"');
  }
}
