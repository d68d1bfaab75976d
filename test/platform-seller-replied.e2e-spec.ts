import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** China wall-clock text of a time relative to now, on the hour, as the Douyin export writes it: the tests hold on any date */
function chinaTime(msAgo: number): string {
  const at = new Date(Math.floor((Date.now() - msAgo) / HOUR) * HOUR + 8 * HOUR);
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

const HEADER = ['评价日期', '订单ID', '商品ID', '商品名称', '商品评价得分', '评价内容', '用户昵称', '评价等级', '商家是否回复', '回复内容'];
const REPLIED = HEADER.indexOf('商家是否回复');

type Row = (string | number)[];

/** Synthetic Douyin export rows (written for this test): 是 without a reply text, 否, 是 with one. */
function douyinRows(): Row[] {
  const at = chinaTime(2 * DAY);
  return [
    [at, 'DY-ORDER-1', 'DY-ITEM-1', '测试保温杯', 1, '杯盖拧不紧，倒过来会漏水。', '测试用户甲', '差评', '是', ''],
    [at, 'DY-ORDER-2', 'DY-ITEM-1', '测试保温杯', 2, '外壳有划痕，包装也破了。', '测试用户乙', '差评', '否', ''],
    [at, 'DY-ORDER-3', 'DY-ITEM-1', '测试保温杯', 3, '一般般，保温时间不长。', '测试用户丙', '中评', '是', '抱歉让您失望了，我们会改进保温层。'],
  ];
}

async function xlsx(header: string[], rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('评价列表');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

type Review = Record<string, unknown> & { id: string };

/**
 * The platform's own "seller already replied" flag, apart from the reply's text (Douyin 商家是否回复, JD isVenderReply,
 * Kuaishou replied): a review the platform says is replied is `repliedOnPlatform` even without the text, gets no
 * automatic public draft, and the queue asks for no public reply; the flag counts for the content hash only when true.
 */
describe('seller already replied on the platform', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  const send = (shop: TestShop, body: Buffer | string, contentType: string) =>
    t.http.post('/v1/reviews/import').set(shop.auth).set('Content-Type', contentType).send(body).expect(200);

  const byOrder = async (shop: TestShop): Promise<Map<string, Review>> => {
    const response = await t.http.get('/v1/reviews').query({ limit: 200 }).set(shop.auth).expect(200);
    return new Map((response.body.items as Review[]).map((item) => [(item.orderId ?? item.externalId) as string, item]));
  };

  const storedReplies = async (reviewId: string): Promise<{ created_by: string }[]> =>
    db.query('SELECT created_by FROM reply_drafts WHERE review_id = $1', [reviewId]);

  it('Douyin 商家是否回复 是 without 回复内容 is replied: no automatic draft, no public reply asked by the queue', async () => {
    const shop = await t.createShop();
    const imported = await send(shop, await xlsx(HEADER, douyinRows()), XLSX);
    expect(imported.body).toMatchObject({ format: 'douyin-export', errors: [], summary: { created: 3, rejected: 0 } });
    expect(imported.body.ignoredColumns).not.toContain('商家是否回复');
    const reviews = await byOrder(shop);
    const flagOnly = reviews.get('DY-ORDER-1')!;
    const unreplied = reviews.get('DY-ORDER-2')!;
    const withText = reviews.get('DY-ORDER-3')!;
    expect(flagOnly).toMatchObject({ sellerReply: null, sellerReplied: true, repliedOnPlatform: true });
    expect(unreplied).toMatchObject({ sellerReply: null, sellerReplied: false, repliedOnPlatform: false });
    expect(withText).toMatchObject({ sellerReply: '抱歉让您失望了，我们会改进保温层。', sellerReplied: true, repliedOnPlatform: true });

    await t.analysed(shop);
    // the drafting job drafts the unreplied bad review and leaves the replied ones alone
    await eventually(async () => ((await storedReplies(unreplied.id)).length ? true : undefined), 30_000, 'the automatic draft');
    expect(await storedReplies(flagOnly.id)).toEqual([]);
    expect(await storedReplies(withText.id)).toEqual([]);

    // opening it writes none either: the platform's reply is shown, without a text the export did not carry
    const opened = await t.http.get(`/v1/reviews/${flagOnly.id}/replies`).set(shop.auth).expect(200);
    expect(opened.body).toEqual({ platformReply: { text: null, at: null }, current: null, history: [] });
    expect(await storedReplies(flagOnly.id)).toEqual([]);

    const queue = await t.http.get('/v1/queue').set(shop.auth).expect(200);
    const deadlines = new Map(
      (queue.body.items as { reviewId: string; platformDeadlines: { replyClosed: string | null } }[]).map((item) => [item.reviewId, item.platformDeadlines]),
    );
    expect(deadlines.get(flagOnly.id)).toMatchObject({ replyClosed: 'replied_on_platform' });
    expect(deadlines.get(withText.id)).toMatchObject({ replyClosed: 'replied_on_platform' });
    expect(deadlines.get(unreplied.id)).toMatchObject({ replyClosed: null });

    // staff may still draft one when they ask
    await t.http.post(`/v1/reviews/${flagOnly.id}/replies`).set(shop.auth).send({}).expect(201);
    expect(await storedReplies(flagOnly.id)).toHaveLength(1);
  });

  it('the flag alone changes a review when it turns true (or back); 否 hashes like a file without the column', async () => {
    const shop = await t.createShop();
    const rows = douyinRows();
    // an export from before the column was read: the same reviews without 商家是否回复, all 否
    const allNo = rows.map((row) => row.map((cell, i) => (i === REPLIED ? '否' : cell)));
    const withoutColumn = await xlsx(
      HEADER.filter((_, i) => i !== REPLIED),
      allNo.map((row) => row.filter((_, i) => i !== REPLIED)),
    );
    expect((await send(shop, withoutColumn, XLSX)).body.summary).toMatchObject({ created: 3 });
    expect((await send(shop, await xlsx(HEADER, allNo), XLSX)).body.summary).toEqual({ lines: 3, created: 0, updated: 0, unchanged: 3, rejected: 0 });

    // 否 -> 是 on two rows (one of them with its reply's text, which changes too)
    expect((await send(shop, await xlsx(HEADER, rows), XLSX)).body.summary).toEqual({ lines: 3, created: 0, updated: 2, unchanged: 1, rejected: 0 });
    const flagOnly = (await byOrder(shop)).get('DY-ORDER-1')!;
    expect(flagOnly).toMatchObject({ revision: 2, sellerReplied: true, repliedOnPlatform: true });
    const detail = await t.http.get(`/v1/reviews/${flagOnly.id}`).set(shop.auth).expect(200);
    expect(detail.body.revisions).toEqual([expect.objectContaining({ revision: 1, changedFields: ['sellerReplied'] })]);
    expect((await send(shop, await xlsx(HEADER, rows), XLSX)).body.summary).toMatchObject({ unchanged: 3 });

    // the platform no longer shows a reply: 是 -> 否 is a change too
    const withdrawn = rows.map((row, index) => (index === 0 ? row.map((cell, i) => (i === REPLIED ? '否' : cell)) : row));
    expect((await send(shop, await xlsx(HEADER, withdrawn), XLSX)).body.summary).toMatchObject({ updated: 1, unchanged: 2 });
    expect((await byOrder(shop)).get('DY-ORDER-1')).toMatchObject({ revision: 3, sellerReplied: false, repliedOnPlatform: false });
  });

  it("JD isVenderReply, Kuaishou replied and the review input's sellerReplied mark a review replied without its text", async () => {
    const shop = await t.createShop();
    const reviewedAt = Math.floor((Date.now() - 3 * DAY) / 1000);
    const jd = [
      { commentId: 'jd-flag-1', skuid: 'JD-SKU-1', content: '质量一般', score: 2, creationTime: chinaTime(3 * DAY), isVenderReply: true, replies: [] },
      { commentId: 'jd-flag-2', skuid: 'JD-SKU-1', content: '质量一般', score: 2, creationTime: chinaTime(3 * DAY), isVenderReply: false },
    ];
    expect((await send(shop, JSON.stringify({ comments: jd }), 'application/json')).body).toMatchObject({ format: 'jd-comment', summary: { created: 2 } });
    const kuaishou = [{ commentId: 'ks-flag-1', itemId: 'KS-ITEM-1', content: '尺码偏小', creditScore: 2, createTime: reviewedAt, replied: true }];
    expect((await send(shop, JSON.stringify(kuaishou), 'application/json')).body).toMatchObject({ format: 'kuaishou-comment', summary: { created: 1 } });
    await t.http
      .post('/v1/reviews')
      .set(shop.auth)
      .send(reviewInput({ platform: 'pdd', externalId: 'api-flag-1', orderId: 'api-flag-1', sellerReplied: true }))
      .expect(201);

    const reviews = await byOrder(shop);
    expect(reviews.get('jd-flag-1')).toMatchObject({ sellerReply: null, sellerReplied: true, repliedOnPlatform: true });
    expect(reviews.get('jd-flag-2')).toMatchObject({ sellerReplied: false, repliedOnPlatform: false });
    expect(reviews.get('ks-flag-1')).toMatchObject({ sellerReply: null, sellerReplied: true, repliedOnPlatform: true });
    expect(reviews.get('api-flag-1')).toMatchObject({ sellerReplied: true, repliedOnPlatform: true });
  });
});
