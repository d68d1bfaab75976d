import { MigrationInterface, QueryRunner } from 'typeorm';

export class WeeklyReports1795657478544 implements MigrationInterface {
  name = 'WeeklyReports1795657478544';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_e0c0aa563f9a506770e333e065"');
    await queryRunner.query(
      'CREATE TABLE "reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "week" character varying(8), "period_start" TIMESTAMP WITH TIME ZONE NOT NULL, "period_end" TIMESTAMP WITH TIME ZONE NOT NULL, "timezone" character varying(64) NOT NULL, "trigger" character varying(12) NOT NULL, "requested_by" character varying(128) NOT NULL, "generator_version" character varying(16) NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "duration_ms" integer NOT NULL, "data" jsonb NOT NULL, CONSTRAINT "PK_d9013193989303580053c0b5ef6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "uq_reports_scheduled" ON "reports" ("shop_id", "kind", "period_start") WHERE "trigger" = \'scheduled\'');
    await queryRunner.query('CREATE INDEX "ix_reports_shop_generated" ON "reports" ("shop_id", "generated_at", "id") ');
    await queryRunner.query('CREATE INDEX "ix_reports_shop_period" ON "reports" ("shop_id", "kind", "period_start", "period_end", "generated_at") ');
    await queryRunner.query(
      'CREATE TABLE "report_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "report_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_601736df2a66078f32bbe39267f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_170098b323ebd16d511f42a51e" ON "report_events" ("shop_id") ');
    await queryRunner.query('CREATE INDEX "ix_report_events_undispatched" ON "report_events" ("created_at") WHERE dispatched_at IS NULL');
    await queryRunner.query('ALTER TABLE "shops" ADD "locale" character varying(8) NOT NULL DEFAULT \'zh\'');
    await queryRunner.query('ALTER TABLE "shops" ADD "report_settings" jsonb NOT NULL DEFAULT \'{}\'');
    await queryRunner.query('ALTER TABLE "review_revisions" ADD "tags" text array');
    await queryRunner.query('ALTER TABLE "review_revisions" ADD "sub_tags" text array');
    await queryRunner.query('ALTER TABLE "review_revisions" ADD "tag_evidence" jsonb');
    await queryRunner.query('CREATE INDEX "ix_review_revisions_shop_replaced" ON "review_revisions" ("shop_id", "replaced_at") ');
    await queryRunner.query(
      'ALTER TABLE "reports" ADD CONSTRAINT "FK_324781ac1afd9671c5656dd0046" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "report_events" ADD CONSTRAINT "FK_42ddab8b3f922d68c35c485d3bd" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Snapshots are immutable: regenerating inserts a new row. Deletes stay possible (a shop's data goes with it).
    await queryRunner.query(`CREATE FUNCTION reports_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'reports are immutable snapshots: insert a new one instead' USING ERRCODE = '55000'; END $$`);
    await queryRunner.query('CREATE TRIGGER reports_no_update BEFORE UPDATE ON "reports" FOR EACH ROW EXECUTE FUNCTION reports_immutable()');
    // The list index, now covering the grade: a report counts the grades of 8 weeks without reading the table
    // (declared with synchronize: false on the entity, since TypeORM cannot declare INCLUDE)
    await queryRunner.query('DROP INDEX "public"."ix_reviews_shop_reviewed"');
    await queryRunner.query('CREATE INDEX "ix_reviews_shop_reviewed" ON "reviews" ("shop_id", "reviewed_at", "id") INCLUDE ("grade")');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_reviews_shop_reviewed"');
    await queryRunner.query('CREATE INDEX "ix_reviews_shop_reviewed" ON "reviews" ("shop_id", "reviewed_at", "id")');
    await queryRunner.query('DROP TRIGGER reports_no_update ON "reports"');
    await queryRunner.query('DROP FUNCTION reports_immutable()');
    await queryRunner.query('ALTER TABLE "report_events" DROP CONSTRAINT "FK_42ddab8b3f922d68c35c485d3bd"');
    await queryRunner.query('ALTER TABLE "reports" DROP CONSTRAINT "FK_324781ac1afd9671c5656dd0046"');
    await queryRunner.query('DROP INDEX "public"."ix_review_revisions_shop_replaced"');
    await queryRunner.query('ALTER TABLE "review_revisions" DROP COLUMN "tag_evidence"');
    await queryRunner.query('ALTER TABLE "review_revisions" DROP COLUMN "sub_tags"');
    await queryRunner.query('ALTER TABLE "review_revisions" DROP COLUMN "tags"');
    await queryRunner.query('ALTER TABLE "shops" DROP COLUMN "report_settings"');
    await queryRunner.query('ALTER TABLE "shops" DROP COLUMN "locale"');
    await queryRunner.query('DROP INDEX "public"."ix_report_events_undispatched"');
    await queryRunner.query('DROP INDEX "public"."IDX_170098b323ebd16d511f42a51e"');
    await queryRunner.query('DROP TABLE "report_events"');
    await queryRunner.query('DROP INDEX "public"."ix_reports_shop_period"');
    await queryRunner.query('DROP INDEX "public"."ix_reports_shop_generated"');
    await queryRunner.query('DROP INDEX "public"."uq_reports_scheduled"');
    await queryRunner.query('DROP TABLE "reports"');
    await queryRunner.query('CREATE INDEX "IDX_e0c0aa563f9a506770e333e065" ON "review_revisions" ("shop_id") ');
  }
}
