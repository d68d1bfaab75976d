import { DataSource } from 'typeorm';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';
import { EventReceiver } from './support/webhook-receiver';

const DAY = 86_400_000;

describe('events: catalogue, subscriptions, signed delivery from the outbox', () => {
  let t: TestApp;
  let shop: TestShop;
  let other: TestShop;
  let db: DataSource;
  let receiver: EventReceiver;
  let url: string;
  let subscriptionId: string;

  beforeAll(async () => {
    // a quick poll and quick retries so delivery, backoff and disabling happen within a test
    t = await createTestApp({ eventsPollIntervalMs: 100, webhookRetryBaseMs: 200, webhookMaxAttempts: 3, webhookTimeoutMs: 2_000 });
    shop = await t.createShop('Event shop', 'Asia/Shanghai', 'en');
    other = await t.createShop('Quiet shop');
    db = t.app.get(DataSource);
    receiver = new EventReceiver([]);
    url = await receiver.start();
    const created = await t.http
      .post('/v1/event-subscriptions')
      .set(shop.auth)
      .send({ url, eventTypes: ['*'], description: 'everything' })
      .expect(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    receiver.secrets = [created.body.secret];
    subscriptionId = created.body.id;
    // the test contacts the buyer whatever the hour in the shop's zone
    await t.http.put('/v1/queue/settings').set(shop.auth).send({ quietHoursStart: '00:00', quietHoursEnd: '00:00' }).expect(200);
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const typesAbout = (reviewId: string) => receiver.about(reviewId).map((e) => e.event);
  async function receivedAbout(reviewId: string, count: number): Promise<string[]> {
    return eventually(async () => (receiver.about(reviewId).length >= count ? typesAbout(reviewId) : undefined), 20_000, `${count} events about ${reviewId}`);
  }

  it('delivers a review from ingestion to a revised case as exactly the documented events, in order, each signed', async () => {
    const input = reviewInput({ rating: 1, content: 'The zip broke on the first day.' });
    const first = await t.http.post('/v1/reviews').set(shop.auth).send(input).expect(201);
    const reviewId: string = first.body.review.id;
    // ingestion, analysis (which opens the case) and the automatic draft behind it
    expect(await receivedAbout(reviewId, 4)).toEqual(['review.created', 'review.analysed', 'case.opened', 'reply.drafted']);
    const [caseRow] = await db.query(`SELECT id FROM recovery_cases WHERE review_id = $1`, [reviewId]);

    const agent = await t.http.post('/v1/staff').set(shop.auth).send({ name: 'Agent Lin', role: 'agent' }).expect(201);
    const agentKey = await t.http.post(`/v1/staff/${agent.body.id}/api-keys`).set(shop.auth).send({}).expect(201);
    const agentAuth = { Authorization: `Bearer ${agentKey.body.key}` };
    await t.http.post(`/v1/cases/${caseRow.id}/claim`).set(agentAuth).expect(200);
    await t.http
      .post(`/v1/cases/${caseRow.id}/contacts`)
      .set(agentAuth)
      .send({
        channel: 'phone',
        outcome: 'promised_revision',
        promisedRevisionAt: new Date(Date.now() + 3 * DAY).toISOString(),
        compensation: { type: 'coupon', amount: 10 },
      })
      .expect(201);
    const afterContact = await receivedAbout(reviewId, 7);

    await t.http
      .post('/v1/reviews')
      .set(shop.auth)
      .send({ ...input, rating: 5, content: 'Seller replaced the zip quickly, all good now.' })
      .expect(200);
    // the revision, its analysis (which closes the case as revised) and the new draft for the new revision
    const all = await receivedAbout(reviewId, afterContact.length + 4);
    expect(all).toEqual([
      'review.created',
      'review.analysed',
      'case.opened',
      'reply.drafted',
      'case.assigned',
      'case.contact_logged',
      'case.status_changed',
      'review.updated',
      'review.analysed',
      'case.revised',
      'reply.drafted',
    ]);
    // nothing more arrives
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(typesAbout(reviewId)).toEqual(all);
    expect(receiver.rejected).toEqual([]);

    const events = receiver.about(reviewId);
    for (const e of events) {
      expect(e.received.headers['x-rrs-event']).toBe(e.event);
      expect(e.received.headers['x-rrs-event-id']).toBe(e.id);
      expect(e.body).toMatchObject({ event: e.event, shopId: shop.shopId });
      expect(Date.parse(String(e.body.createdAt))).not.toBeNaN();
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

    const analysed = events[1].body.review as Record<string, unknown>;
    expect(analysed).toMatchObject({ id: reviewId, rating: 1, grade: 'bad', analysedRevision: 1 });
    expect(Array.isArray(analysed.tags)).toBe(true);
    expect(analysed.reviewer).toMatchObject({ riskLevel: expect.any(String), status: expect.any(String) });
    const contact = events[5].body.case as { contact: Record<string, unknown> };
    expect(contact.contact).toMatchObject({ channel: 'phone', outcome: 'promised_revision', compensation: { type: 'coupon', currency: 'CNY' } });
    const updated = events[7].body.review as { changes: Record<string, unknown> };
    expect(updated.changes).toMatchObject({ fields: ['rating', 'text'], rating: { from: 1, to: 5 }, grade: { from: 'bad', to: 'good' }, followUpAdded: false });
    const revised = events[9].body.case as Record<string, unknown>;
    expect(revised).toMatchObject({ id: caseRow.id, reviewId, toStatus: 'revised', compensation: [{ type: 'coupon', currency: 'CNY' }] });
    expect(revised.secondsToRevision).toEqual(expect.any(Number));
    // no review text in review or case events
    for (const e of events.filter((x) => !x.event.startsWith('reply.'))) expect(JSON.stringify(e.body)).not.toContain('zip');

    // a captured request sent again: the same event id, so the receiver does not act twice; too old, it fails verification
    const captured = events[0].received;
    const replay = await fetch(url, { method: 'POST', headers: captured.headers as Record<string, string>, body: captured.body });
    expect(await replay.text()).toBe('duplicate');
    expect(receiver.accept(captured, Date.now() / 1000 + 600)).toBe('bad signature');
    expect(receiver.events.filter((e) => e.id === events[0].id)).toHaveLength(1);
  });

  it('keeps a delivery log per endpoint and redelivers one event, or a time range, with the same event ids', async () => {
    const log = await t.http.get(`/v1/event-subscriptions/${subscriptionId}/deliveries`).set(shop.auth).query({ limit: 3 }).expect(200);
    expect(log.body.items).toHaveLength(3);
    expect(log.body.items[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null, redeliveredBy: null });
    expect(log.body.items[0].lastLatencyMs).toEqual(expect.any(Number));
    // the endpoint list shows the newest row of each log (the console's "last delivery")
    const listed = await t.http.get('/v1/event-subscriptions').set(shop.auth).expect(200);
    const newest = log.body.items[0];
    expect(listed.body.items[0].lastDelivery).toEqual({
      eventType: newest.eventType,
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      lastAttemptAt: newest.lastAttemptAt,
      createdAt: newest.createdAt,
    });
    const next = await t.http
      .get(`/v1/event-subscriptions/${subscriptionId}/deliveries`)
      .set(shop.auth)
      .query({ limit: 3, cursor: log.body.nextCursor })
      .expect(200);
    expect(next.body.items.map((d: { id: string }) => d.id)).not.toContain(log.body.items[2].id);

    const eventId: string = log.body.items[0].eventId;
    const before = receiver.requests.filter((r) => r.headers['x-rrs-event-id'] === eventId).length;
    const one = await t.http.post(`/v1/event-subscriptions/${subscriptionId}/redeliver`).set(shop.auth).send({ eventId }).expect(201);
    expect(one.body.deliveries).toBe(1);
    await eventually(async () => (receiver.requests.filter((r) => r.headers['x-rrs-event-id'] === eventId).length > before ? true : undefined));

    const range = await t.http
      .post(`/v1/event-subscriptions/${subscriptionId}/redeliver`)
      .set(shop.auth)
      .send({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() })
      .expect(201);
    const [count] = await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE shop_id = $1`, [shop.shopId]);
    expect(range.body.deliveries).toBe(count.n);
    const redelivered = await t.http.get(`/v1/event-subscriptions/${subscriptionId}/deliveries`).set(shop.auth).query({ eventId }).expect(200);
    expect(redelivered.body.items.length).toBe(3);
    expect(redelivered.body.items[0].redeliveredBy).toMatch(/^api:/);

    await t.http
      .post(`/v1/event-subscriptions/${subscriptionId}/redeliver`)
      .set(shop.auth)
      .send({ eventId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    const bad = await t.http.post(`/v1/event-subscriptions/${subscriptionId}/redeliver`).set(shop.auth).send({ from: 'yesterday' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('signs with both secrets during a rotation overlap', async () => {
    const rotated = await t.http.post(`/v1/event-subscriptions/${subscriptionId}/rotate-secret`).set(shop.auth).send({ overlapSeconds: 3600 }).expect(200);
    const oldSecret = receiver.secrets[0];
    expect(rotated.body.secret).not.toBe(oldSecret);
    expect(Date.parse(rotated.body.previousSecretExpiresAt)).toBeGreaterThan(Date.now());
    const sent = receiver.requests.length;
    const review = await t.http
      .post('/v1/reviews')
      .set(shop.auth)
      .send(reviewInput({ rating: 5 }))
      .expect(201);
    const request = await eventually(async () => receiver.requests.slice(sent).find((r) => JSON.parse(r.body).review?.id === review.body.review.id));
    expect(String(request.headers['x-rrs-signature']).split(', ')).toHaveLength(2);
    receiver.secrets = [rotated.body.secret];
    expect(receiver.accept(request)).not.toBe('bad signature');
  });

  it('manages subscriptions per shop with clear errors', async () => {
    const list = await t.http.get('/v1/event-subscriptions').set(shop.auth).expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).not.toHaveProperty('secret');
    await t.http.get(`/v1/event-subscriptions/${subscriptionId}`).set(other.auth).expect(404);
    expect((await t.http.get('/v1/event-subscriptions').set(other.auth).expect(200)).body.items).toEqual([]);

    const badType = await t.http
      .post('/v1/event-subscriptions')
      .set(shop.auth)
      .send({ url, eventTypes: ['case.opend'] })
      .expect(400);
    expect(badType.body.errors[0].field).toMatch(/^eventTypes/);
    const badUrl = await t.http
      .post('/v1/event-subscriptions')
      .set(shop.auth)
      .send({ url: 'ftp://x', eventTypes: ['case.opened'] })
      .expect(400);
    expect(badUrl.body.errors[0].field).toBe('url');
    const shortSecret = await t.http
      .post('/v1/event-subscriptions')
      .set(shop.auth)
      .send({ url, eventTypes: ['case.opened'], secret: 'short' })
      .expect(400);
    expect(shortSecret.body.errors[0].field).toBe('secret');

    const second = await t.http
      .post('/v1/event-subscriptions')
      .set(other.auth)
      .send({ url, eventTypes: ['case.opened', 'case.revised'], secret: 'a-secret-of-my-own-0001' })
      .expect(201);
    expect(second.body).toMatchObject({ eventTypes: ['case.opened', 'case.revised'], status: 'active', secret: 'a-secret-of-my-own-0001' });
    const patched = await t.http
      .patch(`/v1/event-subscriptions/${second.body.id}`)
      .set(other.auth)
      .send({ eventTypes: ['review.created'] })
      .expect(200);
    expect(patched.body.eventTypes).toEqual(['review.created']);
    await t.http.delete(`/v1/event-subscriptions/${second.body.id}`).set(other.auth).expect(204);
    await t.http.delete(`/v1/event-subscriptions/${second.body.id}`).set(other.auth).expect(404);
  });

  it('writes no outbox rows for a shop without subscribers, and none for a change that did not commit', async () => {
    await t.postAnalysed(other, [reviewInput({ rating: 1 }), reviewInput({ rating: 5 })]);
    const [quiet] = await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE shop_id = $1`, [other.shopId]);
    expect(quiet.n).toBe(0);

    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(
      `INSERT INTO reviews (shop_id, platform, external_id, rating, grade, content, reviewed_at, content_hash) VALUES ($1, 'taobao', 'rolled-back', 1, 'bad', 'x', now(), 'h')`,
      [shop.shopId],
    );
    const [inside] = await runner.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE shop_id = $1 AND payload->'review'->>'externalId' = 'rolled-back'`,
      [shop.shopId],
    );
    expect(inside.n).toBe(1);
    await runner.rollbackTransaction();
    await runner.release();
    const [after] = await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE shop_id = $1 AND payload->'review'->>'externalId' = 'rolled-back'`, [
      shop.shopId,
    ]);
    expect(after.n).toBe(0);
  });

  it('retries with backoff, disables an endpoint after persistent failure with a notice, and catches up in order once enabled', async () => {
    const failing = new EventReceiver([]);
    const failingUrl = await failing.start();
    try {
      const created = await t.http
        .post('/v1/event-subscriptions')
        .set(other.auth)
        .send({ url: failingUrl, eventTypes: ['review.created', 'review.updated'] })
        .expect(201);
      expect(created.body.lastDelivery).toBeNull();
      failing.secrets = [created.body.secret];
      failing.answers = Array.from({ length: 50 }, () => 500);
      const externalId = `fail-${Date.now()}`;
      const review = await t.http
        .post('/v1/reviews')
        .set(other.auth)
        .send(reviewInput({ externalId, rating: 2 }))
        .expect(201);
      const disabled = await eventually(
        async () => {
          const s = await t.http.get(`/v1/event-subscriptions/${created.body.id}`).set(other.auth).expect(200);
          return s.body.status === 'disabled' ? s.body : undefined;
        },
        20_000,
        'the endpoint disabled',
      );
      expect(disabled.disabledReason).toMatch(/persistent failure: HTTP 500/);
      expect(disabled.lastDelivery).toMatchObject({ eventType: 'review.created', status: 'failed', attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500' });
      expect(failing.requests).toHaveLength(3);
      const log = await t.http.get(`/v1/event-subscriptions/${created.body.id}/deliveries`).set(other.auth).expect(200);
      expect(log.body.items[0]).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500' });

      // while disabled, a change is still recorded for it; enabled again, it arrives (the failed one is redelivered on request)
      await t.http
        .post('/v1/reviews')
        .set(other.auth)
        .send(reviewInput({ externalId, rating: 4 }))
        .expect(200);
      failing.answers = [];
      const enabled = await t.http.patch(`/v1/event-subscriptions/${created.body.id}`).set(other.auth).send({ status: 'active' }).expect(200);
      expect(enabled.body).toMatchObject({ status: 'active', disabledReason: null, disabledAt: null, consecutiveFailures: 0 });
      await eventually(async () => (failing.events.length === 1 ? true : undefined));
      expect(failing.events[0].event).toBe('review.updated');
      await t.http.post(`/v1/event-subscriptions/${created.body.id}/redeliver`).set(other.auth).send({ eventId: log.body.items[0].eventId }).expect(201);
      await eventually(async () => (failing.events.length === 2 ? true : undefined));
      expect(failing.events[1]).toMatchObject({ event: 'review.created', id: log.body.items[0].eventId });
      expect((failing.events[1].body.review as { id: string }).id).toBe(review.body.review.id);
    } finally {
      await failing.stop();
    }
  });
});
