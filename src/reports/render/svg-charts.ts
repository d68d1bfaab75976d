import type { BarChart, FunnelChart, TrendChart } from './blocks';

/**
 * Inline SVG charts: no scripts, no fonts or images to fetch, sized by viewBox so they scale on screen and
 * print sharp. Colours come from CSS classes of the page (html.ts), so print styles can change them.
 */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const fmt = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** A tick step of 1, 2 or 5 times a power of ten that gives about `count` ticks up to `max`. */
export function niceStep(max: number, count = 4): number {
  if (max <= 0) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(step, Number.isInteger(max) ? 1 : step);
}

/** Bars of the counts (left axis) with a line of the rate (right axis, percent). */
export function trendChartSvg(chart: TrendChart): string {
  const width = 680;
  const height = 260;
  const margin = { top: 30, right: 56, bottom: 36, left: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const n = Math.max(chart.points.length, 1);
  const maxBar = Math.max(0, ...chart.points.map((p) => p.bar));
  const barStep = niceStep(maxBar);
  const barTop = Math.max(barStep, Math.ceil(maxBar / barStep) * barStep);
  const rates = chart.points.map((p) => p.line).filter((v): v is number => v !== null);
  const maxRate = Math.max(0, ...rates);
  const rateStep = niceStep(maxRate * 100) / 100;
  const rateTop = Math.max(rateStep, Math.ceil(maxRate / rateStep - 1e-9) * rateStep);
  const slot = plotW / n;
  const barW = Math.min(48, slot * 0.6);
  const x = (i: number) => margin.left + slot * i + slot / 2;
  const yBar = (v: number) => margin.top + plotH - (v / barTop) * plotH;
  const yRate = (v: number) => margin.top + plotH - (v / rateTop) * plotH;
  const parts: string[] = [];
  for (let v = 0; v <= barTop + 1e-9; v += barStep) {
    parts.push(`<line class="grid" x1="${margin.left}" x2="${width - margin.right}" y1="${yBar(v).toFixed(1)}" y2="${yBar(v).toFixed(1)}"/>`);
    parts.push(`<text class="tick" x="${margin.left - 6}" y="${(yBar(v) + 4).toFixed(1)}" text-anchor="end">${fmt(v)}</text>`);
  }
  for (let v = 0; v <= rateTop + 1e-9; v += rateStep) {
    parts.push(`<text class="tick" x="${width - margin.right + 6}" y="${(yRate(v) + 4).toFixed(1)}">${(v * 100).toFixed(rateStep < 0.01 ? 1 : 0)}%</text>`);
  }
  chart.points.forEach((point, i) => {
    const top = yBar(point.bar);
    parts.push(
      `<rect class="bar${i === n - 1 ? ' current' : ''}" x="${(x(i) - barW / 2).toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${(margin.top + plotH - top).toFixed(1)}"><title>${escapeXml(point.label)}: ${fmt(point.bar)}</title></rect>`,
    );
    parts.push(`<text class="value" x="${x(i).toFixed(1)}" y="${(top - 4).toFixed(1)}" text-anchor="middle">${fmt(point.bar)}</text>`);
    parts.push(`<text class="tick" x="${x(i).toFixed(1)}" y="${height - margin.bottom + 16}" text-anchor="middle">${escapeXml(point.label)}</text>`);
  });
  const linePoints = chart.points
    .map((p, i) => (p.line === null ? null : `${x(i).toFixed(1)},${yRate(p.line).toFixed(1)}`))
    .filter((p): p is string => p !== null);
  if (linePoints.length) parts.push(`<polyline class="line" points="${linePoints.join(' ')}"/>`);
  chart.points.forEach((p, i) => {
    if (p.line !== null)
      parts.push(
        `<circle class="dot" cx="${x(i).toFixed(1)}" cy="${yRate(p.line).toFixed(1)}" r="3"><title>${escapeXml(p.label)}: ${(p.line * 100).toFixed(1)}%</title></circle>`,
      );
  });
  const legend = `<g class="legend"><rect class="bar" x="${margin.left}" y="8" width="12" height="12"/><text x="${margin.left + 18}" y="18">${escapeXml(chart.barLabel)}</text><line class="line" x1="${margin.left + 150}" x2="${margin.left + 170}" y1="14" y2="14"/><text x="${margin.left + 176}" y="18">${escapeXml(chart.lineLabel)}</text></g>`;
  return `<svg class="chart chart-trend" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(chart.title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(chart.title)}</title>${legend}${parts.join('')}</svg>`;
}

/** Horizontal bars per item, this period above the previous one. */
export function barChartSvg(chart: BarChart): string {
  const width = 680;
  const rowH = 34;
  const margin = { top: 30, right: 60, bottom: 10, left: 150 };
  const height = margin.top + margin.bottom + rowH * Math.max(chart.items.length, 1);
  const plotW = width - margin.left - margin.right;
  const max = Math.max(1, ...chart.items.flatMap((item) => [item.value, item.previous]));
  const w = (v: number) => (v / max) * plotW;
  const parts: string[] = [];
  chart.items.forEach((item, i) => {
    const y = margin.top + i * rowH;
    parts.push(`<text class="label" x="${margin.left - 8}" y="${y + 17}" text-anchor="end">${escapeXml(item.label)}</text>`);
    parts.push(
      `<rect class="bar current" x="${margin.left}" y="${y + 3}" width="${Math.max(w(item.value), 0).toFixed(1)}" height="13"><title>${escapeXml(item.label)}: ${fmt(item.value)}</title></rect>`,
    );
    parts.push(`<text class="value" x="${(margin.left + w(item.value) + 4).toFixed(1)}" y="${y + 14}">${fmt(item.value)}</text>`);
    parts.push(
      `<rect class="bar previous" x="${margin.left}" y="${y + 18}" width="${Math.max(w(item.previous), 0).toFixed(1)}" height="9"><title>${escapeXml(item.label)}: ${fmt(item.previous)}</title></rect>`,
    );
    parts.push(`<text class="value muted" x="${(margin.left + w(item.previous) + 4).toFixed(1)}" y="${y + 27}">${fmt(item.previous)}</text>`);
  });
  const legend = `<g class="legend"><rect class="bar current" x="${margin.left}" y="8" width="12" height="12"/><text x="${margin.left + 18}" y="18">${escapeXml(chart.valueLabel)}</text><rect class="bar previous" x="${margin.left + 150}" y="10" width="12" height="8"/><text x="${margin.left + 168}" y="18">${escapeXml(chart.previousLabel)}</text></g>`;
  return `<svg class="chart chart-bars" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(chart.title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(chart.title)}</title>${legend}${parts.join('')}</svg>`;
}

/**
 * A funnel: one centred bar per stage sized against the largest figure, bands joining each stage to the
 * next, the previous period as a thin bar under each stage, and the figures on the right.
 */
export function funnelChartSvg(chart: FunnelChart): string {
  const width = 680;
  const rowH = 48;
  const barH = 22;
  const margin = { top: 34, right: 190, bottom: 8, left: 130 };
  const height = margin.top + margin.bottom + rowH * Math.max(chart.stages.length, 1);
  const plotW = width - margin.left - margin.right;
  const centre = margin.left + plotW / 2;
  const max = Math.max(1, ...chart.stages.flatMap((stage) => [stage.value, stage.previous]));
  // a stage that is not zero stays visible however small
  const w = (v: number) => (v <= 0 ? 0 : Math.max(2, (v / max) * plotW));
  const top = (i: number) => margin.top + i * rowH;
  const parts: string[] = [];
  chart.stages.forEach((stage, i) => {
    const next = chart.stages[i + 1];
    if (next) {
      const [a, b] = [w(stage.value) / 2, w(next.value) / 2];
      const y1 = top(i) + barH;
      const y2 = top(i + 1);
      parts.push(
        `<polygon class="funnel-link" points="${(centre - a).toFixed(1)},${y1} ${(centre + a).toFixed(1)},${y1} ${(centre + b).toFixed(1)},${y2} ${(centre - b).toFixed(1)},${y2}"/>`,
      );
    }
  });
  chart.stages.forEach((stage, i) => {
    const y = top(i);
    const main = w(stage.value);
    const previous = w(stage.previous);
    parts.push(`<text class="label" x="${margin.left - 10}" y="${y + 16}" text-anchor="end">${escapeXml(stage.label)}</text>`);
    parts.push(
      `<rect class="bar current" x="${(centre - main / 2).toFixed(1)}" y="${y}" width="${main.toFixed(1)}" height="${barH}"><title>${escapeXml(stage.label)}: ${fmt(stage.value)}</title></rect>`,
    );
    parts.push(
      `<rect class="bar previous" x="${(centre - previous / 2).toFixed(1)}" y="${y + barH + 4}" width="${previous.toFixed(1)}" height="6"><title>${escapeXml(chart.previousLabel)}: ${fmt(stage.previous)}</title></rect>`,
    );
    const x = width - margin.right + 14;
    parts.push(
      `<text class="value strong" x="${x}" y="${y + 16}">${fmt(stage.value)}${stage.note ? `<tspan class="muted" dx="8">${escapeXml(stage.note)}</tspan>` : ''}</text>`,
    );
    parts.push(`<text class="value muted" x="${x}" y="${y + barH + 10}">${escapeXml(chart.previousLabel)} ${fmt(stage.previous)}</text>`);
  });
  const legend = `<g class="legend"><rect class="bar current" x="${margin.left}" y="8" width="12" height="12"/><text x="${margin.left + 18}" y="18">${escapeXml(chart.valueLabel)}</text><rect class="bar previous" x="${margin.left + 150}" y="10" width="12" height="8"/><text x="${margin.left + 168}" y="18">${escapeXml(chart.previousLabel)}</text></g>`;
  return `<svg class="chart chart-funnel" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(chart.title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeXml(chart.title)}</title>${legend}${parts.join('')}</svg>`;
}
