import { request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

/**
 * Input that used to answer 500 or be stored mangled (issue 13): each is a 4xx with a stable code and the
 * field at fault, and in a batch or a CSV file only the item or line at fault is refused.
 */
describe('hostile input', () => {
  let t: TestApp;
  let shop: TestShop;
  let caseId: string;
  let reviewerId: string;
  let templateId: string;

  beforeAll(async () => {
    t = await createTestApp();
    shop = await t.createShop();
    const buyerId = 'hostile-buyer';
    let reviewId = '';
    for (let i = 0; i < 3; i++) {
      const created = await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send(reviewInput({ buyerId, rating: 1 }))
        .expect(201);
      reviewId = created.body.review.id;
    }
    caseId = await eventually(
      async () => {
        const list = await t.http.get(`/v1/cases?reviewId=${reviewId}`).set(shop.auth).expect(200);
        return list.body.items[0]?.id as string | undefined;
      },
      20_000,
      'a case',
    );
    reviewerId = await eventually(
      async () => {
        const list = await t.http.get('/v1/reviewers').query({ buyerId }).set(shop.auth).expect(200);
        return list.body.items[0]?.id as string | undefined;
      },
      20_000,
      'a reviewer profile',
    );
    const template = await t.http.post('/v1/reply-templates').set(shop.auth).send({ part: 'feel', language: 'zh-Hans', text: '我们理解您的感受' }).expect(201);
    templateId = template.body.id;
  }, 60_000);
  afterAll(async () => t.close());

  const problem = (field: string, code: string) => ({
    code: 'VALIDATION_FAILED',
    errors: expect.arrayContaining([expect.objectContaining({ field, code })]),
  });

  describe('a tiny amount such as 1e-7 is a 400 isNumber, not a crash of the decimal-places check', () => {
    it.each([
      ['POST', '/v1/reviews', () => reviewInput({ orderAmount: 1e-7 }), 'orderAmount'],
      ['PUT', '/v1/remedy-policy', () => ({ giftValue: 1e-7 }), 'giftValue'],
      ['PUT', '/v1/remedy-policy', () => ({ couponTiers: [{ minOrderAmount: 0, amount: 1e-7 }] }), 'couponTiers[0].amount'],
      ['PUT', '/v1/queue/settings', () => ({ highValueOrderAmount: 1e-7 }), 'highValueOrderAmount'],
      ['POST', 'contacts', () => ({ channel: 'phone', outcome: 'no_answer', demandedAmount: 1e-7 }), 'demandedAmount'],
      ['POST', 'contacts', () => ({ channel: 'phone', outcome: 'no_answer', compensation: { type: 'coupon', amount: 5e-324 } }), 'compensation.amount'],
    ])('%s %s: the field at fault is named', async (method, path, body, field) => {
      const url = path === 'contacts' ? `/v1/cases/${caseId}/contacts` : path;
      const response = await t.http[method === 'PUT' ? 'put' : 'post'](url).set(shop.auth).send(body()).expect(400);
      expect(response.body).toMatchObject(problem(field, 'isNumber'));
    });

    it('in a batch only that item is refused', async () => {
      const response = await t.http
        .post('/v1/reviews/batch')
        .set(shop.auth)
        .send({ items: [reviewInput(), reviewInput({ orderAmount: 1e-7 })] })
        .expect(200);
      expect(response.body.results.map((r: { result: string }) => r.result)).toEqual(['created', 'rejected']);
      expect(response.body.results[1].errors).toEqual([expect.objectContaining({ field: 'items[1].orderAmount', code: 'isNumber' })]);
    });

    it('in a CSV cell only that line is refused', async () => {
      const csv = [
        'platform,externalId,rating,reviewedAt,orderAmount',
        'taobao,csv-ok-1,5,2026-11-01 10:00:00,59.9',
        'taobao,csv-tiny-1,5,2026-11-01 10:00:00,1e-7',
      ].join('\n');
      const response = await t.http.post('/v1/reviews/import').set(shop.auth).set('Content-Type', 'text/csv').send(csv).expect(200);
      expect(response.body.summary).toMatchObject({ created: 1, rejected: 1 });
      expect(response.body.errors).toEqual([expect.objectContaining({ line: 3, field: 'orderAmount', code: 'isNumber' })]);
    });
  });

  describe('null for a setting that has no null is a 400 isNotNull', () => {
    it.each([
      'revisionWindowDays',
      'firstContactSlaHours',
      'maxContactsPerDay',
      'maxContactsTotal',
      'bestSellerReviews30d',
      'highValueOrderAmount',
      'quietHoursStart',
    ])('PUT /v1/queue/settings {"%s": null}', async (field) => {
      const response = await t.http
        .put('/v1/queue/settings')
        .set(shop.auth)
        .send({ [field]: null })
        .expect(400);
      expect(response.body).toMatchObject(problem(field, 'isNotNull'));
    });

    it('PATCH /v1/shop {"locale": null}', async () => {
      const response = await t.http.patch('/v1/shop').set(shop.auth).send({ locale: null }).expect(400);
      expect(response.body).toMatchObject(problem('locale', 'isNotNull'));
    });

    it('PATCH /v1/reply-templates/:id {"text": null}; tag stays nullable', async () => {
      const response = await t.http.patch(`/v1/reply-templates/${templateId}`).set(shop.auth).send({ text: null }).expect(400);
      expect(response.body).toMatchObject(problem('text', 'isNotNull'));
      await t.http.patch(`/v1/reply-templates/${templateId}`).set(shop.auth).send({ tag: null }).expect(200);
    });
  });

  describe('a lone UTF-16 surrogate is a 400 wellFormedText naming the field', () => {
    it.each([
      ['content', () => ['/v1/reviews', reviewInput({ content: 'x\ud800' })], 'content'],
      ['productName', () => ['/v1/reviews', reviewInput({ productName: '\udc00T恤' })], 'productName'],
      ['a batch item', () => ['/v1/reviews/batch', { items: [reviewInput(), reviewInput({ buyerNick: 'x\ud800' })] }], 'items[1].buyerNick'],
      ['a case status reason', () => [`/v1/cases/${caseId}/status`, { status: 'dismissed', reason: 'x\ud800' }], 'reason'],
      ['a reviewer dismiss reason', () => [`/v1/reviewers/${reviewerId}/dismiss`, { reason: 'checked \ud83d' }], 'reason'],
      ['an object key', () => ['/v1/reviewers/settings', { override: { 'x\ud800': 1 } }], 'override.x\ud800'],
    ])('%s', async (_name, build, field) => {
      const [url, body] = build() as [string, object];
      const response = await t.http.post(url).set(shop.auth).send(body);
      // PUT /v1/reviewers/settings is the one PUT here
      const final = response.status === 404 ? await t.http.put(url).set(shop.auth).send(body) : response;
      expect(final.status).toBe(400);
      expect(final.body).toMatchObject(problem(field, 'wellFormedText'));
    });

    it('nothing of it is stored: the dismissed reviewer keeps its status', async () => {
      const reviewer = await t.http.get(`/v1/reviewers/${reviewerId}`).set(shop.auth).expect(200);
      expect(reviewer.body.status).not.toBe('dismissed');
    });
  });

  it.each([
    ['/v1/reviews?buyerId=a%00b', 'buyerId'],
    ['/v1/reviews?productId=%00', 'productId'],
    ['/v1/cases?productId=p%00', 'productId'],
    ['/v1/queue?productId=p%00', 'productId'],
    ['/v1/reviewers?buyerId=%00', 'buyerId'],
    ['/v1/reviews?cursor=%00', 'cursor'],
  ])('NUL in a query filter: GET %s is a 400 naming %s', async (url, field) => {
    const response = await t.http.get(url).set(shop.auth).expect(400);
    expect(response.body).toMatchObject(problem(field, 'noControlCharacters'));
  });

  it('minScore=5e-324 (out of range for a real column) is a 400', async () => {
    const response = await t.http.get('/v1/reviewers?minScore=5e-324').set(shop.auth).expect(400);
    expect(response.body).toMatchObject(problem('minScore', 'isNumber'));
  });

  it('JSON nested 5,000 deep is a 400 maxDepth, not a stack overflow', async () => {
    const response = await t.http
      .post('/v1/reviews')
      .set(shop.auth)
      .set('Content-Type', 'application/json')
      .send(`{"content":${'['.repeat(5000)}${']'.repeat(5000)}}`)
      .expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ code: 'maxDepth' })] });
    const nested = await t.http
      .put('/v1/reviewers/settings')
      .set(shop.auth)
      .set('Content-Type', 'application/json')
      .send(`{"override":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`)
      .expect(400);
    expect(nested.body.errors[0]).toMatchObject({ code: 'maxDepth', field: expect.stringMatching(/^override(\.a)+$/) });
  });

  it.each(['0000-01-01 00:00:00', '1899-12-31T23:59:59Z', '9999-12-31 23:59:59'])(
    'reviewedAt %s (outside 1970-2200) is a 400 isTimestamp',
    async (reviewedAt) => {
      const response = await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send(reviewInput({ reviewedAt, orderedAt: undefined, shippedAt: undefined, deliveredAt: undefined }))
        .expect(400);
      expect(response.body).toMatchObject(problem('reviewedAt', 'isTimestamp'));
      const filter = await t.http.get('/v1/reviews').query({ reviewedFrom: reviewedAt }).set(shop.auth).expect(400);
      expect(filter.body).toMatchObject(problem('reviewedFrom', 'isTimestamp'));
    },
  );

  it('invalid UTF-8 inside a JSON body is a 400 INVALID_UTF8, not replacement characters', async () => {
    const body = Buffer.concat([
      Buffer.from(JSON.stringify(reviewInput()).slice(0, -1)),
      Buffer.from(',"buyerNick":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const response = await rawPost(t, shop.key, 'POST', '/v1/reviews', body, 'application/json');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).code).toBe('INVALID_UTF8');
  });

  it.each(['gzip', 'deflate', 'br'])('a JSON body that is not %s although Content-Encoding says so is a 400 INVALID_CONTENT_ENCODING', async (encoding) => {
    const response = await rawPost(t, shop.key, 'POST', '/v1/reviews', JSON.stringify(reviewInput()), 'application/json', { 'Content-Encoding': encoding });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).code).toBe('INVALID_CONTENT_ENCODING');
  });

  it.each([
    ['text/plain', '/v1/reviews'],
    [undefined, '/v1/reviews'],
    ['application/x-www-form-urlencoded', '/v1/queue/settings'],
  ])('a JSON body sent as %s is a 415 UNSUPPORTED_MEDIA_TYPE', async (contentType, url) => {
    const status = await rawPost(t, shop.key, url === '/v1/queue/settings' ? 'PUT' : 'POST', url, JSON.stringify(reviewInput()), contentType);
    expect(status.status).toBe(415);
    expect(JSON.parse(status.body)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('application/json') });
  });

  it('a body-less action still takes a request without a body', async () => {
    await t.http
      .post(`/v1/cases/${caseId}/claim`)
      .set(shop.auth)
      .expect((response) => expect(response.status).toBeLessThan(500));
    const stored = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM reviews WHERE shop_id = $1', [shop.shopId]);
    expect(stored[0].n).toBeGreaterThan(0);
  });

  it.each([
    ['/v1/reviews?limit=abc', 'limit', 'isInt'],
    ['/v1/queue?highRiskLimit=abc', 'highRiskLimit', 'isInt'],
    ['/v1/reviews?rating=five', 'rating', 'isInt'],
    ['/v1/reviewers?minScore=abc', 'minScore', 'isNumber'],
  ])('GET %s says %s must be a number, not that it is out of range', async (url, field, code) => {
    const response = await t.http.get(url).set(shop.auth).expect(400);
    expect(response.body).toMatchObject(problem(field, code));
    expect(response.body.errors[0].message).not.toMatch(/greater|less/);
  });
});

/** A request exactly as given: supertest would add a Content-Type of its own. */
async function rawPost(
  t: TestApp,
  key: string,
  method: string,
  path: string,
  body: string | Buffer,
  contentType?: string,
  extraHeaders: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const server: Server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { Authorization: `Bearer ${key}`, 'Content-Length': Buffer.byteLength(body), ...extraHeaders };
    if (contentType) headers['Content-Type'] = contentType;
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
