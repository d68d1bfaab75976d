import type { Block, CellValue, Column, RenderedReport } from './blocks';
import { cellParts } from './cells';

/**
 * One text/csv file with one table per section block. Layout: the report title and meta lines, then for
 * each table a line `[table_id] Title`, its header line, its rows and an empty line. Rates are percentages
 * with one decimal (header "(%)"); rate changes are percentage points (header "(pp)"). A UTF-8 BOM comes
 * first so that spreadsheet programs read Chinese correctly. Text that a spreadsheet would run as a formula
 * (= + - @ at the start) is prefixed with an apostrophe.
 */
export function renderCsv(report: RenderedReport): string {
  const lines: string[] = [quote(report.title), ...report.meta.map(quote)];
  if (report.warning) lines.push(quote(report.warning));
  lines.push('');
  for (const section of report.sections) {
    for (const block of section.blocks) {
      const table = asTable(block);
      if (!table) continue;
      const id = table.id === section.key ? table.id : `${section.key}.${table.id}`;
      lines.push(quote(`[${id}] ${table.title ? `${section.title} - ${table.title}` : section.title}`));
      lines.push(table.columns.map((column) => quote(headerOf(column))).join(','));
      for (const row of table.rows) lines.push(row.map((cell, i) => csvCell(cell, table.columns[i])).join(','));
      lines.push('');
    }
  }
  return `\uFEFF${lines.join('\r\n')}`;
}

interface CsvTable {
  id: string;
  title?: string;
  columns: Column[];
  rows: CellValue[][];
}

const text = (label: string): Column => ({ label, kind: 'text' });

function asTable(block: Block): CsvTable | null {
  switch (block.type) {
    case 'table':
      return block;
    case 'metrics':
      return block.id ? { id: block.id, columns: [text(''), text(''), text('')], rows: block.items.map((item) => [item.label, item.value, item.detail]) } : null;
    case 'quotes':
      return { id: block.id, columns: block.labels.map(text), rows: block.groups.flatMap((group) => group.quotes.map((quote) => [group.title, quote.text, quote.meta])) };
    case 'list':
      return { id: block.id, columns: block.labels.map(text), rows: block.groups.flatMap((group) => group.items.map((item) => [group.title, item.badge, item.text])) };
    default:
      return null;
  }
}

function headerOf(column: Column): string {
  if (column.kind === 'percent') return `${column.label} (%)`;
  if (column.kind === 'deltaPp') return `${column.label} (pp)`;
  return column.label;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function csvCell(cell: CellValue, column: Column): string {
  const { kind, value } = cellParts(cell, column);
  if (value === null) return '';
  if (typeof value === 'string') return quote(value);
  // a number of another kind than its column's says its unit
  const unit = kind !== column.kind;
  switch (kind) {
    case 'percent':
      return unit ? `${round1(value * 100)}%` : String(round1(value * 100));
    case 'deltaPp':
      return unit ? `${round1(value * 100)}pp` : String(round1(value * 100));
    case 'amount':
      return value.toFixed(2);
    default:
      return String(round1(value));
  }
}

/** One CSV field: quoted when needed, formula-looking text defused. */
export function quote(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
