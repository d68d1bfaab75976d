import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * alert.opened and alert.resolved in the outbox (docs/events.md), written like the other events of the catalogue
 * (migration EventTriggers): statement-level triggers on alerts, in the transaction that opened or resolved the
 * alert, only for shops with an endpoint subscribed to the type. An alert's evidence updates are not events.
 */
export class AlertEvents1796669937699 implements MigrationInterface {
  name = 'AlertEvents1796669937699';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_events_alerts_update" ON "alerts"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tr_events_alerts_insert" ON "alerts"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS events_alerts_updated()`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS events_alerts_inserted()`);
  }
}

const body = `jsonb_build_object('id', n.id, 'subjectType', n.subject_type, 'subject', n.subject, 'cause', n.cause,
  'status', n.status, 'method', n.method, 'openedAt', event_time(n.opened_at), 'firstBadAt', event_time(n.first_bad_at),
  'resolvedAt', event_time(n.resolved_at), 'windowHours', n.evidence->'windowHours', 'windowReviews', n.evidence->'windowReviews',
  'windowBad', n.evidence->'windowBad', 'baselineRate', n.evidence->'baselineRate', 'probability', n.evidence->'probability',
  'causeMix', n.evidence->'causeMix', 'sampleReviewIds', n.evidence->'sampleReviewIds')`;

const emit = (type: string, where: string) => `
  IF NOT EXISTS (SELECT 1 FROM event_subscriptions WHERE event_types && ARRAY['${type}', '*']::text[]) THEN RETURN NULL; END IF;
  INSERT INTO outbox_events (id, shop_id, type, subject_id, payload)
  SELECT x.id, x.shop_id, '${type}', x.subject_id,
    jsonb_build_object('id', x.id, 'event', '${type}', 'createdAt', event_time(now()), 'shopId', x.shop_id, 'alert', x.body)
  FROM (SELECT gen_random_uuid() AS id, n.shop_id, n.id AS subject_id, ${body} AS body, n.opened_at
        FROM ${where}) x
  WHERE EXISTS (SELECT 1 FROM event_subscriptions s WHERE s.shop_id = x.shop_id AND s.event_types && ARRAY['${type}', '*']::text[])
  ORDER BY x.opened_at, x.subject_id;`;

const UP = [
  `CREATE FUNCTION events_alerts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     ${emit('alert.opened', `new_rows n WHERE n.status = 'open'`)}
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER tr_events_alerts_insert AFTER INSERT ON alerts REFERENCING NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_alerts_inserted()`,
  `CREATE FUNCTION events_alerts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     ${emit('alert.resolved', `new_rows n JOIN old_rows o ON o.id = n.id WHERE o.status = 'open' AND n.status = 'resolved'`)}
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER tr_events_alerts_update AFTER UPDATE ON alerts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
   FOR EACH STATEMENT EXECUTE FUNCTION events_alerts_updated()`,
];
