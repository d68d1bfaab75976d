import { request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { reviewInput } from './support/factories';
import { createTestApp, TestApp, TestShop } from './support/test-app';

/** Bad input gets a 4xx with a stable code and the field at fault; nothing is written. */
describe('bad input', () => {
  let t: TestApp;
  let shop: TestShop;

  beforeAll(async () => {
    t = await createTestApp({ bodyLimitBytes: 1024 * 1024 });
    shop = await t.createShop();
  });
  afterAll(async () => t.close());

  const storedCount = async () => {
    const [row] = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM reviews WHERE shop_id = $1', [shop.shopId]);
    return row.n as number;
  };

  it('malformed JSON is a 400 MALFORMED_JSON', async () => {
    const response = await t.http.post('/v1/reviews').set(shop.auth).set('Content-Type', 'application/json').send('{"platform": "taobao",').expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
    expect(response.body.requestId).toEqual(expect.any(String));
  });

  it.each([
    ['rating 0', { rating: 0 }, 'rating', 'min'],
    ['rating 6', { rating: 6 }, 'rating', 'max'],
    ['rating 2.5', { rating: 2.5 }, 'rating', 'isInt'],
    ['rating as text', { rating: 'five' }, 'rating', 'isInt'],
    ['missing rating', { rating: undefined }, 'rating', 'isDefined'],
    ['missing externalId', { externalId: undefined }, 'externalId', 'isDefined'],
    ['missing reviewedAt', { reviewedAt: undefined }, 'reviewedAt', 'isDefined'],
    ['unknown platform', { platform: 'amazon' }, 'platform', 'isIn'],
    ['unknown field', { stars: 5 }, 'stars', 'whitelistValidation'],
    ['impossible date', { reviewedAt: '2026-02-30T10:00:00Z' }, 'reviewedAt', 'isTimestamp'],
    ['not a date', { orderedAt: 'last tuesday' }, 'orderedAt', 'isTimestamp'],
    ['future review', { reviewedAt: '2099-01-01T00:00:00Z' }, 'reviewedAt', 'inFuture'],
    ['delivered before shipped', { deliveredAt: '2026-11-01T10:00:00+08:00' }, 'deliveredAt', 'dateOrder'],
    ['huge content', { content: '差'.repeat(10_001) }, 'content', 'maxLength'],
    ['huge externalId', { externalId: 'x'.repeat(129) }, 'externalId', 'maxLength'],
    ['NUL in content', { content: 'bad\u0000review' }, 'content', 'noControlCharacters'],
    ['control character in nick', { buyerNick: 'a\u0007b' }, 'buyerNick', 'noControlCharacters'],
    ['images not URLs', { images: ['file:///etc/passwd'] }, 'images', 'isUrl'],
    ['negative amount', { orderAmount: -1 }, 'orderAmount', 'min'],
    ['three decimals', { orderAmount: 1.234 }, 'orderAmount', 'isNumber'],
    ['lower-case currency', { currency: 'cny' }, 'currency', 'matches'],
    ['blank externalId', { externalId: '   ' }, 'externalId', 'isNotEmpty'],
    ['wrong type for hasVideo', { hasVideo: 'yes' }, 'hasVideo', 'isBoolean'],
  ])('%s: 400 naming %s', async (_name, change, field, code) => {
    const before = await storedCount();
    const response = await t.http.post('/v1/reviews').set(shop.auth).send(reviewInput(change)).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    expect(await storedCount()).toBe(before);
  });

  it('a JSON array or scalar where an object belongs is a 400', async () => {
    await t.http.post('/v1/reviews').set(shop.auth).set('Content-Type', 'application/json').send('[1,2,3]').expect(400);
    const response = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items: 'all of them' }).expect(400);
    expect(response.body.errors[0]).toMatchObject({ field: 'items' });
  });

  it('a body over the limit is a 413 and nothing is stored', async () => {
    const before = await storedCount();
    const big = Array.from({ length: 200 }, () => reviewInput({ content: '长'.repeat(9_000) }));
    const response = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items: big }).expect(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await storedCount()).toBe(before);
  });

  it('a 50 MB body is refused with 413 without reading it all', async () => {
    const status = await postHuge(t, shop.key, 50 * 1024 * 1024);
    expect(status).toBe(413);
  });

  it('an unknown route is a 404 with a code', async () => {
    const response = await t.http.get('/v1/nothing-here').set(shop.auth).expect(404);
    expect(response.body.code).toBe('NOT_FOUND');
  });

  it('a malformed review id is a 400, not a database error', async () => {
    const response = await t.http.get('/v1/reviews/not-a-uuid').set(shop.auth).expect(400);
    expect(response.body.errors[0]).toMatchObject({ field: 'id', code: 'isUuid' });
  });
});

/** Streams `size` bytes of JSON whitespace and resolves with the status as soon as the server answers. */
async function postHuge(t: TestApp, key: string, size: number): Promise<number> {
  const server: Server = t.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/v1/reviews',
      headers: { 'Content-Type': 'application/json', 'Content-Length': size, Authorization: `Bearer ${key}` },
    });
    let answered = false;
    req.on('response', (response) => {
      answered = true;
      response.resume();
      resolve(response.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (!answered && sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();
  });
}
