import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './console-chromium';
import { seedConsoleDemo, startConsoleApp } from './console-demo';

/**
 * npm run docs:console-screenshots
 *
 * Starts the service on a throwaway embedded database, fills an invented shop through the API, opens the
 * staff console in headless Chromium as the shop's lead and saves the main screens under docs/:
 * console-queue.png (and -en), console-case.png, console-reviewer.png, console-report.png.
 */
const ROOT = resolve(__dirname, '..');
const DOCS = join(ROOT, 'docs');

async function shoot(page: Page, file: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(DOCS, file), fullPage });
  process.stdout.write(`${JSON.stringify({ file: `docs/${file}` })}\n`);
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  const service = await startConsoleApp({ logLevel: 'warn' });
  try {
    const demo = await seedConsoleDemo(service.t);
    mkdirSync(DOCS, { recursive: true });
    for (const locale of ['zh-CN', 'en-GB']) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1, locale, timezoneId: 'Asia/Shanghai' });
      // signed in as the lead: the key in the tab's session storage, where the sign-in form puts it
      await context.addInitScript({ content: `sessionStorage.setItem('rrs.console.key', ${JSON.stringify(demo.lead.key)})` });
      const page = await context.newPage();
      const suffix = locale === 'zh-CN' ? '' : '-en';
      await page.goto(`${service.baseUrl}/console#/queue`);
      await page.locator('table.queue tbody tr').first().waitFor();
      await shoot(page, `console-queue${suffix}.png`);
      if (locale !== 'zh-CN') {
        await context.close();
        continue;
      }
      await page.goto(`${service.baseUrl}/console#/case/${demo.workedCaseId}`);
      await page.locator('#reply-status').waitFor();
      await page.locator('#risk-score').waitFor();
      await shoot(page, 'console-case.png', true);
      const risky = await service.t.http.get(`/v1/cases/${demo.riskyCaseId}`).set(demo.shop.auth);
      await page.goto(`${service.baseUrl}/console#/reviewer/${risky.body.reviewer.id}`);
      await page.locator('.signals li').first().waitFor();
      await shoot(page, 'console-reviewer.png', true);
      const reports = await service.t.http.get('/v1/reports/weekly?format=json').set(demo.shop.auth);
      if (reports.status === 200) {
        await page.goto(`${service.baseUrl}/console#/report`);
        await page.locator('#report-frame').waitFor();
        await page.waitForTimeout(300);
        await shoot(page, 'console-report.png');
      } else {
        process.stderr.write(`skipped console-report.png: GET /v1/reports/weekly answered ${reports.status}\n`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await service.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`docs:console-screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
