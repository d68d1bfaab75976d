import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewerProfiles1795655660339 implements MigrationInterface {
  name = 'ReviewerProfiles1795655660339';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "reviewer_profiles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "platform" character varying(16) NOT NULL, "buyer_id" character varying(128) NOT NULL, "buyer_nick" character varying(128), "review_count" integer NOT NULL DEFAULT \'0\', "negative_review_count" integer NOT NULL DEFAULT \'0\', "first_reviewed_at" TIMESTAMP WITH TIME ZONE, "last_reviewed_at" TIMESTAMP WITH TIME ZONE, "risk_score" real NOT NULL DEFAULT \'0\', "risk_level" character varying(8) NOT NULL DEFAULT \'low\', "signals" jsonb NOT NULL DEFAULT \'[]\', "scored_at" TIMESTAMP WITH TIME ZONE, "status" character varying(12) NOT NULL DEFAULT \'none\', "decided_by" character varying(128), "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_reviewer_profiles_buyer" UNIQUE ("shop_id", "platform", "buyer_id"), CONSTRAINT "PK_d585de4074b39be65b35a00ed82" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_reviewer_profiles_shop_status" ON "reviewer_profiles" ("shop_id", "status") ');
    await queryRunner.query('CREATE INDEX "ix_reviewer_profiles_shop_risk" ON "reviewer_profiles" ("shop_id", "risk_level", "risk_score") ');
    await queryRunner.query(
      'ALTER TABLE "reviewer_profiles" ADD CONSTRAINT "FK_2f97883a6117f73e7272d075071" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reviewer_profiles" DROP CONSTRAINT "FK_2f97883a6117f73e7272d075071"');
    await queryRunner.query('DROP INDEX "public"."ix_reviewer_profiles_shop_risk"');
    await queryRunner.query('DROP INDEX "public"."ix_reviewer_profiles_shop_status"');
    await queryRunner.query('DROP TABLE "reviewer_profiles"');
  }
}
