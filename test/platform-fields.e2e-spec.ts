import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

const FIXTURES = join(__dirname, 'fixtures', 'platforms');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

type Review = Record<string, unknown> & { id: string };

/**
 * What platforms give beside the review (issue 16): per-dimension scores, the seller's existing reply, the platform's
 * flags and videos land on the review, and are used: a low logistics score is the logistics cause's evidence, a
 * review replied to on the platform gets no automatic draft, the platform's fraud and complaint flags are risk signals.
 */
describe('platform review fields', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  const importJson = (shop: TestShop, name: string) =>
    t.http.post('/v1/reviews/import').set(shop.auth).set('Content-Type', 'application/json').send(fixture(name)).expect(200);

  const byExternalId = async (shop: TestShop): Promise<Map<string, Review>> => {
    const response = await t.http.get('/v1/reviews').query({ limit: 200 }).set(shop.auth).expect(200);
    return new Map((response.body.items as Review[]).map((item) => [item.externalId as string, item]));
  };

  const storedReplies = async (reviewId: string): Promise<{ created_by: string }[]> =>
    db.query('SELECT created_by FROM reply_drafts WHERE review_id = $1', [reviewId]);

  it('Kuaishou: scores, the seller reply and its time, anonymous, automatic, cheat and complaint status, videos', async () => {
    const shop = await t.createShop();
    await importJson(shop, 'kuaishou-comment.json');
    const reviews = await byExternalId(shop);
    expect(reviews.get('5500100200301')).toMatchObject({
      qualityScore: 4,
      logisticsScore: 1,
      serviceScore: 4,
      descriptionScore: null,
      sellerReply: null,
      repliedOnPlatform: false,
      anonymous: true,
      autoReview: false,
      platformCheat: false,
      platformComplaint: false,
      videoCount: null,
      hasVideo: false,
    });
    expect(reviews.get('5500100200302')).toMatchObject({
      sellerReply: '亲，建议按平时尺码拍大一码，不合适可以七天无理由退换。',
      sellerReplyAt: '2026-10-19T08:53:20.000Z',
      repliedOnPlatform: true,
      platformComplaint: true,
      videoCount: 1,
      hasVideo: true,
    });
    expect(reviews.get('5500100200303')).toMatchObject({ autoReview: true, platformCheat: true });
  });

  it('Pinduoduo, JD, Judge.me: description score, replies with their times', async () => {
    const shop = await t.createShop();
    await importJson(shop, 'pdd-review.json');
    await importJson(shop, 'jd-comment.json');
    await t.http
      .post('/v1/reviews/import')
      .set(shop.auth)
      .set('Content-Type', 'text/csv')
      .send(readFileSync(join(FIXTURES, 'judgeme.csv')))
      .expect(200);
    const reviews = await byExternalId(shop);
    expect(reviews.get('7700100200301')).toMatchObject({
      descriptionScore: 2,
      logisticsScore: 4,
      serviceScore: 3,
      sellerReply: null,
      repliedOnPlatform: false,
    });
    expect(reviews.get('7700100200302')).toMatchObject({ sellerReply: '谢谢支持，斩骨刀做得厚重一些更好用力。', repliedOnPlatform: true });
    expect(reviews.get('900100200301')).toMatchObject({
      sellerReply: '很抱歉给您带来困扰，已安排客服联系您换新。',
      sellerReplyAt: '2026-10-16T01:00:00.000Z',
      videoCount: 1,
    });
    const judgeMe = [...reviews.values()].find((review) => review.platform === 'shopify' && review.rating === 2);
    expect(judgeMe).toMatchObject({ sellerReply: 'Sorry about that, we sent you the longer strap.', sellerReplyAt: '2026-10-13T08:00:00.000Z' });
  });

  it('a vague text with a low logistics score gets the logistics cause, the score shown as its evidence', async () => {
    const shop = await t.createShop();
    await importJson(shop, 'kuaishou-comment.json');
    await t.analysed(shop);
    const vague = (await byExternalId(shop)).get('5500100200301')!;
    expect(vague.content).toBe('一般吧，没什么特别的。');
    expect(vague.tags).toEqual(['logistics']);
    expect(vague.tagEvidence).toEqual([{ tag: 'logistics', phrase: 'logisticsScore 1/5', source: 'platform_score', dimension: 'logistics', score: 1, max: 5 }]);
    // the same text without the score names no cause
    const [plain] = await t.postAnalysed(shop, [reviewInput({ platform: 'kuaishou', externalId: 'ks-plain', rating: 2, content: '一般吧，没什么特别的。' })]);
    const detail = await t.http.get(`/v1/reviews/${plain}`).set(shop.auth).expect(200);
    expect(detail.body.tags).toEqual(['other']);
  });

  it('a review replied to on the platform shows the reply and gets no automatic draft; a draft is written when asked', async () => {
    const shop = await t.createShop();
    await importJson(shop, 'kuaishou-comment.json');
    await t.analysed(shop);
    const reviews = await byExternalId(shop);
    const unreplied = reviews.get('5500100200301')!;
    const replied = reviews.get('5500100200302')!;
    expect(replied.grade).toBe('medium');
    // the drafting job of the import drafts the unreplied bad review, and leaves the replied one alone
    await eventually(async () => ((await storedReplies(unreplied.id)).length ? true : undefined), 20_000, 'the automatic draft');
    expect(await storedReplies(replied.id)).toEqual([]);

    const opened = await t.http.get(`/v1/reviews/${replied.id}/replies`).set(shop.auth).expect(200);
    expect(opened.body).toEqual({
      platformReply: { text: '亲，建议按平时尺码拍大一码，不合适可以七天无理由退换。', at: '2026-10-19T08:53:20.000Z' },
      current: null,
      history: [],
    });
    expect(await storedReplies(replied.id)).toEqual([]);
    const other = await t.http.get(`/v1/reviews/${unreplied.id}/replies`).set(shop.auth).expect(200);
    expect(other.body.platformReply).toBeNull();
    expect(other.body.current).not.toBeNull();

    const asked = await t.http.post(`/v1/reviews/${replied.id}/replies`).set(shop.auth).send({}).expect(201);
    expect(asked.body.status).toBe('draft');
    expect(await storedReplies(replied.id)).toHaveLength(1);
  });

  it("the platform's fraud and complaint flags are reviewer-risk signals with their own explanation", async () => {
    const shop = await t.createShop();
    const [flagged, complaining] = await t.postAnalysed(shop, [
      reviewInput({ platform: 'kuaishou', externalId: 'ks-cheat', buyerId: 'ks-buyer-1', rating: 1, content: '质量太差', platformCheat: true }),
      reviewInput({ platform: 'kuaishou', externalId: 'ks-complaint', buyerId: 'ks-buyer-2', rating: 1, content: '质量太差', platformComplaint: true }),
    ]);
    const signalsOf = async (reviewId: string) => {
      const review = await t.http.get(`/v1/reviews/${reviewId}`).set(shop.auth).expect(200);
      const reviewer = await t.http
        .get(`/v1/reviewers/${review.body.reviewer.id as string}`)
        .set(shop.auth)
        .expect(200);
      return { score: reviewer.body.riskScore as number, signals: reviewer.body.signals as { code: string; explanation: { en: string } }[] };
    };
    const fraud = await signalsOf(flagged);
    expect(fraud.signals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'platform_fraud_flag',
          explanation: expect.objectContaining({ en: expect.stringMatching(/platform marked 1 review/) }),
        }),
      ]),
    );
    const complaint = await signalsOf(complaining);
    expect(complaint.signals.map((s) => s.code)).toContain('platform_complaint');
    expect(complaint.signals.map((s) => s.code)).not.toContain('platform_fraud_flag');
    expect(fraud.score).toBeGreaterThan(complaint.score);
  });
});
