import { ReportText } from '../report-text';
import type { Block, ChartBlock, Column, RenderedReport, Tone } from './blocks';
import { formatCell, isNumericColumn } from './cells';
import { barChartSvg, escapeXml, funnelChartSvg, trendChartSvg } from './svg-charts';

/**
 * One self-contained page: inline CSS and SVG, no scripts, no external requests (a Content-Security-Policy
 * meta tag forbids them), system fonts with CJK fallbacks, and print CSS for A4 (tables and charts do not
 * break across pages, colours are kept).
 */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CSS = `
:root { --ink:#1f2933; --muted:#616e7c; --line:#d9e2ec; --accent:#c0392b; --accent-soft:#f5b7b1; --good:#1e8449; --bg:#ffffff; --panel:#f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 24px 28px 48px; }
header h1 { font-size: 22px; margin: 0 0 6px; }
header .meta { color: var(--muted); margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; }
.warning { margin: 12px 0; padding: 8px 12px; border-left: 4px solid var(--accent); background: #fdecea; }
section { margin-top: 28px; }
section h2 { font-size: 17px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 14px; margin: 14px 0 6px; }
.metrics { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 8px 0 14px; }
.metric { background: var(--panel); border-radius: 6px; padding: 10px 12px; border-top: 3px solid var(--line); }
.metric .label { color: var(--muted); font-size: 12px; }
.metric .value { font-size: 22px; font-weight: 600; }
.metric .detail { color: var(--muted); font-size: 12px; }
.metric.bad { border-top-color: var(--accent); }
.metric.good { border-top-color: var(--good); }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; white-space: nowrap; }
td.wrap, th.wrap { white-space: normal; min-width: 14em; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.empty, .note, .more { color: var(--muted); font-size: 12px; margin: 4px 0; }
figure { margin: 8px 0 14px; }
svg.chart { width: 100%; height: auto; display: block; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .tick, svg.chart .legend text, svg.chart .label { fill: var(--muted); font-size: 11px; }
svg.chart .value { fill: var(--ink); font-size: 11px; }
svg.chart .value.muted, svg.chart .muted { fill: var(--muted); }
svg.chart .value.strong { font-size: 13px; font-weight: 600; }
svg.chart .value.strong .muted { font-size: 11px; font-weight: 400; }
svg.chart .funnel-link { fill: var(--accent-soft); opacity: 0.45; }
svg.chart .bar { fill: var(--accent-soft); }
svg.chart .bar.current { fill: var(--accent); }
svg.chart .bar.previous { fill: #bcccdc; }
svg.chart .line { fill: none; stroke: var(--ink); stroke-width: 2; }
svg.chart .dot { fill: var(--ink); }
blockquote { margin: 6px 0; padding: 6px 12px; border-left: 3px solid var(--line); background: var(--panel); }
blockquote .meta { display: block; color: var(--muted); font-size: 12px; margin-top: 2px; }
ul.actions { list-style: none; padding: 0; margin: 4px 0 10px; }
ul.actions li { padding: 5px 0; border-bottom: 1px dashed var(--line); }
.badge { display: inline-block; min-width: 2.5em; text-align: center; font-size: 11px; padding: 1px 6px; margin-right: 8px; border-radius: 10px; background: var(--panel); color: var(--muted); }
.badge.bad { background: var(--accent); color: #fff; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 11px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  section { break-inside: auto; }
  h2, h3 { break-after: avoid; }
  table, figure, .metrics, blockquote, ul.actions li { break-inside: avoid; }
  tr { break-inside: avoid; }
  .metric .value { font-size: 18px; }
}
`;

function chartSvg(chart: ChartBlock['chart']): string {
  switch (chart.kind) {
    case 'trend':
      return trendChartSvg(chart);
    case 'bars':
      return barChartSvg(chart);
    case 'funnel':
      return funnelChartSvg(chart);
  }
}

const toneClass = (tone: Tone) => (tone === 'neutral' ? '' : ` ${tone}`);

function renderBlock(block: Block, text: ReportText): string {
  switch (block.type) {
    case 'metrics':
      return `<div class="metrics">${block.items
        .map(
          (item) =>
            `<div class="metric${toneClass(item.tone)}"><div class="label">${escapeXml(item.label)}</div><div class="value">${escapeXml(item.value)}</div>${item.detail ? `<div class="detail">${escapeXml(item.detail)}</div>` : ''}</div>`,
        )
        .join('')}</div>`;
    case 'chart':
      return `<figure>${chartSvg(block.chart)}</figure>`;
    case 'table': {
      const title = block.title ? `<h3>${escapeXml(block.title)}</h3>` : '';
      if (!block.rows.length) return `${title}<p class="empty">${escapeXml(block.empty)}</p>`;
      const cls = (column: Column, numeric: boolean) => (numeric ? ' class="num"' : column.wrap ? ' class="wrap"' : '');
      const head = block.columns.map((c) => `<th${cls(c, isNumericColumn(c))}>${escapeXml(c.label)}</th>`).join('');
      const body = block.rows
        .map(
          (row) =>
            `<tr>${row.map((cell, i) => `<td${cls(block.columns[i], isNumericColumn(block.columns[i]) && typeof cell !== 'string')}>${escapeXml(formatCell(cell, block.columns[i], text))}</td>`).join('')}</tr>`,
        )
        .join('');
      const more = block.more ? `<p class="more">${escapeXml(text.t('more', { n: block.more }))}</p>` : '';
      return `${title}<table data-table="${escapeXml(block.id)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}`;
    }
    case 'quotes':
      if (!block.groups.length) return `<p class="empty">${escapeXml(block.empty)}</p>`;
      return block.groups
        .map(
          (group) =>
            `<h3>${escapeXml(group.title)}</h3>${group.quotes.map((quote) => `<blockquote>${escapeXml(quote.text)}<span class="meta">${escapeXml(quote.meta)}</span></blockquote>`).join('')}`,
        )
        .join('');
    case 'list':
      if (!block.groups.length) return `<p class="empty">${escapeXml(block.empty)}</p>`;
      return block.groups
        .map(
          (group) =>
            `<h3>${escapeXml(group.title)}</h3><ul class="actions">${group.items.map((item) => `<li><span class="badge${toneClass(item.tone)}">${escapeXml(item.badge)}</span>${escapeXml(item.text)}</li>`).join('')}</ul>`,
        )
        .join('');
    case 'note':
      return `<p class="note">${escapeXml(block.text)}</p>`;
  }
}

export function renderHtml(report: RenderedReport): string {
  const text = new ReportText(report.lang);
  const sections = report.sections
    .map(
      (section) =>
        `<section id="${escapeXml(section.key)}"><h2>${escapeXml(section.title)}</h2>${section.blocks.map((block) => renderBlock(block, text)).join('\n')}</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${report.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(report.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header><h1>${escapeXml(report.title)}</h1><ul class="meta">${report.meta.map((meta) => `<li>${escapeXml(meta)}</li>`).join('')}</ul>${report.warning ? `<p class="warning">${escapeXml(report.warning)}</p>` : ''}</header>
${sections}
</main>
</body>
</html>
`;
}
