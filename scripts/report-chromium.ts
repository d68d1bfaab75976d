import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumEnv } from './console-chromium';

/** Debian's chromium package; playwright-core drives it and downloads nothing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export interface RenderedChart {
  kind: string;
  width: number;
  height: number;
  bars: number;
  lines: number;
}

export interface HtmlInspection {
  title: string;
  lang: string;
  charts: RenderedChart[];
  /** every request the page made after it was loaded from memory: must be none */
  requests: string[];
  /** size of the page printed to an A4 PDF */
  pdfBytes: number;
}

/**
 * Opens a report page in headless Chromium, measures its charts as laid out, prints it to PDF, and saves a
 * full-page screenshot when asked.
 */
export async function inspectReportHtml(html: string, options: { screenshot?: string; width?: number } = {}): Promise<HtmlInspection> {
  // root in containers has no user namespace for Chromium's sandbox
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'], env: chromiumEnv() });
  try {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1000, height: 900 }, deviceScaleFactor: 1 });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.setContent(html, { waitUntil: 'load' });
    // runs in the page: typed structurally, the project compiles without the DOM library
    interface Box {
      getBoundingClientRect(): { width: number; height: number };
    }
    interface Svg extends Box {
      getAttribute(name: string): string | null;
      querySelectorAll(selector: string): ArrayLike<Box>;
    }
    const charts: RenderedChart[] = await page.$$eval('svg.chart', (nodes) =>
      (nodes as unknown as Svg[]).map((svg) => {
        const box = svg.getBoundingClientRect();
        const visible = (item: Box) => item.getBoundingClientRect().width > 0 && item.getBoundingClientRect().height > 0;
        return {
          kind: svg.getAttribute('class') ?? '',
          width: box.width,
          height: box.height,
          bars: Array.from(svg.querySelectorAll('rect.bar')).filter(visible).length,
          lines: svg.querySelectorAll('polyline').length,
        };
      }),
    );
    const title = await page.title();
    const lang = (await page.getAttribute('html', 'lang')) ?? '';
    if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    return { title, lang, charts, requests, pdfBytes: pdf.length };
  } finally {
    await browser.close();
  }
}
