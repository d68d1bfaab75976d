import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventWorkers } from '../src/events/event-workers.service';
import { emitEvents } from '../src/events/outbox';
import { createTestApp, TestApp, TestShop } from './support/test-app';

describe('events: the outbox for code, and the retention sweep', () => {
  let t: TestApp;
  let shop: TestShop;
  let quiet: TestShop;
  let db: DataSource;
  let subscriptionId: string;

  beforeAll(async () => {
    // no poll (nothing is delivered behind the test's back), no timed sweep: the test runs it
    t = await createTestApp({ eventsPollIntervalMs: 0, eventPruneIntervalMs: 0, eventRetentionDays: 30 });
    shop = await t.createShop('Retention shop');
    quiet = await t.createShop('No subscribers');
    db = t.app.get(DataSource);
    const created = await t.http
      .post('/v1/event-subscriptions')
      .set(shop.auth)
      .send({ url: 'http://127.0.0.1:9/never', eventTypes: ['alert.opened', 'alert.resolved'] })
      .expect(201);
    subscriptionId = created.body.id;
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const alert = (shopId: string, subjectId: string, type: 'alert.opened' | 'alert.resolved' = 'alert.opened') => ({
    shopId,
    type,
    subjectId,
    key: 'alert',
    body: { id: subjectId, scope: 'sku', level: 'warning' },
  });

  it('writes events in the caller transaction: rolled back with it, committed with it, in order, only when subscribed', async () => {
    const rolledBack = randomUUID();
    await expect(
      db.transaction(async (manager) => {
        expect(await emitEvents(manager, [alert(shop.shopId, rolledBack)])).toHaveLength(1);
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    const [none] = await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE subject_id = $1`, [rolledBack]);
    expect(none.n).toBe(0);

    const subject = randomUUID();
    const ids = await db.transaction((manager) =>
      emitEvents(manager, [alert(shop.shopId, subject), alert(shop.shopId, subject, 'alert.resolved'), alert(quiet.shopId, subject)]),
    );
    expect(ids).toHaveLength(2);
    const rows = await db.query(
      `SELECT e.id, e.type, e.payload, d.subscription_id, d.status FROM outbox_events e JOIN event_deliveries d ON d.event_id = e.id
       WHERE e.subject_id = $1 ORDER BY e.seq`,
      [subject],
    );
    expect(rows.map((r: { type: string }) => r.type)).toEqual(['alert.opened', 'alert.resolved']);
    expect(rows.map((r: { id: string }) => r.id)).toEqual(ids);
    expect(rows[0]).toMatchObject({ subscription_id: subscriptionId, status: 'pending' });
    expect(rows[0].payload).toMatchObject({ id: ids[0], event: 'alert.opened', shopId: shop.shopId, alert: { id: subject, scope: 'sku' } });
    expect(Date.parse(rows[0].payload.createdAt)).not.toBeNaN();
  });

  it('deletes deliveries delivered before the retention, in batches, and the events left with none; keeps the rest', async () => {
    const old = `now() - interval '40 days'`;
    // 12,000 events delivered 40 days ago (more than two batches)
    const oldSubject = randomUUID();
    await db.query(
      `SELECT outbox_emit(jsonb_agg(jsonb_build_object('shopId', $1::text, 'type', 'alert.opened', 'subjectId', $2::text, 'key', 'alert', 'body', jsonb_build_object('n', g))))
       FROM generate_series(1, 12000) g`,
      [shop.shopId, oldSubject],
    );
    await db.query(`UPDATE outbox_events SET created_at = ${old} WHERE subject_id = $1`, [oldSubject]);
    await db.query(`UPDATE event_deliveries SET created_at = ${old}, status = 'delivered', delivered_at = ${old}, attempts = 1 WHERE subject_id = $1`, [
      oldSubject,
    ]);

    // as old: one failed, one still pending, one delivered then redelivered (pending); and one delivered yesterday
    const kept = { failed: randomUUID(), pending: randomUUID(), redelivered: randomUUID(), recent: randomUUID() };
    await db.transaction((manager) =>
      emitEvents(
        manager,
        Object.values(kept).map((subject) => alert(shop.shopId, subject)),
      ),
    );
    await db.query(`UPDATE outbox_events SET created_at = ${old} WHERE subject_id = ANY($1)`, [[kept.failed, kept.pending, kept.redelivered]]);
    await db.query(`UPDATE event_deliveries SET created_at = ${old}, status = 'failed', attempts = 8 WHERE subject_id = $1`, [kept.failed]);
    await db.query(`UPDATE event_deliveries SET created_at = ${old} WHERE subject_id = $1`, [kept.pending]);
    await db.query(`UPDATE event_deliveries SET created_at = ${old}, status = 'delivered', delivered_at = ${old} WHERE subject_id = $1`, [kept.redelivered]);
    await db.query(
      `INSERT INTO event_deliveries (shop_id, subscription_id, event_id, event_type, event_seq, subject_id, redelivered_by)
       SELECT shop_id, $2, id, type, seq, subject_id, 'test' FROM outbox_events WHERE subject_id = $1`,
      [kept.redelivered, subscriptionId],
    );
    await db.query(`UPDATE event_deliveries SET status = 'delivered', delivered_at = now() - interval '1 day' WHERE subject_id = $1`, [kept.recent]);

    const pruned = await t.app.get(EventWorkers).prune();
    expect(pruned).toEqual({ deliveries: 12_001, events: 12_000 });

    const left = await db.query(
      `SELECT e.subject_id, count(d.id)::int AS deliveries FROM outbox_events e LEFT JOIN event_deliveries d ON d.event_id = e.id
       WHERE e.subject_id = ANY($1) GROUP BY e.subject_id`,
      [[oldSubject, ...Object.values(kept)]],
    );
    const bySubject = Object.fromEntries(left.map((r: { subject_id: string; deliveries: number }) => [r.subject_id, r.deliveries]));
    expect(bySubject).toEqual({ [kept.failed]: 1, [kept.pending]: 1, [kept.redelivered]: 1, [kept.recent]: 1 });

    expect(await t.app.get(EventWorkers).prune()).toEqual({ deliveries: 0, events: 0 });
  });
});
