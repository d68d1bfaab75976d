import { MigrationInterface, QueryRunner } from 'typeorm';

export class EventOutbox1796657716423 implements MigrationInterface {
  name = 'EventOutbox1796657716423';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "event_subscriptions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "url" character varying(2000) NOT NULL, "event_types" text array NOT NULL, "description" character varying(200), "secret" character varying(256) NOT NULL, "previous_secret" character varying(256), "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE, "status" character varying(10) NOT NULL DEFAULT \'active\', "disabled_reason" character varying(300), "disabled_at" TIMESTAMP WITH TIME ZONE, "consecutive_failures" integer NOT NULL DEFAULT \'0\', "lease_until" TIMESTAMP WITH TIME ZONE, "created_by" character varying(128) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9e4944140dfbdb8a75c8f3d9bce" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_event_subscriptions_shop" ON "event_subscriptions" ("shop_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "outbox_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "shop_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "subject_id" uuid NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6689a16c00d09b8089f6237f1d2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_outbox_events_shop_created" ON "outbox_events" ("shop_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "event_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "shop_id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_type" character varying(40) NOT NULL, "event_seq" bigint NOT NULL, "subject_id" uuid NOT NULL, "status" character varying(12) NOT NULL DEFAULT \'pending\', "attempts" integer NOT NULL DEFAULT \'0\', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_status_code" integer, "last_latency_ms" integer, "last_error" character varying(300), "delivered_at" TIMESTAMP WITH TIME ZONE, "redelivered_by" character varying(128), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ca0ffb54b343624dfb988080657" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_event_deliveries_event" ON "event_deliveries" ("event_id") ');
    await queryRunner.query('CREATE INDEX "ix_event_deliveries_log" ON "event_deliveries" ("subscription_id", "created_at") ');
    await queryRunner.query(
      'CREATE INDEX "ix_event_deliveries_order" ON "event_deliveries" ("subscription_id", "subject_id", "event_seq") WHERE status = \'pending\'',
    );
    await queryRunner.query('CREATE INDEX "ix_event_deliveries_due" ON "event_deliveries" ("next_attempt_at") WHERE status = \'pending\'');
    await queryRunner.query(
      'ALTER TABLE "event_subscriptions" ADD CONSTRAINT "FK_58a566486bec8b91dd17a1322da" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "outbox_events" ADD CONSTRAINT "FK_5ff7198db349026de2a70c0f59c" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_deliveries" ADD CONSTRAINT "FK_bf4145aaf68a47022c16253fa92" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_deliveries" ADD CONSTRAINT "FK_8f934b935b3f1a4c5df2006b955" FOREIGN KEY ("subscription_id") REFERENCES "event_subscriptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_deliveries" ADD CONSTRAINT "FK_1f3b9428cd104607cc88049c197" FOREIGN KEY ("event_id") REFERENCES "outbox_events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "event_deliveries" DROP CONSTRAINT "FK_1f3b9428cd104607cc88049c197"');
    await queryRunner.query('ALTER TABLE "event_deliveries" DROP CONSTRAINT "FK_8f934b935b3f1a4c5df2006b955"');
    await queryRunner.query('ALTER TABLE "event_deliveries" DROP CONSTRAINT "FK_bf4145aaf68a47022c16253fa92"');
    await queryRunner.query('ALTER TABLE "outbox_events" DROP CONSTRAINT "FK_5ff7198db349026de2a70c0f59c"');
    await queryRunner.query('ALTER TABLE "event_subscriptions" DROP CONSTRAINT "FK_58a566486bec8b91dd17a1322da"');
    await queryRunner.query('DROP INDEX "public"."ix_event_deliveries_due"');
    await queryRunner.query('DROP INDEX "public"."ix_event_deliveries_order"');
    await queryRunner.query('DROP INDEX "public"."ix_event_deliveries_log"');
    await queryRunner.query('DROP INDEX "public"."ix_event_deliveries_event"');
    await queryRunner.query('DROP TABLE "event_deliveries"');
    await queryRunner.query('DROP INDEX "public"."ix_outbox_events_shop_created"');
    await queryRunner.query('DROP TABLE "outbox_events"');
    await queryRunner.query('DROP INDEX "public"."ix_event_subscriptions_shop"');
    await queryRunner.query('DROP TABLE "event_subscriptions"');
  }
}
