import { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhook deliveries of stored reports beside those of published replies: exactly one of the two ids is set. */
export class ReportWebhookDeliveries1795668128807 implements MigrationInterface {
  name = 'ReportWebhookDeliveries1795668128807';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "webhook_deliveries" ADD "report_id" uuid');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" ALTER COLUMN "reply_id" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "ck_webhook_deliveries_subject" CHECK (num_nonnulls(reply_id, report_id) = 1)');
    await queryRunner.query(
      'CREATE INDEX "ix_webhook_deliveries_report" ON "webhook_deliveries" ("shop_id", "report_id", "created_at") WHERE report_id IS NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_c9abd7b9dfccf8d14dacee94f93" FOREIGN KEY ("report_id") REFERENCES "reports"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // reply_id becomes required again: the deliveries of reports go
    await queryRunner.query('DELETE FROM "webhook_deliveries" WHERE "report_id" IS NOT NULL');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_c9abd7b9dfccf8d14dacee94f93"');
    await queryRunner.query('DROP INDEX "public"."ix_webhook_deliveries_report"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "ck_webhook_deliveries_subject"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" ALTER COLUMN "reply_id" SET NOT NULL');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP COLUMN "report_id"');
  }
}
