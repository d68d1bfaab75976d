import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795636723288 implements MigrationInterface {
  name = 'Initial1795636723288';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "shops" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "timezone" character varying(64) NOT NULL DEFAULT \'Asia/Shanghai\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3c6aaa6607d287de99815e60b96" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "prefix" character varying(16) NOT NULL, "key_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_a0bcb7c9f67d90cb29681d08ed" ON "api_keys" ("shop_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "IDX_57384430aa1959f4578046c9b8" ON "api_keys" ("key_hash") ');
    await queryRunner.query(
      'CREATE TABLE "reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "platform" character varying(16) NOT NULL, "external_id" character varying(128) NOT NULL, "product_id" character varying(128), "sku" character varying(128), "product_name" character varying(500), "order_id" character varying(128), "buyer_id" character varying(128), "buyer_nick" character varying(128), "rating" smallint NOT NULL, "grade" character varying(8) NOT NULL, "content" text NOT NULL DEFAULT \'\', "image_urls" text array NOT NULL DEFAULT \'{}\', "image_count" integer NOT NULL DEFAULT \'0\', "has_video" boolean NOT NULL DEFAULT false, "order_amount" numeric(12,2), "currency" character(3), "ordered_at" TIMESTAMP WITH TIME ZONE, "shipped_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "carrier" character varying(64), "service_agent" character varying(64), "follow_up_content" text, "follow_up_at" TIMESTAMP WITH TIME ZONE, "language" character varying(8), "content_hash" character(64) NOT NULL, "revision" integer NOT NULL DEFAULT \'1\', "analysis_status" character varying(8) NOT NULL DEFAULT \'pending\', "analyzed_revision" integer, "analysis_attempts" integer NOT NULL DEFAULT \'0\', "analysis_error" character varying(200), "analysis_enqueued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "analyzed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_reviews_shop_platform_external" UNIQUE ("shop_id", "platform", "external_id"), CONSTRAINT "PK_231ae565c273ee700b283f15c1d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_reviews_analysis_pending" ON "reviews" ("analysis_enqueued_at") WHERE analysis_status = \'pending\'');
    await queryRunner.query('CREATE INDEX "ix_reviews_shop_product" ON "reviews" ("shop_id", "product_id") ');
    await queryRunner.query('CREATE INDEX "ix_reviews_shop_buyer" ON "reviews" ("shop_id", "buyer_id") ');
    await queryRunner.query('CREATE INDEX "ix_reviews_shop_reviewed" ON "reviews" ("shop_id", "reviewed_at", "id") ');
    await queryRunner.query(
      'CREATE TABLE "review_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "review_id" uuid NOT NULL, "revision" integer NOT NULL, "rating" smallint NOT NULL, "grade" character varying(8) NOT NULL, "snapshot" jsonb NOT NULL, "changed_fields" text array NOT NULL, "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_87ae550a5b5a847923c7a8873e5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_e0c0aa563f9a506770e333e065" ON "review_revisions" ("shop_id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "ix_review_revisions_review" ON "review_revisions" ("review_id", "revision") ');
    await queryRunner.query(
      'ALTER TABLE "api_keys" ADD CONSTRAINT "FK_a0bcb7c9f67d90cb29681d08ed2" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reviews" ADD CONSTRAINT "FK_b8002ad83c018f58beac46dee3f" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_revisions" ADD CONSTRAINT "FK_ba6b67a7b815838c0ac467a7867" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "review_revisions" DROP CONSTRAINT "FK_ba6b67a7b815838c0ac467a7867"');
    await queryRunner.query('ALTER TABLE "reviews" DROP CONSTRAINT "FK_b8002ad83c018f58beac46dee3f"');
    await queryRunner.query('ALTER TABLE "api_keys" DROP CONSTRAINT "FK_a0bcb7c9f67d90cb29681d08ed2"');
    await queryRunner.query('DROP INDEX "public"."ix_review_revisions_review"');
    await queryRunner.query('DROP INDEX "public"."IDX_e0c0aa563f9a506770e333e065"');
    await queryRunner.query('DROP TABLE "review_revisions"');
    await queryRunner.query('DROP INDEX "public"."ix_reviews_shop_reviewed"');
    await queryRunner.query('DROP INDEX "public"."ix_reviews_shop_buyer"');
    await queryRunner.query('DROP INDEX "public"."ix_reviews_shop_product"');
    await queryRunner.query('DROP INDEX "public"."ix_reviews_analysis_pending"');
    await queryRunner.query('DROP TABLE "reviews"');
    await queryRunner.query('DROP INDEX "public"."IDX_57384430aa1959f4578046c9b8"');
    await queryRunner.query('DROP INDEX "public"."IDX_a0bcb7c9f67d90cb29681d08ed"');
    await queryRunner.query('DROP TABLE "api_keys"');
    await queryRunner.query('DROP TABLE "shops"');
  }
}
