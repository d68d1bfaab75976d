import { DataSource } from 'typeorm';
import { WebhookWorkers } from '../src/replies/webhook-workers.service';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';
import { Receiver, validSignature } from './support/webhook-receiver';

const SECRET = 'adapter-shared-secret-0001';

describe('replies: draft -> edit -> approve -> publish, and webhook delivery', () => {
  let t: TestApp;
  let shop: TestShop;
  let other: TestShop;
  let receiver: Receiver;
  let db: DataSource;
  let url: string;

  beforeAll(async () => {
    // quick retries so the backoff is visible within a test; the sweeper is called by hand
    t = await createTestApp({ webhookRetryBaseMs: 300, webhookMaxAttempts: 3, webhookTimeoutMs: 2_000, webhookSweepIntervalMs: 0 });
    shop = await t.createShop('Cloud Loom');
    other = await t.createShop('Other');
    db = t.app.get(DataSource);
    receiver = new Receiver();
    url = await receiver.start();
    await t.http.put('/v1/reply-settings').set(shop.auth).send({ webhookUrl: url, webhookSecret: SECRET }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  async function draftFor(overrides: Record<string, unknown> = {}): Promise<{ reviewId: string; reply: { id: string; text: string; status: string } }> {
    const created = await t.http.post('/v1/reviews').set(shop.auth).send(reviewInput(overrides)).expect(201);
    const reviewId: string = created.body.review.id;
    await eventually(async () => ((await t.http.get(`/v1/reviews/${reviewId}`).set(shop.auth)).body.analysisStatus === 'done' ? true : undefined));
    await db.query(`UPDATE reviews SET tags = '{logistics}', sub_tags = '{slow_delivery}' WHERE id = $1`, [reviewId]);
    const reply = await t.http.post(`/v1/reviews/${reviewId}/replies`).set(shop.auth).send({}).expect(201);
    return { reviewId, reply: reply.body };
  }

  async function deliveryOf(replyId: string, status: string) {
    return eventually(
      async () => {
        const reply = await t.http.get(`/v1/replies/${replyId}`).set(shop.auth).expect(200);
        const [delivery] = reply.body.deliveries;
        return delivery?.status === status ? delivery : undefined;
      },
      15_000,
      `a ${status} delivery`,
    );
  }

  it('runs the whole workflow with who and when, and delivers a signed webhook the adapter can verify', async () => {
    const { reviewId, reply } = await draftFor({ content: 'Took two weeks to arrive.', externalId: 'TB-77001', buyerNick: 'sunny_day' });
    expect(reply.status).toBe('draft');

    const edited = await t.http
      .patch(`/v1/replies/${reply.id}`)
      .set(shop.auth)
      .send({ found: 'We have moved your area to a faster courier route.' })
      .expect(200);
    expect(edited.body).toMatchObject({ status: 'edited', found: 'We have moved your area to a faster courier route.' });
    expect(edited.body.text.endsWith('We have moved your area to a faster courier route.')).toBe(true);
    expect(edited.body.editedBy).toMatch(/^api:/);
    expect(Date.parse(edited.body.editedAt)).not.toBeNaN();

    const again = await t.http.patch(`/v1/replies/${reply.id}`).set(shop.auth).send({ feel: 'Hi sunny_day, sorry for the wait.' }).expect(200);
    expect(again.body.status).toBe('edited');

    const approved = await t.http.post(`/v1/replies/${reply.id}/approve`).set(shop.auth).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved' });
    expect(approved.body.approvedBy).toMatch(/^api:/);

    const published = await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).expect(200);
    expect(published.body).toMatchObject({ status: 'published' });
    expect(published.body.publishedBy).toMatch(/^api:/);
    expect(published.body.deliveries).toHaveLength(1);

    const delivery = await deliveryOf(reply.id, 'delivered');
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: 200, lastError: null, event: 'reply.published' });
    const [received] = receiver.forDelivery(delivery.id);
    expect(received.headers['content-type']).toBe('application/json');
    expect(received.headers['x-rrs-event']).toBe('reply.published');
    expect(validSignature(received, SECRET)).toBe(true);
    expect(validSignature(received, 'some-other-secret-000')).toBe(false);
    const event = JSON.parse(received.body);
    expect(event).toMatchObject({
      id: delivery.id,
      event: 'reply.published',
      shopId: shop.shopId,
      reply: { id: reply.id, reviewId, platform: 'taobao', externalId: 'TB-77001', text: published.body.text, language: 'en' },
    });
    expect(event.reply).not.toHaveProperty('buyerNick');

    const history = await t.http.get(`/v1/reviews/${reviewId}/replies`).set(shop.auth).expect(200);
    expect(history.body.current).toMatchObject({ id: reply.id, status: 'published', deliveries: [expect.objectContaining({ status: 'delivered' })] });
  });

  it('refuses illegal transitions with 409 and a code', async () => {
    const { reply } = await draftFor();
    const publishDraft = await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).expect(409);
    expect(publishDraft.body).toMatchObject({ code: 'INVALID_REPLY_TRANSITION', errors: [expect.objectContaining({ field: 'status', code: 'draft' })] });
    await t.http.post(`/v1/replies/${reply.id}/approve`).set(shop.auth).expect(200);
    const editApproved = await t.http.patch(`/v1/replies/${reply.id}`).set(shop.auth).send({ text: 'Sorry for the wait.' }).expect(409);
    expect(editApproved.body.message).toBe('cannot edit a reply that is approved');
    await t.http.post(`/v1/replies/${reply.id}/approve`).set(shop.auth).expect(409);
    await t.http.post(`/v1/replies/${reply.id}/redeliver`).set(shop.auth).expect(409);
    await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).expect(200);
    const twice = await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).expect(409);
    expect(twice.body.message).toBe('cannot publish a reply that is published');
    await t.http.patch(`/v1/replies/${reply.id}`).set(shop.auth).send({ text: 'Sorry.' }).expect(409);
    await deliveryOf(reply.id, 'delivered');

    // a redraft supersedes a draft that was never published; the superseded one is frozen
    const { reviewId, reply: first } = await draftFor();
    const second = await t.http.post(`/v1/reviews/${reviewId}/replies`).set(shop.auth).send({}).expect(201);
    expect(second.body.text).not.toBe(first.text);
    const frozen = await t.http.post(`/v1/replies/${first.id}/approve`).set(shop.auth).expect(409);
    expect(frozen.body.message).toBe('cannot approve a reply that is superseded');
  });

  it('staff edits are held to the rules: no blame, no personal data, no placeholders', async () => {
    const { reply } = await draftFor({ orderId: 'TB-ORDER-99182' });
    const cases: [Record<string, string>, string, string][] = [
      [{ found: 'You should have read the description before ordering.' }, 'found', 'blamesBuyer'],
      [{ felt: '是您自己没有按说明书使用。' }, 'felt', 'blamesBuyer'],
      [{ found: 'Call us on 13812345678 and we will sort it out.' }, 'found', 'personalData'],
      [{ text: 'About order TB-ORDER-99182: sorry for the wait.' }, 'text', 'personalData'],
      [{ feel: 'Hi {buyer}, sorry for the wait.' }, 'feel', 'unfilledPlaceholder'],
    ];
    for (const [body, field, code] of cases) {
      const response = await t.http.patch(`/v1/replies/${reply.id}`).set(shop.auth).send(body).expect(400);
      expect({ body, code: response.body.code, error: response.body.errors[0] }).toEqual({
        body,
        code: 'REPLY_RULE_VIOLATION',
        error: expect.objectContaining({ field, code }),
      });
    }
    const both = await t.http.patch(`/v1/replies/${reply.id}`).set(shop.auth).send({ text: 'Sorry.', feel: 'Sorry.' }).expect(400);
    expect(both.body.errors[0]).toMatchObject({ field: 'text', code: 'textWithParts' });
    const whole = await t.http
      .patch(`/v1/replies/${reply.id}`)
      .set(shop.auth)
      .send({ text: 'Sorry for the long wait; we have fixed our dispatch.' })
      .expect(200);
    expect(whole.body).toMatchObject({ status: 'edited', feel: null, felt: null, found: null, text: 'Sorry for the long wait; we have fixed our dispatch.' });
    const partOnly = await t.http.patch(`/v1/replies/${reply.id}`).set(shop.auth).send({ felt: 'We take this seriously.' }).expect(400);
    expect(partOnly.body.errors.map((e: { field: string }) => e.field)).toEqual(['feel', 'found']);
    const current = await t.http.get('/v1/replies?status=edited').set(shop.auth).expect(200);
    expect(current.body.items.map((r: { id: string }) => r.id)).toContain(reply.id);
  });

  it('retries a failing webhook with backoff until the adapter accepts it', async () => {
    const { reply } = await draftFor();
    await t.http.post(`/v1/replies/${reply.id}/approve`).set(shop.auth).expect(200);
    receiver.answers = [500, 503];
    await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).expect(200);
    const delivery = await deliveryOf(reply.id, 'delivered');
    expect(delivery).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
    const attempts = receiver.forDelivery(delivery.id);
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    expect(attempts.every((a) => validSignature(a, SECRET))).toBe(true);
  });

  it('marks a delivery failed after the last attempt, shows why, and delivers it again on request', async () => {
    const { reply } = await draftFor();
    await t.http.post(`/v1/replies/${reply.id}/approve`).set(shop.auth).expect(200);
    receiver.answers = [500, 500, 500];
    await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).expect(200);
    const failed = await deliveryOf(reply.id, 'failed');
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 500, lastError: 'HTTP 500', nextAttemptAt: null });

    const again = await t.http.post(`/v1/replies/${reply.id}/redeliver`).set(shop.auth).expect(200);
    expect(again.body.deliveries).toHaveLength(2);
    const delivered = await deliveryOf(reply.id, 'delivered');
    expect(delivered.id).not.toBe(failed.id);
  });

  it('records an unreachable adapter as a network error and retries it', async () => {
    const { reply } = await draftFor();
    await t.http.post(`/v1/replies/${reply.id}/approve`).set(shop.auth).expect(200);
    await t.http.put('/v1/reply-settings').set(shop.auth).send({ webhookUrl: 'http://127.0.0.1:9/unreachable' }).expect(200);
    try {
      await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).expect(200);
      const failed = await deliveryOf(reply.id, 'failed');
      expect(failed.lastError).toMatch(/ECONNREFUSED|fetch failed/);
      expect(failed.lastStatusCode).toBeNull();
    } finally {
      await t.http.put('/v1/reply-settings').set(shop.auth).send({ webhookUrl: url }).expect(200);
    }
  });

  describe('when webhooks may not reach internal addresses (WEBHOOK_ALLOW_INTERNAL=false, the default)', () => {
    beforeEach(() => {
      (t.config.env as { webhookAllowInternal: boolean }).webhookAllowInternal = false;
    });
    afterEach(() => {
      (t.config.env as { webhookAllowInternal: boolean }).webhookAllowInternal = true;
    });

    it.each([
      ['this machine', 'http://127.0.0.1:8080/hooks'],
      ['a local name', 'http://localhost/hooks'],
      ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
      ['a private network', 'https://10.0.0.7/hooks'],
      ['IPv6 loopback', 'http://[::1]:9000/hooks'],
      ['credentials in the URL', 'https://user:pass@adapter.example.com/hooks'],
    ])('refuses a webhook URL pointing to %s with 400 and the field', async (_what, webhookUrl) => {
      const refused = await t.http.put('/v1/reply-settings').set(other.auth).send({ webhookUrl, webhookSecret: SECRET }).expect(400);
      expect(refused.body.errors[0]).toMatchObject({ field: 'webhookUrl', code: 'outboundUrl' });
      const kept = await t.http.get('/v1/reply-settings').set(other.auth).expect(200);
      expect(kept.body.webhookUrl).not.toBe(webhookUrl);
    });

    it('accepts a public URL', async () => {
      const saved = await t.http
        .put('/v1/reply-settings')
        .set(other.auth)
        .send({ webhookUrl: 'https://adapter.example.com/hooks', webhookSecret: SECRET })
        .expect(200);
      expect(saved.body.webhookUrl).toBe('https://adapter.example.com/hooks');
      await t.http.put('/v1/reply-settings').set(other.auth).send({ webhookUrl: null, webhookSecret: null }).expect(200);
    });

    it('does not deliver to an internal URL saved before, and does not retry it', async () => {
      const { reply } = await draftFor();
      await t.http.post(`/v1/replies/${reply.id}/approve`).set(shop.auth).expect(200);
      const before = receiver.received.length;
      await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).expect(200);
      const failed = await deliveryOf(reply.id, 'failed');
      expect(failed).toMatchObject({ attempts: 1, lastStatusCode: null, nextAttemptAt: null });
      expect(failed.lastError).toMatch(/internal address/);
      expect(receiver.received.length).toBe(before);
    });
  });

  it('finds a delivery whose job was lost (Redis flushed, process killed) and delivers it', async () => {
    const { reply } = await draftFor();
    await t.http.post(`/v1/replies/${reply.id}/approve`).set(shop.auth).expect(200);
    await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).expect(200);
    const first = await deliveryOf(reply.id, 'delivered');
    // a delivery written by a publish whose job never ran
    const [lost] = await db.query(
      `INSERT INTO webhook_deliveries (shop_id, reply_id, event, url, body, status, next_attempt_at)
       SELECT shop_id, reply_id, event, url, body, 'pending', now() - interval '10 minutes' FROM webhook_deliveries WHERE id = $1
       RETURNING id`,
      [first.id],
    );
    expect(await t.app.get(WebhookWorkers).sweep()).toBeGreaterThanOrEqual(1);
    await eventually(async () => (receiver.forDelivery(lost.id).length ? true : undefined), 10_000, 'the swept delivery');
    const row = await eventually(async () => {
      const [found] = await db.query('SELECT status, attempts FROM webhook_deliveries WHERE id = $1', [lost.id]);
      return found.status === 'delivered' ? found : undefined;
    });
    expect(row.attempts).toBe(1);
  });

  it('publishing without a webhook only records; another shop sees none of it', async () => {
    const created = await t.http
      .post('/v1/reviews')
      .set(other.auth)
      .send(reviewInput({ rating: 5 }))
      .expect(201);
    const reviewId = created.body.review.id;
    const reply = await t.http.post(`/v1/reviews/${reviewId}/replies`).set(other.auth).send({}).expect(201);
    expect(reply.body.kind).toBe('thank_you');
    await t.http.post(`/v1/replies/${reply.body.id}/approve`).set(other.auth).expect(200);
    const published = await t.http.post(`/v1/replies/${reply.body.id}/publish`).set(other.auth).expect(200);
    expect(published.body).toMatchObject({ status: 'published', deliveries: [] });
    const redeliver = await t.http.post(`/v1/replies/${reply.body.id}/redeliver`).set(other.auth).expect(409);
    expect(redeliver.body.code).toBe('WEBHOOK_NOT_CONFIGURED');
    await t.http.get(`/v1/replies/${reply.body.id}`).set(shop.auth).expect(404);
    await t.http.post(`/v1/replies/${reply.body.id}/redeliver`).set(shop.auth).expect(404);
  });
});
