import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplianceGuard1796659936505 implements MigrationInterface {
  name = 'ComplianceGuard1796659936505';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "compliance_overrides" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "subject_type" character varying(12) NOT NULL, "subject_id" uuid NOT NULL, "action" character varying(12) NOT NULL, "rule_ids" text array NOT NULL, "reason" text NOT NULL, "actor" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a0e4d6b4079ca3b9b67a2d29c1c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_compliance_overrides_subject" ON "compliance_overrides" ("shop_id", "subject_id", "created_at") ');
    await queryRunner.query('CREATE INDEX "ix_compliance_overrides_shop_time" ON "compliance_overrides" ("shop_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "corrective_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "what" text NOT NULL, "language" character varying(2) NOT NULL, "tag" character varying(16), "sub_tag" character varying(32), "product_key" character varying(500), "carrier" character varying(100), "since" date NOT NULL, "created_by" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b1382eccccc5ca8d821e3688ade" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_corrective_actions_shop_since" ON "corrective_actions" ("shop_id", "since", "id") ');
    await queryRunner.query('ALTER TABLE "reply_settings" ADD "gifts_in_public_replies" boolean NOT NULL DEFAULT false');
    await queryRunner.query(
      'ALTER TABLE "compliance_overrides" ADD CONSTRAINT "FK_018b966dfc10d47741b83871c81" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "corrective_actions" ADD CONSTRAINT "FK_56d24c8ec12b60f461f02371895" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "corrective_actions" DROP CONSTRAINT "FK_56d24c8ec12b60f461f02371895"');
    await queryRunner.query('ALTER TABLE "compliance_overrides" DROP CONSTRAINT "FK_018b966dfc10d47741b83871c81"');
    await queryRunner.query('ALTER TABLE "reply_settings" DROP COLUMN "gifts_in_public_replies"');
    await queryRunner.query('DROP INDEX "public"."ix_corrective_actions_shop_since"');
    await queryRunner.query('DROP TABLE "corrective_actions"');
    await queryRunner.query('DROP INDEX "public"."ix_compliance_overrides_shop_time"');
    await queryRunner.query('DROP INDEX "public"."ix_compliance_overrides_subject"');
    await queryRunner.query('DROP TABLE "compliance_overrides"');
  }
}
