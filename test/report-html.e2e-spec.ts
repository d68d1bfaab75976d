import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CHROMIUM_PATH, inspectReportHtml } from '../scripts/report-chromium';
import { DEMO_WEEK, seedDemoShop } from '../scripts/report-demo';
import { describeInBrowser } from './support/browser-tests';
import { createTestApp, TestApp, TestShop } from './support/test-app';

/** The html report in a real browser: charts laid out with a size, nothing fetched, printable. */
describeInBrowser(`the html report in headless Chromium (${CHROMIUM_PATH})`, () => {
  let t: TestApp;
  let shop: TestShop;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp();
    shop = await t.createShop('示例服饰旗舰店');
    const db = t.app.get(DataSource);
    await seedDemoShop(async (items) => {
      const response = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items }).expect(200);
      await t.analysed(shop);
      return (response.body.results as { id: string }[]).map((r) => r.id);
    }, db);
    dir = mkdtempSync(join(tmpdir(), 'report-html-'));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(['zh', 'en'])('shows the trend, the cause breakdown and the recovery funnel (%s)', async (lang) => {
    const response = await t.http.get(`/v1/reports/weekly?week=${DEMO_WEEK}&format=html&lang=${lang}`).set(shop.auth).expect(200);
    const page = await inspectReportHtml(response.text, { screenshot: join(dir, `weekly-${lang}.png`) });
    expect(page.lang).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    expect(page.title).toContain(lang === 'zh' ? '中差评溯源周报' : 'Weekly root-cause report');
    expect(page.charts.map((chart) => chart.kind)).toEqual(['chart chart-trend', 'chart chart-bars', 'chart chart-funnel']);
    for (const chart of page.charts) {
      expect(chart.width).toBeGreaterThan(300);
      expect(chart.height).toBeGreaterThan(100);
    }
    // 8 weekly bars + the legend swatch; one bar per cause and period (zero bars have no width) + 2 swatches
    expect(page.charts[0]).toMatchObject({ bars: 9, lines: 1 });
    expect(page.charts[1].bars).toBeGreaterThanOrEqual(6);
    // the demo's cases reach every stage in both weeks: 4 stages of this week and the last + 2 swatches
    expect(page.charts[2].bars).toBe(10);
    expect(response.text).toContain(lang === 'zh' ? '占新开案件' : 'of cases opened');
    expect(page.requests).toEqual([]);
    expect(page.pdfBytes).toBeGreaterThan(20_000);
    expect(response.text).not.toContain('13812345678');
  });
});
