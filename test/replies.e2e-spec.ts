import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

interface Reply {
  id: string;
  status: string;
  kind: string;
  language: string;
  feel: string | null;
  felt: string | null;
  found: string | null;
  text: string;
  length: number;
  current: boolean;
  createdBy: string;
  templateIds: string[];
  highRisk: boolean;
  outreach: { steps: { step: string; goal: string; say: string | null }[]; text: string } | null;
  remedy: { kind: string; reason: string; returnWindowDays: number | null; publicText: string | null; withheld: { kind: string } | null } | null;
}

describe('replies: drafts, templates, remedy policy, settings', () => {
  let t: TestApp;
  let alpha: TestShop;
  let beta: TestShop;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    alpha = await t.createShop('棉语家居');
    beta = await t.createShop('Beta');
    db = t.app.get(DataSource);
    // most tests here draft by hand and look at the history: no automatic drafts racing them (those are tested in
    // replies-auto-draft.e2e-spec.ts); the tests that are about them turn them on
    await t.http.put('/v1/reply-settings').set(alpha.auth).send({ autoDraft: 'off' }).expect(200);
  });
  afterAll(async () => t.close());

  /** Stores a review, waits for its analysis, then gives it the tags the classifier would. */
  async function analysedReview(
    shop: TestShop,
    overrides: Record<string, unknown> = {},
    tags: { tags: string[]; subTags: string[] } | null = null,
  ): Promise<string> {
    const created = await t.http.post('/v1/reviews').set(shop.auth).send(reviewInput(overrides)).expect(201);
    const id: string = created.body.review.id;
    await eventually(async () => {
      const review = await t.http.get(`/v1/reviews/${id}`).set(shop.auth).expect(200);
      return review.body.analysisStatus === 'done' ? true : undefined;
    });
    if (tags) await db.query('UPDATE reviews SET tags = $2, sub_tags = $3 WHERE id = $1', [id, tags.tags, tags.subTags]);
    return id;
  }

  /** a person confirms the review's buyer as a professional bad-reviewer (issue 4's decision) */
  async function confirmReviewer(reviewId: string): Promise<void> {
    const reviewer = (await t.http.get(`/v1/reviews/${reviewId}`).set(alpha.auth).expect(200)).body.reviewer;
    await t.http.post(`/v1/reviewers/${reviewer.id}/confirm`).set(alpha.auth).send({ reason: 'asked for money to remove the review' }).expect(200);
  }

  async function draft(shop: TestShop, reviewId: string, body: Record<string, unknown> = {}): Promise<Reply> {
    const response = await t.http.post(`/v1/reviews/${reviewId}/replies`).set(shop.auth).send(body).expect(201);
    return response.body as Reply;
  }

  it('drafts analysed reviews by itself when the shop asks, and a person redrafts into a 3F reply with outreach and remedy', async () => {
    await t.http.put('/v1/reply-settings').set(alpha.auth).send({ autoDraft: 'negative' }).expect(200);
    const reviewId = await analysedReview(alpha, {
      buyerNick: '小蓝鲸',
      content: '等了一个星期才到，打开还是坏的',
      productId: 'p-slow',
      productName: '陶瓷马克杯',
    });
    const auto = await t.http.get(`/v1/reviews/${reviewId}/replies`).set(alpha.auth).expect(200);
    expect(auto.body.current).toMatchObject({ status: 'draft', kind: 'recovery', createdBy: 'system:auto-draft', language: 'zh-Hans' });
    await t.http.put('/v1/reply-settings').set(alpha.auth).send({ autoDraft: 'off' }).expect(200);

    await db.query(`UPDATE reviews SET tags = '{logistics,quality}', sub_tags = '{slow_delivery,defect_broken}' WHERE id = $1`, [reviewId]);
    const reply = await draft(alpha, reviewId);
    expect(reply).toMatchObject({ status: 'draft', kind: 'recovery', language: 'zh-Hans', current: true });
    expect(reply.createdBy).toMatch(/^api:/);
    for (const part of [reply.feel, reply.felt, reply.found]) expect(part?.length).toBeGreaterThan(5);
    expect(reply.text).toBe(`${reply.feel}${reply.felt}${reply.found}`);
    expect(reply.text).toContain('小蓝鲸');
    expect(reply.length).toBeLessThanOrEqual(500);
    expect(reply.remedy).toMatchObject({ kind: 'free_replacement' });
    expect(reply.remedy?.reason).toContain('瑕疵');
    expect(reply.outreach?.steps.map((s) => s.step)).toEqual(['prepare', 'apology', 'listen', 'explain', 'remedy', 'review_request', 'how_to', 'record']);
    expect(reply.outreach?.steps.find((s) => s.step === 'apology')?.say).toContain('棉语家居');
    expect(reply.templateIds.length).toBeGreaterThan(3);

    const listed = await t.http.get(`/v1/reviews/${reviewId}/replies`).set(alpha.auth).expect(200);
    expect(listed.body.current.id).toBe(reply.id);
    expect(listed.body.history).toEqual([expect.objectContaining({ id: auto.body.current.id, status: 'superseded', current: false })]);
    const one = await t.http.get(`/v1/replies/${reply.id}`).set(alpha.auth).expect(200);
    expect(one.body.text).toBe(reply.text);
  });

  it('answers in the language of the review, or the one asked for', async () => {
    const en = await analysedReview(
      alpha,
      { content: 'The parcel arrived crushed and the mug inside was chipped.', buyerNick: 'sunny_day', productName: 'Stoneware Mug', carrier: 'SF Express' },
      { tags: ['logistics'], subTags: ['damaged_parcel'] },
    );
    const reply = await draft(alpha, en);
    expect(reply.language).toBe('en');
    expect(reply.feel).toMatch(/^Hi sunny_day, /);
    expect(reply.remedy?.kind).toBe('reship');
    const hant = await draft(alpha, en, { language: 'zh-Hant' });
    expect(hant.language).toBe('zh-Hant');
    expect(hant.text).toMatch(/[們這還]/);
  });

  it('replies on the same product read differently, and a thank-you is never the same twice in a row', async () => {
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await analysedReview(alpha, { productId: 'p-variety', buyerNick: undefined }, { tags: ['logistics'], subTags: ['slow_delivery'] });
      texts.push((await draft(alpha, id)).text);
    }
    expect(new Set(texts).size).toBe(3);

    // good reviews are drafted by themselves (by the drafting job) only when the shop asks for all reviews
    await t.http.put('/v1/reply-settings').set(alpha.auth).send({ autoDraft: 'all' }).expect(200);
    const thanks: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await analysedReview(alpha, { productId: 'p-thanks', rating: 5, content: '很好，很喜欢' });
      const current = await eventually(async () => (await t.http.get(`/v1/reviews/${id}/replies`).set(alpha.auth).expect(200)).body.current ?? undefined);
      expect(current).toMatchObject({ kind: 'thank_you', feel: null, outreach: null, remedy: null });
      thanks.push(current.text);
    }
    await t.http.put('/v1/reply-settings').set(alpha.auth).send({ autoDraft: 'negative' }).expect(200);
    const good = await analysedReview(alpha, { productId: 'p-thanks', rating: 5, content: '不错' });
    expect((await t.http.get(`/v1/reviews/${good}/replies`).set(alpha.auth).expect(200)).body.current).toBeNull();
    thanks.push((await draft(alpha, good)).text);
    await t.http.put('/v1/reply-settings').set(alpha.auth).send({ autoDraft: 'off' }).expect(200);
    // off: not even reading its replies drafts a bad review
    const bad = await analysedReview(alpha, { productId: 'p-thanks', rating: 1 });
    expect((await t.http.get(`/v1/reviews/${bad}/replies`).set(alpha.auth).expect(200)).body.current).toBeNull();
    await t.http.put('/v1/reply-settings').set(alpha.auth).send({ autoDraft: 'bogus' }).expect(400);
    const reset = await t.http.put('/v1/reply-settings').set(alpha.auth).send({ autoDraft: null }).expect(200);
    expect(reset.body.autoDraft).toBe('negative');
    await t.http.put('/v1/reply-settings').set(alpha.auth).send({ autoDraft: 'off' }).expect(200);
    for (let i = 1; i < thanks.length; i++) expect(thanks[i]).not.toBe(thanks[i - 1]);
  });

  it('a flagged high-risk reviewer gets a calm factual reply, an evidence-first script, and no compensation even by edit', async () => {
    const buyerId = `risky-${randomUUID()}`;
    const id = await analysedReview(alpha, { buyerId }, { tags: ['quality'], subTags: ['not_as_described'] });
    await confirmReviewer(id);
    const reply = await draft(alpha, id);
    expect(reply.highRisk).toBe(true);
    expect(reply.remedy).toMatchObject({ kind: 'evidence_first', publicText: null });
    expect(reply.remedy?.withheld?.kind).toBe('return_exchange');
    expect(reply.text).not.toMatch(/优惠券|退款|补偿|礼物|退换/);
    expect(reply.outreach?.steps.map((s) => s.step)).toContain('evidence');
    expect(reply.outreach?.text).toContain('收集证据');

    const edit = await t.http.patch(`/v1/replies/${reply.id}`).set(alpha.auth).send({ found: '我们会送您一张优惠券作为补偿。' }).expect(400);
    expect(edit.body).toMatchObject({ code: 'REPLY_RULE_VIOLATION', errors: [expect.objectContaining({ field: 'found', code: 'compensationForHighRisk' })] });
  });

  it('a confirmed bad-reviewer does not count toward a widespread defect: a genuine buyer is offered the isolated-defect remedy', async () => {
    const productId = `p-spread-${randomUUID().slice(0, 8)}`;
    const defect = { tags: ['quality'], subTags: ['defect_broken'] };
    const buyer = (role: string) => ({ productId, buyerId: `${role}-${randomUUID()}` });
    const pro = await analysedReview(alpha, buyer('pro'), defect);
    await confirmReviewer(pro);
    await analysedReview(alpha, buyer('genuine'), defect);
    const id = await analysedReview(alpha, buyer('genuine'), defect);
    const isolated = (await draft(alpha, id)) as Reply & { remedy: { basis: Record<string, unknown> } };
    expect(isolated.highRisk).toBe(false);
    expect(isolated.remedy).toMatchObject({ kind: 'free_replacement', basis: { sameProblemBuyers: 2, widespread: false } });
    // a third genuine buyer with the same defect makes it widespread
    await analysedReview(alpha, buyer('genuine'), defect);
    const widespread = (await draft(alpha, id)) as Reply & { remedy: { basis: Record<string, unknown> } };
    expect(widespread.remedy.basis).toMatchObject({ sameProblemBuyers: 3, widespread: true });
    expect(widespread.remedy.kind).not.toBe('free_replacement');
  });

  it('a reviewer flagged after the draft was written cannot get compensation approved', async () => {
    const buyerId = `later-${randomUUID()}`;
    const id = await analysedReview(alpha, { buyerId }, { tags: ['logistics'], subTags: ['slow_delivery'] });
    const reply = await draft(alpha, id);
    expect(reply.remedy?.kind).toBe('gift');
    await confirmReviewer(id);
    const refused = await t.http.post(`/v1/replies/${reply.id}/approve`).set(alpha.auth).expect(400);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: 'remedy', code: 'compensationForHighRisk' }));
    const redrafted = await draft(alpha, id);
    expect(redrafted.highRisk).toBe(true);
    await t.http.post(`/v1/replies/${redrafted.id}/approve`).set(alpha.auth).expect(200);
  });

  it('validates templates when saved: unknown or misplaced placeholders, wrong sub-tag, blame, personal data', async () => {
    const base = { part: 'feel', language: 'zh-Hans', tag: 'logistics', subTag: 'slow_delivery' };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...base, text: '亲爱的{nick}，抱歉' }, 'text', 'unknownPlaceholder'],
      [{ ...base, text: '我们会{remedy}' }, 'text', 'placeholderNotAllowed'],
      [{ ...base, text: '{buyer，抱歉' }, 'text', 'malformedTemplate'],
      [{ ...base, subTag: 'defect_broken' }, 'subTag', 'subTagOfTag'],
      [{ ...base, text: '是您自己没有及时签收' }, 'text', 'blamesBuyer'],
      [{ ...base, text: '有问题请打13812345678' }, 'text', 'personalData'],
      [{ ...base, part: 'thank_you', text: '谢谢{buyer}' }, 'tag', 'notForThankYou'],
      [{ ...base, part: 'opening', text: '你好' }, 'part', 'isIn'],
    ];
    for (const [body, field, code] of cases) {
      const response = await t.http
        .post('/v1/reply-templates')
        .set(alpha.auth)
        .send({ text: '{buyer}，抱歉', ...body })
        .expect(400);
      expect({ body, code: response.body.code, error: response.body.errors[0] }).toEqual({
        body,
        code: 'VALIDATION_FAILED',
        error: expect.objectContaining({ field, code }),
      });
    }
  });

  it('shop templates: create, list, use in a draft, change, deactivate, delete', async () => {
    const created = await t.http
      .post('/v1/reply-templates')
      .set(alpha.auth)
      .send({ part: 'feel', language: 'zh-Hans', tag: 'logistics', subTag: 'tracking', text: '[{buyer}，]物流一直不动，{shop}和您一样着急。' })
      .expect(201);
    expect(created.body).toMatchObject({ active: true, placeholders: ['buyer', 'shop'] });
    expect(created.body.createdBy).toMatch(/^api:/);

    const id = await analysedReview(alpha, { buyerNick: '阿木' }, { tags: ['logistics'], subTags: ['tracking'] });
    const reply = await draft(alpha, id);
    expect(reply.feel).toBe('阿木，物流一直不动，棉语家居和您一样着急。');
    expect(reply.templateIds).toContain(created.body.id);
    const hant = await draft(alpha, id, { language: 'zh-Hant' });
    expect(hant.feel).toBe('阿木，物流一直不動，棉语家居和您一樣著急。');

    const list = await t.http.get('/v1/reply-templates?tag=logistics&part=feel').set(alpha.auth).expect(200);
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(created.body.id);
    await t.http.patch(`/v1/reply-templates/${created.body.id}`).set(alpha.auth).send({ text: '{product}的{coupon}' }).expect(400);
    await t.http.patch(`/v1/reply-templates/${created.body.id}`).set(alpha.auth).send({ active: false }).expect(200);
    const without = await draft(alpha, id);
    expect(without.templateIds).not.toContain(created.body.id);

    const builtin = await t.http.get('/v1/reply-templates/builtin?language=en&tag=logistics&subTag=tracking&part=feel').set(alpha.auth).expect(200);
    expect(builtin.body.items.length).toBeGreaterThanOrEqual(3);
    expect(builtin.body.items[0].id).toMatch(/^builtin:en:/);

    await t.http.get(`/v1/reply-templates/${created.body.id}`).set(beta.auth).expect(404);
    await t.http.delete(`/v1/reply-templates/${created.body.id}`).set(beta.auth).expect(404);
    await t.http.delete(`/v1/reply-templates/${created.body.id}`).set(alpha.auth).expect(204);
    const gone = await t.http.get(`/v1/reply-templates/${created.body.id}`).set(alpha.auth).expect(404);
    expect(gone.body.code).toBe('REPLY_TEMPLATE_NOT_FOUND');
  });

  it('remedy policy: defaults, validated changes, used by the next draft, null resets', async () => {
    const defaults = await t.http.get('/v1/remedy-policy').set(alpha.auth).expect(200);
    expect(defaults.body).toMatchObject({ currency: 'CNY', returnWindowDays: 7, priceDifferenceRefundLimit: 5, giftValue: 10, updatedBy: null });
    expect(defaults.body.defaults).toContain('returnWindowDays');

    const bad = await t.http.put('/v1/remedy-policy').set(alpha.auth).send({ giftValue: -1, returnWindowDays: 2.5 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['giftValue', 'returnWindowDays']);
    const dup = await t.http
      .put('/v1/remedy-policy')
      .set(alpha.auth)
      .send({
        couponTiers: [
          { minOrderAmount: 0, amount: 5 },
          { minOrderAmount: 0, amount: 8 },
        ],
      })
      .expect(400);
    expect(dup.body.errors[0]).toMatchObject({ field: 'couponTiers', code: 'uniqueMinOrderAmount' });
    await t.http.put('/v1/remedy-policy').set(alpha.auth).send({ giftNameZh: '加微信13812345678领取' }).expect(400);

    const updated = await t.http.put('/v1/remedy-policy').set(alpha.auth).send({ returnWindowDays: 15, giftNameZh: '定制帆布袋' }).expect(200);
    expect(updated.body).toMatchObject({ returnWindowDays: 15, giftNameZh: '定制帆布袋', giftValue: 10 });
    expect(updated.body.updatedBy).toMatch(/^api:/);

    const fit = await draft(alpha, await analysedReview(alpha, { rating: 3 }, { tags: ['quality'], subTags: ['size_fit'] }));
    expect(fit.remedy).toMatchObject({ kind: 'return_policy', returnWindowDays: 15 });
    expect(fit.text).toContain('15天无理由退换');
    const slow = await draft(alpha, await analysedReview(alpha, {}, { tags: ['logistics'], subTags: ['slow_delivery'] }));
    expect(slow.outreach?.steps.find((s) => s.step === 'remedy')?.say).toContain('定制帆布袋');

    const reset = await t.http.put('/v1/remedy-policy').set(alpha.auth).send({ returnWindowDays: null }).expect(200);
    expect(reset.body.returnWindowDays).toBe(7);
    const other = await t.http.get('/v1/remedy-policy').set(beta.auth).expect(200);
    expect(other.body.giftNameZh).toBeNull();
  });

  it('reply settings: the length limit applies to drafts and edits; the webhook needs a secret that is never shown', async () => {
    await t.http.put('/v1/reply-settings').set(beta.auth).send({ maxLength: 50 }).expect(400);
    const noSecret = await t.http.put('/v1/reply-settings').set(beta.auth).send({ webhookUrl: 'http://127.0.0.1:9/hook' }).expect(400);
    expect(noSecret.body.errors[0]).toMatchObject({ field: 'webhookSecret', code: 'required' });
    await t.http
      .put('/v1/reply-settings')
      .set(beta.auth)
      .send({ webhookUrl: 'ftp://example.com/x', webhookSecret: 'x'.repeat(20) })
      .expect(400);
    const set = await t.http
      .put('/v1/reply-settings')
      .set(beta.auth)
      .send({ maxLength: 120, webhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: 'a-very-secret-value' })
      .expect(200);
    // a shop that never chose drafts its medium and bad reviews by itself
    expect(set.body).toMatchObject({ maxLength: 120, autoDraft: 'negative', webhookUrl: 'http://127.0.0.1:9/hook', hasWebhookSecret: true });
    expect(JSON.stringify(set.body)).not.toContain('a-very-secret-value');

    const id = await analysedReview(beta, {}, { tags: ['logistics', 'quality', 'service'], subTags: ['damaged_parcel', 'not_as_described', 'slow_response'] });
    const reply = await draft(beta, id);
    expect(reply.length).toBeLessThanOrEqual(120);
    const long = await t.http
      .patch(`/v1/replies/${reply.id}`)
      .set(beta.auth)
      .send({ text: '非常抱歉。'.repeat(30) })
      .expect(400);
    expect(long.body.errors[0]).toMatchObject({ field: 'text', code: 'tooLong' });
    await t.http.put('/v1/reply-settings').set(beta.auth).send({ webhookUrl: null, maxLength: null }).expect(200);
  });

  it('keeps every shop to its own replies: another shop answers 404', async () => {
    const id = await analysedReview(alpha, {}, { tags: ['price'], subTags: ['price_drop'] });
    const reply = await draft(alpha, id);
    const notFound = await t.http.get(`/v1/replies/${reply.id}`).set(beta.auth).expect(404);
    expect(notFound.body.code).toBe('REPLY_NOT_FOUND');
    await t.http.patch(`/v1/replies/${reply.id}`).set(beta.auth).send({ text: '谢谢' }).expect(404);
    await t.http.post(`/v1/replies/${reply.id}/approve`).set(beta.auth).expect(404);
    await t.http.post(`/v1/replies/${reply.id}/publish`).set(beta.auth).expect(404);
    const review = await t.http.post(`/v1/reviews/${id}/replies`).set(beta.auth).send({}).expect(404);
    expect(review.body.code).toBe('REVIEW_NOT_FOUND');
    await t.http.get(`/v1/reviews/${id}/replies`).set(beta.auth).expect(404);
    const betaList = await t.http.get('/v1/replies').set(beta.auth).expect(200);
    expect(betaList.body.items.map((r: { id: string }) => r.id)).not.toContain(reply.id);
    await t.http.get('/v1/replies/not-a-uuid').set(alpha.auth).expect(400);
  });
});
