import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The delivery pick stays index-backed with a large backlog. With ~120,000 pending deliveries the pick (due
 * deliveries with no earlier pending one of the same subject, in event order) ran for minutes: planned on the
 * statistics of a table that had just grown, it joined the backlog to itself. Now it reads the endpoint's queue in
 * event order, a page at a time, through ix_event_deliveries_queue (docs/events.md, "Large backlogs").
 * ix_event_deliveries_due leads with the endpoint so that the outbox poll's per-endpoint EXISTS is
 * one index probe; ix_event_deliveries_order gains seq, the tie-break between a delivery and its redelivery.
 *
 * outbox_emit(jsonb) is the outbox for code: a module that changes something calls it (or emitEvents in
 * src/events/outbox.ts) in its own transaction, and the event commits or rolls back with the change.
 */
export class EventDeliveryBacklog1796672400000 implements MigrationInterface {
  name = 'EventDeliveryBacklog1796672400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_event_deliveries_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_deliveries_order"`);
    await queryRunner.query(`CREATE INDEX "ix_event_deliveries_due" ON "event_deliveries" ("subscription_id", "next_attempt_at") WHERE status = 'pending'`);
    await queryRunner.query(
      `CREATE INDEX "ix_event_deliveries_order" ON "event_deliveries" ("subscription_id", "subject_id", "event_seq", "seq") WHERE status = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_event_deliveries_queue" ON "event_deliveries" ("subscription_id", "event_seq", "seq") WHERE status = 'pending'`);
    await queryRunner.query(OUTBOX_EMIT);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS outbox_emit(jsonb)`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_deliveries_queue"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_deliveries_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_deliveries_due"`);
    await queryRunner.query(`CREATE INDEX "ix_event_deliveries_due" ON "event_deliveries" ("next_attempt_at") WHERE status = 'pending'`);
    await queryRunner.query(
      `CREATE INDEX "ix_event_deliveries_order" ON "event_deliveries" ("subscription_id", "subject_id", "event_seq") WHERE status = 'pending'`,
    );
  }
}

/**
 * Events given as a JSON array of {shopId, type, subjectId, key, body}, written in the array's order and only for
 * shops with an endpoint subscribed to the type (as the triggers do); returns the ids written. The body becomes
 * {id, event, createdAt, shopId, <key>: body}, the envelope of every event.
 */
const OUTBOX_EMIT = `
  CREATE FUNCTION outbox_emit(events jsonb) RETURNS SETOF uuid LANGUAGE sql VOLATILE AS $$
    INSERT INTO outbox_events (id, shop_id, type, subject_id, payload)
    SELECT x.id, x.shop_id, x.type, x.subject_id,
      jsonb_build_object('id', x.id, 'event', x.type, 'createdAt', event_time(now()), 'shopId', x.shop_id, x.key, x.body)
    FROM (
      SELECT gen_random_uuid() AS id, (e->>'shopId')::uuid AS shop_id, e->>'type' AS type, (e->>'subjectId')::uuid AS subject_id,
        e->>'key' AS key, e->'body' AS body, n
      FROM jsonb_array_elements(events) WITH ORDINALITY AS a(e, n)
    ) x
    WHERE EXISTS (SELECT 1 FROM event_subscriptions s WHERE s.shop_id = x.shop_id AND s.event_types && ARRAY[x.type, '*'])
    ORDER BY x.n
    RETURNING id
  $$`;
