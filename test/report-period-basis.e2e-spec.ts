import { DataSource } from 'typeorm';
import { addDays } from '../src/common/time/local-time';
import { formatIsoWeek, isoWeekMonday, lastCompletedWeek, localMidnight } from '../src/reports/report-period';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

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

  /** a review without an order timeline, so any reviewedAt is valid */
  const review = (overrides: Record<string, unknown>) => reviewInput({ orderedAt: undefined, shippedAt: undefined, deliveredAt: undefined, ...overrides });

  async function post(shop: TestShop, items: Record<string, unknown>[]): Promise<string[]> {
    const response = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items }).expect(200);
    const results = response.body.results as { result: string; id: string }[];
    expect(results.every((r) => r.result !== 'rejected')).toBe(true);
    await eventually(async () => {
      const [row] = await db.query(`SELECT count(*)::int AS n FROM reviews WHERE shop_id = $1 AND analysis_status <> 'done'`, [shop.shopId]);
      return row.n === 0 ? true : undefined;
    }, 20_000, 'analysis');
    return results.map((r) => r.id);
  }

  const weekly = async (shop: TestShop, query = `week=${formatIsoWeek(week)}&regenerate=true`) =>
    (await t.http.get(`/v1/reports/weekly?${query}`).set(shop.auth).expect(200)).body.data.sections;

  it('leaves a confirmed professional bad-reviewer out of a quality problem’s spread', async () => {
    const shop = await t.createShop('Spread shop');
    const ids = await post(
      shop,
      // three texts: a text shared with a confirmed bad-reviewer is itself a risk signal
      ['色差严重', '颜色和图片差很多', '实物颜色偏暗，和详情页不一样'].map((content, i) => review({ sku: 'R-1', buyerId: `tb_spread_${i}`, rating: 2, reviewedAt: local(2, 10), content })),
    );
    await db.query(`UPDATE reviews SET tags = '{quality}', sub_tags = '{colour_difference}' WHERE id = ANY($1::uuid[])`, [ids]);
    let { quality } = await weekly(shop);
    expect(quality.rows[0]).toMatchObject({ sku: 'R-1', spread: 'widespread', buyers: 3 });

    const reviewer = (await t.http.get(`/v1/reviews/${ids[2]}`).set(shop.auth).expect(200)).body.reviewer;
    await t.http.post(`/v1/reviewers/${reviewer.id}/confirm`).set(shop.auth).send({ reason: 'asked for money to remove the review' }).expect(200);
    const sections = await weekly(shop);
    quality = sections.quality;
    expect(quality.rows[0]).toMatchObject({ sku: 'R-1', spread: 'isolated', complaints: 3, buyers: 3 });
    expect(quality.rows[0].subTags).toEqual([expect.objectContaining({ subTag: 'colour_difference', reviews: 3, buyers: 2, highRiskBuyers: 1, spread: 'isolated' })]);
    expect(sections.actions.items.map((item: { code: string }) => item.code)).not.toContain('quality.widespread');
  });
});
