import iconv from 'iconv-lite';
import { request as httpRequest, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

const BOM = '\uFEFF';

/** A CSV file: cells with a comma, quote or line break are quoted, quotes doubled. */
function csv(rows: readonly (readonly (string | number)[])[], newline = '\n'): string {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((row) => row.map(cell).join(',')).join(newline) + newline;
}

const API_HEADER = ['platform', 'externalId', 'product_id', 'Rating', 'content', 'images', 'hasVideo', 'orderAmount', 'orderedAt', 'reviewedAt'];

function apiRow(externalId: string, overrides: Partial<Record<(typeof API_HEADER)[number], string | number>> = {}): (string | number)[] {
  const values: Record<string, string | number> = {
    platform: 'taobao',
    externalId,
    product_id: 'p-import',
    Rating: 2,
    content: 'The zipper broke on the second day',
    images: '',
    hasVideo: '',
    orderAmount: '',
    orderedAt: '2026-11-01 09:00:00',
    reviewedAt: '2026-11-05 20:00:00',
    ...overrides,
  };
  return API_HEADER.map((name) => values[name]);
}

describe('POST /v1/reviews/import', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const storedCount = async (shop: TestShop) => {
    const [row] = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM reviews WHERE shop_id = $1', [shop.shopId]);
    return row.n as number;
  };

  const list = async (shop: TestShop, query: Record<string, string> = {}) => {
    const response = await t.http
      .get('/v1/reviews')
      .query({ limit: 200, ...query })
      .set(shop.auth)
      .expect(200);
    return response.body.items as Record<string, unknown>[];
  };

  const importCsv = (shop: TestShop, body: string | Buffer, contentType = 'text/csv', query: Record<string, string> = {}) =>
    t.http
      .post('/v1/reviews/import')
      .query(query)
      .set(shop.auth)
      .set('Content-Type', contentType)
      .send(Buffer.isBuffer(body) ? body : Buffer.from(body));

  describe('reads', () => {
    it('UTF-8 with a BOM, API field names in any case or snake_case, quoted multi-line cells', async () => {
      const shop = await t.createShop();
      const file =
        BOM +
        csv([
          API_HEADER,
          apiRow('u-1', {
            content: 'Line one\nline two, with "quotes"',
            images: 'https://img.example.com/1.jpg | https://img.example.com/2.jpg',
            hasVideo: '是',
          }),
          apiRow('u-2', { Rating: 5, orderAmount: '1,299.00' }),
        ]);
      const response = await importCsv(shop, file).expect(200);
      expect(response.body).toEqual({
        summary: { lines: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 },
        format: 'generic',
        ignoredColumns: [],
        encoding: 'utf-8',
        errors: [],
        errorsTruncated: false,
      });
      const items = await list(shop);
      const first = items.find((item) => item.externalId === 'u-1');
      expect(first).toMatchObject({
        platform: 'taobao',
        productId: 'p-import',
        rating: 2,
        grade: 'bad',
        content: 'Line one\nline two, with "quotes"',
        images: ['https://img.example.com/1.jpg', 'https://img.example.com/2.jpg'],
        imageCount: 2,
        hasVideo: true,
        reviewedAt: '2026-11-05T12:00:00.000Z',
      });
      expect(items.find((item) => item.externalId === 'u-2')).toMatchObject({ rating: 5, grade: 'good', orderAmount: 1299, currency: 'CNY' });
    });

    it('UTF-8 without a BOM, CRLF line ends, the platform from ?platform=, unknown columns ignored', async () => {
      const shop = await t.createShop();
      const file = csv(
        [
          ['external_id', 'RATING', 'reviewed_at', 'Remarks', 'content'],
          ['jd-1', '4', '2026-11-03T10:00:00+08:00', 'internal note', 'Fast delivery'],
          ['jd-2', '3', '2026/11/04 10:00', 'x', '质量一般'],
        ],
        '\r\n',
      );
      const response = await importCsv(shop, file, 'text/csv', { platform: 'jd' }).expect(200);
      expect(response.body.summary).toEqual({ lines: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });
      expect(response.body.ignoredColumns).toEqual(['Remarks']);
      expect(response.body.encoding).toBe('utf-8');
      const items = await list(shop);
      expect(items.map((item) => [item.platform, item.externalId, item.content]).sort()).toEqual([
        ['jd', 'jd-1', 'Fast delivery'],
        ['jd', 'jd-2', '质量一般'],
      ]);
    });

    it('GBK bytes with the headers of a Chinese shop backend, detected without a charset', async () => {
      const shop = await t.createShop();
      const text = csv([
        [
          '平台',
          '评价ID',
          '宝贝名称',
          '买家昵称',
          '星级',
          '评价内容',
          '评价图片',
          '有视频',
          '实付金额(元)',
          '下单时间',
          '签收时间',
          '评论时间',
          '物流公司',
          '接待客服',
          '追评内容',
          '追评时间',
          '备注',
        ],
        [
          '淘宝',
          'gbk-1',
          '加厚保温杯',
          '小***猫',
          '1星',
          '杯盖漏水，倒过来就滴',
          'https://img.example.com/a.jpg、https://img.example.com/b.jpg',
          '否',
          '￥45.50',
          '2026-11-01 08:00',
          '2026-11-03 18:00',
          '2026-11-04 09:30',
          '圆通快递',
          '阿青',
          '联系客服后补发了新杯盖',
          '2026-11-06 10:00',
          '无',
        ],
        ['天猫', 'gbk-2', '加厚保温杯', '大***鱼', '五星', '保温效果很好', '', '', '', '', '', '2026-11-04 10:00', '', '', '', '', ''],
      ]);
      const response = await importCsv(shop, iconv.encode(text, 'gbk')).expect(200);
      expect(response.body).toMatchObject({ summary: { lines: 2, created: 2, rejected: 0 }, encoding: 'gb18030', ignoredColumns: ['备注'] });
      const items = await list(shop);
      expect(items.find((item) => item.externalId === 'gbk-1')).toMatchObject({
        platform: 'taobao',
        productName: '加厚保温杯',
        buyerNick: '小***猫',
        rating: 1,
        content: '杯盖漏水，倒过来就滴',
        images: ['https://img.example.com/a.jpg', 'https://img.example.com/b.jpg'],
        hasVideo: false,
        orderAmount: 45.5,
        currency: 'CNY',
        deliveredAt: '2026-11-03T10:00:00.000Z',
        carrier: '圆通快递',
        serviceAgent: '阿青',
        followUpContent: '联系客服后补发了新杯盖',
      });
      expect(items.find((item) => item.externalId === 'gbk-2')).toMatchObject({ platform: 'tmall', rating: 5, content: '保温效果很好' });
    });

    it('takes the encoding from the charset or ?encoding=, and refuses bytes that are not in it', async () => {
      const shop = await t.createShop();
      const text = csv([
        ['platform', '评价ID', '评分', '评价时间', '评价内容'],
        ['pdd', 'cs-1', '3', '2026-11-04 10:00', '还行吧，就是有点小'],
      ]);
      await importCsv(shop, iconv.encode(text, 'gbk'), 'text/csv; charset=GBK').expect(200);
      const viaQuery = await importCsv(shop, iconv.encode(text, 'gb18030'), 'text/csv', { encoding: 'gb18030' }).expect(200);
      expect(viaQuery.body).toMatchObject({ encoding: 'gb18030', summary: { unchanged: 1 } });
      expect((await list(shop))[0]).toMatchObject({ content: '还行吧，就是有点小' });

      const declaredWrongly = await importCsv(shop, iconv.encode(text, 'gbk'), 'text/csv; charset=utf-8').expect(422);
      expect(declaredWrongly.body).toMatchObject({ code: 'CSV_MALFORMED', errors: [{ field: 'line 1', code: 'csvMalformed' }] });
      await importCsv(shop, text, 'text/csv; charset=latin1').expect(415);
      const badParam = await importCsv(shop, text, 'text/csv', { encoding: 'big5' }).expect(400);
      expect(badParam.body.errors).toEqual([expect.objectContaining({ field: 'encoding', code: 'isIn' })]);
    });

    it('a multipart/form-data upload in the field "file"', async () => {
      const shop = await t.createShop();
      const file = Buffer.from(csv([API_HEADER, apiRow('mp-1'), apiRow('mp-2', { Rating: 4 })]));
      const response = await t.http
        .post('/v1/reviews/import')
        .set(shop.auth)
        .field('note', 'ignored form field')
        .attach('file', file, { filename: 'reviews.csv', contentType: 'text/csv' })
        .expect(200);
      expect(response.body.summary).toEqual({ lines: 2, created: 2, updated: 0, unchanged: 0, rejected: 0 });
      expect(await storedCount(shop)).toBe(2);

      const noFile = await t.http.post('/v1/reviews/import').set(shop.auth).attach('upload', file, 'reviews.csv').expect(400);
      expect(noFile.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'required' })]);
    });

    it('a file larger than the detection window, with multi-byte characters across chunk ends', async () => {
      const shop = await t.createShop();
      const rows = Array.from({ length: 1200 }, (_, i) => apiRow(`big-${i}`, { content: `第${i}条：拉链第二天就坏了，客服一直不回复，非常失望😞` }));
      const text = csv([API_HEADER, ...rows]);
      const utf8 = await importCsv(shop, text).expect(200);
      expect(utf8.body.summary).toMatchObject({ lines: 1200, created: 1200 });
      const gbk = await importCsv(shop, iconv.encode(text.replace(/😞/g, '!'), 'gbk')).expect(200);
      expect(gbk.body).toMatchObject({ encoding: 'gb18030', summary: { lines: 1200, updated: 1200 } });
      const [sample] = await list(shop, { limit: '1' });
      expect(sample.content).toMatch(/^第\d+条：拉链第二天就坏了，客服一直不回复，非常失望!$/);
    });
  });

  describe('row errors', () => {
    it('reports bad rows by physical line and field, and stores the others', async () => {
      const shop = await t.createShop();
      const file = [
        csv([API_HEADER]), // line 1
        csv([apiRow('e-ok-1')]), // line 2
        csv([apiRow('e-rating', { Rating: 6 })]), // line 3
        csv([apiRow('e-ok-2', { content: 'Two lines:\nthe second one' })]), // lines 4-5
        '\n', // line 6: blank
        csv([apiRow('e-date', { reviewedAt: '2026-02-30 10:00' })]), // line 7
        csv([apiRow('e-text', { Rating: 'very good', hasVideo: 'maybe' })]), // line 8
        csv([apiRow('e-order', { orderedAt: '2026-11-10 10:00' })]), // line 9: reviewed before ordered
        csv([apiRow('e-ok-3')]), // line 10
      ].join('');
      const response = await importCsv(shop, file).expect(200);
      expect(response.body.summary).toEqual({ lines: 7, created: 3, updated: 0, unchanged: 0, rejected: 4 });
      expect(response.body.errors).toEqual([
        { line: 3, field: 'rating', column: 'Rating', code: 'max', message: expect.stringMatching(/^rating must not be greater than 5/) },
        { line: 7, field: 'reviewedAt', column: 'reviewedAt', code: 'isTimestamp', message: expect.any(String) },
        expect.objectContaining({ line: 8, field: 'rating', code: 'isInt' }),
        expect.objectContaining({ line: 8, field: 'hasVideo', code: 'isBoolean' }),
        expect.objectContaining({ line: 9, field: 'reviewedAt', code: 'dateOrder' }),
      ]);
      const stored = await list(shop);
      expect(stored.map((item) => item.externalId).sort()).toEqual(['e-ok-1', 'e-ok-2', 'e-ok-3']);
    });

    it('lists at most 1,000 errors and says so', async () => {
      const shop = await t.createShop();
      const rows = Array.from({ length: 1001 }, (_, i) => apiRow(`cap-${i}`, { Rating: 0 }));
      const response = await importCsv(shop, csv([API_HEADER, ...rows])).expect(200);
      expect(response.body.summary).toMatchObject({ lines: 1001, rejected: 1001, created: 0 });
      expect(response.body.errors).toHaveLength(1000);
      expect(response.body.errorsTruncated).toBe(true);
    });
  });

  describe('refuses the whole file', () => {
    it('broken quoting after more rows than one chunk: 422 with the line, nothing stored', async () => {
      const shop = await t.createShop();
      const rows = Array.from({ length: 700 }, (_, i) => apiRow(`q-${i}`));
      const file = csv([API_HEADER, ...rows]) + 'taobao,q-broken,p-import,1,"unclosed "quote" here,,,,2026-11-01,2026-11-05\n';
      const response = await importCsv(shop, file).expect(422);
      expect(response.body).toMatchObject({ code: 'CSV_MALFORMED', errors: [{ field: 'line 702', code: 'csvMalformed' }] });
      expect(response.body.message).toMatch(/line 702/);
      expect(await storedCount(shop)).toBe(0);
    });

    it('a quote never closed: the line where its row starts', async () => {
      const shop = await t.createShop();
      const file = csv([API_HEADER, apiRow('nc-1')]) + 'taobao,nc-2,p,1,"never closed\nstill inside\n';
      const response = await importCsv(shop, file).expect(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'line 3' })]);
      expect(await storedCount(shop)).toBe(0);
    });

    it('a row with a different number of columns', async () => {
      const shop = await t.createShop();
      const file = csv([API_HEADER, apiRow('cc-1', { content: 'spans\ntwo lines' }), [...apiRow('cc-2'), 'extra']]);
      const response = await importCsv(shop, file).expect(422);
      expect(response.body).toMatchObject({ code: 'CSV_MALFORMED', errors: [{ field: 'line 4' }] });
      expect(response.body.message).toContain('11 columns, the header 10');
      expect(await storedCount(shop)).toBe(0);
    });

    it('bytes that are not UTF-8 in a file that starts as UTF-8', async () => {
      const shop = await t.createShop();
      const start = csv([API_HEADER, apiRow('enc-1', { content: '开头是UTF-8' })]);
      const file = Buffer.concat([Buffer.from(start), Buffer.from('taobao,enc-2,p,1,'), Buffer.from([0xc3, 0x28]), Buffer.from(',,,,2026-11-01,2026-11-05\n')]);
      const response = await importCsv(shop, file, 'text/csv', { encoding: 'utf-8' }).expect(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'line 3', code: 'csvMalformed' })]);
      expect(await storedCount(shop)).toBe(0);
    });

    it('a header without a required column: 422 CSV_MISSING_COLUMNS', async () => {
      const shop = await t.createShop();
      const file = csv([
        ['评价ID', '评价内容', '评价时间'],
        ['m-1', 'No rating column', '2026-11-05 10:00'],
      ]);
      const response = await importCsv(shop, file).expect(422);
      expect(response.body.code).toBe('CSV_MISSING_COLUMNS');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['platform', 'rating']);
      const withPlatform = await importCsv(shop, file, 'text/csv', { platform: 'pdd' }).expect(422);
      expect(withPlatform.body.errors.map((e: { field: string }) => e.field)).toEqual(['rating']);
      expect(await storedCount(shop)).toBe(0);
    });

    it('two columns for one field', async () => {
      const shop = await t.createShop();
      const file = csv([
        ['平台', '评价ID', '评论ID', '评分', '评价时间'],
        ['taobao', 'a', 'b', '1', '2026-11-05 10:00'],
      ]);
      const response = await importCsv(shop, file).expect(422);
      expect(response.body).toMatchObject({ code: 'CSV_MALFORMED', errors: [{ field: 'line 1' }] });
    });

    it('an empty file has no header; a header alone imports nothing', async () => {
      const shop = await t.createShop();
      const empty = await importCsv(shop, '').expect(422);
      expect(empty.body).toMatchObject({ code: 'CSV_MALFORMED', message: expect.stringContaining('no header') });
      const headerOnly = await importCsv(shop, BOM + csv([API_HEADER])).expect(200);
      expect(headerOnly.body.summary).toEqual({ lines: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 });
    });

    it('a content type other than a file type or multipart/form-data, or a compressed body: 415', async () => {
      const shop = await t.createShop();
      const asText = await importCsv(shop, csv([API_HEADER]), 'text/plain').expect(415);
      expect(asText.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      await t.http.post('/v1/reviews/import').set(shop.auth).expect(415);
      await t.http.post('/v1/reviews/import').set(shop.auth).set('Content-Type', 'text/csv').set('Content-Encoding', 'gzip').send(Buffer.from('x')).expect(415);
    });

    it('an unknown ?platform= is a 400 naming the parameter', async () => {
      const shop = await t.createShop();
      const response = await importCsv(shop, csv([API_HEADER]), 'text/csv', { platform: 'amazon' }).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'platform', code: 'isIn' })]);
    });
  });

  describe('idempotency', () => {
    it('the same file again is unchanged; a changed row is updated with its earlier version kept', async () => {
      const shop = await t.createShop();
      const rows = [apiRow('id-1'), apiRow('id-2'), apiRow('id-3')];
      const first = await importCsv(shop, csv([API_HEADER, ...rows])).expect(200);
      expect(first.body.summary).toMatchObject({ created: 3 });
      const again = await importCsv(shop, csv([API_HEADER, ...rows])).expect(200);
      expect(again.body.summary).toEqual({ lines: 3, created: 0, updated: 0, unchanged: 3, rejected: 0 });

      const changed = [rows[0], apiRow('id-2', { Rating: 5, content: 'Seller replaced it, works now' }), rows[2]];
      const third = await importCsv(shop, csv([API_HEADER, ...changed])).expect(200);
      expect(third.body.summary).toEqual({ lines: 3, created: 0, updated: 1, unchanged: 2, rejected: 0 });
      const [updated] = (await list(shop)).filter((item) => item.externalId === 'id-2');
      expect(updated).toMatchObject({ rating: 5, revision: 2 });
      const detail = await t.http.get(`/v1/reviews/${updated.id}`).set(shop.auth).expect(200);
      expect(detail.body.revisions).toEqual([expect.objectContaining({ revision: 1, rating: 2 })]);
    });

    it('the same row twice in one file: created, then unchanged', async () => {
      const shop = await t.createShop();
      const response = await importCsv(shop, csv([API_HEADER, apiRow('twice'), apiRow('twice')])).expect(200);
      expect(response.body.summary).toEqual({ lines: 2, created: 1, updated: 0, unchanged: 1, rejected: 0 });
    });

    it('imported reviews are analysed after the import', async () => {
      const shop = await t.createShop();
      await importCsv(
        shop,
        csv([API_HEADER, apiRow('an-1', { content: 'Colour faded after one wash' }), apiRow('an-2', { content: '洗了一次就褪色了' })]),
      ).expect(200);
      const items = await eventually(
        async () => {
          const found = await list(shop);
          return found.every((item) => item.analysisStatus === 'done') ? found : undefined;
        },
        15_000,
        'analysis of the imported reviews',
      );
      expect(items.map((item) => item.language).sort()).toEqual(['en', 'zh-Hans']);
    });
  });

  describe('size limit', () => {
    let small: TestApp;
    let shop: TestShop;
    let server: Server;

    beforeAll(async () => {
      small = await createTestApp({ csvMaxBytes: 2000 });
      shop = await small.createShop();
      server = small.app.getHttpServer();
    });
    afterAll(async () => small.close());

    const bigFile = () => csv([API_HEADER, ...Array.from({ length: 40 }, (_, i) => apiRow(`size-${i}`))]);

    it('a body over CSV_MAX_BYTES: 413 before anything is read', async () => {
      const response = await small.http.post('/v1/reviews/import').set(shop.auth).set('Content-Type', 'text/csv').send(Buffer.from(bigFile())).expect(413);
      expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
      const multipart = await small.http.post('/v1/reviews/import').set(shop.auth).attach('file', Buffer.from(bigFile()), 'reviews.csv').expect(413);
      expect(multipart.body.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('a chunked body that grows over CSV_MAX_BYTES: 413, nothing stored', async () => {
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const file = Buffer.from(bigFile());
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            port,
            host: '127.0.0.1',
            method: 'POST',
            path: '/v1/reviews/import',
            headers: { ...shop.auth, 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked' },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        for (let i = 0; i < file.length; i += 500) req.write(file.subarray(i, i + 500));
        req.end();
      });
      expect(status).toBe(413);
      expect(JSON.parse(body).code).toBe('PAYLOAD_TOO_LARGE');
      const [row] = await small.app.get(DataSource).query('SELECT count(*)::int AS n FROM reviews WHERE shop_id = $1', [shop.shopId]);
      expect(row.n).toBe(0);
      // the connection is still usable: the rest of the body was drained
      await small.http
        .post('/v1/reviews/import')
        .set(shop.auth)
        .set('Content-Type', 'text/csv')
        .send(Buffer.from(csv([API_HEADER, apiRow('small-1')])))
        .expect(200);
    });
  });
});
