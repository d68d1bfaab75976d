import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReviewerRisk1795656218826 implements MigrationInterface {
  name = 'ReviewerRisk1795656218826';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "reviewer_contact_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "profile_id" uuid NOT NULL, "review_id" uuid NOT NULL, "contact_id" character varying(128), "kind" character varying(40) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "demanded_amount" numeric(12,2), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8c693008ec41c917521b34a2002" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_reviewer_contact_outcomes_contact" ON "reviewer_contact_outcomes" ("shop_id", "contact_id") WHERE contact_id IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "ix_reviewer_contact_outcomes_profile" ON "reviewer_contact_outcomes" ("shop_id", "profile_id", "at") ');
    await queryRunner.query(
      'CREATE TABLE "reviewer_decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "profile_id" uuid NOT NULL, "action" character varying(12) NOT NULL, "reason" text NOT NULL, "evidence_codes" text array NOT NULL DEFAULT \'{}\', "risk_score" real NOT NULL, "risk_level" character varying(8) NOT NULL, "from_status" character varying(12) NOT NULL, "to_status" character varying(12) NOT NULL, "reverts_id" uuid, "decided_by" character varying(128) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d20f4205d863c911e93c7fbc8b1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_reviewer_decisions_profile" ON "reviewer_decisions" ("shop_id", "profile_id", "decided_at") ');
    await queryRunner.query(
      'CREATE TABLE "reviewer_risk_settings" ("shop_id" uuid NOT NULL, "flag_level" character varying(8) NOT NULL DEFAULT \'high\', "override" jsonb NOT NULL DEFAULT \'{}\', "version" integer NOT NULL DEFAULT \'1\', "rescored_version" integer NOT NULL DEFAULT \'0\', "rescore_enqueued_at" TIMESTAMP WITH TIME ZONE, "updated_by" character varying(128), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2338085377dd5264063e9c8d235" PRIMARY KEY ("shop_id"))',
    );
    await queryRunner.query('ALTER TABLE "reviewer_profiles" ADD "decision" character varying(12)');
    await queryRunner.query('ALTER TABLE "reviewer_profiles" ADD "dismissed_evidence" jsonb NOT NULL DEFAULT \'[]\'');
    await queryRunner.query('CREATE INDEX "ix_reviews_platform_buyer" ON "reviews" ("platform", "buyer_id") ');
    await queryRunner.query(
      'ALTER TABLE "reviewer_contact_outcomes" ADD CONSTRAINT "FK_398b58b01806529c457757b88ed" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reviewer_contact_outcomes" ADD CONSTRAINT "FK_41a82582f2f49b0d1b18417eea6" FOREIGN KEY ("profile_id") REFERENCES "reviewer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reviewer_contact_outcomes" ADD CONSTRAINT "FK_d660e8b1e453681d9887f32ee0c" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reviewer_decisions" ADD CONSTRAINT "FK_80f922ec1319e4c1d0b6ca71dd5" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reviewer_decisions" ADD CONSTRAINT "FK_7905fc97518ebcdee74b41d4310" FOREIGN KEY ("profile_id") REFERENCES "reviewer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reviewer_risk_settings" ADD CONSTRAINT "FK_2338085377dd5264063e9c8d235" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reviewer_risk_settings" DROP CONSTRAINT "FK_2338085377dd5264063e9c8d235"');
    await queryRunner.query('ALTER TABLE "reviewer_decisions" DROP CONSTRAINT "FK_7905fc97518ebcdee74b41d4310"');
    await queryRunner.query('ALTER TABLE "reviewer_decisions" DROP CONSTRAINT "FK_80f922ec1319e4c1d0b6ca71dd5"');
    await queryRunner.query('ALTER TABLE "reviewer_contact_outcomes" DROP CONSTRAINT "FK_d660e8b1e453681d9887f32ee0c"');
    await queryRunner.query('ALTER TABLE "reviewer_contact_outcomes" DROP CONSTRAINT "FK_41a82582f2f49b0d1b18417eea6"');
    await queryRunner.query('ALTER TABLE "reviewer_contact_outcomes" DROP CONSTRAINT "FK_398b58b01806529c457757b88ed"');
    await queryRunner.query('DROP INDEX "public"."ix_reviews_platform_buyer"');
    await queryRunner.query('ALTER TABLE "reviewer_profiles" DROP COLUMN "dismissed_evidence"');
    await queryRunner.query('ALTER TABLE "reviewer_profiles" DROP COLUMN "decision"');
    await queryRunner.query('DROP TABLE "reviewer_risk_settings"');
    await queryRunner.query('DROP INDEX "public"."ix_reviewer_decisions_profile"');
    await queryRunner.query('DROP TABLE "reviewer_decisions"');
    await queryRunner.query('DROP INDEX "public"."ix_reviewer_contact_outcomes_profile"');
    await queryRunner.query('DROP INDEX "public"."uq_reviewer_contact_outcomes_contact"');
    await queryRunner.query('DROP TABLE "reviewer_contact_outcomes"');
  }
}
