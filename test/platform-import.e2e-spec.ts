import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp, TestShop } from './support/test-app';

const FIXTURES = join(__dirname, 'fixtures', 'platforms');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const json = (name: string) => JSON.parse(fixture(name).toString('utf8')) as Record<string, unknown>;

/** The derived ids of docs/platform-formats.md, computed here independently of the importer. */
const derived = (prefix: string, parts: string[]) => `${prefix}-${createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 24)}`;
const emailId = (email: string) => derived('email', [email.trim().toLowerCase()]);

type Review = Record<string, unknown>;

interface FormatCase {
  fixture: string;
  format: string;
  contentType: string;
  count: number;
  /** the fixture with one review's text changed */
  changed(): Promise<Buffer>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function replaced(name: string, from: string, to: string): () => Promise<Buffer> {
  return async () => {
    const text = fixture(name).toString('utf8');
    if (!text.includes(from)) throw new Error(`${name} lacks ${from}`);
    return Buffer.from(text.replace(from, to));
  };
}

async function changedXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fixture('douyin-export.xlsx') as unknown as ArrayBuffer);
  workbook.worksheets[0].getRow(4).getCell(7).value = '还行，就是有点重，盖子也不太好拧。';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CASES: FormatCase[] = [
  {
    fixture: 'taobao-traderate.json',
    format: 'taobao-traderate',
    contentType: 'application/json',
    count: 3,
    changed: replaced('taobao-traderate.json', '每次拧开都挺费劲', '每次拧开都很费劲'),
  },
  {
    fixture: 'tmall-feed.json',
    format: 'tmall-feed',
    contentType: 'application/json',
    count: 2,
    changed: replaced('tmall-feed.json', '做工还可以', '做工一般'),
  },
  {
    fixture: 'jd-comment.json',
    format: 'jd-comment',
    contentType: 'application/json',
    count: 2,
    changed: replaced('jd-comment.json', '"score": 2', '"score": 1'),
  },
  {
    fixture: 'kuaishou-comment.json',
    format: 'kuaishou-comment',
    contentType: 'application/json',
    count: 3,
    changed: replaced('kuaishou-comment.json', '面料摸着还行', '面料摸着一般'),
  },
  {
    fixture: 'pdd-review.json',
    format: 'pdd-review',
    contentType: 'application/json',
    count: 2,
    changed: replaced('pdd-review.json', '就是有点沉', '就是太沉了'),
  },
  { fixture: 'douyin-export.xlsx', format: 'douyin-export', contentType: XLSX, count: 3, changed: changedXlsx },
  { fixture: 'judgeme.csv', format: 'judgeme', contentType: 'text/csv', count: 2, changed: replaced('judgeme.csv', 'it pulls', 'it pulls at my neck') },
  { fixture: 'okendo.csv', format: 'okendo', contentType: 'text/csv', count: 2, changed: replaced('okendo.csv', 'slightly smaller', 'a lot smaller') },
  {
    fixture: 'shopify-product-reviews.csv',
    format: 'shopify-product-reviews',
    contentType: 'text/csv',
    count: 2,
    changed: replaced('shopify-product-reviews.csv', 'two washes', 'three washes'),
  },
];

describe('POST /v1/reviews/import: platform formats', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const send = (shop: TestShop, body: Buffer, contentType: string, query: Record<string, string> = {}) =>
    // supertest would serialise a Buffer sent as JSON as {type: 'Buffer', data}
    t.http
      .post('/v1/reviews/import')
      .query(query)
      .set(shop.auth)
      .set('Content-Type', contentType)
      .send(contentType === 'application/json' ? body.toString('utf8') : body);

  const reviews = async (shop: TestShop): Promise<Map<string, Review>> => {
    const response = await t.http.get('/v1/reviews').query({ limit: 200 }).set(shop.auth).expect(200);
    return new Map((response.body.items as Review[]).map((item) => [item.externalId as string, item]));
  };

  describe.each(CASES)('$format', (c) => {
    it('is detected, imports unchanged, a second import is all unchanged, a changed one is updated with a revision', async () => {
      const shop = await t.createShop();
      const first = await send(shop, fixture(c.fixture), c.contentType).expect(200);
      expect(first.body).toMatchObject({ format: c.format, errors: [], summary: { lines: c.count, created: c.count, rejected: 0 } });

      const again = await send(shop, fixture(c.fixture), c.contentType, { format: c.format }).expect(200);
      expect(again.body.summary).toEqual({ lines: c.count, created: 0, updated: 0, unchanged: c.count, rejected: 0 });

      const changed = await send(shop, await c.changed(), c.contentType).expect(200);
      expect(changed.body.summary).toEqual({ lines: c.count, created: 0, updated: 1, unchanged: c.count - 1, rejected: 0 });
      const updated = [...(await reviews(shop)).values()].filter((review) => review.revision === 2);
      expect(updated).toHaveLength(1);
      const detail = await t.http
        .get(`/v1/reviews/${updated[0].id as string}`)
        .set(shop.auth)
        .expect(200);
      expect(detail.body.revisions).toEqual([expect.objectContaining({ revision: 1 })]);
    });
  });

  describe('fields land where docs/platform-formats.md says', () => {
    it('Taobao TradeRate: the sub-order is the id, result good/neutral/bad is rating 5/3/1, China time, 追评', async () => {
      const shop = await t.createShop();
      await send(shop, fixture('taobao-traderate.json'), 'application/json').expect(200);
      const byId = await reviews(shop);
      expect(byId.get('3301000000011')).toMatchObject({
        platform: 'taobao',
        orderId: '3301000000001',
        productId: '600100200301',
        productName: '加厚保温杯 500ml',
        buyerNick: 't**1',
        rating: 5,
        grade: 'good',
        orderAmount: 59,
        currency: 'CNY',
        reviewedAt: '2026-10-20T02:15:00.000Z',
      });
      expect(byId.get('3301000000021')).toMatchObject({ rating: 3, grade: 'medium' });
      expect(byId.get('3301000000031')).toMatchObject({
        rating: 1,
        grade: 'bad',
        followUpContent: '联系客服后换了一个新的，这次没问题。',
        followUpAt: '2026-10-29T01:00:00.000Z',
      });
      // a Tmall shop's TradeRates: the platform is named
      const tmall = await t.createShop();
      await send(tmall, fixture('taobao-traderate.json'), 'application/json', { platform: 'tmall' }).expect(200);
      expect((await reviews(tmall)).get('3301000000011')).toMatchObject({ platform: 'tmall' });
    });

    it('Tmall feed: has_negtv grades, the added child_trade_id is the id', async () => {
      const shop = await t.createShop();
      await send(shop, fixture('tmall-feed.json'), 'application/json').expect(200);
      const byId = await reviews(shop);
      expect(byId.get('4402000000011')).toMatchObject({ platform: 'tmall', rating: 5, reviewedAt: '2026-10-18T04:00:00.000Z' });
      expect(byId.get('4402000000021')).toMatchObject({
        rating: 1,
        grade: 'bad',
        followUpContent: '东西本身倒是没坏。',
        followUpAt: '2026-10-25T00:30:00.000Z',
      });
    });

    it('JD: score, protocol-relative images, video', async () => {
      const shop = await t.createShop();
      await send(shop, fixture('jd-comment.json'), 'application/json').expect(200);
      expect((await reviews(shop)).get('900100200301')).toMatchObject({
        platform: 'jd',
        productId: '100012345601',
        productName: '无线蓝牙耳机 白色',
        orderId: '270011223301',
        buyerNick: 'j***a',
        rating: 2,
        images: ['https://img.example.com/jd/review-1.jpg', 'https://img.example.com/jd/review-2.jpg'],
        imageCount: 2,
        hasVideo: true,
        reviewedAt: '2026-10-15T08:20:00.000Z',
      });
    });

    it('Kuaishou: epoch milliseconds and seconds both read, the 追评 object, numbers as ids', async () => {
      const shop = await t.createShop();
      await send(shop, fixture('kuaishou-comment.json'), 'application/json').expect(200);
      const byId = await reviews(shop);
      expect(byId.get('5500100200301')).toMatchObject({
        platform: 'kuaishou',
        productId: '22001001',
        sku: '22001001001',
        orderId: '2610001000301',
        rating: 2,
        reviewedAt: '2026-10-18T08:00:00.000Z',
      });
      expect(byId.get('5500100200302')).toMatchObject({
        rating: 3,
        reviewedAt: '2026-10-18T11:30:00.000Z',
        images: ['https://img.example.com/ks/review-1.jpg'],
        hasVideo: true,
        followUpContent: '换了大一码的，刚好合身。',
        followUpAt: '2026-10-25T03:46:40.000Z',
      });
    });

    it('Pinduoduo: epoch seconds, pictures, specs', async () => {
      const shop = await t.createShop();
      await send(shop, fixture('pdd-review.json'), 'application/json').expect(200);
      expect((await reviews(shop)).get('7700100200301')).toMatchObject({
        platform: 'pdd',
        productId: '3300100201',
        productName: '家用不锈钢菜刀',
        sku: '切片刀',
        orderId: '261020-330010020101',
        rating: 1,
        images: ['https://img.example.com/pdd/review-1.jpg'],
        reviewedAt: '2026-10-17T05:20:00.000Z',
      });
    });

    it('Douyin xlsx: the id derived from order, product and time; dates as serial numbers and as text', async () => {
      const shop = await t.createShop();
      await send(shop, fixture('douyin-export.xlsx'), XLSX).expect(200);
      const byId = await reviews(shop);
      const first = byId.get(derived('dy', ['6920001000301', '3580001001', '2026-10-21T06:30:00.000Z']));
      expect(first).toMatchObject({
        platform: 'douyin',
        orderId: '6920001000301',
        productId: '3580001001',
        productName: '儿童保温水壶',
        sku: '粉色 400ml',
        buyerNick: '抖音用户A',
        rating: 5,
        reviewedAt: '2026-10-21T06:30:00.000Z',
      });
      const second = byId.get(derived('dy', ['6920001000302', '3580001001', '2026-10-22T01:05:00.000Z']));
      expect(second).toMatchObject({ rating: 2, followUpContent: '换了吸管还是漏。', followUpAt: '2026-10-27T12:00:00.000Z' });
      expect(byId.get(derived('dy', ['6920001000303', '3580001002', '2026-10-23T10:40:00.000Z']))).toMatchObject({ rating: 3 });
    });

    it('Douyin saved as a GBK CSV: the same reviews, the same ids', async () => {
      const shop = await t.createShop();
      const response = await send(shop, fixture('douyin-export-gbk.csv'), 'text/csv').expect(200);
      expect(response.body).toMatchObject({ format: 'douyin-export', encoding: 'gb18030', summary: { created: 2, rejected: 0 } });
      const byId = await reviews(shop);
      expect(byId.get(derived('dy', ['6920001000302', '3580001001', '2026-10-22T01:05:00.000Z']))).toMatchObject({ content: '吸管漏水，书包都湿了。' });
      // the xlsx of the same export afterwards: its two shared reviews are the same reviews
      const xlsx = await send(shop, fixture('douyin-export.xlsx'), XLSX).expect(200);
      expect(xlsx.body.summary).toMatchObject({ created: 1, unchanged: 2 });
    });

    it('Judge.me (UTF-8 with BOM), Okendo, Shopify Product Reviews: e-mail kept only as a hashed buyer id', async () => {
      const shop = await t.createShop('English shop', 'Europe/London', 'en');
      await send(shop, fixture('judgeme.csv'), 'text/csv').expect(200);
      await send(shop, fixture('okendo.csv'), 'text/csv').expect(200);
      await send(shop, fixture('shopify-product-reviews.csv'), 'text/csv').expect(200);
      const all = [...(await reviews(shop)).values()];
      expect(JSON.stringify(all)).not.toMatch(/@example\.com/i);
      const judge = all.find((r) => r.externalId === derived('jm', ['linen-apron', 'sam.k@example.com', '2026-10-12T18:00:00.000Z']));
      expect(judge).toMatchObject({
        platform: 'shopify',
        productId: 'linen-apron',
        buyerId: emailId('sam.k@example.com'),
        buyerNick: 'Sam K.',
        rating: 2,
        images: ['https://img.example.com/jm/apron-1.jpg'],
      });
      expect(all.find((r) => r.externalId === 'ok-rev-0002')).toMatchObject({
        productId: '8123400001',
        sku: 'MUG-BLUE',
        buyerId: emailId('casey.l@example.com'),
        rating: 1,
        reviewedAt: '2026-10-09T10:30:00.000Z',
      });
      const shopify = all.find((r) => r.externalId === derived('spr', ['wool-socks', 'taylor.b@example.com', '2026-10-06T20:15:00.000Z']));
      expect(shopify).toMatchObject({ productId: 'wool-socks', buyerNick: 'Taylor B.', rating: 3, currency: null });
    });
  });

  describe('broken files', () => {
    it('an xlsx without a required column: 422 CSV_MISSING_COLUMNS naming it, nothing stored', async () => {
      const shop = await t.createShop();
      const response = await send(shop, fixture('broken/douyin-missing-column.xlsx'), XLSX, { format: 'douyin-export' }).expect(422);
      expect(response.body).toMatchObject({ code: 'CSV_MISSING_COLUMNS', errors: [expect.objectContaining({ field: '订单ID', code: 'missingColumn' })] });
      expect((await reviews(shop)).size).toBe(0);
    });

    it('an empty sheet: 422 IMPORT_EMPTY', async () => {
      const shop = await t.createShop();
      const response = await send(shop, fixture('broken/douyin-empty-sheet.xlsx'), XLSX).expect(422);
      expect(response.body.code).toBe('IMPORT_EMPTY');
    });

    it('wrong types are reported per record with the platform field; the good record is kept', async () => {
      const shop = await t.createShop();
      const response = await send(shop, fixture('broken/kuaishou-wrong-type.json'), 'application/json').expect(200);
      expect(response.body.summary).toEqual({ lines: 3, created: 1, updated: 0, unchanged: 0, rejected: 2 });
      expect(response.body.errors).toEqual([
        expect.objectContaining({ line: 1, field: 'rating', column: 'creditScore', code: 'isInt' }),
        expect.objectContaining({ line: 2, field: 'reviewedAt', column: 'createTime' }),
      ]);
    });

    it('unreadable JSON and xlsx, a format the file cannot have, a shape no format has: 422 with a stable code', async () => {
      const shop = await t.createShop();
      const truncated = await send(shop, fixture('broken/truncated.json'), 'application/octet-stream').expect(422);
      expect(truncated.body.code).toBe('JSON_MALFORMED');
      const notXlsx = await send(shop, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), XLSX).expect(422);
      expect(notXlsx.body.code).toBe('XLSX_MALFORMED');
      const mismatch = await send(shop, fixture('judgeme.csv'), 'text/csv', { format: 'kuaishou-comment' }).expect(422);
      expect(mismatch.body).toMatchObject({ code: 'IMPORT_FORMAT_MISMATCH', errors: [expect.objectContaining({ field: 'format' })] });
      const unknown = await send(shop, Buffer.from(JSON.stringify([{ id: 1, stars: 3 }])), 'application/json').expect(422);
      expect(unknown.body.code).toBe('IMPORT_FORMAT_UNKNOWN');
      const badFormat = await send(shop, fixture('judgeme.csv'), 'text/csv', { format: 'amazon' }).expect(400);
      expect(badFormat.body.errors).toEqual([expect.objectContaining({ field: 'format', code: 'isIn' })]);
    });

    it('a Taobao grade the mapping does not know is a line error on result', async () => {
      const shop = await t.createShop();
      const document = json('taobao-traderate.json');
      const rates = (document.traderates_get_response as { trade_rates: { trade_rate: Record<string, unknown>[] } }).trade_rates.trade_rate;
      rates[0].result = 'excellent';
      const response = await send(shop, Buffer.from(JSON.stringify(document)), 'application/json').expect(200);
      expect(response.body.summary).toMatchObject({ created: 2, rejected: 1 });
      expect(response.body.errors).toEqual([expect.objectContaining({ line: 1, field: 'rating', column: 'result', code: 'isIn' })]);
    });

    it('GBK is detected for platform CSVs too; a declared wrong encoding fails the file', async () => {
      const shop = await t.createShop();
      const gbk = fixture('douyin-export-gbk.csv');
      expect(iconv.decode(gbk, 'gbk')).toContain('评价日期');
      await send(shop, gbk, 'text/csv', { encoding: 'utf-8' }).expect(422);
    });
  });

  it('a multipart upload of a JSON file and of an xlsx is read like the body', async () => {
    const shop = await t.createShop();
    const jsonUpload = await t.http.post('/v1/reviews/import').set(shop.auth).attach('file', fixture('pdd-review.json'), 'pdd.json').expect(200);
    expect(jsonUpload.body).toMatchObject({ format: 'pdd-review', summary: { created: 2 } });
    const xlsxUpload = await t.http.post('/v1/reviews/import').set(shop.auth).attach('file', fixture('douyin-export.xlsx'), 'export.xlsx').expect(200);
    expect(xlsxUpload.body).toMatchObject({ format: 'douyin-export', summary: { created: 3 } });
  });
});
