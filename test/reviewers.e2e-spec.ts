import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../src/common/errors/domain-error';
import { ReviewerRiskService } from '../src/reviewers/reviewer-risk.service';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

interface ReviewSpec {
  product: string;
  rating: number;
  /** how long ago it was posted */
  postedAgo: number;
  content?: string;
  images?: number;
  orderAmount?: number;
  /** delivery this long before the review (negative: after it) */
  deliveredBefore?: number;
  followUpContent?: string;
}

/** A review with a consistent order timeline relative to now. */
function review(buyerId: string, spec: ReviewSpec): Record<string, unknown> {
  const deliveredBefore = spec.deliveredBefore ?? 2 * DAY;
  const delivered = spec.postedAgo + deliveredBefore;
  return reviewInput({
    buyerId,
    buyerNick: `nick-${buyerId.slice(-6)}`,
    productId: spec.product,
    sku: `${spec.product}-std`,
    productName: `商品 ${spec.product}`,
    rating: spec.rating,
    content: spec.content ?? (spec.rating >= 4 ? '很好，满意' : '不太满意'),
    imageCount: spec.images ?? 0,
    orderAmount: spec.orderAmount ?? 89,
    orderedAt: ago(Math.max(delivered, spec.postedAgo) + 3 * DAY),
    shippedAt: ago(Math.max(delivered, spec.postedAgo) + 2 * DAY),
    deliveredAt: ago(delivered),
    reviewedAt: ago(spec.postedAgo),
    ...(spec.followUpContent ? { followUpContent: spec.followUpContent, followUpAt: ago(spec.postedAgo - HOUR) } : {}),
  });
}

/** Ordinary history of a shop: mostly good reviews on six products, a few honest complaints. */
function background(run: string): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  const counts: [string, number][] = [
    ['P1', 24],
    ['P2', 14],
    ['P3', 9],
    ['P4', 6],
    ['P5', 4],
    ['P6', 3],
  ];
  const complaints = ['尺码偏小一码，换了大一号', '颜色比图片暗一些', '物流慢了两天才到', '味道有点重，晾了几天才散'];
  let n = 0;
  for (const [product, count] of counts) {
    for (let k = 0; k < count; k++) {
      n++;
      const rating = k % 9 === 8 ? 3 : k % 4 === 3 ? 4 : 5;
      items.push(
        review(`${run}-bg-${n}`, {
          product,
          rating,
          postedAgo: (10 + ((n * 7) % 50)) * DAY,
          content: rating === 3 ? complaints[n % complaints.length] : '很好，满意',
        }),
      );
    }
  }
  return items;
}

// invented for these tests: a "used goods" template two buyers post word for word
const RING_TEXT = '刚拆开就发现外壳有划痕和使用痕迹，明显是退货翻新的二手货，大家千万不要买，这家店专门骗人';

describe('reviewers API', () => {
  let t: TestApp;
  let shop: TestShop;
  let other: TestShop;
  const run = randomUUID().slice(0, 8);
  const buyer = (name: string) => `${run}-${name}`;

  async function ingest(target: TestShop, items: Record<string, unknown>[]): Promise<string[]> {
    const response = await t.http.post('/v1/reviews/batch').set(target.auth).send({ items }).expect(200);
    const rejected = response.body.results.filter((r: { result: string }) => r.result === 'rejected');
    expect(rejected).toEqual([]);
    const ids: string[] = response.body.results.map((r: { id: string }) => r.id);
    await eventually(
      async () => {
        const pending = await t.http.get('/v1/reviews?status=pending&limit=1').set(target.auth).expect(200);
        return pending.body.items.length === 0 ? true : undefined;
      },
      20_000,
      'analysis',
    );
    return ids;
  }

  async function profileOf(target: TestShop, buyerId: string) {
    const list = await t.http.get('/v1/reviewers').query({ buyerId }).set(target.auth).expect(200);
    expect(list.body.items).toHaveLength(1);
    const detail = await t.http.get(`/v1/reviewers/${list.body.items[0].id}`).set(target.auth).expect(200);
    return detail.body;
  }

  const codes = (profile: { signals: { code: string; weight: number }[] }) => profile.signals.filter((s) => s.weight > 0).map((s) => s.code);

  beforeAll(async () => {
    t = await createTestApp();
    shop = await t.createShop('Reviewer risk shop');
    other = await t.createShop('Another shop');
    await ingest(shop, [
      ...background(run),
      review(buyer('ring-1'), { product: 'P1', rating: 1, postedAgo: 2 * DAY, content: RING_TEXT }),
      review(buyer('ring-2'), { product: 'P2', rating: 1, postedAgo: 2 * DAY - HOUR, content: `${RING_TEXT}！！` }),
    ]);
    // the extortion buyer's counts in another shop: only the counts may cross over
    await ingest(other, [
      review(buyer('extort'), { product: 'X1', rating: 1, postedAgo: 9 * DAY, content: '另一家店的差评一' }),
      review(buyer('extort'), { product: 'X2', rating: 1, postedAgo: 6 * DAY, content: '另一家店的差评二' }),
      review(buyer('extort'), { product: 'X3', rating: 2, postedAgo: 4 * DAY, content: '另一家店的差评三' }),
    ]);
    await ingest(shop, [
      review(buyer('angry'), {
        product: 'P1',
        rating: 1,
        postedAgo: DAY,
        images: 3,
        content: '收到的保温杯杯身有裂缝，一倒热水就漏，太失望了，希望商家尽快处理',
      }),
      review(buyer('extort'), { product: 'P1', rating: 1, postedAgo: 3 * DAY, content: `${RING_TEXT}，骗子店` }),
      review(buyer('extort'), {
        product: 'P2',
        rating: 1,
        postedAgo: 2 * DAY,
        orderAmount: 59,
        deliveredBefore: 5 * MINUTE,
        content: '质量太差了，加我微信 wxid_q7k2m9x5 私下处理，不赔500块就差评到底 <script>alert(1)</script>',
      }),
      review(buyer('threat'), {
        product: 'P3',
        rating: 1,
        postedAgo: 5 * DAY,
        content: '东西不行，打我电话13912345678，不给补偿就天天追评',
      }),
    ]);
  }, 120_000);
  afterAll(async () => t.close());

  describe('scoring in the analysis job', () => {
    it('keeps a genuine angry customer with photos low and unflagged', async () => {
      const angry = await profileOf(shop, buyer('angry'));
      expect(angry).toMatchObject({ platform: 'taobao', buyerId: buyer('angry'), reviewCount: 1, negativeReviewCount: 1, riskLevel: 'low', status: 'none' });
      expect(angry.riskScore).toBeLessThan(40);
      expect(codes(angry)).not.toEqual(expect.arrayContaining(['off_platform_contact']));
      expect(angry.signals.map((s: { code: string }) => s.code)).toContain('photo_evidence');
      expect(angry.reviews).toHaveLength(1);
    });

    it('flags an extortion-style buyer high, with every signal explained in Chinese and English', async () => {
      const extort = await profileOf(shop, buyer('extort'));
      expect(extort).toMatchObject({ reviewCount: 2, negativeReviewCount: 2, riskLevel: 'high', status: 'flagged', watchlisted: false });
      expect(extort.riskScore).toBeGreaterThanOrEqual(70);
      expect(codes(extort)).toEqual(expect.arrayContaining(['off_platform_contact', 'compensation_demand', 'template_text', 'cross_shop_bad_reviews']));
      for (const signal of extort.signals) {
        expect(signal.explanation.zh).toMatch(/\p{Script=Han}/u);
        expect(signal.explanation.en).toMatch(/[a-z]/);
      }
      const cross = extort.signals.find((s: { code: string }) => s.code === 'cross_shop_bad_reviews');
      // counts from the other shop, never its content
      expect(cross.explanation.en).toContain('3 medium/bad reviews in 1 other shop');
      expect(JSON.stringify(extort)).not.toContain('另一家店');
      const sum = extort.signals.reduce((total: number, s: { contribution: number }) => total + s.contribution, 0);
      expect(Math.round(sum * 10) / 10).toBe(extort.riskScore);
    });

    it('rescores the earlier posters of a template when another buyer repeats it', async () => {
      const ring = await profileOf(shop, buyer('ring-1'));
      const template = ring.signals.find((s: { code: string }) => s.code === 'template_text');
      // two other buyers share the text now (ring-2 and the extortion buyer): full strength
      expect(template).toMatchObject({ value: 1 });
      expect(template.explanation.en).toContain('2 other buyer(s)');
    });

    it('lists reviewers by risk with filters and cursor pagination', async () => {
      const flagged = await t.http.get('/v1/reviewers?level=high&status=flagged').set(shop.auth).expect(200);
      const buyers = flagged.body.items.map((p: { buyerId: string }) => p.buyerId);
      expect(buyers).toEqual(expect.arrayContaining([buyer('extort'), buyer('threat')]));
      expect(buyers).not.toContain(buyer('angry'));

      const seen: { id: string; riskScore: number }[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string; riskScore: number }[]; nextCursor: string | null } } = await t.http
          .get('/v1/reviewers')
          .query({ limit: 7, ...(cursor ? { cursor } : {}) })
          .set(shop.auth)
          .expect(200);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const total = background(run).length + 5;
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((p) => p.id)).size).toBe(total);
      const scores = seen.map((p) => p.riskScore);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('shows the reviewer on the review and filters reviews by the reviewer level', async () => {
      const high = await t.http.get('/v1/reviews?reviewerLevel=high').set(shop.auth).expect(200);
      expect(high.body.items.length).toBeGreaterThanOrEqual(3);
      for (const item of high.body.items) expect(item.reviewer).toMatchObject({ riskLevel: 'high', id: expect.any(String) });
      const angryReviews = await t.http
        .get('/v1/reviews')
        .query({ buyerId: buyer('angry') })
        .set(shop.auth)
        .expect(200);
      expect(angryReviews.body.items[0].reviewer).toMatchObject({ riskLevel: 'low', status: 'none', watchlisted: false });
    });
  });

  describe('decisions', () => {
    it('confirms with a reason, refuses to confirm twice, and flags the next review of a watchlisted buyer on ingest', async () => {
      const extort = await profileOf(shop, buyer('extort'));
      const confirmed = await t.http
        .post(`/v1/reviewers/${extort.id}/confirm`)
        .set(shop.auth)
        .send({ reason: '聊天记录显示买家索要500元，截图已存档' })
        .expect(200);
      expect(confirmed.body.reviewer).toMatchObject({
        status: 'confirmed',
        decision: 'confirmed',
        watchlisted: true,
        decisionReason: '聊天记录显示买家索要500元，截图已存档',
      });
      expect(confirmed.body.reviewer.decidedBy).toMatch(/^api:/);
      expect(confirmed.body.decision).toMatchObject({
        action: 'confirm',
        fromStatus: 'flagged',
        toStatus: 'confirmed',
        decidedBy: confirmed.body.reviewer.decidedBy,
      });
      expect(confirmed.body.decision.evidenceCodes).toEqual(expect.arrayContaining(['off_platform_contact', 'compensation_demand']));

      const again = await t.http.post(`/v1/reviewers/${extort.id}/confirm`).set(shop.auth).send({ reason: 'again' }).expect(409);
      expect(again.body.code).toBe('REVIEWER_ALREADY_CONFIRMED');
      const dismissConfirmed = await t.http.post(`/v1/reviewers/${extort.id}/dismiss`).set(shop.auth).send({ reason: 'no' }).expect(409);
      expect(dismissConfirmed.body.code).toBe('REVIEWER_CONFIRMED');

      // a harmless new review: the buyer is on the watchlist, so it shows as flagged from the moment it is stored
      const created = await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send(review(buyer('extort'), { product: 'P5', rating: 4, postedAgo: HOUR, content: '还行吧' }))
        .expect(201);
      expect(created.body.review.reviewer).toMatchObject({ id: extort.id, status: 'confirmed', watchlisted: true });
      const fetched = await t.http.get(`/v1/reviews/${created.body.review.id}`).set(shop.auth).expect(200);
      expect(fetched.body.reviewer).toMatchObject({ status: 'confirmed', watchlisted: true });
      const watchlist = await t.http.get('/v1/reviews?reviewerStatus=confirmed').set(shop.auth).expect(200);
      expect(watchlist.body.items.map((r: { id: string }) => r.id)).toContain(created.body.review.id);
      expect(watchlist.body.items.every((r: { reviewer: { status: string } }) => r.reviewer.status === 'confirmed')).toBe(true);
      await eventually(async () => {
        const after = await profileOf(shop, buyer('extort'));
        return after.reviewCount === 3 ? after : undefined;
      });
      const after = await profileOf(shop, buyer('extort'));
      expect(after).toMatchObject({ status: 'confirmed', reviewCount: 3 });
      expect(after.decisions).toHaveLength(1);
    });

    it('dismisses: the same evidence no longer flags, reopen undoes it, new evidence flags again', async () => {
      const threat = await profileOf(shop, buyer('threat'));
      expect(threat).toMatchObject({ riskLevel: 'high', status: 'flagged' });
      const notDecided = await t.http.post(`/v1/reviewers/${threat.id}/reopen`).set(shop.auth).send({ reason: 'nothing to undo' }).expect(409);
      expect(notDecided.body.code).toBe('REVIEWER_NOT_DECIDED');

      const dismissed = await t.http.post(`/v1/reviewers/${threat.id}/dismiss`).set(shop.auth).send({ reason: '电话沟通后确认是误会，买家已道歉' }).expect(200);
      expect(dismissed.body.reviewer).toMatchObject({ status: 'dismissed', decision: 'dismissed', riskLevel: 'low' });
      const covered = dismissed.body.reviewer.signals.filter((s: { dismissal?: string }) => s.dismissal === 'covered').map((s: { code: string }) => s.code);
      expect(covered).toEqual(expect.arrayContaining(['off_platform_contact', 'compensation_demand']));
      const again = await t.http.post(`/v1/reviewers/${threat.id}/dismiss`).set(shop.auth).send({ reason: 'twice' }).expect(409);
      expect(again.body.code).toBe('REVIEWER_ALREADY_DISMISSED');

      // another review with no new evidence: rescored, still dismissed
      await ingest(shop, [review(buyer('threat'), { product: 'P6', rating: 5, postedAgo: 2 * MINUTE, content: '这次的东西不错' })]);
      let profile = await profileOf(shop, buyer('threat'));
      expect(profile).toMatchObject({ reviewCount: 2, status: 'dismissed', riskLevel: 'low' });

      const reopened = await t.http.post(`/v1/reviewers/${threat.id}/reopen`).set(shop.auth).send({ reason: '主管复核，撤销驳回' }).expect(200);
      expect(reopened.body.reviewer).toMatchObject({ status: 'flagged', decision: null, riskLevel: 'high' });
      expect(reopened.body.decision).toMatchObject({ action: 'reopen', revertsId: dismissed.body.decision.id, toStatus: 'flagged' });
      await t.http.post(`/v1/reviewers/${threat.id}/dismiss`).set(shop.auth).send({ reason: '复核后仍认为是误会' }).expect(200);

      // new evidence after the dismissal: another threat with another contact
      await ingest(shop, [
        review(buyer('threat'), { product: 'P4', rating: 1, postedAgo: 0, deliveredBefore: DAY, content: '还是有问题，加我QQ 12345678 私聊，赔我300不然差评' }),
      ]);
      profile = await profileOf(shop, buyer('threat'));
      expect(profile).toMatchObject({ status: 'flagged', riskLevel: 'high', decision: 'dismissed' });
      const reduced = profile.signals.filter((s: { dismissal?: string }) => s.dismissal === 'reduced').map((s: { code: string }) => s.code);
      expect(reduced).toEqual(expect.arrayContaining(['off_platform_contact', 'compensation_demand']));
      expect(profile.decisions.map((d: { action: string }) => d.action)).toEqual(['dismiss', 'reopen', 'dismiss']);
    });
  });

  describe('evidence pack', () => {
    let extortId: string;
    beforeAll(async () => {
      extortId = (await profileOf(shop, buyer('extort'))).id;
    });

    it('is JSON with the reviews and their order timelines, signals, decisions and contacts', async () => {
      const pack = await t.http.get(`/v1/reviewers/${extortId}/evidence`).set(shop.auth).set('Accept-Language', 'en-US,en;q=0.9').expect(200);
      expect(pack.headers['content-type']).toMatch(/application\/json/);
      expect(pack.body).toMatchObject({ kind: 'reviewer-evidence-pack', language: 'en', timezone: 'Asia/Shanghai', shop: { name: 'Reviewer risk shop' } });
      expect(pack.body.reviewer).toMatchObject({ buyerId: buyer('extort'), status: 'confirmed' });
      expect(pack.body.reviews).toHaveLength(3);
      const demand = pack.body.reviews.find((r: { content: string }) => r.content.includes('wxid_q7k2m9x5'));
      expect(demand.timeline).toEqual({
        orderedAt: expect.any(String),
        shippedAt: expect.any(String),
        deliveredAt: expect.any(String),
        reviewedAt: expect.any(String),
        followUpAt: null,
      });
      expect(demand.minutesAfterDelivery).toBe(5);
      expect(demand.orderId).toMatch(/^o-/);
      expect(demand.cues).toEqual(expect.arrayContaining(['WeChat id', 'threatens a bad review unless paid']));
      expect(demand.signals).toContain('off_platform_contact');
      expect(pack.body.signals.find((s: { code: string }) => s.code === 'off_platform_contact')).toMatchObject({
        title: 'Off-platform contact details in the review',
        explanation: expect.stringContaining('WeChat id'),
      });
      expect(pack.body.decisions).toEqual([expect.objectContaining({ action: 'confirm', reason: '聊天记录显示买家索要500元，截图已存档' })]);
      expect(pack.body.contactOutcomes).toEqual([]);
    });

    it('is readable Markdown, in Chinese by default', async () => {
      const md = await t.http.get(`/v1/reviewers/${extortId}/evidence?format=md`).set(shop.auth).expect(200);
      expect(md.headers['content-type']).toMatch(/text\/markdown/);
      expect(md.headers['content-language']).toBe('zh-CN');
      expect(md.text).toMatch(/^# 差评申诉证据材料\n/);
      expect(md.text).toContain('## 风险信号');
      expect(md.text).toContain('## 评价与订单时间线');
      expect(md.text).toContain('## 处理记录');
      expect(md.text).toContain('wxid\\_q7k2m9x5');
      expect(md.text).toContain('签收后 5分钟 发表');
      // raw HTML from a review is escaped, not passed through
      expect(md.text).toContain('\\<script\\>');
      expect(md.text).not.toContain('<script>');
    });

    it('is one self-contained, escaped HTML page', async () => {
      const html = await t.http.get(`/v1/reviewers/${extortId}/evidence?format=html&lang=en`).set(shop.auth).expect(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.headers['content-security-policy']).toContain("default-src 'none'");
      expect(html.text).toMatch(/^<!doctype html>/);
      expect(html.text).toContain('<h2>Risk signals</h2>');
      expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html.text).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(/i);
      expect(html.text).toContain('wxid_q7k2m9x5');
    });
  });

  describe('settings', () => {
    let settingsShop: TestShop;
    let pickyId: string;

    beforeAll(async () => {
      settingsShop = await t.createShop('Settings shop');
      await ingest(settingsShop, [
        ...background(`${run}s`),
        review(buyer('picky'), { product: 'P1', rating: 2, postedAgo: 3 * DAY, content: '质量一般，做工粗糙，和描述不符' }),
        review(buyer('picky'), { product: 'P2', rating: 2, postedAgo: 2 * DAY, content: '面料很差，起球严重，不值这个价' }),
      ]);
      pickyId = (await profileOf(settingsShop, buyer('picky'))).id;
    });

    it('shows the defaults and is not read as a reviewer id', async () => {
      const settings = await t.http.get('/v1/reviewers/settings').set(settingsShop.auth).expect(200);
      expect(settings.body).toMatchObject({ flagLevel: 'high', override: {}, rescoring: false, version: 0 });
      expect(settings.body.effective).toEqual(settings.body.defaults);
      expect(settings.body.defaults.signals.compensation_demand.weight).toBe(1.5);
    });

    it.each([
      [{ override: { signals: { bad_review_burst: { windowDays: 0 } } } }, 'override.signals.bad_review_burst.windowDays', 'min'],
      [{ override: { signals: { not_a_signal: { weight: 1 } } } }, 'override.signals.not_a_signal', 'unknown'],
      [{ override: { levels: { medium: 80 } } }, 'override.levels.high', 'order'],
      [{ override: [1, 2] }, 'override', 'isObject'],
      [{ flagLevel: 'low' }, 'flagLevel', 'isIn'],
      [{ colour: 'red' }, 'colour', 'whitelistValidation'],
    ])('refuses %j with the field path', async (body, field, code) => {
      const response = await t.http.put('/v1/reviewers/settings').set(settingsShop.auth).send(body).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field, code })] });
    });

    it('rescores every reviewer of the shop after a change', async () => {
      const before = await profileOf(settingsShop, buyer('picky'));
      expect(before).toMatchObject({ riskLevel: 'medium', status: 'none' });
      const put = await t.http
        .put('/v1/reviewers/settings')
        .set(settingsShop.auth)
        .send({ flagLevel: 'medium', override: { levels: { high: 90 } } })
        .expect(200);
      expect(put.body).toMatchObject({ flagLevel: 'medium', override: { levels: { high: 90 } }, version: 1 });
      expect(put.body.effective.levels).toEqual({ medium: 40, high: 90 });
      const flagged = await eventually(
        async () => {
          const profile = (await t.http.get(`/v1/reviewers/${pickyId}`).set(settingsShop.auth).expect(200)).body;
          return profile.status === 'flagged' ? profile : undefined;
        },
        20_000,
        'rescoring',
      );
      expect(flagged.riskLevel).toBe('medium');
      await eventually(async () => ((await t.http.get('/v1/reviewers/settings').set(settingsShop.auth)).body.rescoring === false ? true : undefined));

      // back to the defaults
      await t.http.put('/v1/reviewers/settings').set(settingsShop.auth).send({}).expect(200);
      await eventually(
        async () => {
          const profile = (await t.http.get(`/v1/reviewers/${pickyId}`).set(settingsShop.auth).expect(200)).body;
          return profile.status === 'none' ? profile : undefined;
        },
        20_000,
        'rescoring back',
      );
    });

    it('takes contact outcomes from the recovery queue: rescored in the caller transaction, idempotent per contact', async () => {
      const risk = t.app.get(ReviewerRiskService);
      const dataSource = t.app.get(DataSource);
      const before = await profileOf(settingsShop, buyer('picky'));
      const reviewId = before.reviews[0].id;
      const outcome = { reviewId, kind: 'demanded_excess_compensation' as const, at: new Date(), demandedAmount: 800, contactId: `contact-${run}` };
      const recorded = await dataSource.transaction((manager) => risk.recordContactOutcome(manager, settingsShop.shopId, outcome));
      expect(recorded).toMatchObject({ profileId: pickyId, riskLevel: 'high', status: 'flagged' });
      expect(recorded?.riskScore).toBeGreaterThan(before.riskScore);
      // the same contact again: one outcome, same score
      const again = await dataSource.transaction((manager) => risk.recordContactOutcome(manager, settingsShop.shopId, outcome));
      expect(again).toMatchObject({ outcomeId: recorded?.outcomeId, riskScore: recorded?.riskScore });

      const after = await profileOf(settingsShop, buyer('picky'));
      expect(after.contactOutcomes).toEqual([
        expect.objectContaining({ reviewId, kind: 'demanded_excess_compensation', demandedAmount: 800, contactId: `contact-${run}` }),
      ]);
      expect(codes(after)).toContain('contact_excess_demand');
      const pack = await t.http.get(`/v1/reviewers/${pickyId}/evidence?lang=zh`).set(settingsShop.auth).expect(200);
      expect(pack.body.contactOutcomes).toEqual([
        expect.objectContaining({ kind: 'demanded_excess_compensation', label: '索要过高赔偿', demandedAmount: 800, orderAmount: 89 }),
      ]);

      // the caller's transaction rolls back: nothing is kept
      await expect(
        dataSource.transaction(async (manager) => {
          await risk.recordContactOutcome(manager, settingsShop.shopId, { reviewId, kind: 'no_answer', at: new Date() });
          throw new Error('caller failed');
        }),
      ).rejects.toThrow('caller failed');
      expect((await profileOf(settingsShop, buyer('picky'))).contactOutcomes).toHaveLength(1);

      await expect(
        dataSource.transaction((manager) => risk.recordContactOutcome(manager, settingsShop.shopId, { reviewId, kind: 'bogus' as never, at: new Date() })),
      ).rejects.toBeInstanceOf(ValidationFailed);
      // another shop's review is not found
      await expect(
        dataSource.transaction((manager) => risk.recordContactOutcome(manager, other.shopId, { reviewId, kind: 'no_answer', at: new Date() })),
      ).rejects.toMatchObject({
        code: 'REVIEW_NOT_FOUND',
      });
    });
  });

  describe('tenancy and bad input', () => {
    it("answers 404 for another shop's reviewer on every route", async () => {
      const extort = await profileOf(shop, buyer('extort'));
      for (const path of [`/v1/reviewers/${extort.id}`, `/v1/reviewers/${extort.id}/evidence`, `/v1/reviewers/${extort.id}/evidence?format=html`]) {
        const response = await t.http.get(path).set(other.auth).expect(404);
        expect(response.body.code).toBe('REVIEWER_NOT_FOUND');
      }
      for (const action of ['confirm', 'dismiss', 'reopen']) {
        const response = await t.http.post(`/v1/reviewers/${extort.id}/${action}`).set(other.auth).send({ reason: 'not mine' }).expect(404);
        expect(response.body.code).toBe('REVIEWER_NOT_FOUND');
      }
      const list = await t.http.get('/v1/reviewers').set(other.auth).expect(200);
      expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(extort.id);
    });

    it.each([
      ['a decision without a reason', 'post', 'confirm', {}, 'reason', 'isDefined'],
      ['a blank reason', 'post', 'dismiss', { reason: '   ' }, 'reason', 'matches'],
      ['an unknown field', 'post', 'confirm', { reason: 'ok', extra: 1 }, 'extra', 'whitelistValidation'],
      ['an unknown format', 'get', 'evidence?format=pdf', null, 'format', 'isIn'],
      ['an unknown language', 'get', 'evidence?lang=fr', null, 'lang', 'isIn'],
    ])('400 for %s', async (_name, method, path, body, field, code) => {
      const extort = await profileOf(shop, buyer('extort'));
      const url = `/v1/reviewers/${extort.id}/${path}`;
      const response =
        method === 'post'
          ? await t.http
              .post(url)
              .set(shop.auth)
              .send(body ?? {})
              .expect(400)
          : await t.http.get(url).set(shop.auth).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field, code })] });
    });

    it.each([
      ['/v1/reviewers/not-a-uuid', 'id', 'isUuid'],
      ['/v1/reviewers?level=extreme', 'level', 'isIn'],
      ['/v1/reviewers?status=maybe', 'status', 'isIn'],
      ['/v1/reviewers?minScore=101', 'minScore', 'max'],
      ['/v1/reviewers?cursor=bogus', 'cursor', 'invalidCursor'],
      ['/v1/reviews?reviewerStatus=watchlist', 'reviewerStatus', 'isIn'],
    ])('400 for GET %s', async (path, field, code) => {
      const response = await t.http.get(path).set(shop.auth).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field, code })] });
    });
  });
});
