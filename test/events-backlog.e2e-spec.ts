import { DataSource } from 'typeorm';
import { pickDue, QUEUE_PAGE, QUEUE_PLAN } from '../src/events/event-delivery.service';
import { Queryable } from '../src/database/sql';
import { createTestApp, TestApp, TestShop } from './support/test-app';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

/**
 * The delivery pick with a large backlog (the bug: with ~120,000 pending deliveries it ran for minutes and nothing
 * was delivered). 120,000 pending deliveries to one endpoint, 40,000 subjects with 3 events each, the first event of
 * some subjects held back by a retry an hour away; the statistics are those of a table that just grew, as after a
 * burst (the embedded database is never analysed). The pick must answer the first due delivery of each subject not held back, in event order, and read only
 * what it answers plus the rows it skips, never the whole backlog.
 */
describe('events: picking due deliveries from a large backlog', () => {
  // 120,000 pending on PostgreSQL; 30,000 on the embedded database, whose inserts are slower (still thirty times what
  // the pick may read)
  const SUBJECTS = process.env.DATABASE_URL ? 40_000 : 10_000;
  const PER_SUBJECT = 3;
  const BATCH = 200;
  let t: TestApp;
  let shop: TestShop;
  let db: DataSource;
  let subscriptionId: string;

  beforeAll(async () => {
    // no poll: nothing delivers while the test reads the backlog
    t = await createTestApp({ eventsPollIntervalMs: 0 });
    shop = await t.createShop('Backlog shop');
    db = t.app.get(DataSource);
    const created = await t.http
      .post('/v1/event-subscriptions')
      .set(shop.auth)
      .send({ url: 'http://127.0.0.1:9/never', eventTypes: ['*'] })
      .expect(201);
    subscriptionId = created.body.id;
    // subject i's events are i, i + SUBJECTS, i + 2 * SUBJECTS: every subject's first event comes before any second one
    await db.query(
      `INSERT INTO outbox_events (shop_id, type, subject_id, payload)
       SELECT $1, 'review.created', md5('subject-' || (g % $2))::uuid, jsonb_build_object('n', g)
       FROM generate_series(0, $3 - 1) g ORDER BY g`,
      [shop.shopId, SUBJECTS, SUBJECTS * PER_SUBJECT],
    );
    // every third of the first 3,000 subjects is held back by a retry: its first event is not due, its others wait
    await db.query(
      `UPDATE event_deliveries d SET next_attempt_at = now() + interval '1 hour', attempts = 1
       FROM outbox_events e
       WHERE e.id = d.event_id AND d.subscription_id = $1 AND (e.payload->>'n')::int < 3000 AND (e.payload->>'n')::int % 3 = 0`,
      [subscriptionId],
    );
  }, 300_000);
  afterAll(async () => {
    await t.close();
  });

  it('answers the first due delivery of each subject not held back, in event order, reading a few pages of the queue', async () => {
    const [counts] = await db.query(
      `SELECT count(*)::int AS pending, count(*) FILTER (WHERE next_attempt_at > now())::int AS held
       FROM event_deliveries WHERE subscription_id = $1 AND status = 'pending'`,
      [subscriptionId],
    );
    expect(counts).toEqual({ pending: SUBJECTS * PER_SUBJECT, held: 1_000 });

    let queueRowsRead = 0;
    const picked = await db.transaction((manager) => {
      const counting: Queryable = {
        query: async (sql: string, params?: unknown[]) => {
          const rows = await manager.query(sql, params);
          if (sql === QUEUE_PAGE) queueRowsRead += (rows as unknown[]).length;
          return rows;
        },
      };
      return pickDue(counting, subscriptionId, BATCH);
    });
    const numbers = picked.map((row) => (JSON.parse(row.body) as { n: number }).n);
    // the first events of the subjects not held back (0..2999 without the multiples of 3, then 3000 on), in order
    const expected: number[] = [];
    for (let n = 0; expected.length < BATCH; n++) if (n >= 3000 || n % 3 !== 0) expected.push(n);
    expect(numbers).toEqual(expected);
    // up to event 3200: four pages of 1,000, not the whole backlog
    expect(queueRowsRead).toBeLessThanOrEqual(4_000);
  });

  it('reads the queue through its index, whatever the statistics: no scan of every pending row, no sort', async () => {
    const [{ 'QUERY PLAN': plan }] = (await db.transaction(async (manager) => {
      await manager.query(QUEUE_PLAN);
      return manager.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${QUEUE_PAGE}`, [subscriptionId, '0', '0', 1_000]);
    })) as { 'QUERY PLAN': { Plan: PlanNode }[] }[];
    const all = nodes(plan[0].Plan);
    expect(all.map((node) => node['Node Type'])).toEqual(['Limit', 'Index Scan']);
    expect(all[1]['Index Name']).toBe('ix_event_deliveries_queue');
    expect(all[1]['Actual Rows']).toBe(1_000);
  });
});
