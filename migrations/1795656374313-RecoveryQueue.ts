import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecoveryQueue1795656374313 implements MigrationInterface {
  name = 'RecoveryQueue1795656374313';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "staff_members" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "role" character varying(8) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deactivated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cdad75efe024402db5d51140960" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_staff_members_shop" ON "staff_members" ("shop_id", "created_at") ');
    await queryRunner.query(
      'CREATE TABLE "recovery_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "review_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "grade" character varying(8) NOT NULL, "grade_rank" smallint NOT NULL, "platform" character varying(16) NOT NULL, "buyer_id" character varying(128), "product_id" character varying(128), "order_amount" numeric(12,2), "product_recent_reviews" integer NOT NULL DEFAULT \'0\', "reviewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revision_deadline_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_day" date NOT NULL, "first_contact_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_contacted_at" TIMESTAMP WITH TIME ZONE, "first_contact_staff_id" uuid, "last_contact_at" TIMESTAMP WITH TIME ZONE, "contact_count" integer NOT NULL DEFAULT \'0\', "follow_up_due_at" TIMESTAMP WITH TIME ZONE, "promised_revision_at" TIMESTAMP WITH TIME ZONE, "missed_promises" integer NOT NULL DEFAULT \'0\', "queue_urgency" smallint, "assignee_id" uuid, "assigned_at" TIMESTAMP WITH TIME ZONE, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, "revised_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_05a99a3aeaace3463ed9467714f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_recovery_cases_shop_opened" ON "recovery_cases" ("shop_id", "opened_at", "id") ');
    await queryRunner.query('CREATE INDEX "ix_recovery_cases_review" ON "recovery_cases" ("review_id") ');
    await queryRunner.query(
      "CREATE UNIQUE INDEX \"uq_recovery_cases_open_review\" ON \"recovery_cases\" (\"review_id\") WHERE status IN ('new', 'contacting', 'awaiting_revision', 'escalated')",
    );
    await queryRunner.query(
      'CREATE TABLE "recovery_case_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "case_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "actor" character varying(128) NOT NULL, "action" character varying(20) NOT NULL, "from_status" character varying(20), "to_status" character varying(20), "reason" text, "details" jsonb, CONSTRAINT "PK_59b835e963369b8770b5a575c1b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_recovery_case_events_case" ON "recovery_case_events" ("case_id", "at") ');
    await queryRunner.query(
      'CREATE TABLE "recovery_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shop_id" uuid NOT NULL, "case_id" uuid NOT NULL, "review_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "channel" character varying(8) NOT NULL, "outcome" character varying(24) NOT NULL, "actor" character varying(128) NOT NULL, "staff_id" uuid, "compensation_type" character varying(20), "compensation_amount" numeric(12,2), "compensation_currency" character(3), "demanded_amount" numeric(12,2), "promised_revision_at" TIMESTAMP WITH TIME ZONE, "next_follow_up_at" TIMESTAMP WITH TIME ZONE, "note" text, "policy_override_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_598631f975da0bb1d929170d85a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_recovery_contacts_shop_at" ON "recovery_contacts" ("shop_id", "at") ');
    await queryRunner.query('CREATE INDEX "ix_recovery_contacts_case" ON "recovery_contacts" ("case_id", "at") ');
    await queryRunner.query(
      'CREATE TABLE "recovery_settings" ("shop_id" uuid NOT NULL, "revision_window_days" integer NOT NULL DEFAULT \'30\', "first_contact_sla_hours" integer NOT NULL DEFAULT \'24\', "max_contacts_per_day" integer NOT NULL DEFAULT \'2\', "max_contacts_total" integer NOT NULL DEFAULT \'6\', "quiet_hours_start" character varying(5) NOT NULL DEFAULT \'21:00\', "quiet_hours_end" character varying(5) NOT NULL DEFAULT \'09:00\', "high_value_order_amount" numeric(12,2) NOT NULL DEFAULT \'200\', "best_seller_reviews30d" integer NOT NULL DEFAULT \'20\', "updated_by" character varying(128), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_08a16b2b34dd7dbe4eb280a7fc7" PRIMARY KEY ("shop_id"))',
    );
    await queryRunner.query('ALTER TABLE "api_keys" ADD "staff_id" uuid');
    await queryRunner.query('CREATE INDEX "ix_api_keys_staff" ON "api_keys" ("staff_id") ');
    await queryRunner.query(
      'ALTER TABLE "staff_members" ADD CONSTRAINT "FK_f7067ffcc48a3eccb57b3843933" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_cases" ADD CONSTRAINT "FK_a6fc5fc6db426612d5377e5db67" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_cases" ADD CONSTRAINT "FK_845d32b9875768fe8c19075a12d" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_cases" ADD CONSTRAINT "FK_e1d276af96e249e82f6093d43fd" FOREIGN KEY ("assignee_id") REFERENCES "staff_members"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_case_events" ADD CONSTRAINT "FK_96329ca89ab9956b2ebcc4f4b67" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_case_events" ADD CONSTRAINT "FK_b4ac7031aca8b9bfc3781d9bb46" FOREIGN KEY ("case_id") REFERENCES "recovery_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_contacts" ADD CONSTRAINT "FK_b78c9b69d2d04e6e7ca173942d9" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_contacts" ADD CONSTRAINT "FK_c47da2b859d8654b794a601b624" FOREIGN KEY ("case_id") REFERENCES "recovery_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_settings" ADD CONSTRAINT "FK_08a16b2b34dd7dbe4eb280a7fc7" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "api_keys" ADD CONSTRAINT "FK_855e77a31ff789a3a220bf9680e" FOREIGN KEY ("staff_id") REFERENCES "staff_members"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // The queue reads open cases in priority order straight from these indexes (see RecoveryQueueService);
    // the sweep finds the rows whose urgency changes with time through the partial ones.
    await queryRunner.query(
      'CREATE INDEX "ix_recovery_cases_queue" ON "recovery_cases" ("shop_id", "deadline_day", "grade_rank", "queue_urgency", "order_amount" DESC NULLS LAST, "product_recent_reviews" DESC, "id") WHERE queue_urgency IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_recovery_cases_queue_assignee" ON "recovery_cases" ("shop_id", "assignee_id", "deadline_day", "grade_rank", "queue_urgency", "order_amount" DESC NULLS LAST, "product_recent_reviews" DESC, "id") WHERE queue_urgency IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_recovery_cases_queue_buyer" ON "recovery_cases" ("shop_id", "platform", "buyer_id") WHERE queue_urgency IS NOT NULL',
    );
    await queryRunner.query('CREATE INDEX "ix_recovery_cases_follow_up_sweep" ON "recovery_cases" ("follow_up_due_at") WHERE follow_up_due_at IS NOT NULL');
    await queryRunner.query(
      'CREATE INDEX "ix_recovery_cases_first_contact_sweep" ON "recovery_cases" ("first_contact_due_at") WHERE queue_urgency = 2 AND first_contacted_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_recovery_cases_deadline_sweep" ON "recovery_cases" ("revision_deadline_at") WHERE status IN (\'new\', \'contacting\', \'awaiting_revision\')',
    );
    // cases change all day long: keep the planner's statistics and the visibility map fresh
    await queryRunner.query('ALTER TABLE "recovery_cases" SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.05)');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "recovery_cases" RESET (autovacuum_analyze_scale_factor, autovacuum_vacuum_scale_factor)');
    for (const name of ['deadline_sweep', 'first_contact_sweep', 'follow_up_sweep', 'queue_buyer', 'queue_assignee', 'queue']) {
      await queryRunner.query(`DROP INDEX "public"."ix_recovery_cases_${name}"`);
    }
    await queryRunner.query('ALTER TABLE "api_keys" DROP CONSTRAINT "FK_855e77a31ff789a3a220bf9680e"');
    await queryRunner.query('ALTER TABLE "recovery_settings" DROP CONSTRAINT "FK_08a16b2b34dd7dbe4eb280a7fc7"');
    await queryRunner.query('ALTER TABLE "recovery_contacts" DROP CONSTRAINT "FK_c47da2b859d8654b794a601b624"');
    await queryRunner.query('ALTER TABLE "recovery_contacts" DROP CONSTRAINT "FK_b78c9b69d2d04e6e7ca173942d9"');
    await queryRunner.query('ALTER TABLE "recovery_case_events" DROP CONSTRAINT "FK_b4ac7031aca8b9bfc3781d9bb46"');
    await queryRunner.query('ALTER TABLE "recovery_case_events" DROP CONSTRAINT "FK_96329ca89ab9956b2ebcc4f4b67"');
    await queryRunner.query('ALTER TABLE "recovery_cases" DROP CONSTRAINT "FK_e1d276af96e249e82f6093d43fd"');
    await queryRunner.query('ALTER TABLE "recovery_cases" DROP CONSTRAINT "FK_845d32b9875768fe8c19075a12d"');
    await queryRunner.query('ALTER TABLE "recovery_cases" DROP CONSTRAINT "FK_a6fc5fc6db426612d5377e5db67"');
    await queryRunner.query('ALTER TABLE "staff_members" DROP CONSTRAINT "FK_f7067ffcc48a3eccb57b3843933"');
    await queryRunner.query('DROP INDEX "public"."ix_api_keys_staff"');
    await queryRunner.query('ALTER TABLE "api_keys" DROP COLUMN "staff_id"');
    await queryRunner.query('DROP TABLE "recovery_settings"');
    await queryRunner.query('DROP INDEX "public"."ix_recovery_contacts_case"');
    await queryRunner.query('DROP INDEX "public"."ix_recovery_contacts_shop_at"');
    await queryRunner.query('DROP TABLE "recovery_contacts"');
    await queryRunner.query('DROP INDEX "public"."ix_recovery_case_events_case"');
    await queryRunner.query('DROP TABLE "recovery_case_events"');
    await queryRunner.query('DROP INDEX "public"."uq_recovery_cases_open_review"');
    await queryRunner.query('DROP INDEX "public"."ix_recovery_cases_review"');
    await queryRunner.query('DROP INDEX "public"."ix_recovery_cases_shop_opened"');
    await queryRunner.query('DROP TABLE "recovery_cases"');
    await queryRunner.query('DROP INDEX "public"."ix_staff_members_shop"');
    await queryRunner.query('DROP TABLE "staff_members"');
  }
}
