import { reviewInput } from './support/factories';
import { createTestApp, TestApp, TestShop } from './support/test-app';

describe('shops, API keys and tenant isolation', () => {
  let t: TestApp;
  let alpha: TestShop;
  let beta: TestShop;

  beforeAll(async () => {
    t = await createTestApp();
    alpha = await t.createShop('Alpha');
    beta = await t.createShop('Beta');
  });
  afterAll(async () => t.close());

  it.each([
    ['no header', {}],
    ['not bearer', { Authorization: 'Basic abc' }],
    ['unknown key', { Authorization: 'Bearer rrs_thisKeyDoesNotExistAnywhere0000000000000' }],
    ['garbage', { Authorization: 'Bearer x' }],
  ])('%s: 401 with a code', async (_name, headers) => {
    const response = await t.http.get('/v1/reviews').set(headers).expect(401);
    expect(response.body.code).toBe('UNAUTHORIZED');
  });

  it('a key never sees or changes another shop data: 404 as if it did not exist', async () => {
    const input = reviewInput();
    const created = await t.http.post('/v1/reviews').set(alpha.auth).send(input).expect(201);
    const id = created.body.review.id;

    await t.http.get(`/v1/reviews/${id}`).set(beta.auth).expect(404);
    const betaList = await t.http.get('/v1/reviews').set(beta.auth).expect(200);
    expect(betaList.body.items.map((r: { id: string }) => r.id)).not.toContain(id);

    // the same platform + externalId in another shop is another review, not an update of alpha's
    const betaCopy = await t.http
      .post('/v1/reviews')
      .set(beta.auth)
      .send({ ...input, rating: 5 })
      .expect(201);
    expect(betaCopy.body.review.id).not.toBe(id);
    const alphaView = await t.http.get(`/v1/reviews/${id}`).set(alpha.auth).expect(200);
    expect(alphaView.body).toMatchObject({ rating: input.rating, revision: 1 });
  });

  it('shows the shop of the key', async () => {
    const response = await t.http.get('/v1/shop').set(alpha.auth).expect(200);
    expect(response.body).toMatchObject({ id: alpha.shopId, name: 'Alpha', timezone: 'Asia/Shanghai' });
  });

  it('creates a key shown once, lists keys without secrets, and revokes it at once', async () => {
    const created = await t.http.post('/v1/api-keys').set(alpha.auth).send({ name: 'erp-sync' }).expect(201);
    expect(created.body.key).toMatch(/^rrs_/);
    const second = { Authorization: `Bearer ${created.body.key}` };
    await t.http.get('/v1/reviews').set(second).expect(200);

    const list = await t.http.get('/v1/api-keys').set(alpha.auth).expect(200);
    expect(list.body.map((k: { name: string }) => k.name)).toEqual(['default', 'erp-sync']);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);

    await t.http.delete(`/v1/api-keys/${created.body.id}`).set(beta.auth).expect(404);
    const revoked = await t.http.delete(`/v1/api-keys/${created.body.id}`).set(alpha.auth).expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    await t.http.get('/v1/reviews').set(second).expect(401);
    await t.http.get('/v1/reviews').set(alpha.auth).expect(200);
  });
});

describe('rate limiting per API key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ rateLimitPerMinute: 5 });
  });
  afterAll(async () => t.close());

  it('answers 429 with Retry-After past the limit, counting each key separately', async () => {
    const first = await t.createShop('Busy');
    const second = await t.createShop('Quiet');
    for (let i = 0; i < 5; i++) await t.http.get('/v1/reviews').set(first.auth).expect(200);
    const limited = await t.http.get('/v1/reviews').set(first.auth).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    await t.http.get('/v1/reviews').set(second.auth).expect(200);
    await t.http.get('/health').expect(200);
  });
});
