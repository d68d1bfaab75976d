import { ALERT_CAUSE_LABELS, SUBJECT_TYPE_LABELS } from '../../alerts/alert-labels';
import { ALERTS_OF_PERIOD_SQL } from '../../alerts/alert-report.sql';
import { label } from '../../common/labels';
import { isSubTag, parentTag } from '../../reviews/taxonomy';
import { isHighRiskBuyerSql } from '../../reviewers/high-risk-reviewer.sql';
import type { RenderedSection } from '../render/blocks';
import { adviceFor, QUALITY_ADVICE } from '../report-advice';
import type { ReportSettings } from '../report-settings';
import { ReportText, subTagLabel } from '../report-text';
import { ActionItem, delta, Delta, ratio, ReportData, SectionBuilder } from '../report.types';
import { clip, periodLabels } from './section-helpers';

export type Spread = 'widespread' | 'isolated';

export interface SkuSubCause {
  /** null: quality complaints that name no sub-cause */
  subTag: string | null;
  reviews: number;
  /**
   * distinct buyers who count toward the spread (a review without a buyer id counts as its own buyer): high-risk
   * reviewers (possible professional bad-reviewers) do not
   */
  buyers: number;
  /** distinct high-risk reviewers among those who reported it: neither their buyers nor their reviews make it widespread */
  highRiskBuyers: number;
  /** the reviews of the buyers who count, of the SKU's reviews in the period (all grades) */
  share: number | null;
}

export interface SkuRow {
  productId: string | null;
  sku: string | null;
  productName: string | null;
  /** all the SKU's reviews in the period */
  reviews: number;
  /** its medium/bad reviews tagged quality */
  complaints: number;
  buyers: number;
  share: number | null;
  previous: number;
  change: Delta;
  /** widespread when early warning had an alert open on the SKU (quality or all causes) during the period */
  spread: Spread;
  /** early warning had an alert open on the SKU (quality or all causes) during the period */
  alerted: boolean;
  subTags: SkuSubCause[];
}

/** An early-warning alert of the period (docs/alerts.md). */
export interface PeriodAlertRow {
  id: string;
  subjectType: string;
  subject: string;
  cause: string;
  method: string;
  openedAt: string;
  firstBadAt: string;
  resolvedAt: string | null;
  windowReviews: number;
  windowBad: number;
  baselineRate: number;
  openedInPeriod: boolean;
}

export interface PeriodAlert {
  subjectType: string;
  subject: string;
  cause: string;
  openedAt: string;
  resolvedAt: string | null;
  /** from the first medium/bad review of the window that opened it to the alert */
  hoursToDetection: number;
  windowReviews: number;
  windowBad: number;
  baselineRate: number;
}

export interface QualitySection {
  complaints: number;
  skuCount: number;
  widespread: number;
  isolated: number;
  /** complaints on SKUs with isolated problems only */
  isolatedComplaints: number;
  /** the isolated SKUs with the most complaints (at most 5), listed or not */
  isolatedTop: { productId: string | null; sku: string | null; complaints: number }[];
  /** widespread first, then most complaints; at most settings.tableRows */
  rows: SkuRow[];
  /** SKUs with complaints not listed */
  more: number;
  /** early-warning alerts opened in the period, oldest first (absent in reports stored before early warning) */
  alerts?: PeriodAlert[];
}

export interface QualityComplaintRow {
  bucket: number;
  productId: string | null;
  sku: string | null;
  /** this period: the buyer (any value unique to the buyer; a review without buyer id is its own buyer); previous: null */
  buyer: string | number | null;
  /** this period: the buyer is a high-risk reviewer now (not counted toward a spread); previous: null */
  highRisk: boolean | null;
  /** this period: the review's sub-tags; previous: null */
  subTags: string[] | null;
  n: number;
}

export interface SkuTotalRow {
  productId: string | null;
  sku: string | null;
  productName: string | null;
  /** all the SKU's reviews in the period */
  n: number;
}

type SpreadSettings = Pick<ReportSettings, 'tableRows'>;

/**
 * Widespread has one definition, early warning's (docs/alerts.md): a SKU is widespread for the period when its
 * quality (or all-cause) alert was open at any time in it; otherwise its complaints are isolated. The buyer counts
 * stay as evidence (high-risk reviewers apart), not as a second rule.
 */
export function spreadOf(productId: string | null, alertedProducts: ReadonlySet<string>): Spread {
  return productId !== null && alertedProducts.has(productId) ? 'widespread' : 'isolated';
}

/** one string per (productId, sku), null apart from any text */
const skuKey = (productId: string | null, sku: string | null) =>
  `${productId === null ? '\u0000' : `=${productId}`}\u0001${sku === null ? '\u0000' : `=${sku}`}`;

/** the same order as localeCompare, without building a collator per comparison */
const collator = new Intl.Collator();

const isQualitySubTag = (sub: string) => isSubTag(sub) && parentTag(sub) === 'quality';

/** Quality complaints by SKU with their spread; pure. */
export function qualityBySku(
  complaints: readonly QualityComplaintRow[],
  totals: readonly SkuTotalRow[],
  settings: SpreadSettings,
  periodAlerts: readonly PeriodAlertRow[] = [],
): QualitySection {
  const alertedProducts = new Set(periodAlerts.filter((a) => a.subjectType === 'sku' && (a.cause === 'quality' || a.cause === 'any')).map((a) => a.subject));
  const totalBySku = new Map(totals.map((row) => [skuKey(row.productId, row.sku), row]));
  type Buyer = string | number | null;
  interface Acc {
    productId: string | null;
    sku: string | null;
    complaints: number;
    buyers: Set<Buyer>;
    previous: number;
    subs: Map<string | null, { reviews: number; counted: number; buyers: Set<Buyer>; highRisk: Set<Buyer> }>;
  }
  const skus = new Map<string, Acc>();
  const countSub = (acc: Acc, sub: string | null, row: QualityComplaintRow) => {
    let entry = acc.subs.get(sub);
    if (!entry) {
      entry = { reviews: 0, counted: 0, buyers: new Set<Buyer>(), highRisk: new Set<Buyer>() };
      acc.subs.set(sub, entry);
    }
    entry.reviews += row.n;
    if (row.highRisk) {
      entry.highRisk.add(row.buyer);
    } else {
      entry.counted += row.n;
      entry.buyers.add(row.buyer);
    }
  };
  for (const row of complaints) {
    const key = skuKey(row.productId, row.sku);
    let acc = skus.get(key);
    if (!acc) {
      acc = { productId: row.productId, sku: row.sku, complaints: 0, buyers: new Set(), previous: 0, subs: new Map() };
      skus.set(key, acc);
    }
    if (row.bucket !== 0) {
      acc.previous += row.n;
      continue;
    }
    acc.complaints += row.n;
    acc.buyers.add(row.buyer);
    // one row per review: this loop is most of the section's time, so no arrays or sets per row
    const subTags = row.subTags ?? [];
    let named = false;
    for (let i = 0; i < subTags.length; i++) {
      const sub = subTags[i];
      if (subTags.indexOf(sub) !== i || !isQualitySubTag(sub)) continue;
      named = true;
      countSub(acc, sub, row);
    }
    if (!named) countSub(acc, null, row);
  }
  const rows = [...skus.entries()]
    .filter(([, acc]) => acc.complaints > 0)
    .map(([key, acc]): SkuRow & { key: string } => {
      const total = totalBySku.get(key);
      // the SKU's reviews include its complaints, whatever the totals query saw
      const reviews = Math.max(total?.n ?? 0, acc.complaints);
      const subTags = [...acc.subs]
        .map(([subTag, entry]): SkuSubCause => {
          const share = ratio(entry.counted, reviews);
          return {
            subTag,
            reviews: entry.reviews,
            buyers: entry.buyers.size,
            highRiskBuyers: entry.highRisk.size,
            share,
          };
        })
        .sort((a, b) => b.buyers - a.buyers || b.reviews - a.reviews);
      const spread = spreadOf(acc.productId, alertedProducts);
      return {
        productId: acc.productId,
        sku: acc.sku,
        productName: total?.productName ?? null,
        reviews,
        complaints: acc.complaints,
        buyers: acc.buyers.size,
        share: ratio(acc.complaints, reviews),
        previous: acc.previous,
        change: delta(acc.complaints, acc.previous),
        spread,
        alerted: spread === 'widespread',
        subTags,
        key,
      };
    })
    .sort(
      (a, b) =>
        Number(b.spread === 'widespread') - Number(a.spread === 'widespread') ||
        b.complaints - a.complaints ||
        b.buyers - a.buyers ||
        collator.compare(a.key, b.key),
    )
    .map(({ key: _key, ...row }): SkuRow => row);
  const widespread = rows.filter((row) => row.spread === 'widespread').length;
  const isolated = rows.filter((row) => row.spread === 'isolated');
  return {
    complaints: rows.reduce((sum, row) => sum + row.complaints, 0),
    skuCount: rows.length,
    widespread,
    isolated: isolated.length,
    isolatedComplaints: isolated.reduce((sum, row) => sum + row.complaints, 0),
    isolatedTop: isolated.slice(0, 5).map((row) => ({ productId: row.productId, sku: row.sku, complaints: row.complaints })),
    rows: rows.slice(0, settings.tableRows),
    more: Math.max(0, rows.length - settings.tableRows),
    alerts: periodAlerts
      .filter((a) => a.openedInPeriod)
      .map((a) => ({
        subjectType: a.subjectType,
        subject: a.subject,
        cause: a.cause,
        openedAt: a.openedAt,
        resolvedAt: a.resolvedAt,
        hoursToDetection: Math.round(((Date.parse(a.openedAt) - Date.parse(a.firstBadAt)) / 3_600_000) * 10) / 10,
        windowReviews: a.windowReviews,
        windowBad: a.windowBad,
        baselineRate: a.baselineRate,
      })),
  };
}

/** What identifies a SKU to people: its SKU, else its product id. */
export function skuLabel(row: { sku: string | null; productId: string | null }, unknown: string): string {
  return row.sku ?? row.productId ?? unknown;
}

function render(data: QualitySection, text: ReportText, report: ReportData): RenderedSection {
  const labels = periodLabels(text, report.kind);
  const spread = (value: Spread) => text.t(value);
  const subCauses = (row: SkuRow) => row.subTags.map((sub) => `${text.subTag(sub.subTag)} ${sub.reviews}/${sub.buyers}`).join('; ');
  return {
    key: 'quality',
    title: text.t('quality'),
    blocks: [
      {
        type: 'table',
        id: 'quality_by_sku',
        columns: [
          { label: text.t('sku'), kind: 'text' },
          { label: text.t('product'), kind: 'text', wrap: true },
          { label: text.t('reviews'), kind: 'count' },
          { label: text.t('complaints'), kind: 'count' },
          { label: text.t('buyers'), kind: 'count' },
          { label: text.t('share'), kind: 'percent' },
          { label: labels.previous, kind: 'count' },
          { label: text.t('spread'), kind: 'text' },
          { label: `${text.t('subTag')} (${text.t('complaints')}/${text.t('buyers')})`, kind: 'text', wrap: true },
        ],
        rows: data.rows.map((row) => [
          skuLabel(row, text.t('unknown')),
          row.productName ? clip(row.productName, 30) : '',
          row.reviews,
          row.complaints,
          row.buyers,
          row.share,
          row.previous,
          spread(row.spread),
          subCauses(row),
        ]),
        empty: text.t('noRows'),
        more: data.more,
      },
      { type: 'note', text: text.t('spreadNote') },
      {
        type: 'table',
        id: 'alerts_of_period',
        columns: [
          { label: text.t('alertSubject'), kind: 'text' },
          { label: text.t('alertCause'), kind: 'text' },
          { label: text.t('alertWindow'), kind: 'text' },
          { label: text.t('alertHours'), kind: 'text' },
          { label: text.t('alertResolved'), kind: 'text' },
        ],
        rows: (data.alerts ?? []).map((a) => [
          `${label(SUBJECT_TYPE_LABELS, a.subjectType, text.lang)} ${a.subjectType === 'shop' ? '' : a.subject}`.trim(),
          label(ALERT_CAUSE_LABELS, a.cause, text.lang),
          `${a.windowBad}/${a.windowReviews} (${(a.baselineRate * 100).toFixed(1)}%)`,
          a.hoursToDetection.toFixed(1),
          a.resolvedAt ? a.resolvedAt.slice(0, 16).replace('T', ' ') : '-',
        ]),
        empty: text.t('noAlerts'),
        more: 0,
      },
      { type: 'note', text: text.t('alertsNote') },
    ],
  };
}

/**
 * Widespread problems go to supply chain / QC: one item per listed SKU, led by its sub-cause with the most
 * buyers; isolated ones are one item for customer service (a free replacement solves an isolated defect,
 * no supplier action).
 */
function actions(data: QualitySection): ActionItem[] {
  const items: ActionItem[] = [];
  for (const row of data.rows.filter((r) => r.spread === 'widespread')) {
    const sku = skuLabel(row, '?');
    const nameZh = row.productName ? `（${clip(row.productName, 20)}）` : '';
    const nameEn = row.productName ? ` (${clip(row.productName, 20)})` : '';
    // led by the sub-cause the most buyers report; the alert is on the SKU's quality as a whole
    const [top, ...others] = row.subTags;
    const label = subTagLabel(top.subTag);
    const advice = adviceFor(QUALITY_ADVICE, top.subTag);
    const more = others.slice(0, 3);
    const moreZh = more.length ? `；另有${more.map((o) => `「${subTagLabel(o.subTag).zh}」${o.buyers} 位`).join('、')}` : '';
    const moreEn = more.length ? `; also ${more.map((o) => `${subTagLabel(o.subTag).en} (${o.buyers})`).join(', ')}` : '';
    items.push({
      department: 'supply_chain',
      priority: 'high',
      code: 'quality.widespread',
      params: { productId: row.productId, sku: row.sku, subTag: top.subTag, buyers: top.buyers, reviews: top.reviews, otherSubTags: others.length },
      text: {
        zh: `SKU ${sku}${nameZh}：${top.buyers} 位买家反映「${label.zh}」（${top.reviews} 条中差评）${moreZh} — ${advice.zh}`,
        en: `SKU ${sku}${nameEn}: ${top.buyers} ${top.buyers === 1 ? 'buyer reports' : 'buyers report'} ${label.en} (${top.reviews} medium/bad reviews)${moreEn} - ${advice.en}`,
      },
    });
  }
  if (data.widespread > items.length) {
    const rest = data.widespread - items.length;
    items.push({
      department: 'supply_chain',
      priority: 'high',
      code: 'quality.widespread_more',
      params: { skus: rest },
      text: {
        zh: `另有 ${rest} 个SKU存在普遍质量问题（未列出）：按投诉数逐个排查`,
        en: `${rest} more SKU${rest === 1 ? ' has' : 's have'} widespread quality problems (not listed): go through them by number of complaints`,
      },
    });
  }
  if (data.isolated > 0) {
    const listed = data.isolatedTop.map((row) => skuLabel(row, '?'));
    const others = data.isolated - listed.length;
    items.push({
      department: 'customer_service',
      priority: 'medium',
      code: 'quality.isolated',
      params: { skus: data.isolated, reviews: data.isolatedComplaints },
      text: {
        zh: `${data.isolated} 个SKU只有个别质量问题（${listed.join('、')}${others > 0 ? ' 等' : ''}，共 ${data.isolatedComplaints} 条）：按个别瑕疵处理，免费换新或补发，无需供应商整改`,
        en: `${data.isolated} SKU${data.isolated === 1 ? ' has' : 's have'} isolated quality complaints (${listed.join(', ')}${others > 0 ? ', ...' : ''}; ${data.isolatedComplaints} in all): treat them as one-off defects - free replacement, no supplier action`,
      },
    });
  }
  return items;
}

export const qualitySection: SectionBuilder<'quality', { complaints: QualityComplaintRow; totals: SkuTotalRow; alerts: PeriodAlertRow }> = {
  key: 'quality',
  queries: {
    // buyers as 32-bit hashes (a collision within one SKU's buyers is negligible): these rows are the
    // largest part of the statement's result; the previous period only needs counts per SKU. Whether a buyer
    // is high-risk is today's answer (a flag has no history), looked up by the profiles' unique key.
    complaints: `
      SELECT n.bucket, n.product_id AS "productId", n.sku,
        CASE WHEN n.bucket = 0 THEN hashtext(coalesce(n.buyer_id, 'review:' || n.id)) END AS buyer,
        CASE WHEN n.bucket = 0 THEN ${isHighRiskBuyerSql('$1', 'n.platform', 'n.buyer_id COLLATE "default"')} END AS "highRisk",
        CASE WHEN n.bucket = 0 THEN n.sub_tags END AS "subTags", count(*)::int AS n
      FROM rr_negative n
      WHERE 'quality' = ANY(n.tags)
      GROUP BY 1, 2, 3, 4, 5, 6`,
    // the SKUs with quality complaints this period, with all their reviews and the product name their
    // complaints carry (a union, not a join: the planner cannot estimate CTE rows and would loop)
    totals: `
      SELECT product_id AS "productId", sku, max(product_name) AS "productName", sum(reviews)::int AS n
      FROM (
        SELECT product_id, sku, NULL AS product_name, reviews, false AS complained FROM rr_counts WHERE per = 'sku'
        UNION ALL
        SELECT product_id, sku, product_name, 0, true FROM rr_negative WHERE bucket = 0 AND 'quality' = ANY(tags)
      ) x
      GROUP BY product_id, sku
      HAVING bool_or(complained)`,
    alerts: ALERTS_OF_PERIOD_SQL,
  },
  build: (rows, context) => qualityBySku(rows.complaints, rows.totals, context.settings, rows.alerts),
  render,
  actions,
};
