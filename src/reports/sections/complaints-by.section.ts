import { isSubTag, parentTag } from '../../reviews/taxonomy';
import type { RenderedSection } from '../render/blocks';
import { adviceFor, LOGISTICS_ADVICE, SERVICE_ADVICE } from '../report-advice';
import { Bilingual, Department, ReportText, subTagLabel, UiKey } from '../report-text';
import { ActionItem, delta, Delta, ratio, ReportData, ReportSections, SectionBuilder } from '../report.types';
import { periodLabels } from './section-helpers';

export interface ComplaintGroupRow {
  /** the carrier or the agent; null when the reviews do not say */
  name: string | null;
  /** all its reviews in the period */
  reviews: number;
  negative: number;
  /** medium/bad reviews with the section's tag */
  complaints: number;
  /** complaints / reviews */
  rate: number | null;
  previous: number;
  change: Delta;
  /** most first; null: complaints naming no sub-cause */
  subTags: { subTag: string | null; reviews: number }[];
}

export interface ComplaintsBySection {
  complaints: number;
  previous: number;
  /** carriers or agents with complaints in this or the previous period */
  groupCount: number;
  rows: ComplaintGroupRow[];
  more: number;
}

export type LogisticsSection = ComplaintsBySection;
export type ServiceSection = ComplaintsBySection;

export interface GroupTotalRow {
  bucket: number;
  name: string | null;
  reviews: number;
  negative: number;
  complaints: number;
}

export interface GroupSubTagRow {
  name: string | null;
  subTags: string[];
  n: number;
}

const nameKey = (name: string | null) => JSON.stringify(name);

/** Complaints of one tag by carrier or agent; pure. */
export function complaintsBy(totals: readonly GroupTotalRow[], subRows: readonly GroupSubTagRow[], tag: string, tableRows: number): ComplaintsBySection {
  const groups = new Map<string, { name: string | null; reviews: number; negative: number; complaints: number; previous: number }>();
  for (const row of totals) {
    const key = nameKey(row.name);
    const group = groups.get(key) ?? { name: row.name, reviews: 0, negative: 0, complaints: 0, previous: 0 };
    if (row.bucket === 0) {
      group.reviews += row.reviews;
      group.negative += row.negative;
      group.complaints += row.complaints;
    } else {
      group.previous += row.complaints;
    }
    groups.set(key, group);
  }
  const subs = new Map<string, Map<string | null, number>>();
  for (const row of subRows) {
    const key = nameKey(row.name);
    const perGroup = subs.get(key) ?? new Map<string | null, number>();
    subs.set(key, perGroup);
    const own = [...new Set(row.subTags)].filter((sub) => isSubTag(sub) && parentTag(sub) === tag);
    for (const sub of own.length ? own : [null]) perGroup.set(sub, (perGroup.get(sub) ?? 0) + row.n);
  }
  const rows = [...groups.entries()]
    .filter(([, group]) => group.complaints > 0 || group.previous > 0)
    .map(([key, group]): ComplaintGroupRow => ({
      ...group,
      rate: ratio(group.complaints, group.reviews),
      change: delta(group.complaints, group.previous),
      subTags: [...(subs.get(key) ?? new Map<string | null, number>())]
        .map(([subTag, reviews]) => ({ subTag, reviews }))
        .sort((a, b) => b.reviews - a.reviews || (a.subTag === null ? 1 : b.subTag === null ? -1 : a.subTag.localeCompare(b.subTag))),
    }))
    .sort((a, b) => b.complaints - a.complaints || b.previous - a.previous || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
  return {
    complaints: rows.reduce((sum, row) => sum + row.complaints, 0),
    previous: rows.reduce((sum, row) => sum + row.previous, 0),
    groupCount: rows.length,
    rows: rows.slice(0, tableRows),
    more: Math.max(0, rows.length - tableRows),
  };
}

interface GroupOptions {
  key: 'logistics' | 'service';
  tag: 'logistics' | 'service';
  column: 'carrier' | 'service_agent';
  title: UiKey;
  nameLabel: UiKey;
  department: Department;
  advice: typeof LOGISTICS_ADVICE;
  /** the item's text for a named group */
  named(name: string, row: ComplaintGroupRow, top: Bilingual | null, topCount: number, advice: Bilingual): Bilingual;
  /** the item's text when the reviews do not name the carrier or agent */
  unnamed(row: ComplaintGroupRow): Bilingual;
}

function renderGroups(options: GroupOptions) {
  return (data: ComplaintsBySection, text: ReportText, report: ReportData): RenderedSection => {
    const labels = periodLabels(text, report.kind);
    return {
      key: options.key,
      title: text.t(options.title),
      blocks: [
        {
          type: 'table',
          id: `${options.key}_by_${options.column === 'carrier' ? 'carrier' : 'agent'}`,
          columns: [
            { label: text.t(options.nameLabel), kind: 'text' },
            { label: text.t('reviews'), kind: 'count' },
            { label: text.t('complaints'), kind: 'count' },
            { label: text.t('rate'), kind: 'percent' },
            { label: labels.previous, kind: 'count' },
            { label: text.t('change'), kind: 'delta' },
            { label: text.t('subTag'), kind: 'text', wrap: true },
          ],
          rows: data.rows.map((row) => [
            row.name ?? text.t('unknown'),
            row.reviews,
            row.complaints,
            row.rate,
            row.previous,
            row.change.abs,
            row.subTags.map((sub) => `${text.subTag(sub.subTag)} ${sub.reviews}`).join('; '),
          ]),
          empty: text.t('noRows'),
          more: data.more,
        },
      ],
    };
  };
}

function groupActions(options: GroupOptions) {
  return (data: ComplaintsBySection, report: Pick<ReportData, 'settings'>): ActionItem[] => {
    const min = report.settings.actionMinComplaints;
    return data.rows
      .filter((row) => row.complaints >= min)
      .map((row): ActionItem => {
        const top = row.subTags[0] ?? null;
        const advice = adviceFor(options.advice, top?.subTag ?? null);
        return {
          department: options.department,
          priority: row.name !== null && row.change.abs > 0 && row.complaints >= 2 * min ? 'high' : 'medium',
          code: row.name === null ? `${options.tag}.unattributed` : `${options.tag}.complaints`,
          params: { name: row.name, complaints: row.complaints, previous: row.previous, rate: row.rate, subTag: top?.subTag ?? null },
          text: row.name === null ? options.unnamed(row) : options.named(row.name, row, top ? subTagLabel(top.subTag) : null, top?.reviews ?? 0, advice),
        };
      });
  };
}

const pct = (value: number | null) => (value === null ? '–' : `${(value * 100).toFixed(1)}%`);

function groupSection<K extends 'logistics' | 'service'>(
  options: GroupOptions & { key: K },
): SectionBuilder<K, { totals: GroupTotalRow; subTags: GroupSubTagRow }> {
  const column = options.column;
  return {
    key: options.key,
    queries: {
      // reviews per name this period (rr_counts); medium/bad and complaints in both periods (rr_negative)
      totals: `
        SELECT bucket, name, sum(reviews)::int AS reviews, sum(negative)::int AS negative, sum(complaints)::int AS complaints
        FROM (
          SELECT 0 AS bucket, ${column} AS name, reviews, 0 AS negative, 0 AS complaints FROM rr_counts WHERE per = '${column}'
          UNION ALL
          SELECT bucket, ${column}, 0, count(*), count(*) FILTER (WHERE '${options.tag}' = ANY(tags)) FROM rr_negative GROUP BY 1, 2
        ) x
        GROUP BY 1, 2`,
      subTags: `
        SELECT ${column} AS name, sub_tags AS "subTags", count(*)::int AS n
        FROM rr_negative WHERE bucket = 0 AND '${options.tag}' = ANY(tags)
        GROUP BY 1, 2`,
    },
    build: (rows, context) => complaintsBy(rows.totals, rows.subTags, options.tag, context.settings.tableRows) as ReportSections[K],
    render: renderGroups(options),
    actions: groupActions(options),
  };
}

export const logisticsSection = groupSection({
  key: 'logistics',
  tag: 'logistics',
  column: 'carrier',
  title: 'logistics',
  nameLabel: 'carrier',
  department: 'logistics',
  advice: LOGISTICS_ADVICE,
  named: (name, row, top, topCount, advice) => ({
    zh: `${name}：本期 ${row.complaints} 条物流投诉（占其评价 ${pct(row.rate)}，上期 ${row.previous} 条）${top ? `，主要是「${top.zh}」${topCount} 条` : ''} — ${advice.zh}`,
    en: `${name}: ${row.complaints} logistics complaints this period (${pct(row.rate)} of its reviews; ${row.previous} before)${top ? `, mostly ${top.en} (${topCount})` : ''} - ${advice.en}`,
  }),
  unnamed: (row) => ({
    zh: `${row.complaints} 条物流投诉的订单没有记录快递公司 — 导入评价时带上快递公司，才能追溯到快递`,
    en: `${row.complaints} logistics complaints have no carrier on record - send the carrier with the reviews so complaints can be traced to it`,
  }),
});

export const serviceSection = groupSection({
  key: 'service',
  tag: 'service',
  column: 'service_agent',
  title: 'service',
  nameLabel: 'agent',
  department: 'customer_service',
  advice: SERVICE_ADVICE,
  named: (name, row, top, topCount, advice) => ({
    zh: `客服 ${name}：本期 ${row.complaints} 条服务投诉（上期 ${row.previous} 条）${top ? `，主要是「${top.zh}」${topCount} 条` : ''} — ${advice.zh}`,
    en: `Agent ${name}: ${row.complaints} service complaints this period (${row.previous} before)${top ? `, mostly ${top.en} (${topCount})` : ''} - ${advice.en}`,
  }),
  unnamed: (row) => ({
    zh: `${row.complaints} 条服务投诉没有记录接待客服 — 导入评价时带上接待客服，才能追溯到人`,
    en: `${row.complaints} service complaints have no agent on record - send the serving agent with the reviews so complaints can be traced`,
  }),
});
