import { MigrationInterface, QueryRunner } from 'typeorm';

export class Replies1795659619455 implements MigrationInterface {
  name = 'Replies1795659619455';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "remedy_policies" ("shop_id" uuid NOT NULL, "policy" jsonb NOT NULL, "updated_by" character varying(128) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_72e6e03ff3873132f945b8d0a77" PRIMARY KEY ("shop_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "reply_drafts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "review_id" uuid NOT NULL, "review_revision" integer NOT NULL, "product_key" character varying(500) NOT NULL DEFAULT \'\', "is_current" boolean NOT NULL DEFAULT true, "kind" character varying(12) NOT NULL, "status" character varying(12) NOT NULL DEFAULT \'draft\', "language" character varying(8) NOT NULL, "feel" text, "felt" text, "found" text, "text" text NOT NULL, "max_length" integer NOT NULL, "shortened" boolean NOT NULL DEFAULT false, "outreach" jsonb, "remedy" jsonb, "causes" jsonb NOT NULL DEFAULT \'[]\', "severity" character varying(8), "high_risk" boolean NOT NULL DEFAULT false, "template_ids" text array NOT NULL DEFAULT \'{}\', "created_by" character varying(128) NOT NULL, "edited_by" character varying(128), "edited_at" TIMESTAMP WITH TIME ZONE, "approved_by" character varying(128), "approved_at" TIMESTAMP WITH TIME ZONE, "published_by" character varying(128), "published_at" TIMESTAMP WITH TIME ZONE, "superseded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3841443a22dffc3b7b5d3c49118" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_reply_drafts_shop_status" ON "reply_drafts" ("shop_id", "status", "created_at", "id") ');
    await queryRunner.query('CREATE INDEX "ix_reply_drafts_product" ON "reply_drafts" ("shop_id", "product_key", "created_at", "id") ');
    await queryRunner.query('CREATE INDEX "ix_reply_drafts_review" ON "reply_drafts" ("shop_id", "review_id", "created_at") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_reply_drafts_current" ON "reply_drafts" ("review_id") WHERE is_current');
    await queryRunner.query(
      'CREATE TABLE "reply_settings" ("shop_id" uuid NOT NULL, "max_length" integer NOT NULL DEFAULT \'500\', "auto_draft" character varying(8) NOT NULL DEFAULT \'off\', "webhook_url" character varying(2000), "webhook_secret" character varying(256), "updated_by" character varying(128) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_53d096e0b4f79a5ab0a324e2f83" PRIMARY KEY ("shop_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "reply_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "tag" character varying(16), "sub_tag" character varying(32), "language" character varying(8) NOT NULL, "part" character varying(24) NOT NULL, "text" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_by" character varying(128) NOT NULL, "updated_by" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5eea29db5f7f80ebf8210ee3df6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_reply_templates_shop_slot" ON "reply_templates" ("shop_id", "language", "part") ');
    await queryRunner.query(
      'CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "reply_id" uuid NOT NULL, "event" character varying(40) NOT NULL, "url" character varying(2000) NOT NULL, "body" text NOT NULL, "status" character varying(12) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "last_status_code" integer, "last_error" character varying(300), "last_attempt_at" TIMESTAMP WITH TIME ZONE, "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_webhook_deliveries_due" ON "webhook_deliveries" ("next_attempt_at") WHERE status = \'pending\'');
    await queryRunner.query('CREATE INDEX "ix_webhook_deliveries_reply" ON "webhook_deliveries" ("shop_id", "reply_id", "created_at") ');
    await queryRunner.query(
      'ALTER TABLE "remedy_policies" ADD CONSTRAINT "FK_72e6e03ff3873132f945b8d0a77" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reply_drafts" ADD CONSTRAINT "FK_24bb63d234e30fd8d345bfdeb92" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reply_drafts" ADD CONSTRAINT "FK_e8311b4796b02773cf41b17f994" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reply_settings" ADD CONSTRAINT "FK_53d096e0b4f79a5ab0a324e2f83" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reply_templates" ADD CONSTRAINT "FK_1bdc5be9dfbc712d4a23f96a371" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_46d1dbe53529025069d1ec43b60" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_30e81a7e4cd6c5f514cb1606fb9" FOREIGN KEY ("reply_id") REFERENCES "reply_drafts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_30e81a7e4cd6c5f514cb1606fb9"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_46d1dbe53529025069d1ec43b60"');
    await queryRunner.query('ALTER TABLE "reply_templates" DROP CONSTRAINT "FK_1bdc5be9dfbc712d4a23f96a371"');
    await queryRunner.query('ALTER TABLE "reply_settings" DROP CONSTRAINT "FK_53d096e0b4f79a5ab0a324e2f83"');
    await queryRunner.query('ALTER TABLE "reply_drafts" DROP CONSTRAINT "FK_e8311b4796b02773cf41b17f994"');
    await queryRunner.query('ALTER TABLE "reply_drafts" DROP CONSTRAINT "FK_24bb63d234e30fd8d345bfdeb92"');
    await queryRunner.query('ALTER TABLE "remedy_policies" DROP CONSTRAINT "FK_72e6e03ff3873132f945b8d0a77"');
    await queryRunner.query('DROP INDEX "public"."ix_webhook_deliveries_reply"');
    await queryRunner.query('DROP INDEX "public"."ix_webhook_deliveries_due"');
    await queryRunner.query('DROP TABLE "webhook_deliveries"');
    await queryRunner.query('DROP INDEX "public"."ix_reply_templates_shop_slot"');
    await queryRunner.query('DROP TABLE "reply_templates"');
    await queryRunner.query('DROP TABLE "reply_settings"');
    await queryRunner.query('DROP INDEX "public"."uq_reply_drafts_current"');
    await queryRunner.query('DROP INDEX "public"."ix_reply_drafts_review"');
    await queryRunner.query('DROP INDEX "public"."ix_reply_drafts_product"');
    await queryRunner.query('DROP INDEX "public"."ix_reply_drafts_shop_status"');
    await queryRunner.query('DROP TABLE "reply_drafts"');
    await queryRunner.query('DROP TABLE "remedy_policies"');
  }
}
