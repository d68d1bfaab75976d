import { stringify } from 'csv-stringify/sync';
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
  const records: string[][] = [[defuse(report.title)], ...report.meta.map((line) => [defuse(line)])];
  if (report.warning) records.push([defuse(report.warning)]);
  records.push([]);
  for (const section of report.sections) {
    for (const block of section.blocks) {
      const table = asTable(block);
      if (!table) continue;
      const id = table.id === section.key ? table.id : `${section.key}.${table.id}`;
      records.push([defuse(`[${id}] ${table.title ? `${section.title} - ${table.title}` : section.title}`)]);
      records.push(table.columns.map((column) => defuse(headerOf(column))));
      for (const row of table.rows) records.push(row.map((cell, i) => csvCell(cell, table.columns[i])));
      records.push([]);
    }
  }
  records.pop();
  // quoted_match: csv-stringify quotes a lone \n only when it is the record delimiter; spreadsheets need it quoted
  return `\uFEFF${stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ })}`;
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
      return block.id
        ? { id: block.id, columns: [text(''), text(''), text('')], rows: block.items.map((item) => [item.label, item.value, item.detail]) }
        : null;
    case 'quotes':
      return {
        id: block.id,
        columns: block.labels.map(text),
        rows: block.groups.flatMap((group) => group.quotes.map((quote) => [group.title, quote.text, quote.meta])),
      };
    case 'list':
      return {
        id: block.id,
        columns: block.labels.map(text),
        rows: block.groups.flatMap((group) => group.items.map((item) => [group.title, item.badge, item.text])),
      };
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
  if (typeof value === 'string') return defuse(value);
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

/** Text a spreadsheet would run as a formula, defused with an apostrophe; numbers the report wrote are left as they are. */
export function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
