import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

const DAY = 86_400_000;

/** Recovery contacts feed the reviewer's risk score (issue 6 -> issue 4). */
describe('contact outcomes and reviewer risk', () => {
  let t: TestApp;
  let shop: TestShop;

  beforeAll(async () => {
    t = await createTestApp({ recoverySweepIntervalMs: 0 });
    shop = await t.createShop('Contact outcomes shop');
  });
  afterAll(async () => t.close());

  async function caseFor(reviewId: string): Promise<{ id: string }> {
    return eventually(
      async () => {
        const list = await t.http.get(`/v1/cases?reviewId=${reviewId}`).set(shop.auth).expect(200);
        return list.body.items[0];
      },
      15_000,
      'a case',
    );
  }

  async function reviewer(reviewId: string): Promise<{ riskScore: number; signals: Array<{ code: string }> }> {
    const review = await t.http.get(`/v1/reviews/${reviewId}`).set(shop.auth).expect(200);
    return (await t.http.get(`/v1/reviewers/${review.body.reviewer.id}`).set(shop.auth).expect(200)).body;
  }

  it('a demand far above the order raises the score with its own signal; cooperation lowers it', async () => {
    const yesterday = new Date(Date.now() - DAY + 8 * 3_600_000).toISOString().slice(0, 10);
    const demanding = (
      await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send(reviewInput({ buyerId: 'demanding-buyer', rating: 1, orderAmount: 59.9 }))
        .expect(201)
    ).body.review.id;
    const calm = (
      await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send(reviewInput({ buyerId: 'calm-buyer', rating: 1, orderAmount: 59.9 }))
        .expect(201)
    ).body.review.id;
    const demandingCase = await caseFor(demanding);
    const calmCase = await caseFor(calm);
    const before = await reviewer(demanding);
    const calmBefore = await reviewer(calm);

    await t.http
      .post(`/v1/cases/${demandingCase.id}/contacts`)
      .set(shop.auth)
      .send({ channel: 'phone', outcome: 'demanded_compensation', demandedAmount: 3000, at: `${yesterday} 10:00:00` })
      .expect(201);
    await t.http
      .post(`/v1/cases/${calmCase.id}/contacts`)
      .set(shop.auth)
      .send({ channel: 'phone', outcome: 'reached', at: `${yesterday} 10:00:00` })
      .expect(201);

    const after = await reviewer(demanding);
    expect(after.signals.map((s) => s.code)).toContain('contact_excess_demand');
    expect(after.riskScore).toBeGreaterThan(before.riskScore);
    const calmAfter = await reviewer(calm);
    expect(calmAfter.signals.map((s) => s.code)).toContain('contact_cooperative');
    expect(calmAfter.riskScore).toBeLessThanOrEqual(calmBefore.riskScore);
  });
});
