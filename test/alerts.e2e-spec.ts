import { DataSource } from 'typeorm';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';
import { EventReceiver } from './support/webhook-receiver';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** the tests' clock: reviews are placed relative to when the file started */
const START = Math.floor(Date.now() / HOUR) * HOUR;
const at = (msBefore: number) => new Date(START - msBefore).toISOString();

/** quality complaints written for this test: a zip, a seam, a strap, each a different way to say it broke */
const COMPLAINTS = ['拉链第二天就坏了，质量太差', '缝线开了，做工很差', '肩带断了，质量不行', '洗了一次就破了个洞，质量差', '扣子掉了，做工粗糙'];

describe('alerts: early warning as records, events and grouped cases', () => {
  let t: TestApp;
  let shop: TestShop;
  let other: TestShop;
  let db: DataSource;
  let receiver: EventReceiver;

  beforeAll(async () => {
    t = await createTestApp({ eventsPollIntervalMs: 100, alertSweepIntervalMs: 0, recoverySweepIntervalMs: 0 });
    shop = await t.createShop('Alert shop', 'Asia/Shanghai', 'en');
    other = await t.createShop('Other shop');
    db = t.app.get(DataSource);
    receiver = new EventReceiver([]);
    const url = await receiver.start();
    const created = await t.http
      .post('/v1/event-subscriptions')
      .set(shop.auth)
      .send({ url, eventTypes: ['alert.opened', 'alert.resolved'] })
      .expect(201);
    receiver.secrets = [created.body.secret];
    // the SKU's window is its last 72 hours, at most 10 reviews (no minimum reaching back into its history); carriers and agents are not what this test is about
    const settings = await t.http
      .put('/v1/alerts/settings')
      .set(shop.auth)
      .send({ subjects: { sku: { windowReviews: 10, windowMinReviews: 0 }, carrier: { enabled: false }, agent: { enabled: false } } })
      .expect(200);
    expect(settings.body.subjects.sku).toMatchObject({ enabled: true, windowReviews: 10, windowMinReviews: 0, windowHours: 72 });
    expect(settings.body.subjects.carrier.enabled).toBe(false);

    // history: 9 products over the last weeks, about 3 % of their reviews bad
    const history: Record<string, unknown>[] = [];
    for (let p = 0; p < 9; p++) {
      for (let i = 0; i < 12; i++) {
        const bad = p < 3 && i === 0;
        history.push(
          reviewInput({
            productId: p === 0 ? 'p-alert' : `p-${p}`,
            rating: bad ? 1 : 5,
            content: bad ? '质量一般，线头很多' : '很好，穿着舒服',
            reviewedAt: at(10 * DAY + (p * 12 + i) * 5 * HOUR),
          }),
        );
      }
    }
    await t.postAnalysed(shop, history);
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const alertsOf = async (query: Record<string, string> = {}) =>
    (await t.http.get('/v1/alerts').set(shop.auth).query(query).expect(200)).body.items as Record<string, any>[];

  it('opens one alert for a burst of bad reviews on one SKU, sends it once, groups its cases, and resolves when good reviews follow', async () => {
    expect(await alertsOf()).toEqual([]);
    // five complaints about one product, each its own analysis batch
    const burst: string[] = [];
    for (let i = 0; i < COMPLAINTS.length; i++) {
      burst.push(
        ...(await t.postAnalysed(shop, [reviewInput({ productId: 'p-alert', rating: 1, content: COMPLAINTS[i], reviewedAt: at(30 * HOUR - i * HOUR) })])),
      );
    }
    const [opened] = await eventually(
      async () => {
        const items = await alertsOf({ status: 'open', subjectType: 'sku' });
        return items.length && items[0].evidence.windowBad === COMPLAINTS.length ? items : undefined;
      },
      20_000,
      'an alert with the whole burst',
    );
    const all = await alertsOf();
    expect(all).toHaveLength(1);
    expect(opened).toMatchObject({
      subjectType: 'sku',
      subject: 'p-alert',
      cause: 'quality',
      status: 'open',
      method: expect.any(String),
      acknowledgedAt: null,
    });
    expect(opened.evidence).toMatchObject({ windowReviews: 5, windowBad: 5, historyReviews: expect.any(Number), revisedReviews: 0 });
    expect(opened.evidence.probability).toBeLessThan(0.003);
    expect(opened.evidence.baselineRate).toBeLessThan(0.1);
    expect(opened.evidence.causeMix.quality).toBe(5);
    expect(opened.evidence.sampleReviewIds).toHaveLength(5);
    expect(burst).toEqual(expect.arrayContaining(opened.evidence.sampleReviewIds));
    // the alert opened before the burst was over: its first bad review is the first of the burst
    expect(Date.parse(opened.firstBadAt)).toBe(Date.parse(at(30 * HOUR)));

    // the burst's cases, grouped under the alert, and the queue filters them by the product
    const cases: { id: string }[] = await db.query(`SELECT id FROM recovery_cases WHERE review_id = ANY($1::uuid[]) ORDER BY reviewed_at`, [burst]);
    expect(cases).toHaveLength(5);
    // every open case of the product's quality complaints: the burst's and the one from its history
    const open: { id: string }[] = await db.query(
      `SELECT c.id FROM recovery_cases c JOIN reviews r ON r.id = c.review_id WHERE r.shop_id = $1 AND r.product_id = 'p-alert' AND r.grade = 'bad' ORDER BY c.reviewed_at`,
      [shop.shopId],
    );
    expect(open).toHaveLength(6);
    expect(opened.caseIds).toEqual(open.map((c) => c.id));
    expect(opened.caseIds).toEqual(expect.arrayContaining(cases.map((c) => c.id)));
    const queue = await t.http.get('/v1/queue').set(shop.auth).query({ productId: 'p-alert' }).expect(200);
    const queued = JSON.stringify(queue.body);
    for (const c of cases) expect(queued).toContain(c.id);

    // one webhook, signed and verified by the receiver
    const sent = await eventually(async () => (receiver.events.length >= 1 ? receiver.events : undefined), 20_000, 'alert.opened');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.events.map((e) => e.event)).toEqual(['alert.opened']);
    expect(receiver.rejected).toEqual([]);
    expect(sent[0].body.alert).toMatchObject({
      id: opened.id,
      subjectType: 'sku',
      subject: 'p-alert',
      cause: 'quality',
      status: 'open',
      windowBad: expect.any(Number),
      resolvedAt: null,
    });

    // the report of these days lists the alert with its time to detection, and counts the SKU's complaints as widespread
    const day = (ms: number) => new Date(START - ms).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
    const report = await t.http
      .get('/v1/reports')
      .set(shop.auth)
      .query({ from: day(3 * DAY), to: day(-DAY) })
      .expect(200);
    const quality = report.body.data.sections.quality;
    expect(quality.alerts).toEqual([expect.objectContaining({ subjectType: 'sku', subject: 'p-alert', cause: 'quality', windowBad: 5, resolvedAt: null })]);
    expect(quality.alerts[0].hoursToDetection).toBeGreaterThan(0);
    expect(quality.rows.find((row: { productId: string }) => row.productId === 'p-alert')).toMatchObject({ alerted: true, spread: 'widespread' });
    const markdown = await t.http
      .get('/v1/reports')
      .set(shop.auth)
      .query({ from: day(3 * DAY), to: day(-DAY), format: 'md' })
      .expect(200);
    expect(markdown.text).toContain('Hours to detection');
    expect(markdown.text).toContain('p-alert');

    // a person acknowledges it: it stays open
    const ack = await t.http.post(`/v1/alerts/${opened.id}/acknowledge`).set(shop.auth).expect(200);
    expect(ack.body).toMatchObject({ status: 'open', acknowledgedBy: expect.any(String) });
    expect(Date.parse(ack.body.acknowledgedAt)).not.toBeNaN();

    // ten good reviews of the product: the window holds no complaint any more
    await t.postAnalysed(
      shop,
      Array.from({ length: 10 }, (_, i) =>
        reviewInput({ productId: 'p-alert', rating: 5, content: '换了新的一批，很好', reviewedAt: at(10 * HOUR - i * HOUR) }),
      ),
    );
    const resolved = await eventually(
      async () => {
        const items = await alertsOf({ status: 'resolved' });
        return items.length ? items[0] : undefined;
      },
      20_000,
      'the alert resolved',
    );
    expect(resolved).toMatchObject({ id: opened.id, status: 'resolved', caseIds: [] });
    expect(resolved.evidence.windowBad).toBe(0);
    expect(await alertsOf({ status: 'open' })).toEqual([]);
    await eventually(async () => (receiver.events.length >= 2 ? true : undefined), 20_000, 'alert.resolved');
    expect(receiver.events.map((e) => e.event)).toEqual(['alert.opened', 'alert.resolved']);
    expect(receiver.events[1].body.alert).toMatchObject({ id: opened.id, status: 'resolved', resolvedAt: expect.any(String) });

    // the sweep finds nothing more to do
    const { AlertWorkers } = await import('../src/alerts/alert-workers.service');
    const swept = await t.app.get(AlertWorkers).sweep();
    expect(swept.opened).toBe(0);
    expect(await alertsOf()).toHaveLength(1);
  }, 180_000);

  it('keeps each shop to its own alerts and validates what it is asked', async () => {
    const [alert] = await alertsOf();
    await t.http.get(`/v1/alerts/${alert.id}`).set(other.auth).expect(404);
    await t.http.post(`/v1/alerts/${alert.id}/acknowledge`).set(other.auth).expect(404);
    expect((await t.http.get('/v1/alerts').set(other.auth).expect(200)).body.items).toEqual([]);
    const badStatus = await t.http.get('/v1/alerts').set(shop.auth).query({ status: 'closed' }).expect(400);
    expect(badStatus.body.code).toBe('VALIDATION_FAILED');
    const badSetting = await t.http
      .put('/v1/alerts/settings')
      .set(shop.auth)
      .send({ minBad: 0, subjects: { sku: { threshold: 2 } } })
      .expect(400);
    expect(badSetting.body.errors.map((p: { field: string }) => p.field).sort()).toEqual(['minBad', 'subjects.sku.threshold']);
    await t.http
      .put('/v1/alerts/settings')
      .set(shop.auth)
      .send({ subjects: { mall: {} } })
      .expect(400);
  });
});
