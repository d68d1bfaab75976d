import type { EntityManager } from 'typeorm';
import type { ShopLocale } from '../shops/shop.entity';
import type { RenderedReport, RenderedSection } from './render/blocks';
import { periodsEndingWith, ReportPeriod, shiftBack } from './report-period';
import { REPORT_REVIEWS_CTE } from './report-reviews.sql';
import { effectiveSettings, ReportSettings } from './report-settings';
import { ReportLang, ReportText } from './report-text';
import { AnySectionBuilder, periodRef, REPORT_GENERATOR_VERSION, ReportData, ReportSections, SectionContext, SectionKey } from './report.types';
import { REPORT_SECTIONS } from './sections';
import { periodLabel } from './sections/section-helpers';

/** periods in the trend chart, ending with the reported one */
export const TREND_PERIODS = 8;

export interface ReportShop {
  id: string;
  name: string;
  locale: ShopLocale;
  reportSettings: unknown;
}

/**
 * All sections' queries as ONE statement over the CTEs of report-reviews.sql.ts: every query returns its
 * rows as a JSON array under "<section>.<query>", and the whole report sees one snapshot.
 */
export function combinedReportSql(builders: readonly AnySectionBuilder[]): string {
  const parts: string[] = [];
  for (const builder of builders) {
    for (const [name, sql] of Object.entries(builder.queries)) {
      parts.push(`'${builder.key}.${name}', (SELECT coalesce(json_agg(q), '[]'::json) FROM (${sql}) q)`);
    }
  }
  // report_params types every parameter even when no query of this builder list uses it
  return `WITH report_params AS (
      SELECT $1::uuid AS shop_id, $2::timestamptz AS previous_start, $3::timestamptz AS start, $4::timestamptz AS period_end,
        $5::timestamptz[] AS trend_bounds, $6::jsonb AS settings
    ),
    ${REPORT_REVIEWS_CTE}
    SELECT json_build_object(${parts.join(',\n')}) AS result`;
}

const COMBINED_SQL = combinedReportSql(REPORT_SECTIONS);

/**
 * Builds the data of a report: runs the combined statement, then each builder in order. Call it inside a
 * transaction: the SET LOCALs last until its end. JIT off: compiling costs more than these queries run.
 * work_mem keeps the period's reviews in memory. Sorts off: the planner cannot estimate the rows of the
 * CTEs (it guesses a few hundred) and would sort tens of thousands of rows for each GROUP BY where
 * hashing is cheaper; the sorts the queries need (DISTINCT ON, top-N) still happen.
 */
export async function buildReportData(
  db: EntityManager,
  shop: ReportShop,
  period: ReportPeriod,
  now: Date,
  builders: readonly AnySectionBuilder[] = REPORT_SECTIONS,
): Promise<ReportData> {
  const settings: ReportSettings = effectiveSettings(shop.reportSettings);
  const previous = shiftBack(period, 1);
  const trend = periodsEndingWith(period, TREND_PERIODS);
  const bounds = [...trend.map((p) => p.start), period.end];
  const sql = builders === REPORT_SECTIONS ? COMBINED_SQL : combinedReportSql(builders);
  await db.query(`SET LOCAL jit = off`);
  await db.query(`SET LOCAL work_mem = '64MB'`);
  await db.query(`SET LOCAL enable_sort = off`);
  const [row] = (await db.query(sql, [shop.id, previous.start, period.start, period.end, bounds, JSON.stringify(settings)])) as {
    result: Record<string, Record<string, unknown>[]>;
  }[];
  const sections: Partial<ReportSections> = {};
  const context: SectionContext = { db, shopId: shop.id, period, previous, trend: trend.map(periodRef), settings, sections };
  for (const builder of builders) {
    const rows: Record<string, Record<string, unknown>[]> = {};
    for (const name of Object.keys(builder.queries)) rows[name] = row.result[`${builder.key}.${name}`] ?? [];
    // rows are typed by each builder's declaration of its queries; the union of builders needs this cast
    const build = builder.build as (rows: Record<string, Record<string, unknown>[]>, context: SectionContext) => unknown;
    (sections as Record<string, unknown>)[builder.key] = await build(rows, context);
  }
  return {
    generatorVersion: REPORT_GENERATOR_VERSION,
    kind: period.kind,
    shop: { id: shop.id, name: shop.name, timezone: period.timezone, locale: shop.locale },
    period: periodRef(period),
    previous: periodRef(previous),
    trend: trend.map(periodRef),
    complete: period.end.getTime() <= now.getTime(),
    generatedAt: now.toISOString(),
    settings,
    sectionOrder: builders.map((builder) => builder.key),
    sections,
  };
}

/** The report as format-neutral blocks in a language; only reads the stored data. */
export function renderReport(data: ReportData, lang: ReportLang, builders: readonly AnySectionBuilder[] = REPORT_SECTIONS): RenderedReport {
  const text = new ReportText(lang);
  const sections: RenderedSection[] = [];
  for (const key of data.sectionOrder) {
    const builder = builders.find((b) => b.key === key);
    const section = data.sections[key as SectionKey];
    if (!builder || section === undefined) continue;
    const render = builder.render as (data: unknown, text: ReportText, report: ReportData) => RenderedSection;
    sections.push(render(section, text, data));
  }
  const generated = new Date(data.generatedAt).toLocaleString('sv-SE', { timeZone: data.shop.timezone }).slice(0, 16);
  return {
    lang,
    title: `${data.shop.name} · ${text.t(data.kind === 'weekly' ? 'weeklyTitle' : 'reportTitle')}`,
    meta: [`${text.t('period')}: ${periodLabel(data.period)}`, `${text.t('timezone')}: ${data.shop.timezone}`, `${text.t('generatedAt')}: ${generated}`],
    warning: data.complete ? null : text.t('partial'),
    sections,
  };
}
