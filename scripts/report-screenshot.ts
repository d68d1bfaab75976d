import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestApp } from '../test/support/test-app';
import { chromiumAvailable, CHROMIUM_PATH, inspectReportHtml } from './report-chromium';
import { DEMO_WEEK, seedDemoShop } from './report-demo';

/**
 * npm run docs:report-screenshot
 *
 * Starts the service on a throwaway embedded database (or DATABASE_URL), stores the invented demo reviews
 * through the API, generates the weekly report of 2026-W47, opens its html in headless Chromium, checks that
 * the charts (trend, causes, recovery funnel) are laid out, and saves docs/weekly-report.png (Chinese, the shop's locale) and
 * docs/weekly-report-en.png (lang=en).
 */
const ROOT = resolve(__dirname, '..');

async function main(): Promise<void> {
  if (!chromiumAvailable()) {
    process.stderr.write(`Chromium is not at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)\n`);
    process.exit(2);
  }
  const t = await createTestApp({ logLevel: 'warn' });
  try {
    const shop = await t.createShop('示例服饰旗舰店');
    const db = t.app.get(DataSource);
    await seedDemoShop(async (items) => {
      const response = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items }).expect(200);
      for (;;) {
        const [row] = await db.query(`SELECT count(*)::int AS n FROM reviews WHERE shop_id = $1 AND analysis_status <> 'done'`, [shop.shopId]);
        if (row.n === 0) break;
        await new Promise((done) => setTimeout(done, 50));
      }
      return (response.body.results as { id: string }[]).map((r) => r.id);
    }, db);
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    for (const [lang, file] of [
      ['zh', 'weekly-report.png'],
      ['en', 'weekly-report-en.png'],
    ] as const) {
      const response = await t.http.get(`/v1/reports/weekly?week=${DEMO_WEEK}&format=html&lang=${lang}`).set(shop.auth).expect(200);
      // REPORT_HTML_DIR=dir keeps the pages too, to look at them in a browser
      if (process.env.REPORT_HTML_DIR) writeFileSync(join(process.env.REPORT_HTML_DIR, file.replace('.png', '.html')), response.text);
      const inspection = await inspectReportHtml(response.text, { screenshot: join(ROOT, 'docs', file) });
      const empty = inspection.charts.filter((chart) => chart.width === 0 || chart.height === 0 || chart.bars === 0);
      if (inspection.charts.length < 3 || empty.length || inspection.requests.length) {
        throw new Error(`the report did not render as expected: ${JSON.stringify(inspection)}`);
      }
      process.stdout.write(`${JSON.stringify({ file: `docs/${file}`, lang: inspection.lang, charts: inspection.charts, pdfBytes: inspection.pdfBytes })}\n`);
    }
  } finally {
    await t.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
