import { DataSource } from 'typeorm';
import { WebhookWorkers } from '../src/replies/webhook-workers.service';
import { ReportWorkers } from '../src/reports/report-workers.service';
import { ReportsService } from '../src/reports/reports.service';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';
import { Received, Receiver, validSignature } from './support/webhook-receiver';

const SECRET = 'report-adapter-secret-0042';

/** `report.created`: every stored report is announced to the shop's webhook, signed, retried, never lost. */
describe('report.created webhook', () => {
  let t: TestApp;
  let db: DataSource;
  let receiver: Receiver;
  let shop: TestShop;

  beforeAll(async () => {
    // quick retries so the backoff is visible within a test; the sweepers are called by hand
    t = await createTestApp({ webhookRetryBaseMs: 300, webhookMaxAttempts: 3, webhookTimeoutMs: 2_000, webhookSweepIntervalMs: 0 });
    db = t.app.get(DataSource);
    receiver = new Receiver();
    const url = await receiver.start('/hooks/rrs');
    shop = await t.createShop('Webhook shop');
    await t.http.put('/v1/reply-settings').set(shop.auth).send({ webhookUrl: url, webhookSecret: SECRET }).expect(200);
    const response = await t.http
      .post('/v1/reviews/batch')
      .set(shop.auth)
      .send({
        items: [
          reviewInput({
            rating: 1,
            reviewedAt: '2026-11-18T10:00:00+08:00',
            buyerId: 'tb_secret_buyer',
            buyerNick: '小王爱购物',
            content: '质量太差了，打13812345678找我',
          }),
          reviewInput({ rating: 5, reviewedAt: '2026-11-19T10:00:00+08:00', content: '很好' }),
        ],
      })
      .expect(200);
    expect(response.body.results).toHaveLength(2);
    // the report counts cases and flags, which the analysis makes: wait for it
    await t.analysed(shop);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const deliveriesOf = async (reportId: string): Promise<{ id: string; status: string; attempts: number; reply_id: string | null; event: string }[]> =>
    db.query(`SELECT id, status, attempts, reply_id, event FROM webhook_deliveries WHERE report_id = $1 ORDER BY created_at`, [reportId]);
  const received = (reportId: string): Received[] =>
    receiver.received.filter((r) => (JSON.parse(r.body) as { report?: { id?: string } }).report?.id === reportId);

  it('announces a stored report with a signed webhook, and retries it after a failure', async () => {
    receiver.answers = [503];
    const report = (await t.http.get('/v1/reports/weekly?week=2026-W47').set(shop.auth).expect(200)).body;
    expect(report.stored).toBe(true);
    const [delivery] = await eventually(
      async () => {
        const rows = await deliveriesOf(report.id);
        return rows[0]?.status === 'delivered' ? rows : undefined;
      },
      15_000,
      'the delivered report webhook',
    );
    expect(delivery).toMatchObject({ attempts: 2, reply_id: null, event: 'report.created' });

    const attempts = receiver.forDelivery(delivery.id);
    expect(attempts).toHaveLength(2);
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    for (const attempt of attempts) {
      expect(attempt.headers['x-rrs-event']).toBe('report.created');
      expect(attempt.headers['content-type']).toBe('application/json');
      expect(validSignature(attempt, SECRET)).toBe(true);
      expect(validSignature(attempt, 'another-secret-000000')).toBe(false);
    }
    const body = JSON.parse(attempts[0].body);
    // the bad review opened a case only while its 30-day change window was open on the day the test runs
    const [{ cases }] = await db.query(`SELECT count(*)::int AS cases FROM recovery_cases WHERE shop_id = $1`, [shop.shopId]);
    expect(body).toMatchObject({
      id: delivery.id,
      event: 'report.created',
      shopId: shop.shopId,
      report: {
        id: report.id,
        kind: 'weekly',
        week: '2026-W47',
        from: '2026-11-16',
        to: '2026-11-22',
        periodStart: '2026-11-15T16:00:00.000Z',
        periodEnd: '2026-11-22T16:00:00.000Z',
        timezone: 'Asia/Shanghai',
        trigger: 'request',
        generatorVersion: report.generatorVersion,
        // the bad review's buyer leaves a phone number (off-platform contact): flagged in the week of the review
        counts: { reviews: 2, negative: 1, negativeRate: 0.5, casesOpened: cases, reviewersFlagged: 1 },
      },
    });
    // the links fetch the report in each format with the shop's key
    expect(Object.keys(body.report.links).sort()).toEqual(['csv', 'html', 'json', 'md']);
    const csv = await t.http.get(body.report.links.csv).set(shop.auth).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect((await t.http.get(body.report.links.json).set(shop.auth).expect(200)).body.id).toBe(report.id);
    // ids and counts, nobody's personal data
    for (const secret of ['tb_secret_buyer', '小王爱购物', '13812345678', '质量太差']) expect(attempts[0].body).not.toContain(secret);

    const [event] = await db.query(`SELECT dispatched_at FROM report_events WHERE report_id = $1`, [report.id]);
    expect(event.dispatched_at).not.toBeNull();
    // asked again: the stored snapshot, announced once
    await t.http.get('/v1/reports/weekly?week=2026-W47').set(shop.auth).expect(200);
    expect(await deliveriesOf(report.id)).toHaveLength(1);
  });

  it('announces the scheduled Monday report and a regenerated one', async () => {
    const scheduled = await t.app.get(ReportsService).generateScheduled(shop.shopId, '2026-W46');
    const regenerated = (await t.http.get('/v1/reports/weekly?week=2026-W47&regenerate=true').set(shop.auth).expect(200)).body;
    for (const [id, trigger] of [
      [scheduled?.id as string, 'scheduled'],
      [regenerated.id as string, 'regenerate'],
    ]) {
      const [hit] = await eventually(async () => (received(id).length ? received(id) : undefined), 15_000, `the ${trigger} report webhook`);
      expect(JSON.parse(hit.body).report.trigger).toBe(trigger);
      expect(validSignature(hit, SECRET)).toBe(true);
    }
  });

  it('dispatches an event missed when the process stopped, and delivers a delivery whose job Redis lost', async () => {
    const report = (await t.http.get('/v1/reports?from=2026-11-16&to=2026-11-18').set(shop.auth).expect(200)).body;
    await eventually(async () => (received(report.id).length ? true : undefined), 15_000, 'the first announcement');
    // an event stored with its report whose dispatch never ran
    const [missed] = await db.query(
      `INSERT INTO report_events (shop_id, report_id, type, payload, created_at)
       SELECT shop_id, report_id, type, payload, now() - interval '10 minutes' FROM report_events WHERE report_id = $1
       RETURNING id`,
      [report.id],
    );
    // (the database may hold other tests' events without a webhook: they are swept too)
    expect(await t.app.get(ReportWorkers).sweepEvents()).toBeGreaterThanOrEqual(1);
    await eventually(async () => (received(report.id).length === 2 ? true : undefined), 15_000, 'the swept announcement');
    expect((await db.query(`SELECT dispatched_at FROM report_events WHERE id = $1`, [missed.id]))[0].dispatched_at).not.toBeNull();
    expect(await t.app.get(ReportWorkers).sweepEvents()).toBe(0);

    // a delivery written but never enqueued (Redis flushed): the webhook sweeper finds it
    const [lost] = await db.query(
      `INSERT INTO webhook_deliveries (shop_id, report_id, event, url, body, status, next_attempt_at)
       SELECT shop_id, report_id, event, url, body, 'pending', now() - interval '10 minutes' FROM webhook_deliveries WHERE report_id = $1 LIMIT 1
       RETURNING id`,
      [report.id],
    );
    expect(await t.app.get(WebhookWorkers).sweep()).toBeGreaterThanOrEqual(1);
    await eventually(
      async () => ((await db.query(`SELECT status FROM webhook_deliveries WHERE id = $1`, [lost.id]))[0].status === 'delivered' ? true : undefined),
      15_000,
      'the swept delivery',
    );
    expect(receiver.forDelivery(lost.id)).toHaveLength(1);
  });

  it('marks the events of a shop without a webhook dispatched with nothing to send', async () => {
    const other = await t.createShop('No webhook shop');
    const report = (await t.http.get('/v1/reports/weekly?week=2026-W47').set(other.auth).expect(200)).body;
    const [event] = await db.query(`SELECT dispatched_at FROM report_events WHERE report_id = $1`, [report.id]);
    expect(event.dispatched_at).not.toBeNull();
    expect(await deliveriesOf(report.id)).toEqual([]);
    expect(received(report.id)).toEqual([]);
  });

  it('keeps every delivery about exactly one reply or one report', async () => {
    const [{ id: reportId }] = await db.query(`SELECT id FROM reports WHERE shop_id = $1 LIMIT 1`, [shop.shopId]);
    // the CHECK refuses the row (23514, check_violation), else the block fails; a reply id next to a report id
    // breaks it before the reply's foreign key is looked at
    for (const [replyId, report] of [
      ['NULL', 'NULL'],
      ['gen_random_uuid()', `'${reportId}'`],
    ]) {
      await db.query(`DO $$ BEGIN
          INSERT INTO webhook_deliveries (shop_id, reply_id, report_id, event, url, body)
          VALUES ('${shop.shopId}', ${replyId}, ${report}, 'report.created', 'http://127.0.0.1:9/x', '{}');
          RAISE EXCEPTION 'a delivery about % and % was stored', ${replyId}, ${report};
        EXCEPTION WHEN check_violation THEN NULL;
        END $$`);
    }
  });
});
