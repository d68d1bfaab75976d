import { renderReport } from '../report-engine';
import { periodsEndingWith, weekPeriod } from '../report-period';
import { DEFAULT_REPORT_SETTINGS } from '../report-settings';
import { periodRef, REPORT_GENERATOR_VERSION, ReportData } from '../report.types';
import { REPORT_SECTIONS } from '../sections';
import { collectActions } from '../sections/actions.section';
import { complaintsBy } from '../sections/complaints-by.section';
import { recoveryFunnel } from '../sections/funnel.section';
import { qualityBySku } from '../sections/quality.section';
import { pickQuotes } from '../sections/quotes.section';
import { reviewerRisk } from '../sections/reviewer-risk.section';
import { countCauses } from '../sections/root-causes.section';
import { summarize } from '../sections/summary.section';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { escapeMarkdown, renderMarkdown } from './markdown';
import { funnelChartSvg, niceStep } from './svg-charts';

function fixture(overrides: { empty?: boolean; complete?: boolean } = {}): ReportData {
  const settings = { ...DEFAULT_REPORT_SETTINGS };
  const period = weekPeriod({ year: 2026, week: 47 }, 'Asia/Shanghai');
  const trend = periodsEndingWith(period, 8).map(periodRef);
  const data: ReportData = {
    generatorVersion: REPORT_GENERATOR_VERSION,
    kind: 'weekly',
    shop: { id: '00000000-0000-4000-8000-000000000001', name: 'Shop <b>&', timezone: 'Asia/Shanghai', locale: 'zh' },
    period: trend[7],
    previous: trend[6],
    trend,
    complete: overrides.complete ?? true,
    generatedAt: '2026-11-23T00:00:00.000Z',
    settings,
    sectionOrder: REPORT_SECTIONS.map((b) => b.key),
    sections: {},
  };
  if (overrides.empty) {
    data.sections = {
      summary: summarize([], trend, 0),
      rootCauses: countCauses([]),
      quality: qualityBySku([], [], settings),
      logistics: complaintsBy([], [], 'logistics', 10),
      service: complaintsBy([], [], 'service', 10),
      reviewerRisk: reviewerRisk([], 10),
      funnel: recoveryFunnel([], []),
      quotes: pickQuotes([], settings),
    };
  } else {
    data.sections = {
      summary: summarize(
        [1, 2, 3, 4, 5, 6, 7, 8].map((bucket) => ({ bucket, reviews: 100 + bucket, good: 80 + bucket, medium: 8, bad: 12 })),
        trend,
        1,
      ),
      rootCauses: countCauses([
        { bucket: 0, tags: ['quality', 'logistics'], subTags: ['colour_difference', 'slow_delivery'], n: 6 },
        { bucket: -1, tags: ['quality'], subTags: ['defect_broken'], n: 3 },
      ]),
      quality: qualityBySku(
        [1, 2, 3].map((i) => ({ bucket: 0, productId: 'p1', sku: '=HYPERLINK("x")', buyer: `b${i}`, highRisk: false, subTags: ['colour_difference'], n: 2 })),
        [{ productId: 'p1', sku: '=HYPERLINK("x")', productName: 'T恤 | 黑色', n: 30 }],
        settings,
      ),
      logistics: complaintsBy(
        [{ bucket: 0, name: '中通快递', reviews: 60, negative: 9, complaints: 6 }],
        [{ name: '中通快递', subTags: ['slow_delivery'], n: 6 }],
        'logistics',
        10,
      ),
      service: complaintsBy([], [], 'service', 10),
      reviewerRisk: reviewerRisk(
        [
          {
            buyerId: 'buyer-42',
            platform: 'taobao',
            status: 'flagged',
            riskScore: 77,
            riskLevel: 'high',
            signals: ['compensation_demand'],
            at: '2026-11-18T02:00:00Z',
          },
        ],
        10,
      ),
      funnel: recoveryFunnel(
        [
          // four cases: two contacted in time (1.5 h and 2.5 h), both promised and one revised, one past the deadline, one not due
          {
            bucket: 0,
            opened: 4,
            contacted: 2,
            contactedInSla: 2,
            slaMissed: 1,
            medianSecondsToFirstContact: 7200,
            promised: 2,
            revised: 1,
            closedUnrevised: 0,
            dismissed: 0,
          },
          {
            bucket: -1,
            opened: 1,
            contacted: 1,
            contactedInSla: 1,
            slaMissed: 0,
            medianSecondsToFirstContact: 3600,
            promised: 0,
            revised: 1,
            closedUnrevised: 0,
            dismissed: 0,
          },
        ],
        [
          { bucket: 0, type: 'coupon', currency: 'CNY', offers: 2, amount: 20 },
          { bucket: 0, type: 'refund', currency: 'CNY', offers: 1, amount: 59.9 },
          { bucket: -1, type: 'coupon', currency: 'CNY', offers: 1, amount: 10 },
        ],
      ),
      quotes: pickQuotes(
        [
          {
            tag: 'quality',
            rating: 1,
            sku: 'A',
            productId: 'p1',
            productName: null,
            subTags: ['colour_difference'],
            content: '色差太大 <script>alert(1)</script> 打13812345678',
            followUp: null,
            evidence: [{ tag: 'quality', phrase: '色差' }],
            known: [],
            date: '2026-11-18',
          },
        ],
        settings,
      ),
    };
  }
  data.sections.actions = collectActions(REPORT_SECTIONS.slice(0, -1), data);
  return data;
}

describe('csv', () => {
  const csv = renderCsv(renderReport(fixture(), 'en'));

  it('is one file with a titled table per section, Excel-readable', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    for (const id of [
      '[summary]',
      '[summary.trend]',
      '[rootCauses.causes]',
      '[rootCauses.sub_causes]',
      '[quality.quality_by_sku]',
      '[logistics.logistics_by_carrier]',
      '[service.service_by_agent]',
      '[reviewerRisk.reviewer_risk_counts]',
      '[reviewerRisk.reviewer_risk]',
      '[funnel]',
      '[funnel.compensation]',
      '[quotes]',
      '[actions]',
    ]) {
      expect(csv).toContain(id);
    }
    expect(csv).toContain('\r\n');
  });

  it('writes rates as percentages and defuses formulas', () => {
    expect(csv).toContain('Share (%)');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const causes = csv.split('\r\n\r\n').find((block) => block.includes('[rootCauses.causes]')) ?? '';
    expect(causes).toContain('Quality,6,100,3,3');
  });

  it('has the funnel as its own tables, money with two decimals', () => {
    const funnel = csv.split('\r\n\r\n').find((block) => block.startsWith('[funnel] ')) ?? '';
    expect(funnel.split('\r\n').slice(1, 3)).toEqual(['Metric,This week,Last week,Change', 'Cases opened,4,1,3']);
    expect(funnel).toContain('Median time to first contact (hours),2,1,1');
    expect(funnel).toContain('Revision rate,25%,100%,-75pp');
    const compensation = csv.split('\r\n\r\n').find((block) => block.includes('[funnel.compensation]')) ?? '';
    expect(compensation.split('\r\n').slice(2)).toEqual(['Refund,CNY,1,59.90,0,0.00', 'Coupon,CNY,2,20.00,1,10.00', 'Total,CNY,3,79.90,1,10.00']);
  });
});

describe('markdown', () => {
  it('escapes what could become markup', () => {
    expect(escapeMarkdown('a | b *c* <x>')).toBe('a \\| b \\*c\\* &lt;x&gt;');
    const md = renderMarkdown(renderReport(fixture(), 'zh'));
    expect(md).toContain('# Shop &lt;b&gt;&amp; · 中差评溯源周报');
    expect(md).toContain('## 问题原因');
    expect(md).toContain('T恤 \\| 黑色');
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
  });
});

describe('html', () => {
  it('is one self-contained page with its charts', () => {
    const html = renderHtml(renderReport(fixture(), 'zh'));
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    expect(html).toContain('<svg class="chart chart-trend"');
    expect(html).toContain('<svg class="chart chart-bars"');
    expect(html).toContain('<svg class="chart chart-funnel"');
    expect(html).toContain('<polyline class="line"');
    expect(html).toContain('@media print');
    // nothing to fetch: no src, no href, no url() and no links other than the SVG namespace
    expect(html).not.toMatch(/\ssrc=|\shref=|url\(|@import/);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
    expect(html).not.toContain('<script>');
    expect(html).toContain('***');
    expect(html).not.toContain('13812345678');
  });

  it('writes English for lang=en and warns on an incomplete period', () => {
    const html = renderHtml(renderReport(fixture({ complete: false }), 'en'));
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Weekly root-cause report');
    expect(html).toContain('This period has not ended');
  });

  it('renders an empty week with zero charts and the empty notes', () => {
    const html = renderHtml(renderReport(fixture({ empty: true }), 'en'));
    expect(html).toContain('No medium or bad reviews in this period.');
    expect(html).toContain('Nothing in this period calls for action.');
    expect(html).toContain('<svg class="chart chart-trend"');
    expect(html).not.toContain('NaN');
    expect(html).not.toContain('Infinity');
  });
});

describe('chart scales', () => {
  it.each([
    [0, 1],
    [7, 2],
    [40, 10],
    [130, 50],
    [0.4, 0.1],
  ])('max %p ticks every %p', (max, step) => {
    expect(niceStep(max)).toBeCloseTo(step);
  });
});

describe('funnel chart', () => {
  const svg = funnelChartSvg({
    kind: 'funnel',
    title: 'Funnel <1>',
    stages: [
      { label: '新开案件', value: 40, previous: 50, note: '' },
      { label: '已联系', value: 30, previous: 45, note: '占新开案件 75.0%' },
      { label: '答应改评', value: 0, previous: 10, note: '占新开案件 0.0%' },
      { label: '已改评', value: 1, previous: 8, note: '占新开案件 2.5%' },
    ],
    valueLabel: 'This week',
    previousLabel: 'Last week',
  });
  // the stages, after the legend's swatches
  const stages = svg.slice(svg.indexOf('</g>'));
  const widths = (cls: string) =>
    [...stages.matchAll(new RegExp(`<rect class="bar ${cls}" x="[\\d.]+" y="\\d+" width="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]));

  it('sizes each stage against the largest figure, centred, with the previous period under it', () => {
    // the plot is 360 wide: 50 (last week's first stage) is the largest figure
    expect(widths('current')).toEqual([288, 216, 0, 7.2]);
    expect(widths('previous')).toEqual([360, 324, 72, 57.6]);
    const xs = [...stages.matchAll(/<rect class="bar current" x="([\d.]+)" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]) + Number(m[2]) / 2);
    expect(new Set(xs)).toEqual(new Set([310]));
    // a band joins each stage to the next
    expect(svg.match(/<polygon class="funnel-link"/g)).toHaveLength(3);
  });

  it('labels the stages and their shares, escaped', () => {
    expect(svg).toContain('<svg class="chart chart-funnel"');
    expect(svg).toContain('aria-label="Funnel &lt;1&gt;"');
    expect(svg).toContain('>已联系</text>');
    expect(svg).toContain('30<tspan class="muted" dx="8">占新开案件 75.0%</tspan>');
    expect(svg).toContain('>Last week 45</text>');
  });

  it('keeps a small stage visible and draws nothing for an empty period', () => {
    const tiny = funnelChartSvg({
      kind: 'funnel',
      title: 't',
      stages: [
        { label: 'a', value: 1000, previous: 0, note: '' },
        { label: 'b', value: 1, previous: 0, note: '' },
      ],
      valueLabel: 'v',
      previousLabel: 'p',
    });
    expect(tiny).toContain('<rect class="bar current" x="309.0" y="82" width="2.0"');
    const empty = funnelChartSvg({
      kind: 'funnel',
      title: 't',
      stages: [{ label: 'a', value: 0, previous: 0, note: '' }],
      valueLabel: 'v',
      previousLabel: 'p',
    });
    expect(empty).not.toMatch(/NaN|Infinity/);
    expect(empty).toContain('width="0.0"');
  });
});
