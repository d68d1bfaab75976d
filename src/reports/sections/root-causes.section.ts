import { isSubTag, parentTag, TAGS } from '../../reviews/taxonomy';
import type { Block, RenderedSection } from '../render/blocks';
import { adviceFor, PRICE_ADVICE } from '../report-advice';
import { ReportText, subTagLabel } from '../report-text';
import { ActionItem, delta, Delta, ratio, ReportData, SectionBuilder } from '../report.types';
import { periodLabels } from './section-helpers';

export interface CauseCount {
  /** medium/bad reviews with this cause */
  reviews: number;
  /** of the period's medium/bad reviews */
  share: number | null;
  previous: number;
  previousShare: number | null;
  change: Delta;
}

export interface SubCauseRow extends CauseCount {
  /** null: reviews of the cause that name no sub-cause */
  subTag: string | null;
}

export interface CauseRow extends CauseCount {
  tag: string;
  subTags: SubCauseRow[];
}

export interface RootCausesSection {
  negative: number;
  previousNegative: number;
  /** medium/bad reviews without any tag yet (not classified) */
  untagged: number;
  previousUntagged: number;
  /** every tag of the taxonomy, most reviews first */
  tags: CauseRow[];
}

export interface CauseComboRow {
  /** 0 this period, -1 the previous one */
  bucket: number;
  tags: string[];
  subTags: string[];
  /** medium/bad reviews with exactly these tags and sub-tags */
  n: number;
}

const CURRENT = 0;

/**
 * Counts causes from (tags, sub-tags) combinations; pure. A review counts once for each of its tags (shares
 * can add up to more than 100 %). A sub-tag counts under its parent tag, and only when the review carries
 * that tag; a review of a tag without any of its sub-tags counts under the sub-cause null.
 */
export function countCauses(rows: readonly CauseComboRow[]): RootCausesSection {
  const negative = [0, 0];
  const untagged = [0, 0];
  const tagCounts = new Map<string, [number, number]>();
  const subCounts = new Map<string, Map<string | null, [number, number]>>();
  const add = <K>(map: Map<K, [number, number]>, key: K, slot: number, n: number) => {
    const counts = map.get(key) ?? [0, 0];
    counts[slot] += n;
    map.set(key, counts);
  };
  for (const row of rows) {
    const slot = row.bucket === CURRENT ? 0 : 1;
    negative[slot] += row.n;
    const tags = [...new Set(row.tags)];
    if (!tags.length) untagged[slot] += row.n;
    for (const tag of tags) {
      add(tagCounts, tag, slot, row.n);
      const subs = [...new Set(row.subTags)].filter((sub) => isSubTag(sub) && parentTag(sub) === tag);
      const perTag = subCounts.get(tag) ?? new Map<string | null, [number, number]>();
      subCounts.set(tag, perTag);
      for (const sub of subs.length ? subs : [null]) add(perTag, sub, slot, row.n);
    }
  }
  const count = ([current, previous]: [number, number]): CauseCount => ({
    reviews: current,
    share: ratio(current, negative[0]),
    previous,
    previousShare: ratio(previous, negative[1]),
    change: delta(current, previous),
  });
  const order = (tag: string) => {
    const index = (TAGS as readonly string[]).indexOf(tag);
    return index < 0 ? TAGS.length : index;
  };
  const allTags = [...new Set([...TAGS, ...tagCounts.keys()])];
  const tags = allTags
    .map((tag): CauseRow => {
      const subs = [...(subCounts.get(tag) ?? new Map<string | null, [number, number]>())]
        .map(([subTag, counts]): SubCauseRow => ({ subTag, ...count(counts) }))
        .sort(
          (a, b) => b.reviews - a.reviews || b.previous - a.previous || (a.subTag === null ? 1 : b.subTag === null ? -1 : a.subTag.localeCompare(b.subTag)),
        );
      return { tag, ...count(tagCounts.get(tag) ?? [0, 0]), subTags: subs };
    })
    .sort((a, b) => b.reviews - a.reviews || b.previous - a.previous || order(a.tag) - order(b.tag));
  return { negative: negative[0], previousNegative: negative[1], untagged: untagged[0], previousUntagged: untagged[1], tags };
}

function render(data: RootCausesSection, text: ReportText, report: ReportData): RenderedSection {
  const labels = periodLabels(text, report.kind);
  const blocks: Block[] = [];
  if (data.negative === 0) blocks.push({ type: 'note', text: text.t('noNegative') });
  const items = data.tags.filter((row) => row.reviews || row.previous).map((row) => ({ label: text.tag(row.tag), value: row.reviews, previous: row.previous }));
  if (data.untagged || data.previousUntagged) items.push({ label: text.t('untagged'), value: data.untagged, previous: data.previousUntagged });
  blocks.push({ type: 'chart', chart: { kind: 'bars', title: text.t('causeChartTitle'), items, valueLabel: labels.current, previousLabel: labels.previous } });
  const columns = [
    { label: labels.current, kind: 'count' as const },
    { label: text.t('share'), kind: 'percent' as const },
    { label: labels.previous, kind: 'count' as const },
    { label: text.t('change'), kind: 'delta' as const },
  ];
  const cells = (row: CauseCount) => [row.reviews, row.share, row.previous, row.change.abs];
  blocks.push({
    type: 'table',
    id: 'causes',
    columns: [{ label: text.t('tag'), kind: 'text' }, ...columns],
    rows: [
      ...data.tags.map((row) => [text.tag(row.tag), ...cells(row)]),
      [text.t('untagged'), data.untagged, ratio(data.untagged, data.negative), data.previousUntagged, data.untagged - data.previousUntagged],
      [text.t('negative'), data.negative, null, data.previousNegative, data.negative - data.previousNegative],
    ],
    empty: text.t('noRows'),
  });
  blocks.push({
    type: 'table',
    id: 'sub_causes',
    title: text.t('subTag'),
    columns: [{ label: text.t('tag'), kind: 'text' }, { label: text.t('subTag'), kind: 'text' }, ...columns],
    rows: data.tags.flatMap((row) => row.subTags.map((sub) => [text.tag(row.tag), text.subTag(sub.subTag), ...cells(sub)])),
    empty: text.t('noRows'),
  });
  blocks.push({ type: 'note', text: `${text.t('sharesNote')} ${text.t('revisionNote')}` });
  return { key: 'rootCauses', title: text.t('rootCauses'), blocks };
}

/** Price complaints go to operations: price protection, promotions, positioning. */
function actions(data: RootCausesSection, report: Pick<ReportData, 'settings'>): ActionItem[] {
  const price = data.tags.find((row) => row.tag === 'price');
  if (!price) return [];
  return price.subTags
    .filter((sub) => sub.reviews >= report.settings.actionMinComplaints)
    .map((sub): ActionItem => {
      const advice = adviceFor(PRICE_ADVICE, sub.subTag);
      const label = subTagLabel(sub.subTag);
      return {
        department: 'operations',
        priority: sub.change.abs > 0 && sub.reviews >= 2 * report.settings.actionMinComplaints ? 'high' : 'medium',
        code: 'price.complaints',
        params: { subTag: sub.subTag, reviews: sub.reviews, previous: sub.previous },
        text: {
          zh: `价格问题「${label.zh}」：本期 ${sub.reviews} 条中差评（上期 ${sub.previous} 条）— ${advice.zh}`,
          en: `Price, ${label.en}: ${sub.reviews} medium/bad reviews this period (${sub.previous} before) - ${advice.en}`,
        },
      };
    });
}

export const rootCausesSection: SectionBuilder<'rootCauses', { combos: CauseComboRow }> = {
  key: 'rootCauses',
  queries: {
    combos: `SELECT bucket, tags, sub_tags AS "subTags", count(*)::int AS n FROM rr_negative GROUP BY 1, 2, 3`,
  },
  build: (rows) => countCauses(rows.combos),
  render,
  actions,
};
