import { MigrationInterface, QueryRunner } from 'typeorm';

export class Classification1795655497624 implements MigrationInterface {
  name = 'Classification1795655497624';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "classifier_models" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "version" character varying(80) NOT NULL, "base_version" character varying(80) NOT NULL, "model" jsonb NOT NULL, "corrections_used" integer NOT NULL, "trained_up_to" TIMESTAMP WITH TIME ZONE NOT NULL, "metrics" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a11e8ec40bfa3774cbe24473de2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_classifier_models_shop_created" ON "classifier_models" ("shop_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "tag_corrections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "review_id" uuid NOT NULL, "tags" text array NOT NULL, "sub_tags" text array NOT NULL, "previous_tags" text array NOT NULL, "previous_sub_tags" text array NOT NULL, "previous_version" character varying(80), "corrected_by" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da3f248ddd72d9bf384d894443e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_404fbd338e546e4ae1a713351d" ON "tag_corrections" ("review_id") ');
    await queryRunner.query('CREATE INDEX "ix_tag_corrections_shop_created" ON "tag_corrections" ("shop_id", "created_at") ');
    await queryRunner.query('ALTER TABLE "reviews" ADD "tags" text array NOT NULL DEFAULT \'{}\'');
    await queryRunner.query('ALTER TABLE "reviews" ADD "sub_tags" text array NOT NULL DEFAULT \'{}\'');
    await queryRunner.query('ALTER TABLE "reviews" ADD "tag_confidence" jsonb');
    await queryRunner.query('ALTER TABLE "reviews" ADD "tag_evidence" jsonb');
    await queryRunner.query('ALTER TABLE "reviews" ADD "tag_source" character varying(8)');
    await queryRunner.query('ALTER TABLE "reviews" ADD "classifier_version" character varying(80)');
    await queryRunner.query('ALTER TABLE "reviews" ADD "classified_at" TIMESTAMP WITH TIME ZONE');
    // GIN indexes for ?tag= and ?subTag= filters (declared with synchronize: false on the entity)
    await queryRunner.query('CREATE INDEX "ix_reviews_tags" ON "reviews" USING gin ("tags")');
    await queryRunner.query('CREATE INDEX "ix_reviews_sub_tags" ON "reviews" USING gin ("sub_tags")');
    await queryRunner.query(
      'ALTER TABLE "tag_corrections" ADD CONSTRAINT "FK_404fbd338e546e4ae1a713351d5" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tag_corrections" DROP CONSTRAINT "FK_404fbd338e546e4ae1a713351d5"');
    await queryRunner.query('DROP INDEX "public"."ix_reviews_sub_tags"');
    await queryRunner.query('DROP INDEX "public"."ix_reviews_tags"');
    await queryRunner.query('ALTER TABLE "reviews" DROP COLUMN "classified_at"');
    await queryRunner.query('ALTER TABLE "reviews" DROP COLUMN "classifier_version"');
    await queryRunner.query('ALTER TABLE "reviews" DROP COLUMN "tag_source"');
    await queryRunner.query('ALTER TABLE "reviews" DROP COLUMN "tag_evidence"');
    await queryRunner.query('ALTER TABLE "reviews" DROP COLUMN "tag_confidence"');
    await queryRunner.query('ALTER TABLE "reviews" DROP COLUMN "sub_tags"');
    await queryRunner.query('ALTER TABLE "reviews" DROP COLUMN "tags"');
    await queryRunner.query('DROP INDEX "public"."ix_tag_corrections_shop_created"');
    await queryRunner.query('DROP INDEX "public"."IDX_404fbd338e546e4ae1a713351d"');
    await queryRunner.query('DROP TABLE "tag_corrections"');
    await queryRunner.query('DROP INDEX "public"."ix_classifier_models_shop_created"');
    await queryRunner.query('DROP TABLE "classifier_models"');
  }
}
