import { DataSource } from 'typeorm';
import { addDays, localDate } from '../src/common/time/local-time';
import { formatIsoWeek, isoWeekMonday, isoWeekOf, lastCompletedWeek, localMidnight } from '../src/reports/report-period';
import { untimedReview } from './support/factories';
import { createTestApp, TestApp, TestShop } from './support/test-app';

const TZ = 'Asia/Shanghai';

/**
 * What the weekly report counts for a period besides the reviews themselves, against the real app: cases and
 * flags by their reviews' posting time, and quality spread without high-risk reviewers. Dates are relative to
 * today: the last completed week, whose reviews are recent enough to open recovery cases.
 */
describe('report: period basis and spread', () => {
  let t: TestApp;
  let db: DataSource;
  const week = lastCompletedWeek(new Date(), TZ);
  const monday = isoWeekMonday(week);
  /** an instant at a local hour of a day of the reported week (day 0: Monday; 7: the Monday after) */
  const local = (day: number, hour: number) => new Date(localMidnight(addDays(monday, day), TZ).getTime() + hour * 3_600_000).toISOString();

  beforeAll(async () => {
    t = await createTestApp({ recoverySweepIntervalMs: 0 });
    db = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  const review = untimedReview;
  const post = (shop: TestShop, items: Record<string, unknown>[]) => t.postAnalysed(shop, items);

  const weekly = async (shop: TestShop, query = `week=${formatIsoWeek(week)}&regenerate=true`) =>
    (await t.http.get(`/v1/reports/weekly?${query}`).set(shop.auth).expect(200)).body.data.sections;

  it('counts the cases of reviews synced after their week in that week’s funnel', async () => {
    const shop = await t.createShop('Late sync shop');
    // posted on Saturday and late on Sunday, and one the week before; all synced (and their cases opened) only now
    const [saturday] = await post(shop, [
      review({ rating: 1, reviewedAt: local(5, 10) }),
      review({ rating: 2, reviewedAt: local(6, 23) }),
      review({ rating: 1, reviewedAt: local(-2, 10) }),
    ]);
    const cases: { review_id: string; opened_at: Date }[] = await db.query(`SELECT review_id, opened_at FROM recovery_cases WHERE shop_id = $1`, [shop.shopId]);
    expect(cases).toHaveLength(3);
    expect(cases.every((c) => c.opened_at.getTime() >= Date.parse(local(7, 0)))).toBe(true);
    // a contact made now, after the week, is not part of the week's progress
    const [{ id: caseId }] = await db.query(`SELECT id FROM recovery_cases WHERE review_id = $1`, [saturday]);
    await t.http
      .post(`/v1/cases/${caseId}/contacts`)
      .set(shop.auth)
      .send({ channel: 'phone', outcome: 'reached', override: { reason: 'the buyer asked to be called now' } })
      .expect(201);

    const { funnel } = await weekly(shop);
    expect(funnel.current).toMatchObject({ opened: 2, contacted: 0, revised: 0, open: 2 });
    expect(funnel.previous).toMatchObject({ opened: 1, open: 1 });
  });

  it('counts a buyer flagged for a review synced after its week as flagged in that week', async () => {
    const shop = await t.createShop('Late flag shop');
    // asks to go off the platform and names a price for a better review: flagged by the risk step when synced, now
    await post(shop, [review({ buyerId: 'tb_late_flag_1', rating: 1, reviewedAt: local(4, 20), content: '质量差，加我QQ 88997766 私下谈，赔三百就删差评' })]);
    const list = await t.http.get('/v1/reviewers').query({ buyerId: 'tb_late_flag_1' }).set(shop.auth).expect(200);
    expect(list.body.items[0].status).toBe('flagged');
    const [profile] = await db.query(`SELECT flagged_at, flagged_review_at FROM reviewer_profiles WHERE shop_id = $1`, [shop.shopId]);
    expect(profile.flagged_review_at.toISOString()).toBe(local(4, 20));
    expect(profile.flagged_at.getTime()).toBeGreaterThan(Date.parse(local(7, 0)));

    expect((await weekly(shop)).reviewerRisk).toMatchObject({ flagged: 1, buyers: [expect.objectContaining({ buyer: 't***1', status: 'flagged' })] });
    const thisWeek = formatIsoWeek(isoWeekOf(localDate(new Date(), TZ)));
    expect((await weekly(shop, `week=${thisWeek}`)).reviewerRisk).toMatchObject({ flagged: 0 });
  });

  it('leaves a confirmed professional bad-reviewer out of a quality problem’s buyers', async () => {
    const shop = await t.createShop('Spread shop');
    const ids = await post(
      shop,
      // three texts: a text shared with a confirmed bad-reviewer is itself a risk signal
      ['色差严重', '颜色和图片差很多', '实物颜色偏暗，和详情页不一样'].map((content, i) =>
        review({ sku: 'R-1', buyerId: `tb_spread_${i}`, rating: 2, reviewedAt: local(2, 10), content }),
      ),
    );
    await db.query(`UPDATE reviews SET tags = '{quality}', sub_tags = '{colour_difference}' WHERE id = ANY($1::uuid[])`, [ids]);
    let { quality } = await weekly(shop);
    // widespread is early warning's alerts only: three buyers without an alert are isolated
    expect(quality.rows[0]).toMatchObject({ sku: 'R-1', spread: 'isolated', buyers: 3 });
    expect(quality.rows[0].subTags).toEqual([expect.objectContaining({ subTag: 'colour_difference', reviews: 3, buyers: 3, highRiskBuyers: 0 })]);

    const reviewer = (await t.http.get(`/v1/reviews/${ids[2]}`).set(shop.auth).expect(200)).body.reviewer;
    await t.http.post(`/v1/reviewers/${reviewer.id}/confirm`).set(shop.auth).send({ reason: 'asked for money to remove the review' }).expect(200);
    const sections = await weekly(shop);
    quality = sections.quality;
    expect(quality.rows[0]).toMatchObject({ sku: 'R-1', spread: 'isolated', complaints: 3, buyers: 3 });
    expect(quality.rows[0].subTags).toEqual([expect.objectContaining({ subTag: 'colour_difference', reviews: 3, buyers: 2, highRiskBuyers: 1 })]);
    expect(sections.actions.items.map((item: { code: string }) => item.code)).not.toContain('quality.widespread');
  });
});
