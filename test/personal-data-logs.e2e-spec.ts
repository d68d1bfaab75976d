import { randomUUID } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { reviewInput } from './support/factories';
import { createTestApp, TestApp, TestShop } from './support/test-app';

/** Everything the process writes while `run` runs: pino's stream, Nest's console logger and console.*. */
async function captureOutput(run: () => Promise<void>): Promise<string> {
  const chunks: string[] = [];
  const keep = (chunk: unknown) => chunks.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (keep(chunk), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (keep(chunk), true)),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void keep(args.map(String).join(' '))),
    ),
  ];
  try {
    await run();
    // pino writes synchronously to a stream it was given, but let pending writes land
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return chunks.join('');
}

function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('personal data stays out of the logs', () => {
  let t: TestApp;
  let shop: TestShop;
  const nick = `nick-${randomUUID().slice(0, 8)}`;
  const phone = `138${String(Date.now()).slice(-8)}`;
  const constraint = `test_reject_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await createTestApp({ logLevel: 'info' });
    // the service's JSON logger, as main.ts installs it
    t.app.useLogger(t.app.get(Logger));
    shop = await t.createShop();
    // A database-side rejection of exactly this buyer's row: PostgreSQL's error detail then quotes the whole
    // row, and the failed INSERT carries the nickname and the phone number among its parameters.
    await t.app.get(DataSource).query(`ALTER TABLE reviews ADD CONSTRAINT ${constraint} CHECK (buyer_nick IS DISTINCT FROM '${nick}') NOT VALID`);
  });

  afterAll(async () => {
    await t.app.get(DataSource).query(`ALTER TABLE reviews DROP CONSTRAINT IF EXISTS ${constraint}`);
    await t.close();
  });

  it('logs a failed query as an error line without the nickname or phone number it was storing', async () => {
    let status = 0;
    let requestId = '';
    const output = await captureOutput(async () => {
      const response = await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send(reviewInput({ buyerNick: nick, content: `质量太差，退款请打我电话 ${phone}`, rating: 1 }));
      status = response.status;
      requestId = String(response.body.requestId);
    });

    expect(status).toBe(500);
    expect(output).not.toContain(nick);
    expect(output).not.toContain(phone);
    const lines = jsonLines(output);
    const failed = lines.find((line) => line.msg === 'query failed');
    expect(failed).toMatchObject({ level: 50, err: { code: '23514', constraint } });
    expect(String(failed?.query)).toMatch(/^INSERT INTO "?reviews"? /i);
    expect(lines.find((line) => line.msg === 'unhandled error')).toMatchObject({ level: 50, requestId });
  });

  it('logs requests by path, without the query string that filters by buyer', async () => {
    const buyerId = `buyer-${randomUUID().slice(0, 8)}`;
    const output = await captureOutput(async () => {
      await t.http.get('/v1/reviews').query({ buyerId, limit: 5 }).set(shop.auth).expect(200);
    });

    expect(output).not.toContain(buyerId);
    const completed = jsonLines(output).find((line) => line.msg === 'request completed');
    expect(completed).toMatchObject({ req: { method: 'GET', path: '/v1/reviews' }, res: { statusCode: 200 } });
  });
});
