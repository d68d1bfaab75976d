import type { EvidenceLanguage, EvidencePack, PackReview, PackSignal } from './evidence-pack';
import { STATUS_LABELS } from './risk-labels';

/** Markdown and self-contained HTML renderings of an evidence pack. Times are shown in the shop's time zone. */

const TEXT = {
  zh: {
    title: '差评申诉证据材料',
    shop: '店铺',
    buyer: '买家',
    nick: '昵称',
    generated: '生成时间',
    zone: '时区',
    summary: '概况',
    signals: '风险信号',
    signalColumns: ['信号', '说明', '强度', '分值'],
    noSignals: '无风险信号。',
    covered: '（已由店铺人员驳回，不计分）',
    reduced: '（同类证据曾被驳回，按较低权重计）',
    reviews: '评价与订单时间线',
    review: '评价',
    order: '订单号',
    product: '商品',
    rating: '评分',
    amount: '订单金额',
    carrier: '快递',
    photos: '图片',
    video: '视频',
    yes: '有',
    no: '无',
    timeline: '时间线',
    ordered: '下单',
    shipped: '发货',
    delivered: '签收',
    reviewed: '评价',
    followUp: '追评',
    text: '评价内容',
    followUpText: '追评内容',
    afterDelivery: (minutes: number) => (minutes < 0 ? `签收前 ${duration(-minutes, 'zh')} 发表` : `签收后 ${duration(minutes, 'zh')} 发表`),
    cues: '文字中发现',
    evidenceFor: '相关信号',
    contacts: '联系记录',
    contactColumns: ['时间', '结果', '评价', '索要金额', '订单金额'],
    noContacts: '暂无联系记录。',
    decisions: '处理记录',
    decisionColumns: ['时间', '操作', '理由', '操作人', '状态变化', '当时的信号'],
    noDecisions: '暂无人工处理记录。',
    empty: '（无）',
  },
  en: {
    title: 'Evidence pack: review dispute',
    shop: 'Shop',
    buyer: 'Buyer',
    nick: 'nick',
    generated: 'Generated',
    zone: 'Time zone',
    summary: 'Summary',
    signals: 'Risk signals',
    signalColumns: ['Signal', 'Explanation', 'Strength', 'Points'],
    noSignals: 'No risk signals.',
    covered: ' (dismissed by the shop staff, not counted)',
    reduced: ' (a dismissed kind of evidence, counted at a lower weight)',
    reviews: 'Reviews and order timelines',
    review: 'Review',
    order: 'Order',
    product: 'Product',
    rating: 'Rating',
    amount: 'Order amount',
    carrier: 'Carrier',
    photos: 'Photos',
    video: 'Video',
    yes: 'yes',
    no: 'no',
    timeline: 'Timeline',
    ordered: 'ordered',
    shipped: 'shipped',
    delivered: 'delivered',
    reviewed: 'reviewed',
    followUp: 'follow-up',
    text: 'Review text',
    followUpText: 'Follow-up text',
    afterDelivery: (minutes: number) =>
      minutes < 0 ? `posted ${duration(-minutes, 'en')} before delivery` : `posted ${duration(minutes, 'en')} after delivery`,
    cues: 'Found in the text',
    evidenceFor: 'Evidence for',
    contacts: 'Contact log',
    contactColumns: ['Time', 'Outcome', 'Review', 'Amount demanded', 'Order amount'],
    noContacts: 'No contacts recorded.',
    decisions: 'Decisions',
    decisionColumns: ['Time', 'Action', 'Reason', 'By', 'Status', 'Signals at the time'],
    noDecisions: 'No decisions yet.',
    empty: '(none)',
  },
} as const;

function duration(minutes: number, lang: EvidenceLanguage): string {
  if (minutes < 120) return lang === 'zh' ? `${minutes}分钟` : `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48) return lang === 'zh' ? `${Math.round(hours * 10) / 10}小时` : `${Math.round(hours * 10) / 10} h`;
  const days = Math.round((hours / 24) * 10) / 10;
  return lang === 'zh' ? `${days}天` : `${days} days`;
}

/** `2026-11-05 20:31` in the zone. */
export function formatTime(isoTime: string | null, timeZone: string): string {
  if (!isoTime) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(isoTime));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

function money(amount: number | null, currency: string | null): string {
  if (amount === null) return '';
  return `${amount.toFixed(2)}${currency ? ` ${currency}` : ''}`;
}

function signalNote(signal: PackSignal, lang: EvidenceLanguage): string {
  if (signal.dismissal === 'covered') return TEXT[lang].covered;
  if (signal.dismissal === 'reduced') return TEXT[lang].reduced;
  return '';
}

function reviewTitle(review: PackReview, lang: EvidenceLanguage): string {
  return `${TEXT[lang].review} ${review.externalId} · ${'★'.repeat(review.rating)}${'☆'.repeat(5 - review.rating)}`;
}

// ---------------------------------------------------------------- Markdown

/** Backslash-escapes what Markdown would read as markup (CommonMark allows it before any ASCII punctuation). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`)
    .replace(/^(\s*)([#+-])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)\.(?=\s)/gm, '$1$2\\.');
}

/** A table cell: escaped, on one line. */
function cell(text: string | number | null | undefined): string {
  if (text === null || text === undefined || text === '') return ' ';
  return escapeMarkdown(String(text)).replace(/\r?\n/g, '<br>');
}

function quote(text: string): string {
  return escapeMarkdown(text)
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

export function renderEvidenceMarkdown(pack: EvidencePack): string {
  const t = TEXT[pack.language];
  const time = (value: string | null) => formatTime(value, pack.timezone);
  const r = pack.reviewer;
  const lines: string[] = [
    `# ${t.title}`,
    '',
    `- ${t.shop}: ${escapeMarkdown(pack.shop.name)} (${pack.shop.id})`,
    `- ${t.buyer}: ${escapeMarkdown(r.buyerId)} (${r.platform})${r.buyerNick ? `, ${t.nick} ${escapeMarkdown(r.buyerNick)}` : ''}`,
    `- ${t.generated}: ${time(pack.generatedAt)} · ${t.zone}: ${pack.timezone}`,
    '',
    `## ${t.summary}`,
    '',
    escapeMarkdown(pack.summary),
    '',
    `_${escapeMarkdown(pack.notice)}_`,
    '',
    `## ${t.signals}`,
    '',
  ];
  if (pack.signals.length) {
    lines.push(`| ${t.signalColumns.join(' | ')} |`, `| ${t.signalColumns.map(() => '---').join(' | ')} |`);
    for (const s of pack.signals) {
      lines.push(`| ${cell(s.title)} | ${cell(s.explanation + signalNote(s, pack.language))} | ${s.value} | ${s.contribution} |`);
    }
  } else {
    lines.push(t.noSignals);
  }
  lines.push('', `## ${t.reviews}`, '');
  for (const review of pack.reviews) {
    lines.push(`### ${escapeMarkdown(reviewTitle(review, pack.language))}`, '');
    const facts: [string, string][] = [
      [t.order, review.orderId ?? ''],
      [t.product, [review.productName, review.productId, review.sku].filter(Boolean).join(' / ')],
      [t.amount, money(review.orderAmount, review.currency)],
      [t.carrier, review.carrier ?? ''],
      [t.photos, review.imageCount ? String(review.imageCount) : t.no],
      [t.video, review.hasVideo ? t.yes : t.no],
    ];
    for (const [label, value] of facts) {
      if (!value) continue;
      lines.push(`- ${label}: ${escapeMarkdown(value)}`);
      if (label === t.photos) for (const url of review.images) lines.push(`  - \`${url.replace(/`/g, '')}\``);
    }
    const steps: [string, string | null][] = [
      [t.ordered, review.timeline.orderedAt],
      [t.shipped, review.timeline.shippedAt],
      [t.delivered, review.timeline.deliveredAt],
      [t.reviewed, review.timeline.reviewedAt],
      [t.followUp, review.followUpContent ? review.timeline.followUpAt : null],
    ];
    lines.push(
      `- ${t.timeline}: ${steps
        .filter(([, at]) => at)
        .map(([label, at]) => `${label} ${time(at)}`)
        .join(' → ')}`,
    );
    if (review.minutesAfterDelivery !== null) lines.push(`  (${t.afterDelivery(review.minutesAfterDelivery)})`);
    if (review.cues.length) lines.push(`- ${t.cues}: ${escapeMarkdown(review.cues.join(', '))}`);
    if (review.signals.length) {
      const titles = review.signals.map((code) => pack.signals.find((s) => s.code === code)?.title ?? code);
      lines.push(`- ${t.evidenceFor}: ${escapeMarkdown(titles.join(', '))}`);
    }
    lines.push('', `${t.text}:`, '', review.content ? quote(review.content) : `> ${t.empty}`, '');
    if (review.followUpContent) lines.push(`${t.followUpText}:`, '', quote(review.followUpContent), '');
  }
  lines.push(`## ${t.contacts}`, '');
  if (pack.contactOutcomes.length) {
    lines.push(`| ${t.contactColumns.join(' | ')} |`, `| ${t.contactColumns.map(() => '---').join(' | ')} |`);
    for (const c of pack.contactOutcomes) {
      lines.push(
        `| ${time(c.at)} | ${cell(c.label)} | ${cell(c.externalId ?? c.reviewId)} | ${cell(money(c.demandedAmount, c.currency))} | ${cell(money(c.orderAmount, c.currency))} |`,
      );
    }
  } else {
    lines.push(t.noContacts);
  }
  lines.push('', `## ${t.decisions}`, '');
  if (pack.decisions.length) {
    lines.push(`| ${t.decisionColumns.join(' | ')} |`, `| ${t.decisionColumns.map(() => '---').join(' | ')} |`);
    for (const d of pack.decisions) {
      const status = `${STATUS_LABELS[d.fromStatus][pack.language]} → ${STATUS_LABELS[d.toStatus][pack.language]}`;
      lines.push(`| ${time(d.at)} | ${cell(d.label)} | ${cell(d.reason)} | ${cell(d.by)} | ${cell(status)} | ${cell(d.evidence.join(', '))} |`);
    }
  } else {
    lines.push(t.noDecisions);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------- HTML

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

/** Nothing may leave the page: no scripts, images, fonts or styles from elsewhere, even if markup slipped through. */
export const EVIDENCE_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
body{font-family:-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em;border-bottom:2px solid #b00;padding-bottom:.3em}h2{font-size:1.25em;margin-top:2em;border-bottom:1px solid #ccc}
h3{font-size:1.05em;margin-bottom:.3em}table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ccc;padding:.35em .5em;text-align:left;vertical-align:top}th{background:#f4f4f4}
.notice{background:#fff8e1;border-left:4px solid #f0b400;padding:.6em .8em}.muted{color:#777}
.review{border:1px solid #ddd;border-radius:4px;padding:.2em 1em 1em;margin:1em 0}
blockquote{margin:.5em 0;padding:.4em .8em;background:#f7f7f7;border-left:3px solid #999;white-space:pre-wrap}
.score{font-size:1.3em;font-weight:bold}.covered{color:#777;text-decoration:line-through}
@media print{body{margin:0}.review{break-inside:avoid}}`;

function htmlTable(columns: readonly string[], rows: string[][]): string {
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function renderEvidenceHtml(pack: EvidencePack): string {
  const lang = pack.language;
  const t = TEXT[lang];
  const e = escapeHtml;
  const time = (value: string | null) => e(formatTime(value, pack.timezone));
  const r = pack.reviewer;
  const out: string[] = [
    '<!doctype html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(EVIDENCE_HTML_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(t.title)} · ${e(r.buyerId)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${e(t.title)}</h1>`,
    '<table>',
    `<tr><th>${e(t.shop)}</th><td>${e(pack.shop.name)} <span class="muted">(${e(pack.shop.id)})</span></td></tr>`,
    `<tr><th>${e(t.buyer)}</th><td>${e(r.buyerId)} (${e(r.platform)})${r.buyerNick ? `, ${e(t.nick)} ${e(r.buyerNick)}` : ''}</td></tr>`,
    `<tr><th>${e(t.generated)}</th><td>${time(pack.generatedAt)} · ${e(t.zone)}: ${e(pack.timezone)}</td></tr>`,
    '</table>',
    `<h2>${e(t.summary)}</h2>`,
    `<p class="score">${e(String(r.riskScore))}/100 · ${e(r.riskLevelLabel)} · ${e(r.statusLabel)}</p>`,
    `<p>${e(pack.summary)}</p>`,
    `<p class="notice">${e(pack.notice)}</p>`,
    `<h2>${e(t.signals)}</h2>`,
  ];
  if (pack.signals.length) {
    out.push(
      htmlTable(
        t.signalColumns,
        pack.signals.map((s) => [
          `<span${s.dismissal === 'covered' ? ' class="covered"' : ''}>${e(s.title)}</span>`,
          e(s.explanation) + (s.dismissal ? `<span class="muted">${e(signalNote(s, lang))}</span>` : ''),
          e(String(s.value)),
          e(String(s.contribution)),
        ]),
      ),
    );
  } else {
    out.push(`<p>${e(t.noSignals)}</p>`);
  }
  out.push(`<h2>${e(t.reviews)}</h2>`);
  for (const review of pack.reviews) {
    const steps: [string, string | null][] = [
      [t.ordered, review.timeline.orderedAt],
      [t.shipped, review.timeline.shippedAt],
      [t.delivered, review.timeline.deliveredAt],
      [t.reviewed, review.timeline.reviewedAt],
      [t.followUp, review.followUpContent ? review.timeline.followUpAt : null],
    ];
    const rows: [string, string][] = [
      [t.order, e(review.orderId ?? '')],
      [t.product, e([review.productName, review.productId, review.sku].filter(Boolean).join(' / '))],
      [t.amount, e(money(review.orderAmount, review.currency))],
      [t.carrier, e(review.carrier ?? '')],
      [
        t.photos,
        review.imageCount
          ? `${review.imageCount}${review.images.length ? `<br>${review.images.map((url) => `<code>${e(url)}</code>`).join('<br>')}` : ''}`
          : e(t.no),
      ],
      [t.video, e(review.hasVideo ? t.yes : t.no)],
      [
        t.timeline,
        steps
          .filter(([, at]) => at)
          .map(([label, at]) => `${e(label)} ${time(at)}`)
          .join(' → ') + (review.minutesAfterDelivery !== null ? `<br><span class="muted">${e(t.afterDelivery(review.minutesAfterDelivery))}</span>` : ''),
      ],
      [t.cues, e(review.cues.join(', '))],
      [t.evidenceFor, e(review.signals.map((code) => pack.signals.find((s) => s.code === code)?.title ?? code).join(', '))],
    ];
    out.push(
      '<div class="review">',
      `<h3>${e(reviewTitle(review, lang))}</h3>`,
      '<table>',
      ...rows.filter(([, value]) => value).map(([label, value]) => `<tr><th>${e(label)}</th><td>${value}</td></tr>`),
      '</table>',
      `<div>${e(t.text)}:</div><blockquote>${review.content ? e(review.content) : e(t.empty)}</blockquote>`,
      review.followUpContent ? `<div>${e(t.followUpText)}:</div><blockquote>${e(review.followUpContent)}</blockquote>` : '',
      '</div>',
    );
  }
  out.push(`<h2>${e(t.contacts)}</h2>`);
  out.push(
    pack.contactOutcomes.length
      ? htmlTable(
          t.contactColumns,
          pack.contactOutcomes.map((c) => [
            time(c.at),
            e(c.label),
            e(c.externalId ?? c.reviewId),
            e(money(c.demandedAmount, c.currency)),
            e(money(c.orderAmount, c.currency)),
          ]),
        )
      : `<p>${e(t.noContacts)}</p>`,
  );
  out.push(`<h2>${e(t.decisions)}</h2>`);
  out.push(
    pack.decisions.length
      ? htmlTable(
          t.decisionColumns,
          pack.decisions.map((d) => [
            time(d.at),
            e(d.label),
            e(d.reason),
            e(d.by),
            e(`${STATUS_LABELS[d.fromStatus][lang]} → ${STATUS_LABELS[d.toStatus][lang]}`),
            e(d.evidence.join(', ')),
          ]),
        )
      : `<p>${e(t.noDecisions)}</p>`,
  );
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
