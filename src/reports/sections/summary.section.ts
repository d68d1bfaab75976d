import type { Block, RenderedSection } from '../render/blocks';
import { GRADES_BY_TREND_PERIOD } from '../report-reviews.sql';
import { ReportText, tagLabel } from '../report-text';
import { ActionItem, delta, Delta, PeriodRef, ratio, ReportData, SectionBuilder } from '../report.types';
import { periodLabel, periodLabels, shortPeriodLabel } from './section-helpers';

export interface GradeCounts {
  reviews: number;
  good: number;
  medium: number;
  bad: number;
  /** medium + bad */
  negative: number;
  /** negative / reviews, null without reviews */
  negativeRate: number | null;
  goodRate: number | null;
}

export interface TrendPoint extends GradeCounts {
  week: string | null;
  from: string;
  to: string;
}

export interface Comparison {
  reviews: Delta;
  negative: Delta;
  /** difference of rates (0-1), null when either side has no reviews */
  negativeRate: number | null;
  goodRate: number | null;
}

export interface SummarySection {
  current: GradeCounts;
  /** reviews of the period that were medium or bad and had been revised to good by its end */
  recovered: number;
  previous: GradeCounts;
  /** the 4 periods before this one: mean counts, rates pooled over the 4 */
  average: GradeCounts;
  vsPrevious: Comparison;
  vsAverage: Comparison;
  /** oldest first, ending with this period */
  trend: TrendPoint[];
}

export interface GradeRow {
  bucket: number;
  reviews: number;
  good: number;
  medium: number;
  bad: number;
}

export const AVERAGE_PERIODS = 4;

export function gradeCounts(row: Pick<GradeRow, 'good' | 'medium' | 'bad'>, periods = 1): GradeCounts {
  const reviews = row.good + row.medium + row.bad;
  const negative = row.medium + row.bad;
  return {
    reviews: reviews / periods,
    good: row.good / periods,
    medium: row.medium / periods,
    bad: row.bad / periods,
    negative: negative / periods,
    negativeRate: ratio(negative, reviews),
    goodRate: ratio(row.good, reviews),
  };
}

function compare(current: GradeCounts, other: GradeCounts): Comparison {
  const rateDiff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    reviews: delta(current.reviews, other.reviews),
    negative: delta(current.negative, other.negative),
    negativeRate: rateDiff(current.negativeRate, other.negativeRate),
    goodRate: rateDiff(current.goodRate, other.goodRate),
  };
}

/** The summary from the grade counts of the trend periods (bucket i is periods[i - 1]); pure. */
export function summarize(rows: readonly GradeRow[], periods: readonly PeriodRef[], recovered: number): SummarySection {
  if (periods.length < AVERAGE_PERIODS + 1) throw new Error(`the summary needs ${AVERAGE_PERIODS + 1} periods`);
  const byBucket = new Map(rows.map((row) => [row.bucket, row]));
  const raw = periods.map((_, i) => byBucket.get(i + 1) ?? { bucket: i + 1, reviews: 0, good: 0, medium: 0, bad: 0 });
  const trend = periods.map((period, i) => ({ week: period.week, from: period.from, to: period.to, ...gradeCounts(raw[i]) }));
  const last = periods.length - 1;
  const before = raw.slice(last - AVERAGE_PERIODS, last);
  const pooled = before.reduce((sum, row) => ({ good: sum.good + row.good, medium: sum.medium + row.medium, bad: sum.bad + row.bad }), {
    good: 0,
    medium: 0,
    bad: 0,
  });
  const current = gradeCounts(raw[last]);
  const previous = gradeCounts(raw[last - 1]);
  const average = gradeCounts(pooled, AVERAGE_PERIODS);
  return { current, recovered, previous, average, vsPrevious: compare(current, previous), vsAverage: compare(current, average), trend };
}

function render(data: SummarySection, text: ReportText, report: ReportData): RenderedSection {
  const labels = periodLabels(text, report.kind);
  const { current, previous, average } = data;
  const countDetail = (key: 'reviews' | 'negative') =>
    `${labels.previous} ${text.count(previous[key])} (${text.relative(current[key], previous[key])}) · ${labels.average} ${text.count(average[key])}`;
  const rateDetail = (key: 'negativeRate' | 'goodRate') =>
    `${labels.previous} ${text.deltaPp(data.vsPrevious[key])} · ${labels.average} ${text.deltaPp(data.vsAverage[key])}`;
  const worse = (change: number | null, higherIsBad: boolean) => (change === null || change === 0 ? 'neutral' : change > 0 === higherIsBad ? 'bad' : 'good');
  const blocks: Block[] = [
    {
      type: 'metrics',
      items: [
        { label: text.t('reviews'), value: text.count(current.reviews), detail: countDetail('reviews'), tone: 'neutral' },
        { label: text.t('negative'), value: text.count(current.negative), detail: countDetail('negative'), tone: worse(data.vsPrevious.negative.abs, true) },
        {
          label: text.t('negativeRate'),
          value: text.percent(current.negativeRate),
          detail: rateDetail('negativeRate'),
          tone: worse(data.vsPrevious.negativeRate, true),
        },
        { label: text.t('goodRate'), value: text.percent(current.goodRate), detail: rateDetail('goodRate'), tone: worse(data.vsPrevious.goodRate, false) },
        { label: text.t('recovered'), value: text.count(data.recovered), detail: text.t('revisionNote'), tone: data.recovered > 0 ? 'good' : 'neutral' },
      ],
    },
    {
      type: 'chart',
      chart: {
        kind: 'trend',
        title: text.t('trendTitle'),
        points: data.trend.map((point) => ({ label: shortPeriodLabel(point), bar: point.negative, line: point.negativeRate })),
        barLabel: text.t('negative'),
        lineLabel: text.t('negativeRate'),
      },
    },
  ];
  const count = (value: number) => ({ value, kind: 'count' as const });
  const pct = (value: number | null) => ({ value, kind: 'percent' as const });
  const row = (label: string, key: 'reviews' | 'good' | 'medium' | 'bad' | 'negative') => [
    label,
    count(current[key]),
    count(previous[key]),
    { value: current[key] - previous[key], kind: 'delta' as const },
    count(average[key]),
    { value: current[key] - average[key], kind: 'delta' as const },
  ];
  const rateRow = (label: string, key: 'negativeRate' | 'goodRate') => [
    label,
    pct(current[key]),
    pct(previous[key]),
    { value: data.vsPrevious[key], kind: 'deltaPp' as const },
    pct(average[key]),
    { value: data.vsAverage[key], kind: 'deltaPp' as const },
  ];
  blocks.push({
    type: 'table',
    id: 'summary',
    columns: [
      { label: text.t('metric'), kind: 'text' },
      { label: labels.current, kind: 'count' },
      { label: labels.previous, kind: 'count' },
      { label: text.t('change'), kind: 'delta' },
      { label: labels.average, kind: 'count' },
      { label: text.t('vsAverage'), kind: 'delta' },
    ],
    rows: [
      row(text.t('reviews'), 'reviews'),
      row(text.t('good'), 'good'),
      row(text.t('medium'), 'medium'),
      row(text.t('bad'), 'bad'),
      row(text.t('negative'), 'negative'),
      rateRow(text.t('negativeRate'), 'negativeRate'),
      rateRow(text.t('goodRate'), 'goodRate'),
      [text.t('recovered'), count(data.recovered), null, null, null, null],
    ],
    empty: text.t('noRows'),
  });
  blocks.push({
    type: 'table',
    id: 'trend',
    title: text.t('trend'),
    columns: [
      { label: text.t('period'), kind: 'text' },
      { label: text.t('reviews'), kind: 'count' },
      { label: text.t('negative'), kind: 'count' },
      { label: text.t('negativeRate'), kind: 'percent' },
      { label: text.t('goodRate'), kind: 'percent' },
    ],
    rows: data.trend.map((point) => [periodLabel(point), point.reviews, point.negative, point.negativeRate, point.goodRate]),
    empty: text.t('noRows'),
  });
  return { key: 'summary', title: text.t('summary'), blocks };
}

/** One item for operations when the medium/bad rate is clearly above the 4-period average. */
function actions(data: SummarySection, report: Pick<ReportData, 'settings' | 'sections'>): ActionItem[] {
  const { current, average } = data;
  const above = data.vsAverage.negativeRate;
  if (above === null || above < RATE_ALERT || current.negative < report.settings.actionMinComplaints) return [];
  const top = report.sections.rootCauses?.tags.find((tag) => tag.reviews > 0);
  const pct = (value: number | null) => `${((value ?? 0) * 100).toFixed(1)}%`;
  const points = (above * 100).toFixed(1);
  const topZh = top ? `；最多的原因：${tagLabel(top.tag).zh} ${top.reviews} 条` : '';
  const topEn = top ? `; the top cause is ${tagLabel(top.tag).en.toLowerCase()} (${top.reviews} reviews)` : '';
  return [
    {
      department: 'operations',
      priority: above >= 2 * RATE_ALERT ? 'high' : 'medium',
      code: 'summary.rate_above_average',
      params: { negativeRate: current.negativeRate, averageRate: average.negativeRate, topCause: top?.tag ?? null },
      text: {
        zh: `中差评率 ${pct(current.negativeRate)}，比前4期均值 ${pct(average.negativeRate)} 高 ${points} 个百分点${topZh} — 本周复盘会逐项跟进本报告的行动建议`,
        en: `The medium/bad rate is ${pct(current.negativeRate)}, ${points} pp above the average of the 4 periods before (${pct(average.negativeRate)})${topEn} - go through this report's actions in the weekly review`,
      },
    },
  ];
}

/** a rise of the medium/bad rate over the 4-period average worth an action: 1 percentage point */
const RATE_ALERT = 0.01;

export const summarySection: SectionBuilder<'summary', { grades: GradeRow; recovered: { n: number } }> = {
  key: 'summary',
  queries: {
    grades: GRADES_BY_TREND_PERIOD,
    recovered: `SELECT recovered AS n FROM rr_counts WHERE per = 'all'`,
  },
  build(rows, context) {
    return summarize(rows.grades, context.trend, rows.recovered[0]?.n ?? 0);
  },
  render,
  actions,
};
