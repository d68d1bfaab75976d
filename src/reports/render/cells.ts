import type { ReportText } from '../report-text';
import type { CellValue, Column, ColumnKind, TypedCell } from './blocks';

export function isTypedCell(cell: CellValue): cell is TypedCell {
  return typeof cell === 'object' && cell !== null;
}

/** The kind and value of a cell: its own kind when it carries one, else its column's. */
export function cellParts(cell: CellValue, column: Column): { kind: ColumnKind; value: string | number | null } {
  return isTypedCell(cell) ? { kind: cell.kind, value: cell.value } : { kind: typeof cell === 'string' ? 'text' : column.kind, value: cell };
}

/** A cell as people read it (markdown, html). */
export function formatCell(cell: CellValue, column: Column, text: ReportText): string {
  const { kind, value } = cellParts(cell, column);
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return text.count(value);
    case 'amount':
      return text.amount(value);
    case 'percent':
      return text.percent(value);
    case 'delta':
      return text.delta(value);
    case 'deltaPp':
      return text.deltaPp(value);
    default:
      return String(value);
  }
}

/** Numbers are right-aligned in tables. */
export function isNumericColumn(column: Column): boolean {
  return column.kind !== 'text';
}
