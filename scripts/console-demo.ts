import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { RecoveryWorkers } from '../src/recovery/recovery-workers.service';
import type { AppEnv } from '../src/config/env';
import { createTestApp, TestApp, TestShop } from '../test/support/test-app';

/**
 * A running service for the console in a browser: the test app (embedded database unless DATABASE_URL is
 * set) listening on a free loopback port, plus an invented shop to show. Used by the screenshot script and
 * `npm run console:demo`; the texts are made up for this project.
 */
export interface ConsoleApp {
  t: TestApp;
  baseUrl: string;
  close(): Promise<void>;
}

export async function startConsoleApp(overrides: Partial<AppEnv> = {}): Promise<ConsoleApp> {
  const t = await createTestApp({ recoverySweepIntervalMs: 0, ...overrides });
  const server = t.app.getHttpServer() as import('node:http').Server;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return { t, baseUrl: `http://127.0.0.1:${port}`, close: () => t.close() };
}

export interface StaffKey {
  id: string;
  name: string;
  key: string;
  auth: { Authorization: string };
}

export async function addStaff(t: TestApp, shop: TestShop, name: string, role: 'lead' | 'agent'): Promise<StaffKey> {
  const created = await t.http.post('/v1/staff').set(shop.auth).send({ name, role });
  if (created.status !== 201) throw new Error(`POST /v1/staff answered ${created.status}: ${created.text}`);
  const issued = await t.http.post(`/v1/staff/${created.body.id}/api-keys`).set(shop.auth).send({ name: 'console' });
  if (issued.status !== 201) throw new Error(`POST /v1/staff/:id/api-keys answered ${issued.status}: ${issued.text}`);
  return { id: created.body.id, name, key: issued.body.key, auth: { Authorization: `Bearer ${issued.body.key}` } };
}

/** Waits until every review of the shop has been analysed (cases open in the same transaction). */
export async function analysed(t: TestApp, shopId: string, timeoutMs = 60_000): Promise<void> {
  const db = t.app.get(DataSource);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.query(`SELECT count(*)::int AS n FROM reviews WHERE shop_id = $1 AND analysis_status <> 'done'`, [shopId]);
    if (row.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${row.n} reviews still not analysed after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

const PRODUCTS = [
  { productId: 'EAR-01', sku: 'EAR-01-WHT', productName: '降噪蓝牙耳机 白色', amount: 299 },
  { productId: 'CUP-02', sku: 'CUP-02-500', productName: '不锈钢保温杯 500ml', amount: 69 },
  { productId: 'TEE-03', sku: 'TEE-03-BLK-L', productName: '纯棉圆领T恤 黑色 L', amount: 59 },
  { productId: 'CRM-04', sku: 'CRM-04-50G', productName: '保湿面霜 50g', amount: 129 },
];
const CARRIERS = ['中通快递', '圆通速递', '顺丰速运'];
const NICKS = ['晴天小猪', 'momo酱', '老王家的猫', '一只鱼', '阿杰', 'lucky星', '木子', '小鹿', '果果妈', '大橙子'];

/** [rating, text] of invented reviews: complaints of every cause, and good ones */
const TEXTS: [number, string][] = [
  [1, '耳机左耳没有声音，用了两天就坏了，太失望了'],
  [2, '快递太慢了，下单一个星期才收到，催了好几次'],
  [1, '包裹送到的时候盒子都压扁了，杯子也凹了一块'],
  [3, '衣服洗了一次就缩水了，尺码也偏小'],
  [1, '问客服问题半天没人回，态度也不好'],
  [2, '刚买完第二天就降价三十块，找客服也不给退差价'],
  [3, '面霜味道有点刺鼻，用了脸上发红'],
  [1, '发错颜色了，要的黑色发来白色，退换还要自己出运费'],
  [2, '杯子保温效果很差，早上倒的热水中午就凉了'],
  [3, '东西还行，就是物流信息好几天不更新'],
  [1, '差评'],
  [2, 'The earbuds stopped charging after three days and support never answered my messages.'],
  [5, '音质很好，降噪效果不错，物流也快'],
  [5, '杯子质量很好，保温一整天'],
  [4, '衣服挺舒服的，颜色和图片一样'],
  [5, '面霜很好用，不油腻'],
  [5, '客服很耐心，解答很详细，好评'],
  [4, '包装很用心，送货很快'],
];

export interface ConsoleDemo {
  shop: TestShop;
  lead: StaffKey;
  agents: StaffKey[];
  /** case ids of the demo, newest review first */
  caseIds: string[];
  /** the case whose buyer the demo flags as high-risk */
  riskyCaseId: string;
  /** a case with contacts, a promise and a published reply */
  workedCaseId: string;
}

/**
 * An invented electronics-and-household shop with three weeks of reviews (a third medium or bad), a lead
 * and two agents with keys, a few cases assigned and worked, a repeat complainer flagged high-risk, and a
 * published reply. Everything goes through the API as a shop would send it; times are relative to now.
 */
export async function seedConsoleDemo(t: TestApp, options: { shopName?: string; reviews?: number } = {}): Promise<ConsoleDemo> {
  const shop = await t.createShop(options.shopName ?? '示例数码家居旗舰店');
  const lead = await addStaff(t, shop, '陈静', 'lead');
  const agents = [await addStaff(t, shop, '小王', 'agent'), await addStaff(t, shop, '小李', 'agent')];
  const now = Date.now();
  const hour = 3_600_000;
  const items: Record<string, unknown>[] = [];
  const count = options.reviews ?? 54;
  for (let i = 0; i < count; i++) {
    const product = PRODUCTS[i % PRODUCTS.length];
    const [rating, content] = TEXTS[(i * 7) % TEXTS.length];
    // spread over the last 20 days, reviewed in the daytime, delivered one to three days before
    const reviewedAt = now - (1 + ((i * 37) % 20)) * 24 * hour - ((i * 5) % 9) * hour;
    const deliveredAt = reviewedAt - (6 + ((i * 11) % 60)) * hour;
    items.push({
      platform: i % 5 === 4 ? 'jd' : 'taobao',
      externalId: `DEMO-${1000 + i}`,
      productId: product.productId,
      sku: product.sku,
      productName: product.productName,
      orderId: `${230000 + i * 17}`,
      buyerId: `buyer-${i}`,
      buyerNick: NICKS[i % NICKS.length],
      rating,
      content,
      orderAmount: product.amount * (1 + (i % 3)),
      orderedAt: new Date(deliveredAt - 72 * hour).toISOString(),
      shippedAt: new Date(deliveredAt - 48 * hour).toISOString(),
      deliveredAt: new Date(deliveredAt).toISOString(),
      reviewedAt: new Date(reviewedAt).toISOString(),
      carrier: CARRIERS[i % CARRIERS.length],
      serviceAgent: i % 2 ? '阿强' : '莉莉',
      images: rating <= 2 && i % 3 === 0 ? [`https://img.example.com/review/${1000 + i}-1.jpg`, `https://img.example.com/review/${1000 + i}-2.jpg`] : undefined,
    });
  }
  // a repeat complainer: three bad reviews in a few days, each asking for money
  for (let k = 0; k < 3; k++) {
    const reviewedAt = now - (2 + k) * 24 * hour;
    items.push({
      platform: 'taobao',
      externalId: `DEMO-R${k}`,
      productId: PRODUCTS[k].productId,
      productName: PRODUCTS[k].productName,
      orderId: `${990000 + k}`,
      buyerId: 'buyer-repeat',
      buyerNick: '路人甲',
      rating: 1,
      content: '质量太差了，不赔钱我就一直差评，加我微信谈',
      orderAmount: PRODUCTS[k].amount,
      deliveredAt: new Date(reviewedAt - 3 * hour).toISOString(),
      reviewedAt: new Date(reviewedAt).toISOString(),
    });
  }
  const batch = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items });
  if (batch.status !== 200) throw new Error(`POST /v1/reviews/batch answered ${batch.status}: ${batch.text}`);
  await analysed(t, shop.shopId);
  const db = t.app.get(DataSource);
  const cases: { id: string; buyer_id: string; external_id: string }[] = await db.query(
    `SELECT c.id, c.buyer_id, r.external_id FROM recovery_cases c JOIN reviews r ON r.id = c.review_id WHERE c.shop_id = $1 ORDER BY r.reviewed_at DESC`,
    [shop.shopId],
  );
  // as if the service had been running all along: cases opened an hour after their review, so the older
  // ones are past the first-contact SLA; the sweep updates the queue's urgency
  await db.query(
    `UPDATE recovery_cases SET opened_at = reviewed_at + interval '1 hour', first_contact_due_at = reviewed_at + interval '25 hours'
     WHERE shop_id = $1 AND reviewed_at < now() - interval '12 days'`,
    [shop.shopId],
  );
  await t.app.get(RecoveryWorkers).sweep();
  // the risk engine scores the repeat complainer; a person flagged them for review
  await db.query(`UPDATE reviewer_profiles SET status = 'flagged' WHERE shop_id = $1 AND buyer_id = 'buyer-repeat' AND status = 'none'`, [shop.shopId]);
  const riskyCaseId = cases.find((c) => c.buyer_id === 'buyer-repeat')?.id ?? '';
  const ordinary = cases.filter((c) => c.buyer_id !== 'buyer-repeat');

  // some work already done: assignments, contacts (one promise), a published reply
  const post = async (path: string, auth: { Authorization: string }, body: unknown, status = 200) => {
    const response = await t.http
      .post(path)
      .set(auth)
      .send(body as object);
    if (response.status !== status) throw new Error(`POST ${path} answered ${response.status}: ${response.text}`);
    return response.body;
  };
  for (const [index, c] of ordinary.slice(4, 12).entries()) await post(`/v1/cases/${c.id}/assign`, lead.auth, { staffId: agents[index % 2].id });
  const worked = ordinary[5];
  const yesterday = new Date(now - 24 * hour).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await post(`/v1/cases/${worked.id}/contacts`, agents[1].auth, { channel: 'phone', outcome: 'no_answer', at: `${yesterday} 10:30` }, 201);
  await post(
    `/v1/cases/${worked.id}/contacts`,
    agents[1].auth,
    { channel: 'im', outcome: 'reached', at: `${yesterday} 15:10`, compensation: { type: 'coupon', amount: 10 }, note: '买家接受了优惠券，答应考虑修改评价' },
    201,
  );
  const reviewOf = (await t.http.get(`/v1/cases/${worked.id}`).set(shop.auth)).body.reviewId as string;
  const draft = await post(`/v1/reviews/${reviewOf}/replies`, lead.auth, {}, 201);
  await post(`/v1/replies/${draft.id}/approve`, lead.auth, {});
  await post(`/v1/replies/${draft.id}/publish`, lead.auth, {});
  return { shop, lead, agents, caseIds: cases.map((c) => c.id), riskyCaseId, workedCaseId: worked.id };
}
