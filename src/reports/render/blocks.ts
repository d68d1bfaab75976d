/**
 * What a section renders to, independent of the output format: tables, metric cards, charts, quotes,
 * lists and notes. The csv, md and html renderers each turn these blocks into their format, so a new
 * section only says what to show, never how to print it three ways.
 */
/** A number whose kind differs from its column's (a rate in a column of counts). */
export interface TypedCell {
  value: number | null;
  kind: ColumnKind;
}

export type CellValue = string | number | null | TypedCell;

/**
 * How a column's values read: text as is; count a number; amount money with two decimals (its currency in
 * another column); percent a rate 0-1; delta a signed difference of counts; deltaPp a difference of rates (0-1)
 * shown in percentage points.
 */
export type ColumnKind = 'text' | 'count' | 'amount' | 'percent' | 'delta' | 'deltaPp';

export interface Column {
  label: string;
  kind: ColumnKind;
  /** long text that may wrap (other cells keep to one line) */
  wrap?: boolean;
}

export interface TableBlock {
  type: 'table';
  /** stable name of the table in the CSV file */
  id: string;
  title?: string;
  columns: Column[];
  rows: CellValue[][];
  /** shown instead of an empty table */
  empty: string;
  /** rows that exist but were not listed */
  more?: number;
}

export type Tone = 'good' | 'bad' | 'neutral';

export interface MetricsBlock {
  type: 'metrics';
  /** set when the metrics are not also in a table: the CSV file then has them as a table of this name */
  id?: string;
  items: { label: string; value: string; detail: string; tone: Tone }[];
}

export interface TrendChart {
  kind: 'trend';
  title: string;
  /** oldest first */
  points: { label: string; bar: number; line: number | null }[];
  barLabel: string;
  lineLabel: string;
}

export interface BarChart {
  kind: 'bars';
  title: string;
  items: { label: string; value: number; previous: number }[];
  valueLabel: string;
  previousLabel: string;
}

/** Stages of a funnel, widest first, this period with the previous one under it. */
export interface FunnelChart {
  kind: 'funnel';
  title: string;
  /** note: shown after the value, e.g. the stage's share of the first */
  stages: { label: string; value: number; previous: number; note: string }[];
  valueLabel: string;
  previousLabel: string;
}

export interface ChartBlock {
  type: 'chart';
  chart: TrendChart | BarChart | FunnelChart;
}

export interface QuotesBlock {
  type: 'quotes';
  id: string;
  /** CSV column labels: group, quote, details */
  labels: [string, string, string];
  groups: { title: string; quotes: { text: string; meta: string }[] }[];
  empty: string;
}

export interface ListBlock {
  type: 'list';
  id: string;
  /** CSV column labels: group, badge, text */
  labels: [string, string, string];
  groups: { title: string; items: { text: string; badge: string; tone: Tone }[] }[];
  empty: string;
}

export interface NoteBlock {
  type: 'note';
  text: string;
}

export type Block = TableBlock | MetricsBlock | ChartBlock | QuotesBlock | ListBlock | NoteBlock;

export interface RenderedSection {
  key: string;
  title: string;
  blocks: Block[];
}

/** The whole report as blocks, with its heading. */
export interface RenderedReport {
  lang: 'zh' | 'en';
  title: string;
  /** lines under the title: period, time zone, generation time */
  meta: string[];
  /** shown prominently when the period had not ended */
  warning: string | null;
  sections: RenderedSection[];
}
