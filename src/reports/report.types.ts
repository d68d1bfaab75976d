import type { EntityManager } from 'typeorm';
import type { ShopLocale } from '../shops/shop.entity';
import type { RenderedSection } from './render/blocks';
import type { ReportKind, ReportPeriod } from './report-period';
import type { ReportSettings } from './report-settings';
import type { Bilingual, Department, ReportText } from './report-text';
import type { ActionsSection } from './sections/actions.section';
import type { LogisticsSection, ServiceSection } from './sections/complaints-by.section';
import type { FunnelSection } from './sections/funnel.section';
import type { QualitySection } from './sections/quality.section';
import type { QuotesSection } from './sections/quotes.section';
import type { ComplianceSection } from './sections/compliance.section';
import type { ReviewerRiskSection } from './sections/reviewer-risk.section';
import type { RootCausesSection } from './sections/root-causes.section';
import type { SummarySection } from './sections/summary.section';

/** Bumped when the shape of `data` or the counting rules change; stored with every snapshot. */
export const REPORT_GENERATOR_VERSION = '1.1.0';

export const REPORT_FORMATS = ['json', 'csv', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The data of every section, by key. Adding a section is one entry here and one builder in
 * sections/index.ts. Snapshots stored before a section existed lack its key: they render without it.
 */
export interface ReportSections {
  summary: SummarySection;
  rootCauses: RootCausesSection;
  quality: QualitySection;
  logistics: LogisticsSection;
  service: ServiceSection;
  reviewerRisk: ReviewerRiskSection;
  funnel: FunnelSection;
  quotes: QuotesSection;
  compliance: ComplianceSection;
  actions: ActionsSection;
}
export type SectionKey = keyof ReportSections;

export interface PeriodRef {
  week: string | null;
  from: string;
  to: string;
  start: string;
  end: string;
}

export function periodRef(period: ReportPeriod): PeriodRef {
  return { week: period.week, from: period.from, to: period.to, start: period.start.toISOString(), end: period.end.toISOString() };
}

/** What a report stores and what format=json returns as `data`. */
export interface ReportData {
  generatorVersion: string;
  kind: ReportKind;
  shop: { id: string; name: string; timezone: string; locale: ShopLocale };
  period: PeriodRef;
  previous: PeriodRef;
  /** the periods the trend chart shows, oldest first, ending with this one */
  trend: PeriodRef[];
  /** false when the period had not ended at generation: such a report is returned, never stored */
  complete: boolean;
  generatedAt: string;
  settings: ReportSettings;
  /** section keys in reading order */
  sectionOrder: SectionKey[];
  sections: Partial<ReportSections>;
}

export type Priority = 'high' | 'medium' | 'low';

/** A concrete item for a department, derived from a section's data; its text in both languages. */
export interface ActionItem {
  department: Department;
  priority: Priority;
  /** stable kind of item, e.g. quality.widespread */
  code: string;
  params: Record<string, string | number | null>;
  text: Bilingual;
}

/** What a builder gets besides its rows: the periods, the settings and the sections built before it. */
export interface SectionContext {
  db: EntityManager;
  shopId: string;
  period: ReportPeriod;
  previous: ReportPeriod;
  /** the trend periods, oldest first, ending with this one */
  trend: PeriodRef[];
  settings: ReportSettings;
  /** the sections built so far, in order */
  sections: Partial<ReportSections>;
}

/**
 * One section of the report: SQL for the period -> typed section data -> blocks every format renders.
 * `queries` are named SQL over the CTEs `rr_negative` and `rr_counts` and the shared parameters
 * (report-reviews.sql.ts); the engine runs the queries of all sections in one statement and hands each builder
 * its rows. `render` reads only the stored data, so a stored snapshot renders the same in every format and
 * language.
 */
export interface SectionBuilder<K extends SectionKey, Q extends Record<string, object> = Record<string, object>> {
  readonly key: K;
  readonly queries: { [N in keyof Q]: string };
  build(rows: { [N in keyof Q]: Q[N][] }, context: SectionContext): ReportSections[K] | Promise<ReportSections[K]>;
  render(data: ReportSections[K], text: ReportText, report: ReportData): RenderedSection;
  /** the items this section's data points to (collected into the actions section) */
  actions?(data: ReportSections[K], report: Pick<ReportData, 'settings' | 'sections'>): ActionItem[];
}

export type AnySectionBuilder = { [K in SectionKey]: SectionBuilder<K> }[SectionKey];

export interface Delta {
  /** current - previous */
  abs: number;
  /** relative change, null when previous is 0 */
  pct: number | null;
}

export function delta(current: number, previous: number): Delta {
  return { abs: current - previous, pct: previous === 0 ? null : (current - previous) / previous };
}

/** part / whole, null when whole is 0 */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
