import { DataSource } from 'typeorm';
import { ReportWorkers } from '../src/reports/report-workers.service';
import { addDays, localDate } from '../src/common/time/local-time';
import { formatIsoWeek, isoWeekMonday, isoWeekOf, lastCompletedWeek, localMidnight } from '../src/reports/report-period';
import { ReportsService } from '../src/reports/reports.service';
import { compactGradeCounts } from '../src/reports/review-grade-counts';
import { untimedReview } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

/**
 * The weekly report against the real app and database. Reviews go in through the API; their tags are set
 * with SQL (the classifier fills them in the analysis job), after their analysis is done so that it cannot
 * overwrite them. Most tests report on 2026-W47 (16-22 November 2026), in the past on any date they run; what
 * stands for the current or a future period is computed from today.
 */
/** The ISO week `weeks` from the current one on the Shanghai calendar (the test shops' default zone), e.g. 2026-W50. */
const shanghaiWeek = (weeks = 0) => formatIsoWeek(isoWeekOf(addDays(localDate(new Date(), 'Asia/Shanghai'), 7 * weeks)));
/** A date `days` from today on the Shanghai calendar, YYYY-MM-DD. */
const shanghaiDay = (days: number) => addDays(localDate(new Date(), 'Asia/Shanghai'), days);

describe('reports', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  const review = untimedReview;
  const post = (shop: TestShop, items: Record<string, unknown>[]) => t.postAnalysed(shop, items);

  async function tag(id: string, tags: string[], subTags: string[] = [], evidence: { tag: string; phrase: string }[] | null = null): Promise<void> {
    await db.query(`UPDATE reviews SET tags = $2, sub_tags = $3, tag_evidence = $4, tag_source = 'model' WHERE id = $1`, [
      id,
      tags,
      subTags,
      evidence === null ? null : JSON.stringify(evidence),
    ]);
  }

  const weekly = async (shop: TestShop, query: string) => (await t.http.get(`/v1/reports/weekly?${query}`).set(shop.auth).expect(200)).body;

  describe('week boundaries', () => {
    it('counts Sunday 23:30 in Shanghai in its week, and Monday 00:10 in the next', async () => {
      const shop = await t.createShop('Shanghai shop');
      await post(shop, [
        review({ reviewedAt: '2026-11-22T23:30:00+08:00', rating: 1 }),
        review({ reviewedAt: '2026-11-23T00:10:00+08:00', rating: 1 }),
        review({ reviewedAt: '2026-11-16 00:00:00', rating: 5 }), // local time of the shop: the first instant of the week
        review({ reviewedAt: '2026-11-15T23:59:00+08:00', rating: 5 }),
      ]);
      const report = await weekly(shop, 'week=2026-W47');
      expect(report).toMatchObject({ kind: 'weekly', week: '2026-W47', from: '2026-11-16', to: '2026-11-22', timezone: 'Asia/Shanghai', stored: true });
      expect(report.periodStart).toBe('2026-11-15T16:00:00.000Z');
      expect(report.periodEnd).toBe('2026-11-22T16:00:00.000Z');
      expect(report.data.sections.summary.current).toMatchObject({ reviews: 2, good: 1, bad: 1, negative: 1, negativeRate: 0.5 });
      expect(report.data.sections.summary.previous).toMatchObject({ reviews: 1, good: 1 });
      expect(report.data.sections.summary.trend.map((p: { week: string }) => p.week)).toEqual([
        '2026-W40',
        '2026-W41',
        '2026-W42',
        '2026-W43',
        '2026-W44',
        '2026-W45',
        '2026-W46',
        '2026-W47',
      ]);
    });

    it('counts the week of a Los Angeles shop in its own zone', async () => {
      const shop = await t.createShop('LA shop', 'America/Los_Angeles', 'en');
      await post(shop, [
        review({ reviewedAt: '2026-11-22T23:30:00-08:00', rating: 2 }), // Monday 07:30 UTC
        review({ reviewedAt: '2026-11-16 00:15:00', rating: 4 }), // local time of the shop
        review({ reviewedAt: '2026-11-15T23:50:00-08:00', rating: 4 }),
      ]);
      const report = await weekly(shop, 'week=2026-W47');
      expect(report.periodStart).toBe('2026-11-16T08:00:00.000Z');
      expect(report.timezone).toBe('America/Los_Angeles');
      expect(report.data.sections.summary.current).toMatchObject({ reviews: 2, negative: 1 });
      expect(report.data.sections.summary.previous).toMatchObject({ reviews: 1, negative: 0 });
      const html = await t.http.get(`/v1/reports/${report.id}?format=html`).set(shop.auth).expect(200);
      expect(html.text).toContain('<html lang="en">');
      expect(html.text).toContain('Weekly root-cause report');
    });

    it('counts the week of a Kolkata shop, whose midnight falls in the middle of a UTC hour', async () => {
      const shop = await t.createShop('Kolkata shop', 'Asia/Kolkata', 'en');
      await post(shop, [
        review({ reviewedAt: '2026-11-15T23:50:00+05:30', rating: 5 }), // 18:20 UTC: the week before
        review({ reviewedAt: '2026-11-16T00:10:00+05:30', rating: 1 }), // 18:40 UTC, the same UTC hour: this week
        review({ reviewedAt: '2026-11-19T12:00:00+05:30', rating: 5 }),
        review({ reviewedAt: '2026-11-22T23:40:00+05:30', rating: 3 }), // 18:10 UTC: this week
        review({ reviewedAt: '2026-11-23T00:05:00+05:30', rating: 1 }), // 18:35 UTC, the same UTC hour: the next week
      ]);
      const report = await weekly(shop, 'week=2026-W47');
      expect(report.periodStart).toBe('2026-11-15T18:30:00.000Z');
      const { summary } = report.data.sections;
      expect(summary.current).toMatchObject({ reviews: 3, good: 1, medium: 1, bad: 1 });
      expect(summary.previous).toMatchObject({ reviews: 1, good: 1 });
      expect(summary.trend.slice(-2).map((p: { week: string; reviews: number }) => [p.week, p.reviews])).toEqual([
        ['2026-W46', 1],
        ['2026-W47', 3],
      ]);
    });
  });

  describe('review counts per hour (what the trend adds up)', () => {
    const counted = async (shopId: string) =>
      db.query(`SELECT hour, grade, sum(reviews)::int AS n FROM review_grade_counts WHERE shop_id = $1 GROUP BY 1, 2 HAVING sum(reviews) <> 0 ORDER BY 1, 2`, [
        shopId,
      ]);
    const actual = async (shopId: string) =>
      db.query(`SELECT date_trunc('hour', reviewed_at, 'UTC') AS hour, grade, count(*)::int AS n FROM reviews WHERE shop_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [
        shopId,
      ]);

    it('follow new reviews, a changed rating and a corrected posting time, and survive merging', async () => {
      const shop = await t.createShop('Counted shop');
      const first = review({ rating: 1, reviewedAt: '2026-11-17T10:05:00+08:00' });
      const second = review({ rating: 5, reviewedAt: '2026-11-17T10:40:00+08:00' });
      const third = review({ rating: 3, reviewedAt: '2026-11-18T09:00:00+08:00' });
      await post(shop, [first, second, third]);
      expect(await counted(shop.shopId)).toEqual([
        { hour: new Date('2026-11-17T02:00:00Z'), grade: 'bad', n: 1 },
        { hour: new Date('2026-11-17T02:00:00Z'), grade: 'good', n: 1 },
        { hour: new Date('2026-11-18T01:00:00Z'), grade: 'medium', n: 1 },
      ]);
      // revised: bad to good; the posting time corrected to another day; the same review again (no change)
      await post(shop, [{ ...first, rating: 5, content: '已解决' }, { ...third, reviewedAt: '2026-11-19T09:00:00+08:00' }, second]);
      expect(await counted(shop.shopId)).toEqual([
        { hour: new Date('2026-11-17T02:00:00Z'), grade: 'good', n: 2 },
        { hour: new Date('2026-11-19T01:00:00Z'), grade: 'medium', n: 1 },
      ]);
      expect(await counted(shop.shopId)).toEqual(await actual(shop.shopId));

      // the worker processes' sweep merges each hour into one row per grade, a bounded number of rows per statement
      expect(await compactGradeCounts(db, new Date(), 1)).toBe(1);
      expect(await counted(shop.shopId)).toEqual(await actual(shop.shopId));
      await t.app.get(ReportWorkers).mergeGradeCounts();
      const rows = await db.query(`SELECT hour, writer FROM review_grade_counts WHERE shop_id = $1`, [shop.shopId]);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row: { writer: number }) => row.writer === 0)).toBe(true);
      expect(await counted(shop.shopId)).toEqual(await actual(shop.shopId));
      // a review arriving late for a merged hour adds to it
      await post(shop, [review({ rating: 2, reviewedAt: '2026-11-17T10:30:00+08:00' })]);
      expect(await counted(shop.shopId)).toEqual(await actual(shop.shopId));
      // the week ended before the first review was revised to good: it counts as bad there
      expect((await weekly(shop, 'week=2026-W47')).data.sections.summary.current).toMatchObject({ reviews: 4, good: 1, medium: 1, bad: 2 });
      // the service never deletes a review, but the counts would follow; deleting the shop takes them with it
      await db.query(`DELETE FROM reviews WHERE shop_id = $1 AND grade = 'medium'`, [shop.shopId]);
      expect(await counted(shop.shopId)).toEqual(await actual(shop.shopId));
      await db.query(`DELETE FROM shops WHERE id = $1`, [shop.shopId]);
      expect(await db.query(`SELECT 1 FROM review_grade_counts WHERE shop_id = $1`, [shop.shopId])).toEqual([]);
    });

    it('stay right when one shop’s batches are written at once by several connections', async () => {
      const shop = await t.createShop('Busy shop');
      const batches = Array.from({ length: 6 }, (_, b) =>
        Array.from({ length: 20 }, (_, i) =>
          review({ rating: 1 + ((b + i) % 5), reviewedAt: `2026-11-18T1${i % 3}:${String(b * 7).padStart(2, '0')}:00+08:00` }),
        ),
      );
      await Promise.all(batches.map((items) => t.http.post('/v1/reviews/batch').set(shop.auth).send({ items }).expect(200)));
      expect(await counted(shop.shopId)).toEqual(await actual(shop.shopId));
      const [{ n }] = await db.query(`SELECT sum(reviews)::int AS n FROM review_grade_counts WHERE shop_id = $1`, [shop.shopId]);
      expect(n).toBe(120);
    });
  });

  it('reports an empty week with zeros in every format', async () => {
    const shop = await t.createShop('Empty shop');
    const report = await weekly(shop, 'week=2026-W47');
    const { summary, rootCauses, quality, logistics, service, reviewerRisk, funnel, quotes, actions } = report.data.sections;
    expect(summary.current).toEqual({ reviews: 0, good: 0, medium: 0, bad: 0, negative: 0, negativeRate: null, goodRate: null });
    expect(summary.trend.every((p: { reviews: number }) => p.reviews === 0)).toBe(true);
    expect(rootCauses).toMatchObject({ negative: 0, untagged: 0 });
    expect(rootCauses.tags.every((row: { reviews: number }) => row.reviews === 0)).toBe(true);
    expect(quality).toMatchObject({ complaints: 0, rows: [] });
    expect(logistics.rows).toEqual([]);
    expect(service.rows).toEqual([]);
    expect(reviewerRisk).toMatchObject({ flagged: 0, confirmed: 0, dismissed: 0 });
    expect(funnel.current).toMatchObject({ opened: 0, contacted: 0, medianSecondsToFirstContact: null, revisionRate: null });
    expect(funnel.compensation).toEqual([]);
    expect(quotes.causes).toEqual([]);
    expect(actions.items).toEqual([]);
    for (const format of ['csv', 'md', 'html']) {
      const file = await t.http.get(`/v1/reports/${report.id}?format=${format}`).set(shop.auth).expect(200);
      expect(file.text).not.toMatch(/NaN|undefined|Infinity/);
    }
  });

  it('reports a week with only good reviews', async () => {
    const shop = await t.createShop('Good shop');
    await post(
      shop,
      [4, 5, 5].map((rating) => review({ rating, reviewedAt: '2026-11-18T12:00:00+08:00', content: '很好' })),
    );
    const report = await weekly(shop, 'week=2026-W47');
    const { sections } = report.data;
    expect(sections.summary.current).toMatchObject({ reviews: 3, negative: 0, negativeRate: 0, goodRate: 1 });
    expect(sections.rootCauses.negative).toBe(0);
    expect(sections.quality.rows).toEqual([]);
    expect(sections.quotes.causes).toEqual([]);
    expect(sections.actions.items).toEqual([]);
  });

  it('counts a review as it stood at the end of the week', async () => {
    const shop = await t.createShop('Revised shop');
    const midWeek = review({ rating: 1, reviewedAt: '2026-11-17T10:00:00+08:00', content: '鞋子开胶了', sku: 'SHOE-1' });
    const afterWeek = review({ rating: 2, reviewedAt: '2026-11-18T10:00:00+08:00', content: '快递太慢，等了十天', carrier: '圆通速递' });
    const [midId, afterId] = await post(shop, [midWeek, afterWeek]);
    await tag(midId, ['quality'], ['defect_broken']);
    await tag(afterId, ['logistics'], ['slow_delivery'], [{ tag: 'logistics', phrase: '太慢' }]);
    // both buyers were won back and revised to 5 stars
    await post(shop, [
      { ...midWeek, rating: 5, content: '卖家给换了新的，很满意' },
      { ...afterWeek, rating: 5, content: '后来很快解决了' },
    ]);
    // the classifier finds no complaint in the new texts
    await tag(midId, []);
    await tag(afterId, []);
    const revisions = await db.query(`SELECT review_id, grade, tags, sub_tags FROM review_revisions WHERE shop_id = $1 ORDER BY review_id = $2 DESC`, [
      shop.shopId,
      midId,
    ]);
    expect(revisions).toEqual([
      expect.objectContaining({ review_id: midId, grade: 'bad', tags: ['quality'], sub_tags: ['defect_broken'] }),
      expect.objectContaining({ review_id: afterId, grade: 'bad', tags: ['logistics'], sub_tags: ['slow_delivery'] }),
    ]);
    // the first was revised on Thursday of that week; the second only after the week had ended (today)
    await db.query(`UPDATE review_revisions SET replaced_at = '2026-11-19T10:00:00+08:00' WHERE review_id = $1`, [midId]);

    const report = await weekly(shop, 'week=2026-W47');
    const { sections } = report.data;
    expect(sections.summary.current).toMatchObject({ reviews: 2, good: 1, bad: 1, negative: 1 });
    expect(sections.summary.recovered).toBe(1);
    expect(sections.rootCauses).toMatchObject({ negative: 1, untagged: 0 });
    expect(sections.rootCauses.tags.find((row: { tag: string }) => row.tag === 'logistics')).toMatchObject({
      reviews: 1,
      subTags: [expect.objectContaining({ subTag: 'slow_delivery' })],
    });
    expect(sections.rootCauses.tags.find((row: { tag: string }) => row.tag === 'quality').reviews).toBe(0);
    expect(sections.logistics.rows).toEqual([expect.objectContaining({ name: '圆通速递', complaints: 1 })]);
    // the quote is the text the week saw, not today's
    expect(sections.quotes.causes).toEqual([{ tag: 'logistics', quotes: [expect.objectContaining({ text: '快递太慢，等了十天', subTag: 'slow_delivery' })] }]);
    // the summary and the causes agree
    expect(sections.summary.current.negative).toBe(sections.rootCauses.negative);
  });

  it('counts a review revised several times by the version in force at the end of its week, in the trend too', async () => {
    const shop = await t.createShop('Twice revised shop');
    const after = review({ rating: 1, reviewedAt: '2026-11-17T10:00:00+08:00', content: '有破损' });
    const within = review({ rating: 2, reviewedAt: '2026-11-18T10:00:00+08:00', content: '发错颜色' });
    const [afterId, withinId] = await post(shop, [after, within]);
    // the first: to medium, then to good, both after the week; the second: to good on Thursday, back to bad after the week
    await post(shop, [
      { ...after, rating: 3, content: '换了一个' },
      { ...within, rating: 5, content: '补发了' },
    ]);
    await db.query(`UPDATE review_revisions SET replaced_at = '2026-11-19T10:00:00+08:00' WHERE review_id = $1`, [withinId]);
    await post(shop, [
      { ...after, rating: 5, content: '满意' },
      { ...within, rating: 1, content: '补发的也不对' },
    ]);
    const revisions = await db.query(
      `SELECT review_id, revision, grade, next_grade FROM review_revisions WHERE shop_id = $1 ORDER BY review_id = $2 DESC, revision`,
      [shop.shopId, afterId],
    );
    expect(revisions.map((r: { grade: string; next_grade: string }) => [r.grade, r.next_grade])).toEqual([
      ['bad', 'medium'],
      ['medium', 'good'],
      ['bad', 'good'],
      ['good', 'bad'],
    ]);
    const { summary } = (await weekly(shop, 'week=2026-W47')).data.sections;
    expect(summary.current).toMatchObject({ reviews: 2, good: 1, medium: 0, bad: 1 });
    expect(summary.recovered).toBe(1);
    expect(summary.trend.at(-1)).toMatchObject({ week: '2026-W47', reviews: 2, good: 1, bad: 1 });
  });

  it('places a review whose reviewedAt was corrected in its current week, as it stood at that week’s end', async () => {
    const shop = await t.createShop('Moved shop');
    const first = review({ rating: 1, reviewedAt: '2026-11-11T10:00:00+08:00', content: '质量差' }); // W46
    const [id] = await post(shop, [first]);
    await tag(id, ['quality'], ['defect_broken']);
    // corrected to a W45 date and revised to good; the correction reached the shop on Thursday of W46
    await post(shop, [{ ...first, rating: 5, reviewedAt: '2026-11-04T10:00:00+08:00', content: '换货后满意' }]);
    await db.query(`UPDATE review_revisions SET replaced_at = '2026-11-12T10:00:00+08:00' WHERE review_id = $1`, [id]);
    const w45 = (await weekly(shop, 'week=2026-W45')).data.sections;
    // at the end of W45 the review was still its first, bad version
    expect(w45.summary.current).toMatchObject({ reviews: 1, bad: 1 });
    expect(w45.rootCauses).toMatchObject({ negative: 1 });
    const w47 = (await weekly(shop, 'week=2026-W47')).data.sections;
    expect(w47.summary.trend.map((p: { week: string; reviews: number; bad: number }) => [p.week, p.reviews, p.bad]).slice(4, 7)).toEqual([
      ['2026-W44', 0, 0],
      ['2026-W45', 1, 1],
      ['2026-W46', 0, 0],
    ]);
  });

  it('counts a review with several causes once for each', async () => {
    const shop = await t.createShop('Multi-tag shop');
    const [both, quality] = await post(shop, [
      review({ rating: 1, reviewedAt: '2026-11-19T10:00:00+08:00', content: '发货太慢，而且衣服有色差' }),
      review({ rating: 3, reviewedAt: '2026-11-20T10:00:00+08:00', content: '色差有点大' }),
    ]);
    await tag(both, ['quality', 'logistics'], ['colour_difference', 'slow_delivery']);
    await tag(quality, ['quality'], ['colour_difference']);
    const { rootCauses } = (await weekly(shop, 'week=2026-W47')).data.sections;
    expect(rootCauses.negative).toBe(2);
    const byTag = Object.fromEntries(rootCauses.tags.map((row: { tag: string; reviews: number; share: number }) => [row.tag, [row.reviews, row.share]]));
    expect(byTag).toMatchObject({ quality: [2, 1], logistics: [1, 0.5], service: [0, 0] });
    expect(rootCauses.tags[0].subTags).toEqual([expect.objectContaining({ subTag: 'colour_difference', reviews: 2 })]);
  });

  it('marks a SKU widespread when early warning had its quality alert open in the week, and the rest isolated', async () => {
    const shop = await t.createShop('Quality shop');
    const at = '2026-11-18T10:00:00+08:00';
    const ids = await post(shop, [
      ...[1, 2, 3].map((i) =>
        review({ productId: 'p-w', sku: 'W-RED', productName: '连衣裙 红色', buyerId: `w${i}`, rating: 2, reviewedAt: at, content: '色差严重' }),
      ),
      review({ productId: 'p-i', sku: 'I-1', buyerId: 'i1', rating: 1, reviewedAt: at, content: '有个破洞' }),
      ...[1, 2, 3].map((i) => review({ productId: 'p-s', sku: 'S-1', buyerId: `s${i}`, rating: 2, reviewedAt: at, content: '有股怪味' })),
    ]);
    for (const id of ids.slice(0, 3)) await tag(id, ['quality'], ['colour_difference'], [{ tag: 'quality', phrase: '色差' }]);
    await tag(ids[3], ['quality'], ['defect_broken']);
    for (const id of ids.slice(4, 7)) await tag(id, ['quality'], ['smell']);
    // early warning's records (written by the detector in production): W-RED's quality alert opened in the week and
    // still open; S-1's resolved the week before, so its three buyers alone do not make it widespread
    const alert = (productId: string, openedAt: string, resolvedAt: string | null) =>
      db.query(
        `INSERT INTO alerts (shop_id, subject_type, subject, cause, status, method, opened_at, first_bad_at, resolved_at, evidence)
         VALUES ($1, 'sku', $2, 'quality', $3, 'beta-binomial', $4, $4::timestamptz - interval '6 hours', $5, $6)`,
        [shop.shopId, productId, resolvedAt ? 'resolved' : 'open', openedAt, resolvedAt, { windowReviews: 10, windowBad: 3, baselineRate: 0.03 }],
      );
    await alert('p-w', '2026-11-18T12:00:00+08:00', null);
    await alert('p-s', '2026-11-10T12:00:00+08:00', '2026-11-12T12:00:00+08:00');

    const report = await weekly(shop, 'week=2026-W47');
    const { sections } = report.data;
    const spread = Object.fromEntries(
      sections.quality.rows.map((row: { sku: string; spread: string; alerted: boolean }) => [row.sku, [row.spread, row.alerted]]),
    );
    expect(spread).toEqual({ 'W-RED': ['widespread', true], 'S-1': ['isolated', false], 'I-1': ['isolated', false] });
    expect(sections.quality).toMatchObject({ widespread: 1, isolated: 2 });
    expect(sections.quality.rows[0]).toMatchObject({ sku: 'W-RED', buyers: 3, complaints: 3, reviews: 3 });
    expect(sections.quality.alerts).toEqual([expect.objectContaining({ subjectType: 'sku', subject: 'p-w', cause: 'quality', hoursToDetection: 6 })]);
    expect(sections.actions.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ department: 'supply_chain', code: 'quality.widespread', params: expect.objectContaining({ sku: 'W-RED', buyers: 3 }) }),
        expect.objectContaining({ department: 'customer_service', code: 'quality.isolated', params: { skus: 2, reviews: 4 } }),
      ]),
    );
    // the rendered report says what widespread means
    const text = await t.http.get(`/v1/reports/${report.id}?format=md&lang=en`).set(shop.auth).expect(200);
    expect(text.text).toContain('Widespread: early warning had a quality (or all-cause) alert open on the SKU during the period');
  });

  it('routes logistics by carrier and service by agent, with the change on the previous week', async () => {
    const shop = await t.createShop('Routing shop');
    const ids = await post(shop, [
      review({ rating: 1, reviewedAt: '2026-11-10T10:00:00+08:00', carrier: '中通快递', serviceAgent: '小美' }),
      review({ rating: 1, reviewedAt: '2026-11-17T10:00:00+08:00', carrier: '中通快递', serviceAgent: '小美' }),
      review({ rating: 2, reviewedAt: '2026-11-18T10:00:00+08:00', carrier: '中通快递', serviceAgent: '阿强' }),
      review({ rating: 5, reviewedAt: '2026-11-18T11:00:00+08:00', carrier: '中通快递', serviceAgent: '阿强' }),
      review({ rating: 2, reviewedAt: '2026-11-19T10:00:00+08:00', carrier: '顺丰速运', serviceAgent: '小美' }),
    ]);
    await tag(ids[0], ['logistics'], ['damaged_parcel']);
    await tag(ids[1], ['logistics'], ['damaged_parcel']);
    await tag(ids[2], ['logistics', 'service'], ['damaged_parcel', 'attitude']);
    await tag(ids[4], ['service'], ['attitude']);
    const { logistics, service, rootCauses, actions } = (await weekly(shop, 'week=2026-W47')).data.sections;
    expect(logistics.rows).toEqual([
      expect.objectContaining({
        name: '中通快递',
        reviews: 3,
        complaints: 2,
        previous: 1,
        change: { abs: 1, pct: 1 },
        subTags: [{ subTag: 'damaged_parcel', reviews: 2 }],
      }),
    ]);
    expect(logistics.rows[0].rate).toBeCloseTo(2 / 3);
    expect(service.rows.map((row: { name: string; complaints: number }) => [row.name, row.complaints])).toEqual([
      ['小美', 1],
      ['阿强', 1],
    ]);
    expect(rootCauses.tags.find((row: { tag: string }) => row.tag === 'logistics')).toMatchObject({ reviews: 2, previous: 1 });
    expect(actions.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ department: 'logistics', code: 'logistics.complaints', params: expect.objectContaining({ name: '中通快递' }) }),
      ]),
    );
  });

  it('quotes buyers briefly with their personal data masked', async () => {
    const shop = await t.createShop('Quote shop');
    const [id] = await post(shop, [
      review({
        rating: 1,
        reviewedAt: '2026-11-18T10:00:00+08:00',
        buyerNick: '爱购物的小王',
        content: '爱购物的小王说：颜色和图片差太多了！加我微信 wxid_abc12345 或打13812345678，订单2026111812345678给个说法',
      }),
    ]);
    await tag(id, ['quality'], ['colour_difference'], [{ tag: 'quality', phrase: '差太多' }]);
    const { quotes } = (await weekly(shop, 'week=2026-W47')).data.sections;
    const text: string = quotes.causes[0].quotes[0].text;
    expect(text).toContain('差太多');
    for (const secret of ['小王', 'wxid_abc12345', '13812345678', '2026111812345678']) expect(text).not.toContain(secret);
    expect(Array.from(text).length).toBeLessThanOrEqual(60);
  });

  describe('recovery funnel', () => {
    const TZ = 'Asia/Shanghai';
    // the last completed week, whatever today is: its reviews are recent enough to open recovery cases
    const week = lastCompletedWeek(new Date(), TZ);
    const monday = isoWeekMonday(week);
    /** an instant at a local hour of a day of the reported week (day 0: Monday; -7: the Monday before) */
    const local = (day: number, hour: number) => new Date(localMidnight(addDays(monday, day), TZ).getTime() + hour * 3_600_000).toISOString();

    it('follows the cases opened in the week to its end: contacts, promises, revisions, compensation', async () => {
      const shop = await t.createShop('Funnel shop');
      const posted: Record<string, Record<string, unknown>> = {
        a: review({ rating: 1, reviewedAt: local(0, 10) }),
        b: review({ rating: 2, reviewedAt: local(0, 10) }),
        c: review({ rating: 1, reviewedAt: local(0, 10) }),
        d: review({ rating: 3, reviewedAt: local(0, 10) }),
        e: review({ rating: 1, reviewedAt: local(6, 19) }), // Sunday evening: its first-contact deadline is in the next week
        p1: review({ rating: 1, reviewedAt: local(-7, 10) }),
        p2: review({ rating: 2, reviewedAt: local(-7, 10) }),
      };
      const names = Object.keys(posted);
      const ids = await post(shop, Object.values(posted));
      const rows: { id: string; review_id: string }[] = await db.query(`SELECT id, review_id FROM recovery_cases WHERE shop_id = $1`, [shop.shopId]);
      const caseOf = Object.fromEntries(names.map((name, i) => [name, rows.find((row) => row.review_id === ids[i])?.id as string]));
      expect(Object.values(caseOf).every(Boolean)).toBe(true);
      // the cases opened an hour after their reviews were posted (the SLA is 24 hours), as if ingested then
      await db.query(
        `UPDATE recovery_cases SET opened_at = reviewed_at + interval '1 hour', first_contact_due_at = reviewed_at + interval '25 hours' WHERE shop_id = $1`,
        [shop.shopId],
      );
      const contact = async (name: string, body: Record<string, unknown>) =>
        t.http
          .post(`/v1/cases/${caseOf[name]}/contacts`)
          .set(shop.auth)
          .send({ channel: 'phone', ...body })
          .expect(201);
      const setStatus = async (name: string, status: string) =>
        t.http.post(`/v1/cases/${caseOf[name]}/status`).set(shop.auth).send({ status, reason: 'the buyer did not want to change the review' }).expect(200);

      // a: reached an hour after opening; on Tuesday a coupon and a promise; revised the review on Thursday
      await contact('a', { outcome: 'reached', at: local(0, 12) });
      await contact('a', {
        outcome: 'promised_revision',
        at: local(1, 15),
        compensation: { type: 'coupon', amount: 10 },
        promisedRevisionAt: addDays(monday, 3),
      });
      await post(shop, [{ ...posted.a, rating: 5, content: '卖家处理很及时，改成好评' }]);
      await eventually(
        async () => ((await db.query(`SELECT status FROM recovery_cases WHERE id = $1`, [caseOf.a]))[0].status === 'revised' ? true : undefined),
        15_000,
        'case a revised',
      );
      // b: no answer after 3 hours, then a refund on Tuesday
      await contact('b', { outcome: 'no_answer', at: local(0, 14) });
      await contact('b', { outcome: 'reached', at: local(1, 11), compensation: { type: 'refund', amount: 59.9 } });
      // c: first reached on Wednesday, 47 hours after opening (late), closed unrevised on Saturday
      await contact('c', { outcome: 'refused', at: local(2, 10) });
      await setStatus('c', 'closed_unrevised');
      // d: not contacted in the week; contacted today, with cash and a promise: none of it counts for the week
      await contact('d', {
        outcome: 'promised_revision',
        at: new Date(Date.now() - 60_000).toISOString(),
        promisedRevisionAt: addDays(localDate(new Date(), 'Asia/Shanghai'), 3),
        compensation: { type: 'cash', amount: 20 },
        override: { reason: 'the buyer asked to be called now' },
      });
      // the week before: p1 contacted and revised then; p2 only contacted this week, with a gift
      await contact('p1', { outcome: 'reached', at: local(-7, 12), compensation: { type: 'price_difference', amount: 5 } });
      await setStatus('p1', 'revised');
      await contact('p2', { outcome: 'reached', at: local(1, 16), compensation: { type: 'gift', amount: 5 } });
      // when those things happened: revisions and closures are stamped now, so move them back
      for (const [name, at] of [
        ['a', local(3, 12)],
        ['c', local(5, 11)],
        ['p1', local(-5, 9)],
      ] as const) {
        await db.query(`UPDATE recovery_cases SET closed_at = $2, revised_at = CASE WHEN status = 'revised' THEN $2::timestamptz END WHERE id = $1`, [
          caseOf[name],
          at,
        ]);
      }

      const report = await weekly(shop, `week=${formatIsoWeek(week)}`);
      expect(report.stored).toBe(true);
      const { funnel, actions } = report.data.sections;
      expect(funnel.current).toEqual({
        opened: 5,
        contacted: 3,
        contactedInSla: 2,
        slaMissed: 2,
        medianSecondsToFirstContact: 3 * 3600,
        promised: 1,
        revised: 1,
        closedUnrevised: 1,
        dismissed: 0,
        open: 3,
        contactRate: 0.6,
        revisionRate: 0.2,
      });
      expect(funnel.previous).toMatchObject({
        opened: 2,
        contacted: 1,
        promised: 0,
        revised: 1,
        open: 1,
        revisionRate: 0.5,
        medianSecondsToFirstContact: 3600,
      });
      expect(funnel.vsPrevious.revisionRate).toBeCloseTo(-0.3);
      expect(funnel.compensation).toEqual([
        { type: 'refund', currency: 'CNY', offers: 1, amount: 59.9, previousOffers: 0, previousAmount: 0 },
        { type: 'coupon', currency: 'CNY', offers: 1, amount: 10, previousOffers: 0, previousAmount: 0 },
        { type: 'gift', currency: 'CNY', offers: 1, amount: 5, previousOffers: 0, previousAmount: 0 },
        { type: 'price_difference', currency: 'CNY', offers: 0, amount: 0, previousOffers: 1, previousAmount: 5 },
      ]);
      expect(funnel.compensationTotals).toEqual([{ currency: 'CNY', offers: 3, amount: 74.9, previousOffers: 1, previousAmount: 5 }]);
      expect(actions.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            department: 'customer_service',
            code: 'funnel.first_contact_late',
            priority: 'high',
            params: { slaMissed: 2, due: 4, medianHoursToFirstContact: 3 },
          }),
        ]),
      );

      const csv = (await t.http.get(`/v1/reports/${report.id}?format=csv&lang=en`).set(shop.auth).expect(200)).text;
      expect(csv).toContain('[funnel] Recovery funnel');
      expect(csv).toContain('Cases opened,5,2,3');
      expect(csv).toContain('Revision rate,20%,50%,-30pp');
      expect(csv).toContain('Total,CNY,3,74.90,1,5.00');
      const md = (await t.http.get(`/v1/reports/${report.id}?format=md`).set(shop.auth).expect(200)).text;
      expect(md).toContain('## 挽回漏斗');
      expect(md).toContain('| 新开案件 | 5 | 2 | +3 |');
      const html = (await t.http.get(`/v1/reports/${report.id}?format=html`).set(shop.auth).expect(200)).text;
      expect(html).toContain('<svg class="chart chart-funnel"');
      expect(html).toContain('占新开案件 20.0%');
    });
  });

  describe('professional bad-reviewers', () => {
    const profileId = async (shop: TestShop, buyerId: string): Promise<string> => {
      const list = await t.http.get('/v1/reviewers').query({ buyerId }).set(shop.auth).expect(200);
      return list.body.items[0].id;
    };
    const decide = async (shop: TestShop, id: string, action: 'confirm' | 'dismiss' | 'reopen') =>
      (
        await t.http
          .post(`/v1/reviewers/${id}/${action}`)
          .set(shop.auth)
          .send({ reason: `${action} after checking the chat log` })
          .expect(200)
      ).body;

    // the decisions are made today: the report of the current week (not stored, not ended) counts them
    const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

    it('counts the buyers flagged, confirmed and dismissed in the week from the people’s decisions', async () => {
      const shop = await t.createShop('Risk shop');
      const at = anHourAgo();
      await post(shop, [
        review({ buyerId: 'tb_confirm_01', rating: 1, reviewedAt: at }),
        review({ buyerId: 'tb_dismiss_02', rating: 2, reviewedAt: at }),
        review({ buyerId: 'tb_undone_03', rating: 1, reviewedAt: at }),
        // asks to go off the platform and names a price for a better review: flagged by the risk step
        review({ buyerId: 'tb_flagged_04', rating: 1, reviewedAt: at, content: '东西有问题，加我微信 qw_55667788 私聊，不赔两百块就一直追评差评' }),
      ]);
      const flaggedId = await profileId(shop, 'tb_flagged_04');
      expect((await t.http.get(`/v1/reviewers/${flaggedId}`).set(shop.auth).expect(200)).body.status).toBe('flagged');
      const confirmed = await decide(shop, await profileId(shop, 'tb_confirm_01'), 'confirm');
      await decide(shop, await profileId(shop, 'tb_dismiss_02'), 'dismiss');
      const undone = await profileId(shop, 'tb_undone_03');
      await decide(shop, undone, 'confirm');
      await decide(shop, undone, 'reopen');

      const current = (await weekly(shop, `week=${shanghaiWeek()}`)).data.sections;
      expect(current.reviewerRisk).toMatchObject({ flagged: 1, confirmed: 1, dismissed: 1, more: 0 });
      expect(current.reviewerRisk.buyers).toEqual([
        expect.objectContaining({ buyer: 't***1', status: 'confirmed' }),
        expect.objectContaining({ buyer: 't***4', status: 'flagged', signals: expect.arrayContaining(['off_platform_contact']) }),
        expect.objectContaining({ buyer: 't***2', status: 'dismissed' }),
      ]);
      expect(current.actions.items.map((item: { code: string }) => item.code)).toEqual(expect.arrayContaining(['risk.flagged', 'risk.confirmed']));

      // the confirmation dates from last week and is undone today: last week still counts it, this week does not
      await db.query(`UPDATE reviewer_decisions SET decided_at = '2026-11-19T10:00:00+08:00' WHERE id = $1`, [confirmed.decision.id]);
      await decide(shop, confirmed.reviewer.id, 'reopen');
      const lastWeek = (await weekly(shop, 'week=2026-W47')).data.sections.reviewerRisk;
      expect(lastWeek).toMatchObject({ flagged: 0, confirmed: 1, dismissed: 0 });
      expect(lastWeek.buyers).toEqual([expect.objectContaining({ buyer: 't***1', status: 'confirmed', at: '2026-11-19T02:00:00+00:00' })]);
      expect((await weekly(shop, `week=${shanghaiWeek()}`)).data.sections.reviewerRisk).toMatchObject({ flagged: 1, confirmed: 0, dismissed: 1 });
    });

    it('counts a buyer flagged in the week and decided later as flagged in that week', async () => {
      const shop = await t.createShop('Risk history shop');
      await post(shop, [review({ buyerId: 'tb_later_05', rating: 1, reviewedAt: anHourAgo(), content: '质量差，加我QQ 88997766 私下谈，赔三百就删差评' })]);
      const id = await profileId(shop, 'tb_later_05');
      expect((await t.http.get(`/v1/reviewers/${id}`).set(shop.auth).expect(200)).body.status).toBe('flagged');
      // flagged on Friday of W47, dismissed today
      await db.query(`UPDATE reviewer_profiles SET flagged_at = '2026-11-20T15:00:00+08:00', flagged_review_at = '2026-11-20T15:00:00+08:00' WHERE id = $1`, [
        id,
      ]);
      await decide(shop, id, 'dismiss');
      expect((await weekly(shop, 'week=2026-W47')).data.sections.reviewerRisk).toMatchObject({ flagged: 1, confirmed: 0, dismissed: 0 });
      expect((await weekly(shop, `week=${shanghaiWeek()}`)).data.sections.reviewerRisk).toMatchObject({ flagged: 0, dismissed: 1 });
    });
  });

  describe('snapshots', () => {
    it('stores a report once, returns it again, and stores a new one on regenerate', async () => {
      const shop = await t.createShop('Snapshot shop');
      const other = await t.createShop('Other shop');
      await post(shop, [review({ rating: 1, reviewedAt: '2026-11-18T10:00:00+08:00' })]);
      const first = await weekly(shop, 'week=2026-W47');
      expect(first).toMatchObject({ stored: true, trigger: 'request', generatorVersion: expect.any(String) });
      const again = await weekly(shop, 'week=2026-W47');
      expect(again.id).toBe(first.id);
      expect(again.generatedAt).toBe(first.generatedAt);
      const regenerated = await weekly(shop, 'week=2026-W47&regenerate=true');
      expect(regenerated.id).not.toBe(first.id);
      expect(regenerated.trigger).toBe('regenerate');
      expect((await weekly(shop, 'week=2026-W47')).id).toBe(regenerated.id);

      const list = await t.http.get('/v1/reports').set(shop.auth).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([regenerated.id, first.id]);
      expect(list.body.items[0]).toMatchObject({
        kind: 'weekly',
        week: '2026-W47',
        from: '2026-11-16',
        to: '2026-11-22',
        reviews: 1,
        negative: 1,
        negativeRate: 1,
      });
      const page = await t.http.get('/v1/reports?limit=1').set(shop.auth).expect(200);
      expect(page.body.items).toHaveLength(1);
      const next = await t.http.get(`/v1/reports?limit=1&cursor=${page.body.nextCursor}`).set(shop.auth).expect(200);
      expect(next.body).toMatchObject({ items: [expect.objectContaining({ id: first.id })], nextCursor: null });
      expect((await t.http.get('/v1/reports?kind=range').set(shop.auth).expect(200)).body.items).toEqual([]);

      const byId = await t.http.get(`/v1/reports/${first.id}`).set(shop.auth).expect(200);
      expect(byId.body).toMatchObject({ id: first.id, data: first.data });
      const foreign = await t.http.get(`/v1/reports/${first.id}`).set(other.auth).expect(404);
      expect(foreign.body.code).toBe('REPORT_NOT_FOUND');
      expect((await t.http.get('/v1/reports').set(other.auth).expect(200)).body.items).toEqual([]);

      // announced through the outbox, with ids and counts only
      const events = await db.query(`SELECT type, report_id, payload FROM report_events WHERE shop_id = $1 ORDER BY created_at`, [shop.shopId]);
      expect(events.map((e: { type: string; report_id: string }) => [e.type, e.report_id])).toEqual([
        ['report.created', first.id],
        ['report.created', regenerated.id],
      ]);
      expect(events[0].payload).toMatchObject({ id: first.id, week: '2026-W47', trigger: 'request', counts: { reviews: 1, negative: 1 } });

      // immutable: the trigger refuses the UPDATE (55000), else the block fails
      await db.query(`DO $$ BEGIN
          UPDATE reports SET week = '2026-W01' WHERE id = '${first.id}';
          RAISE EXCEPTION 'a report was updated';
        EXCEPTION WHEN SQLSTATE '55000' THEN NULL;
        END $$`);
      expect((await t.http.get(`/v1/reports/${first.id}`).set(shop.auth).expect(200)).body.week).toBe('2026-W47');
    });

    it('answers a week that has not ended without storing it', async () => {
      const shop = await t.createShop('Current week shop');
      const week = shanghaiWeek();
      const response = await weekly(shop, `week=${week}`);
      expect(response).toMatchObject({ id: null, stored: false, week });
      expect(response.data.complete).toBe(false);
      const html = await t.http.get(`/v1/reports/weekly?week=${week}&format=html&lang=en`).set(shop.auth).expect(200);
      expect(html.text).toContain('This period has not ended');
      expect((await t.http.get('/v1/reports').set(shop.auth).expect(200)).body.items).toEqual([]);
    });

    it('reports a date range like the week it covers', async () => {
      const shop = await t.createShop('Range shop');
      await post(shop, [
        review({ rating: 1, reviewedAt: '2026-11-16T10:00:00+08:00' }),
        review({ rating: 5, reviewedAt: '2026-11-22T22:00:00+08:00' }),
        review({ rating: 5, reviewedAt: '2026-11-12T22:00:00+08:00' }),
      ]);
      const range = (await t.http.get('/v1/reports?from=2026-11-16&to=2026-11-22').set(shop.auth).expect(200)).body;
      const week = await weekly(shop, 'week=2026-W47');
      expect(range).toMatchObject({
        kind: 'range',
        week: null,
        from: '2026-11-16',
        to: '2026-11-22',
        stored: true,
        periodStart: week.periodStart,
        periodEnd: week.periodEnd,
      });
      expect(range.data.previous).toMatchObject({ from: '2026-11-09', to: '2026-11-15' });
      expect(range.data.sections.summary.current).toEqual(week.data.sections.summary.current);
      expect(range.data.sections.summary.previous.reviews).toBe(1);
      const again = (await t.http.get('/v1/reports?from=2026-11-16&to=2026-11-22').set(shop.auth).expect(200)).body;
      expect(again.id).toBe(range.id);
    });
  });

  describe('formats', () => {
    let shop: TestShop;
    let id: string;

    beforeAll(async () => {
      shop = await t.createShop('Format shop');
      const [reviewId] = await post(shop, [review({ rating: 1, reviewedAt: '2026-11-18T10:00:00+08:00', content: '色差太大了' })]);
      await tag(reviewId, ['quality'], ['colour_difference'], [{ tag: 'quality', phrase: '色差' }]);
      id = (await weekly(shop, 'week=2026-W47')).id;
    });

    it('csv: one sectioned file', async () => {
      const response = await t.http.get(`/v1/reports/weekly?week=2026-W47&format=csv`).set(shop.auth).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="report-2026-W47-zh.csv"');
      expect(response.headers['x-report-id']).toBe(id);
      expect(response.text.startsWith('\uFEFF')).toBe(true);
      expect(response.text).toContain('[rootCauses.causes] 问题原因');
      expect(response.text).toContain('质量问题,1,100,0,1');
    });

    it('md: headings and tables', async () => {
      const response = await t.http.get(`/v1/reports/${id}?format=md&lang=en`).set(shop.auth).expect(200);
      expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(response.text).toMatch(/^# Format shop · Weekly root-cause report/);
      expect(response.text).toContain('## Root causes');
      expect(response.text).toContain('| Quality | 1 | 100.0% | 0 | +1 |');
    });

    it('html: the shop’s locale unless lang says otherwise, and no external requests', async () => {
      const zh = await t.http.get(`/v1/reports/${id}?format=html`).set(shop.auth).expect(200);
      expect(zh.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(zh.headers['content-security-policy']).toContain("default-src 'none'");
      expect(zh.text).toContain('<html lang="zh-CN">');
      expect(zh.text).toContain('<svg class="chart chart-trend"');
      expect(zh.text).toContain('色差太大了');
      await t.http.patch('/v1/shop').set(shop.auth).send({ locale: 'en' }).expect(200);
      const stillStored = await t.http.get(`/v1/reports/${id}?format=html`).set(shop.auth).expect(200);
      expect(stillStored.text).toContain('<html lang="zh-CN">'); // the snapshot keeps the locale it was made in
      const fresh = await t.http.get(`/v1/reports/weekly?week=2026-W47&format=html&regenerate=true`).set(shop.auth).expect(200);
      expect(fresh.text).toContain('<html lang="en">');
      const forced = await t.http.get(`/v1/reports/${id}?format=html&lang=en`).set(shop.auth).expect(200);
      expect(forced.text).toContain('<html lang="en">');
      expect((await t.http.get('/v1/shop').set(shop.auth).expect(200)).body.locale).toBe('en');
    });
  });

  describe('bad input', () => {
    let shop: TestShop;
    beforeAll(async () => {
      shop = await t.createShop('Bad input shop');
    });

    it.each([
      ['/v1/reports/weekly?week=2026-47', 'week', 'isIsoWeek'],
      ['/v1/reports/weekly?week=2026-W54', 'week', 'isIsoWeek'],
      ['/v1/reports/weekly?week=2021-W53', 'week', 'isIsoWeek'],
      ['/v1/reports/weekly?week=2026-W47%27%3B--', 'week', 'isIsoWeek'],
      [`/v1/reports/weekly?week=${shanghaiWeek(1)}`, 'week', 'notStarted'],
      ['/v1/reports/weekly?week=2026-W47&format=pdf', 'format', 'isIn'],
      ['/v1/reports/weekly?week=2026-W47&lang=fr', 'lang', 'isIn'],
      ['/v1/reports/weekly?week=2026-W47&regenerate=yes', 'regenerate', 'isBoolean'],
      ['/v1/reports/weekly?week=2026-W47&extra=1', 'extra', 'whitelistValidation'],
      ['/v1/reports?from=2026-11-01', 'to', 'isDefined'],
      ['/v1/reports?to=2026-11-01', 'from', 'isDefined'],
      ['/v1/reports?from=2026-11-10&to=2026-11-01', 'to', 'dateOrder'],
      ['/v1/reports?from=2026-13-01&to=2026-12-01', 'from', 'isLocalDate'],
      ['/v1/reports?from=2024-01-01&to=2026-11-01', 'to', 'maxRange'],
      [`/v1/reports?from=${shanghaiDay(1)}&to=${shanghaiDay(7)}`, 'from', 'notStarted'],
      ['/v1/reports?from=2026-11-01&to=2026-11-07&limit=5', 'limit', 'listingOnly'],
      ['/v1/reports?format=csv', 'format', 'reportOnly'],
      ['/v1/reports?limit=0', 'limit', 'min'],
      ['/v1/reports?cursor=nonsense', 'cursor', 'invalidCursor'],
      ['/v1/reports/not-a-uuid', 'id', 'isUuid'],
    ])('GET %s is a 400 on %s (%s)', async (path, field, code) => {
      const response = await t.http.get(path).set(shop.auth).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field, code })] });
    });

    it('rejects settings out of bounds and takes null as the default', async () => {
      const bad = await t.http.patch('/v1/reports/settings').set(shop.auth).send({ actionMinComplaints: 0 }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'actionMinComplaints', code: 'min' })]);
      await t.http.patch('/v1/reports/settings').set(shop.auth).send({ quoteMaxChars: 'long' }).expect(400);
      // the buyer-count spread rule is gone: widespread is early warning's alerts (docs/alerts.md)
      const gone = await t.http.patch('/v1/reports/settings').set(shop.auth).send({ widespreadMinBuyers: 4 }).expect(400);
      expect(gone.body.errors).toEqual([expect.objectContaining({ field: 'widespreadMinBuyers' })]);
      const changed = await t.http.patch('/v1/reports/settings').set(shop.auth).send({ actionMinComplaints: 4, scheduleHour: 3 }).expect(200);
      expect(changed.body).toMatchObject({
        settings: { actionMinComplaints: 4, scheduleHour: 3 },
        overrides: { actionMinComplaints: 4, scheduleHour: 3 },
        defaults: { actionMinComplaints: 2 },
      });
      const reset = await t.http.patch('/v1/reports/settings').set(shop.auth).send({ actionMinComplaints: null }).expect(200);
      expect(reset.body).toMatchObject({ settings: { actionMinComplaints: 2, scheduleHour: 3 }, overrides: { scheduleHour: 3 } });
      expect((await t.http.get('/v1/reports/settings').set(shop.auth).expect(200)).body).toEqual(reset.body);
      await t.http.patch('/v1/shop').set(shop.auth).send({ locale: 'fr' }).expect(400);
    });
  });

  describe('the Monday schedule', () => {
    it('enqueues one job per due shop and stores one scheduled report per week', async () => {
      const shop = await t.createShop('Scheduled shop');
      await db.query(`UPDATE shops SET created_at = '2026-11-01T00:00:00Z' WHERE id = $1`, [shop.shopId]);
      await post(shop, [review({ rating: 2, reviewedAt: '2026-11-18T10:00:00+08:00' })]);
      const workers = t.app.get(ReportWorkers);
      const mondayMorning = new Date('2026-11-23T00:00:00Z'); // 08:00 in Shanghai
      expect(await workers.sweep(mondayMorning)).toBeGreaterThanOrEqual(1);
      const scheduled = await eventually(
        async () => {
          const rows = await db.query(`SELECT id, week, trigger, requested_by FROM reports WHERE shop_id = $1`, [shop.shopId]);
          return rows.length ? rows : undefined;
        },
        20_000,
        'the scheduled report',
      );
      expect(scheduled).toEqual([expect.objectContaining({ week: '2026-W47', trigger: 'scheduled', requested_by: 'scheduler' })]);
      // stored: the next sweeps enqueue nothing for this shop
      await workers.sweep(mondayMorning);
      await workers.sweep(new Date('2026-11-24T00:00:00Z'));
      expect((await db.query(`SELECT count(*)::int AS n FROM reports WHERE shop_id = $1`, [shop.shopId]))[0].n).toBe(1);
      // the API returns the scheduled snapshot
      expect((await weekly(shop, 'week=2026-W47')).id).toBe(scheduled[0].id);
    });

    it('stores one report when several workers run the same week at once', async () => {
      const shop = await t.createShop('Raced shop');
      const reports = t.app.get(ReportsService);
      const results = await Promise.all([1, 2, 3].map(() => reports.generateScheduled(shop.shopId, '2026-W46')));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const rows = await db.query(`SELECT trigger FROM reports WHERE shop_id = $1`, [shop.shopId]);
      expect(rows).toEqual([{ trigger: 'scheduled' }]);
      expect((await db.query(`SELECT count(*)::int AS n FROM report_events WHERE shop_id = $1`, [shop.shopId]))[0].n).toBe(1);
    });
  });
});
