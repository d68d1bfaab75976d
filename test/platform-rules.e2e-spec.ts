import { createTestApp, TestApp, TestShop } from './support/test-app';
import { reviewInput } from './support/factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** on the hour, relative to now: the tests hold on any date */
const ago = (ms: number) => new Date(Math.floor((Date.now() - ms) / HOUR) * HOUR).toISOString();
const plus = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

/** A neutral public reply of `n` characters. */
const replyText = (n: number) => '非常抱歉给您带来不便，我们已经安排专人跟进处理。'.repeat(60).slice(0, n - 1) + '。';

/**
 * Platform rules as data (issue 16): versioned, with their sources and a per-shop override; the queue shows the
 * platform's deadlines, drafts keep to the platform's reply length, publishing refuses a reply the platform no
 * longer takes.
 */
describe('platform rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  /** a review's current draft, edited to `text` and approved */
  async function approved(shop: TestShop, reviewId: string, text?: string): Promise<string> {
    const draft = await t.http.post(`/v1/reviews/${reviewId}/replies`).set(shop.auth).send({}).expect(201);
    if (text)
      await t.http
        .patch(`/v1/replies/${draft.body.id as string}`)
        .set(shop.auth)
        .send({ text })
        .expect(200);
    await t.http
      .post(`/v1/replies/${draft.body.id as string}/approve`)
      .set(shop.auth)
      .expect(200);
    return draft.body.id as string;
  }

  it('lists each platform with its rules, their sources and the table version', async () => {
    const shop = await t.createShop();
    const response = await t.http.get('/v1/platform-rules').set(shop.auth).expect(200);
    const rules = new Map((response.body.items as { platform: string }[]).map((item) => [item.platform, item]));
    expect(rules.get('tmall')).toMatchObject({
      version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}\.\d+$/),
      rules: { replyWindowDays: 30, replyClosedByFollowUp: true, replyMaxLength: 500 },
      sources: { replyWindowDays: expect.stringContaining('taobao.traderate.explain.add'), replyMaxLength: expect.stringContaining('500') },
      overridden: [],
    });
    expect(rules.get('kuaishou')).toMatchObject({ rules: { replyWindowDays: 30, replyFirstReviewOnly: true, followUpWindowDays: 180, replyMaxLength: null } });
    expect(rules.get('taobao')).toMatchObject({ rules: { replyMaxLength: 500, replyWindowDays: null } });
    expect(rules.get('jd')).toMatchObject({ rules: { replyWindowDays: null, replyMaxLength: null }, sources: {} });
  });

  it('a shop overrides some rules with a source, per platform; a DELETE brings the shipped rules back', async () => {
    const shop = await t.createShop();
    const other = await t.createShop();
    const set = await t.http.put('/v1/platform-rules/kuaishou').set(shop.auth).send({ replyWindowDays: 15, source: '快手商家协议 2027' }).expect(200);
    expect(set.body).toMatchObject({
      rules: { replyWindowDays: 15, followUpWindowDays: 180 },
      overridden: ['replyWindowDays'],
      sources: { replyWindowDays: 'shop override: 快手商家协议 2027' },
    });
    // a second change keeps the first; null lifts a limit
    const again = await t.http.put('/v1/platform-rules/kuaishou').set(shop.auth).send({ followUpWindowDays: null, source: '快手商家协议 2027-02' }).expect(200);
    expect(again.body).toMatchObject({ rules: { replyWindowDays: 15, followUpWindowDays: null }, overridden: ['replyWindowDays', 'followUpWindowDays'] });
    expect((await t.http.get('/v1/platform-rules/kuaishou').set(other.auth).expect(200)).body).toMatchObject({
      rules: { replyWindowDays: 30 },
      overridden: [],
    });

    await t.http.put('/v1/platform-rules/kuaishou').set(shop.auth).send({ replyWindowDays: 0, source: 'x' }).expect(400);
    await t.http.put('/v1/platform-rules/kuaishou').set(shop.auth).send({ replyWindowDays: 10 }).expect(400);
    await t.http.put('/v1/platform-rules/wechat').set(shop.auth).send({ replyWindowDays: 10, source: 'x' }).expect(400);

    const cleared = await t.http.delete('/v1/platform-rules/kuaishou').set(shop.auth).expect(200);
    expect(cleared.body).toMatchObject({ rules: { replyWindowDays: 30, followUpWindowDays: 180 }, overridden: [] });
  });

  it('publishing past the reply window, or on Tmall after a 追评, is refused with 409 REPLY_WINDOW_CLOSED; within it, published', async () => {
    const shop = await t.createShop();
    const oldReview = ago(40 * DAY);
    const recent = ago(2 * DAY);
    const [late, followedUp, open, jdLate] = await t.postAnalysed(shop, [
      reviewInput({ platform: 'tmall', reviewedAt: oldReview }),
      reviewInput({ platform: 'tmall', reviewedAt: recent, followUpContent: '用了几天还是掉色', followUpAt: ago(DAY) }),
      reviewInput({ platform: 'tmall', reviewedAt: recent }),
      reviewInput({ platform: 'jd', reviewedAt: oldReview }),
    ]);
    const refused = await t.http
      .post(`/v1/replies/${await approved(shop, late)}/publish`)
      .set(shop.auth)
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'REPLY_WINDOW_CLOSED',
      errors: [{ field: 'review', code: 'window_passed', message: expect.stringContaining(plus(oldReview, 30)) }],
    });
    const afterFollowUp = await t.http
      .post(`/v1/replies/${await approved(shop, followedUp)}/publish`)
      .set(shop.auth)
      .expect(409);
    expect(afterFollowUp.body).toMatchObject({ code: 'REPLY_WINDOW_CLOSED', errors: [{ code: 'follow_up_added' }] });
    const published = await t.http
      .post(`/v1/replies/${await approved(shop, open)}/publish`)
      .set(shop.auth)
      .expect(200);
    expect(published.body.status).toBe('published');
    // JD gives no window: an old review's reply is published
    await t.http
      .post(`/v1/replies/${await approved(shop, jdLate)}/publish`)
      .set(shop.auth)
      .expect(200);

    // the shop's override moves the window: 60 days opens the old Tmall review again
    await t.http.put('/v1/platform-rules/tmall').set(shop.auth).send({ replyWindowDays: 60, source: 'test agreement' }).expect(200);
    const reopened = (await t.http.get(`/v1/reviews/${late}/replies`).set(shop.auth).expect(200)).body.current.id as string;
    await t.http.post(`/v1/replies/${reopened}/publish`).set(shop.auth).expect(200);
  });

  it('a reply longer than the platform takes is refused with 409 REPLY_TOO_LONG; drafts and edits keep to the platform length', async () => {
    const shop = await t.createShop();
    // the shop allows long replies; Taobao's 500 characters are the limit
    await t.http.put('/v1/reply-settings').set(shop.auth).send({ maxLength: 1000 }).expect(200);
    const [taobao, jd] = await t.postAnalysed(shop, [reviewInput({ platform: 'taobao' }), reviewInput({ platform: 'jd' })]);
    const tooLongForTaobao = replyText(600);
    const edit = await t.http.post(`/v1/reviews/${taobao}/replies`).set(shop.auth).send({}).expect(201);
    const refusedEdit = await t.http
      .patch(`/v1/replies/${edit.body.id as string}`)
      .set(shop.auth)
      .send({ text: tooLongForTaobao })
      .expect(400);
    expect(refusedEdit.body.errors).toEqual([expect.objectContaining({ field: 'text', code: 'tooLong' })]);
    // JD has no limit of its own: the shop's 1,000 apply
    await t.http
      .post(`/v1/replies/${await approved(shop, jd, tooLongForTaobao)}/publish`)
      .set(shop.auth)
      .expect(200);

    // approved at 200 characters, then the shop learns Taobao takes 120 here: publishing is refused
    const replyId = await approved(shop, taobao, replyText(200));
    await t.http.put('/v1/platform-rules/taobao').set(shop.auth).send({ replyMaxLength: 120, source: 'test: a shorter limit' }).expect(200);
    const refused = await t.http.post(`/v1/replies/${replyId}/publish`).set(shop.auth).expect(409);
    expect(refused.body).toMatchObject({ code: 'REPLY_TOO_LONG', errors: [{ field: 'text', code: 'tooLong', message: 'at most 120 characters on taobao' }] });

    // a new draft is written to the platform's length
    const redraft = await t.http.post(`/v1/reviews/${taobao}/replies`).set(shop.auth).send({}).expect(201);
    expect([...(redraft.body.text as string)].length).toBeLessThanOrEqual(120);
    expect([...(redraft.body.text as string)].length).toBeGreaterThan(0);
  });

  it("the queue shows each review's platform deadlines: reply window, 追评 window, change window", async () => {
    const shop = await t.createShop();
    const reviewedAt = ago(3 * DAY);
    const [kuaishou, tmall, jd] = await t.postAnalysed(shop, [
      reviewInput({ platform: 'kuaishou', reviewedAt }),
      reviewInput({ platform: 'tmall', reviewedAt, followUpContent: '还是不行', followUpAt: ago(DAY) }),
      reviewInput({ platform: 'jd', reviewedAt }),
    ]);
    const queue = await t.http.get('/v1/queue').set(shop.auth).expect(200);
    const byReview = new Map((queue.body.items as { reviewId: string; platformDeadlines: unknown }[]).map((item) => [item.reviewId, item.platformDeadlines]));
    expect(byReview.get(kuaishou)).toEqual({
      rulesVersion: expect.any(String),
      replyUntil: plus(reviewedAt, 30),
      replyClosed: null,
      followUpUntil: plus(reviewedAt, 180),
      revisionUntil: null,
    });
    expect(byReview.get(tmall)).toMatchObject({
      replyUntil: ago(DAY),
      replyClosed: 'follow_up_added',
      followUpUntil: null,
      revisionUntil: plus(reviewedAt, 30),
    });
    expect(byReview.get(jd)).toMatchObject({ replyUntil: null, replyClosed: null, followUpUntil: null, revisionUntil: null });

    // the shop's override shows at once
    await t.http.put('/v1/platform-rules/kuaishou').set(shop.auth).send({ replyWindowDays: 7, source: 'test' }).expect(200);
    const after = await t.http.get('/v1/queue').set(shop.auth).expect(200);
    const item = (after.body.items as { reviewId: string; platformDeadlines: { replyUntil: string } }[]).find((i) => i.reviewId === kuaishou);
    expect(item?.platformDeadlines.replyUntil).toBe(plus(reviewedAt, 7));
  });

  it("a new case's revision deadline is the platform's change window when it is shorter than the shop's", async () => {
    const shop = await t.createShop();
    await t.http.put('/v1/queue/settings').set(shop.auth).send({ revisionWindowDays: 45 }).expect(200);
    const reviewedAt = ago(3 * DAY);
    const [tmall, jd] = await t.postAnalysed(shop, [reviewInput({ platform: 'tmall', reviewedAt }), reviewInput({ platform: 'jd', reviewedAt })]);
    // 35 days old: Tmall's 30-day change window has closed, the shop's 45 days have not
    const [lateTmall, lateJd] = await t.postAnalysed(shop, [
      reviewInput({ platform: 'tmall', reviewedAt: ago(35 * DAY) }),
      reviewInput({ platform: 'jd', reviewedAt: ago(35 * DAY) }),
    ]);
    const queue = await t.http.get('/v1/queue').set(shop.auth).query({ limit: 100 }).expect(200);
    const deadline = new Map((queue.body.items as { reviewId: string; revisionDeadlineAt: string }[]).map((item) => [item.reviewId, item.revisionDeadlineAt]));
    expect(deadline.get(tmall)).toBe(plus(reviewedAt, 30));
    expect(deadline.get(jd)).toBe(plus(reviewedAt, 45));
    expect(deadline.has(lateTmall)).toBe(false);
    expect(deadline.has(lateJd)).toBe(true);

    // a shop that knows better (a longer window agreed with the platform) overrides the platform's rule
    await t.http.put('/v1/platform-rules/tmall').set(shop.auth).send({ revisionWindowDays: 40, source: 'test' }).expect(200);
    const [again] = await t.postAnalysed(shop, [reviewInput({ platform: 'tmall', reviewedAt })]);
    const after = await t.http.get('/v1/queue').set(shop.auth).query({ limit: 100 }).expect(200);
    const item = (after.body.items as { reviewId: string; revisionDeadlineAt: string }[]).find((i) => i.reviewId === again);
    expect(item?.revisionDeadlineAt).toBe(plus(reviewedAt, 40));
  });
});
