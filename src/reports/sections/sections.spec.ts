import { DEFAULT_REPORT_SETTINGS } from '../report-settings';
import type { PeriodRef } from '../report.types';
import { collectActions } from './actions.section';
import { complaintsBy, logisticsSection, serviceSection } from './complaints-by.section';
import { PeriodAlertRow, qualityBySku, qualitySection, QualityComplaintRow } from './quality.section';
import { pickQuotes, QuoteCandidateRow } from './quotes.section';
import { reviewerRisk, reviewerRiskSection } from './reviewer-risk.section';
import { countCauses, rootCausesSection } from './root-causes.section';
import { summarize, summarySection } from './summary.section';

const settings = { ...DEFAULT_REPORT_SETTINGS };

const periods = (n: number): PeriodRef[] =>
  Array.from({ length: n }, (_, i) => ({ week: `2026-W${40 + i}`, from: `f${i}`, to: `t${i}`, start: `s${i}`, end: `e${i}` }));

describe('summary', () => {
  it('compares this period with the previous one and the average of the 4 before', () => {
    const rows = [
      { bucket: 3, reviews: 100, good: 90, medium: 5, bad: 5 },
      { bucket: 4, reviews: 100, good: 80, medium: 10, bad: 10 },
      { bucket: 5, reviews: 200, good: 180, medium: 10, bad: 10 },
      { bucket: 6, reviews: 100, good: 90, medium: 0, bad: 10 },
      { bucket: 7, reviews: 100, good: 90, medium: 5, bad: 5 },
      { bucket: 8, reviews: 50, good: 35, medium: 5, bad: 10 },
    ];
    const summary = summarize(rows, periods(8), 2);
    expect(summary.current).toEqual({ reviews: 50, good: 35, medium: 5, bad: 10, negative: 15, negativeRate: 0.3, goodRate: 0.7 });
    expect(summary.previous.negative).toBe(10);
    expect(summary.vsPrevious.negative).toEqual({ abs: 5, pct: 0.5 });
    expect(summary.vsPrevious.negativeRate).toBeCloseTo(0.2);
    // buckets 4-7: 500 reviews, 60 medium/bad -> mean 125 and 15 a period, rate pooled 12 %
    expect(summary.average.reviews).toBe(125);
    expect(summary.average.negative).toBe(15);
    expect(summary.average.negativeRate).toBeCloseTo(0.12);
    expect(summary.vsAverage.negativeRate).toBeCloseTo(0.18);
    expect(summary.recovered).toBe(2);
    expect(summary.trend.map((p) => p.reviews)).toEqual([0, 0, 100, 100, 200, 100, 100, 50]);
  });

  it('has no rates for an empty period, and zeros everywhere', () => {
    const summary = summarize([], periods(8), 0);
    expect(summary.current).toEqual({ reviews: 0, good: 0, medium: 0, bad: 0, negative: 0, negativeRate: null, goodRate: null });
    expect(summary.vsPrevious).toEqual({ reviews: { abs: 0, pct: null }, negative: { abs: 0, pct: null }, negativeRate: null, goodRate: null });
  });

  it('asks operations to act when the rate is clearly above the average', () => {
    const rows = [4, 5, 6, 7].map((bucket) => ({ bucket, reviews: 100, good: 95, medium: 2, bad: 3 }));
    rows.push({ bucket: 8, reviews: 100, good: 85, medium: 5, bad: 10 });
    const summary = summarize(rows, periods(8), 0);
    const items = summarySection.actions?.(summary, { settings, sections: {} }) ?? [];
    expect(items).toEqual([expect.objectContaining({ department: 'operations', priority: 'high', code: 'summary.rate_above_average' })]);
    expect(items[0].text.en).toContain('15.0%');
    expect(items[0].text.zh).toContain('15.0%');
    const calm = summarize(
      [4, 5, 6, 7, 8].map((bucket) => ({ bucket, reviews: 100, good: 95, medium: 2, bad: 3 })),
      periods(8),
      0,
    );
    expect(summarySection.actions?.(calm, { settings, sections: {} })).toEqual([]);
  });
});

describe('root causes', () => {
  it('counts a review once for each of its tags, so shares add up to more than 100 %', () => {
    const causes = countCauses([
      { bucket: 0, tags: ['quality', 'logistics'], subTags: ['colour_difference', 'slow_delivery'], n: 2 },
      { bucket: 0, tags: ['quality'], subTags: ['colour_difference'], n: 1 },
      { bucket: 0, tags: [], subTags: [], n: 1 },
    ]);
    expect(causes.negative).toBe(4);
    expect(causes.untagged).toBe(1);
    const quality = causes.tags.find((t) => t.tag === 'quality');
    const logistics = causes.tags.find((t) => t.tag === 'logistics');
    expect(quality).toMatchObject({ reviews: 3, share: 0.75 });
    expect(logistics).toMatchObject({ reviews: 2, share: 0.5 });
    expect(causes.tags.reduce((sum, t) => sum + (t.share ?? 0), 0)).toBeGreaterThan(1);
    expect(quality?.subTags).toEqual([expect.objectContaining({ subTag: 'colour_difference', reviews: 3 })]);
    expect(logistics?.subTags).toEqual([expect.objectContaining({ subTag: 'slow_delivery', reviews: 2 })]);
  });

  it('counts a sub-tag only under its own tag, and a tag without sub-tag as unspecified', () => {
    const causes = countCauses([{ bucket: 0, tags: ['service', 'quality'], subTags: ['slow_delivery', 'attitude', 'attitude'], n: 1 }]);
    expect(causes.tags.find((t) => t.tag === 'service')?.subTags).toEqual([expect.objectContaining({ subTag: 'attitude', reviews: 1 })]);
    expect(causes.tags.find((t) => t.tag === 'quality')?.subTags).toEqual([expect.objectContaining({ subTag: null, reviews: 1 })]);
    expect(causes.tags.find((t) => t.tag === 'logistics')).toMatchObject({ reviews: 0, subTags: [] });
  });

  it('compares with the previous period and lists every tag, most first', () => {
    const causes = countCauses([
      { bucket: 0, tags: ['logistics'], subTags: ['damaged_parcel'], n: 5 },
      { bucket: -1, tags: ['logistics'], subTags: ['damaged_parcel'], n: 2 },
      { bucket: -1, tags: ['price'], subTags: ['price_drop'], n: 4 },
    ]);
    expect(causes.tags.map((t) => t.tag)).toEqual(['logistics', 'price', 'quality', 'service', 'other']);
    expect(causes.tags[0]).toMatchObject({ reviews: 5, previous: 2, change: { abs: 3, pct: 1.5 } });
    expect(causes.tags[1]).toMatchObject({ reviews: 0, previous: 4, share: 0, previousShare: 4 / 6 });
  });

  it('sends price complaints to operations', () => {
    const causes = countCauses([{ bucket: 0, tags: ['price'], subTags: ['price_drop'], n: 3 }]);
    expect(rootCausesSection.actions?.(causes, { settings, sections: {} })).toEqual([
      expect.objectContaining({ department: 'operations', code: 'price.complaints', params: expect.objectContaining({ subTag: 'price_drop', reviews: 3 }) }),
    ]);
  });
});

describe('quality by SKU', () => {
  const row = (sku: string, buyer: string, subTags: string[], n = 1, bucket = 0, highRisk = false): QualityComplaintRow => ({
    bucket,
    productId: `p-${sku}`,
    sku,
    buyer: bucket === 0 ? buyer : null,
    highRisk: bucket === 0 ? highRisk : null,
    subTags: bucket === 0 ? subTags : null,
    n,
  });
  const total = (sku: string, n: number) => ({ productId: `p-${sku}`, sku, productName: 'T恤', n });
  const alert = (sku: string, cause = 'quality', subjectType = 'sku'): PeriodAlertRow => ({
    id: `alert-${sku}-${cause}`,
    subjectType,
    subject: `p-${sku}`,
    cause,
    method: 'beta-binomial',
    openedAt: '2026-11-18T10:00:00.000Z',
    firstBadAt: '2026-11-18T04:00:00.000Z',
    resolvedAt: null,
    windowReviews: 12,
    windowBad: 5,
    baselineRate: 0.03,
    openedInPeriod: true,
  });

  it("is widespread by early warning's definition only: the SKU's quality or all-cause alert was open in the period", () => {
    const complaints = [row('A', 'b1', ['colour_difference']), row('A', 'b2', ['colour_difference']), row('A', 'b3', ['colour_difference'])];
    complaints.push(row('B', 'b4', ['defect_broken']), row('C', 'b5', ['smell']), row('D', 'b6', ['smell']), row('E', 'b7', ['smell']));
    const alerts = [alert('B'), alert('C', 'any'), alert('D', 'logistics'), alert('E', 'quality', 'carrier')];
    const quality = qualityBySku(complaints, [total('A', 40), total('B', 40)], settings, alerts);
    const spread = Object.fromEntries(quality.rows.map((r) => [r.sku, [r.spread, r.alerted]]));
    // three buyers with one sub-cause and no alert are isolated: no second rule beside the alerts
    expect(spread).toEqual({
      A: ['isolated', false],
      B: ['widespread', true],
      C: ['widespread', true],
      D: ['isolated', false],
      E: ['isolated', false],
    });
    expect(quality).toMatchObject({ complaints: 7, skuCount: 5, widespread: 2, isolated: 3 });
    expect(quality.rows[0].sku).toBe('B');
    expect(quality.rows.find((r) => r.sku === 'A')).toMatchObject({ buyers: 3, complaints: 3, reviews: 40 });
    expect(quality.rows.find((r) => r.sku === 'A')!.subTags).toEqual([expect.objectContaining({ subTag: 'colour_difference', buyers: 3, reviews: 3 })]);
    expect(quality.alerts).toEqual(alerts.map((a) => expect.objectContaining({ subject: a.subject, cause: a.cause, hoursToDetection: 6 })));
  });

  it('counts one buyer once however many reviews they wrote, and a review without buyer as its own buyer', () => {
    const quality = qualityBySku(
      [row('A', 'b1', ['size_fit'], 3), row('A', 'review:r1', ['size_fit']), row('A', 'review:r2', ['size_fit'])],
      [total('A', 100)],
      settings,
    );
    expect(quality.rows[0]).toMatchObject({ complaints: 5, buyers: 3, spread: 'isolated' });
    const single = qualityBySku([row('A', 'b1', ['size_fit'], 6)], [total('A', 6)], settings);
    expect(single.rows[0]).toMatchObject({ complaints: 6, buyers: 1, share: 1 });
  });

  it.each([
    ['one of three buyers is high-risk', [false, false, true], 2, 1],
    ['three genuine buyers and a high-risk one', [false, false, false, true], 3, 1],
  ] as const)('leaves high-risk reviewers out of the buyers: %s', (_name, highRisk, buyers, highRiskBuyers) => {
    const complaints = highRisk.map((risky, i) => row('A', `b${i}`, ['colour_difference'], 1, 0, risky));
    const quality = qualityBySku(complaints, [total('A', 40)], settings);
    expect(quality.rows[0]).toMatchObject({ complaints: highRisk.length, buyers: highRisk.length });
    expect(quality.rows[0].subTags).toEqual([expect.objectContaining({ subTag: 'colour_difference', reviews: highRisk.length, buyers, highRiskBuyers })]);
  });

  it('keeps the previous period for the change and lists only SKUs with complaints now', () => {
    const quality = qualityBySku([row('A', 'b1', ['smell']), row('A', 'b9', ['smell'], 4, -1), row('C', 'b8', ['smell'], 2, -1)], [total('A', 10)], settings);
    expect(quality.rows).toHaveLength(1);
    expect(quality.rows[0]).toMatchObject({ sku: 'A', previous: 4, change: { abs: -3 } });
  });

  it('lists at most tableRows SKUs, widespread first', () => {
    const complaints = Array.from({ length: 12 }, (_, i) => row(`S${i}`, `b${i}`, ['defect_broken'], 12 - i));
    complaints.push(row('W', 'x1', ['packaging']));
    const quality = qualityBySku(complaints, [], { ...settings, tableRows: 5 }, [alert('W')]);
    expect(quality.rows.map((r) => r.sku)).toEqual(['W', 'S0', 'S1', 'S2', 'S3']);
    expect(quality.more).toBe(8);
    // without a total, the SKU's reviews are at least its complaints
    expect(quality.rows[1].reviews).toBe(12);
  });

  it('routes widespread problems to supply chain, led by the sub-cause most buyers report, and isolated ones to customer service', () => {
    const quality = qualityBySku(
      [
        row('A', 'b1', ['colour_difference']),
        row('A', 'b2', ['colour_difference']),
        row('A', 'b3', ['colour_difference']),
        row('A', 'b5', ['smell']),
        row('B', 'b4', ['defect_broken']),
      ],
      [total('A', 4), total('B', 1)],
      settings,
      [alert('A')],
    );
    const items = qualitySection.actions?.(quality, { settings, sections: {} }) ?? [];
    expect(items).toEqual([
      expect.objectContaining({
        department: 'supply_chain',
        priority: 'high',
        code: 'quality.widespread',
        params: expect.objectContaining({ sku: 'A', buyers: 3, subTag: 'colour_difference', otherSubTags: 1 }),
      }),
      expect.objectContaining({ department: 'customer_service', code: 'quality.isolated', params: { skus: 1, reviews: 1 } }),
    ]);
    expect(items[0].text.en).toBe(
      'SKU A (T恤): 3 buyers report colour difference (3 medium/bad reviews); also smell (1) - check the product photos against the goods and the supplier lot',
    );
    expect(items[0].text.zh).toContain('3 位买家反映「色差」');
  });
});

describe('logistics by carrier and service by agent', () => {
  it('counts complaints and their rate by carrier, with the change', () => {
    const logistics = complaintsBy(
      [
        { bucket: 0, name: '中通快递', reviews: 50, negative: 8, complaints: 6 },
        { bucket: -1, name: '中通快递', reviews: 0, negative: 2, complaints: 2 },
        { bucket: 0, name: '顺丰速运', reviews: 30, negative: 1, complaints: 0 },
        { bucket: 0, name: null, reviews: 5, negative: 2, complaints: 2 },
      ],
      [
        { name: '中通快递', subTags: ['damaged_parcel'], n: 4 },
        { name: '中通快递', subTags: ['slow_delivery', 'attitude'], n: 2 },
      ],
      'logistics',
      10,
    );
    expect(logistics).toMatchObject({ complaints: 8, previous: 2, groupCount: 2 });
    expect(logistics.rows[0]).toMatchObject({ name: '中通快递', reviews: 50, complaints: 6, rate: 0.12, previous: 2, change: { abs: 4 } });
    expect(logistics.rows[0].subTags).toEqual([
      { subTag: 'damaged_parcel', reviews: 4 },
      { subTag: 'slow_delivery', reviews: 2 },
    ]);
    expect(logistics.rows[1]).toMatchObject({ name: null, complaints: 2 });
    const items = logisticsSection.actions?.(logistics, { settings, sections: {} }) ?? [];
    expect(items.map((i) => [i.department, i.priority, i.code])).toEqual([
      ['logistics', 'high', 'logistics.complaints'],
      ['logistics', 'medium', 'logistics.unattributed'],
    ]);
    expect(items[0].text.en).toContain('mostly damaged parcel (4)');
    expect(items[0].text.zh).toContain('加固包装');
  });

  it('gives an agent with complaints an item for the CS lead', () => {
    const service = complaintsBy(
      [{ bucket: 0, name: 'agent-7', reviews: 20, negative: 4, complaints: 3 }],
      [{ name: 'agent-7', subTags: ['attitude'], n: 3 }],
      'service',
      10,
    );
    const items = serviceSection.actions?.(service, { settings, sections: {} }) ?? [];
    expect(items).toEqual([expect.objectContaining({ department: 'customer_service', code: 'service.complaints' })]);
    expect(items[0].text.en).toBe(
      'Agent agent-7: 3 service complaints this period (0 before), mostly attitude (3) - review the chats; a supervisor follows up and coaches',
    );
    expect(serviceSection.actions?.(service, { settings: { ...settings, actionMinComplaints: 4 }, sections: {} })).toEqual([]);
  });
});

describe('reviewer risk', () => {
  it('counts decisions of the period and masks buyers', () => {
    const risk = reviewerRisk(
      [
        {
          buyerId: 'tb_extortion_01',
          platform: 'taobao',
          status: 'flagged',
          riskScore: 81.5,
          riskLevel: 'high',
          signals: ['compensation_demand', 'off_platform_contact', 'template_text', 'x'],
          at: '2026-11-18T02:00:00Z',
        },
        { buyerId: 'buyer-2', platform: 'jd', status: 'confirmed', riskScore: 90, riskLevel: 'high', signals: [], at: '2026-11-19T02:00:00Z' },
        { buyerId: 'buyer-3', platform: 'jd', status: 'dismissed', riskScore: 40, riskLevel: 'medium', signals: [], at: '2026-11-20T02:00:00Z' },
      ],
      10,
    );
    expect(risk).toMatchObject({ flagged: 1, confirmed: 1, dismissed: 1, more: 0 });
    expect(risk.buyers.map((b) => [b.status, b.buyer])).toEqual([
      ['confirmed', 'b***2'],
      ['flagged', 't***1'],
      ['dismissed', 'b***3'],
    ]);
    expect(risk.buyers[1].signals).toHaveLength(3);
    expect(reviewerRiskSection.actions?.(risk, { settings, sections: {} }).map((i) => i.code)).toEqual(['risk.flagged', 'risk.confirmed']);
  });
});

describe('quotes', () => {
  const candidate = (over: Partial<QuoteCandidateRow>): QuoteCandidateRow => ({
    tag: 'quality',
    rating: 1,
    sku: 'A',
    productId: 'p1',
    productName: 'T恤',
    subTags: ['colour_difference'],
    content: '颜色和图片差太多了',
    followUp: null,
    evidence: null,
    known: [],
    date: '2026-11-18',
    ...over,
  });

  it('prefers quotes that show the evidence, one per SKU first, masked', () => {
    const quotes = pickQuotes(
      [
        candidate({ content: '一般般', rating: 1 }),
        candidate({
          content: '包装不错。色差严重，加我微信wxid_abc123退款。',
          rating: 2,
          evidence: [{ tag: 'quality', subTag: 'colour_difference', phrase: '色差' }],
          sku: 'B',
        }),
        candidate({ content: '色差明显', rating: 2, evidence: [{ tag: 'quality', phrase: '色差' }] }),
        candidate({ content: '', followUp: '' }),
      ],
      { quotesPerCause: 2, quoteMaxChars: 60 },
    );
    expect(quotes.causes).toHaveLength(1);
    expect(quotes.causes[0].quotes.map((q) => q.text)).toEqual(['色差严重，加我微信***退款。', '色差明显']);
    expect(quotes.causes[0].quotes[0]).toMatchObject({ subTag: 'colour_difference', sku: 'B', rating: 2, date: '2026-11-18' });
  });

  it('quotes the follow-up when the evidence is there, and skips empty texts', () => {
    const quotes = pickQuotes(
      [candidate({ tag: 'logistics', content: '还行', followUp: '追评：快递太慢了，一周才到', evidence: [{ tag: 'logistics', phrase: '太慢' }], subTags: [] })],
      { quotesPerCause: 3, quoteMaxChars: 60 },
    );
    expect(quotes.causes[0].quotes[0]).toMatchObject({ text: '追评：快递太慢了，一周才到', subTag: null });
    expect(pickQuotes([candidate({ content: '', followUp: null })], { quotesPerCause: 3, quoteMaxChars: 60 }).causes).toEqual([]);
  });
});

describe('actions', () => {
  it('collects every section’s items by department, then priority', () => {
    const logistics = complaintsBy([{ bucket: 0, name: 'YTO', reviews: 10, negative: 3, complaints: 3 }], [], 'logistics', 10);
    const quality = qualityBySku(
      [1, 2, 3].map((i) => ({ bucket: 0, productId: 'p', sku: 'A', buyer: `b${i}`, highRisk: false, subTags: ['smell'], n: 1 })),
      [],
      settings,
      [
        {
          id: 'a1',
          subjectType: 'sku',
          subject: 'p',
          cause: 'quality',
          method: 'cusum',
          openedAt: '2026-11-18T10:00:00.000Z',
          firstBadAt: '2026-11-17T10:00:00.000Z',
          resolvedAt: null,
          windowReviews: 20,
          windowBad: 3,
          baselineRate: 0.02,
          openedInPeriod: false,
        },
      ],
    );
    const actions = collectActions([logisticsSection, qualitySection], { settings, sections: { logistics, quality } });
    expect(actions.items.map((i) => i.department)).toEqual(['supply_chain', 'logistics']);
    expect(collectActions([logisticsSection], { settings, sections: {} }).items).toEqual([]);
  });
});
