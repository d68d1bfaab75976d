import { MigrationInterface, QueryRunner } from 'typeorm';

export class Alerts1796669937698 implements MigrationInterface {
  name = 'Alerts1796669937698';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "subject_type" character varying(8) NOT NULL, "subject" character varying(200) NOT NULL, "cause" character varying(16) NOT NULL, "status" character varying(8) NOT NULL DEFAULT \'open\', "method" character varying(16) NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "first_bad_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" character varying(128), "evidence" jsonb NOT NULL, CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_alerts_shop_opened" ON "alerts" ("shop_id", "opened_at", "id") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_alerts_open_subject" ON "alerts" ("shop_id", "subject_type", "subject", "cause") WHERE status = \'open\'');
    await queryRunner.query(
      'CREATE TABLE "alert_settings" ("shop_id" uuid NOT NULL, "override" jsonb NOT NULL DEFAULT \'{}\', "updated_by" character varying(128), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_84ceb9c8f36af8cfc6ecd578235" PRIMARY KEY ("shop_id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_reviews_shop_agent" ON "reviews" ("shop_id", "service_agent", "reviewed_at") WHERE service_agent IS NOT NULL');
    await queryRunner.query('CREATE INDEX "ix_reviews_shop_carrier" ON "reviews" ("shop_id", "carrier", "reviewed_at") WHERE carrier IS NOT NULL');
    await queryRunner.query(
      'ALTER TABLE "alerts" ADD CONSTRAINT "FK_ec4e53c15d4cb725765e090942d" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "alert_settings" ADD CONSTRAINT "FK_84ceb9c8f36af8cfc6ecd578235" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "alert_settings" DROP CONSTRAINT "FK_84ceb9c8f36af8cfc6ecd578235"');
    await queryRunner.query('ALTER TABLE "alerts" DROP CONSTRAINT "FK_ec4e53c15d4cb725765e090942d"');
    await queryRunner.query('DROP INDEX "public"."ix_reviews_shop_carrier"');
    await queryRunner.query('DROP INDEX "public"."ix_reviews_shop_agent"');
    await queryRunner.query('DROP TABLE "alert_settings"');
    await queryRunner.query('DROP INDEX "public"."uq_alerts_open_subject"');
    await queryRunner.query('DROP INDEX "public"."ix_alerts_shop_opened"');
    await queryRunner.query('DROP TABLE "alerts"');
  }
}
