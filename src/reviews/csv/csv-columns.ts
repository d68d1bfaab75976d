import { CsvMalformed, CsvMissingColumns } from '../../common/errors/domain-error';
import type { ReviewInputDto } from '../dto/review-input.dto';
import { FieldKind, REVIEW_FIELDS } from '../review-fields';
import { PLATFORM_LABELS } from '../review-labels';
import type { Platform } from '../review.types';

/** A field of the JSON review input, which is what each CSV row becomes. */
export type CsvField = keyof ReviewInputDto;

export type CellKind = FieldKind;

export interface CsvColumn {
  field: CsvField;
  kind: CellKind;
  /** headers of Chinese shop-backend exports; the field name itself and its snake_case always match */
  aliases: readonly string[];
}

/**
 * The columns of `POST /v1/reviews/import`: one per field of REVIEW_FIELDS, named by its input name or one of its
 * `csvHeaders` (the table in docs/api/reviews.md). A header matches ignoring case, spaces, `_` and `-` (so
 * `external_id` and `External ID` match externalId), full-width forms and a trailing unit in brackets (`实付金额(元)`).
 * Empty cells are left out. A cell that does not convert is passed on as text, so the row fails validation with
 * the field's own error (rating `very good` -> `isInt`) instead of failing the file.
 */
export const CSV_COLUMNS: readonly CsvColumn[] = REVIEW_FIELDS.map((spec) => ({ field: spec.input as CsvField, kind: spec.kind, aliases: spec.csvHeaders }));

const REQUIRED: readonly CsvField[] = REVIEW_FIELDS.filter((spec) => spec.required).map((spec) => spec.input as CsvField);

/** The comparable form of a header: see CSV_COLUMNS. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .trim()
    .replace(/\s*\([^()]*\)$/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

const COLUMN_BY_KEY: ReadonlyMap<string, CsvColumn> = (() => {
  const byKey = new Map<string, CsvColumn>();
  for (const column of CSV_COLUMNS) {
    for (const name of [column.field, ...column.aliases]) {
      const key = headerKey(name);
      const taken = byKey.get(key);
      if (taken && taken !== column) throw new Error(`CSV header ${name} is an alias of both ${taken.field} and ${column.field}`);
      byKey.set(key, column);
    }
  }
  return byKey;
})();

export function columnFor(header: string): CsvColumn | undefined {
  return COLUMN_BY_KEY.get(headerKey(header));
}

export interface CsvHeader {
  /** the column of each position of a row, null where the column is ignored */
  columns: (CsvColumn | null)[];
  /** headers that match no field, as written in the file */
  ignored: string[];
  /** the header each field is read from, as written in the file */
  headerOf: ReadonlyMap<string, string>;
}

/**
 * Maps the header row to fields. Two headers for one field are ambiguous and refused; so is a
 * header without a required column (platform is not required when `platformGiven`).
 */
export function readHeader(cells: readonly string[], line: number, platformGiven: boolean): CsvHeader {
  const columns: (CsvColumn | null)[] = [];
  const ignored: string[] = [];
  const headerOf = new Map<CsvField, string>();
  for (const cell of cells) {
    const header = cell.trim();
    const column = header === '' ? undefined : columnFor(header);
    if (!column) {
      if (header !== '') ignored.push(header);
      columns.push(null);
      continue;
    }
    const earlier = headerOf.get(column.field);
    if (earlier !== undefined) {
      throw new CsvMalformed(line, `the columns "${earlier}" and "${header}" are both ${column.field}; keep one of them`);
    }
    headerOf.set(column.field, header);
    columns.push(column);
  }
  const missing = REQUIRED.filter((field) => !headerOf.has(field) && !(field === 'platform' && platformGiven));
  if (missing.length) throw new CsvMissingColumns(missing);
  return { columns, ignored, headerOf };
}

export type CellValue = string | number | boolean | string[];

/** One data row as the JSON API input; empty cells are left out, `platform` fills a missing platform. */
export function rowToInput(cells: readonly string[], header: CsvHeader, platform: Platform | null): Record<string, CellValue> {
  const input: Record<string, CellValue> = {};
  header.columns.forEach((column, index) => {
    if (!column) return;
    const value = convertCell(column.kind, cells[index] ?? '');
    if (value !== undefined) input[column.field] = value;
  });
  if (input.platform === undefined && platform !== null) input.platform = platform;
  return input;
}

// Maps, not object literals: a cell such as "constructor" must not find Object.prototype members.
// 抖店 is the name Douyin's seller backend exports under
const PLATFORM_NAMES = new Map([...Object.entries(PLATFORM_LABELS).map(([platform, name]): [string, string] => [name.zh, platform]), ['抖店', 'douyin']]);
const CURRENCY_NAMES = new Map([
  ['人民币', 'CNY'],
  ['RMB', 'CNY'],
  ['元', 'CNY'],
  ['¥', 'CNY'],
  ['￥', 'CNY'],
]);
const BOOLEANS = new Map([
  ...['true', '1', 'yes', 'y', '是', '有'].map((word) => [word, true] as const),
  ...['false', '0', 'no', 'n', '否', '无'].map((word) => [word, false] as const),
]);
const CHINESE_DIGITS = new Map([
  ['一', '1'],
  ['二', '2'],
  ['两', '2'],
  ['三', '3'],
  ['四', '4'],
  ['五', '5'],
]);

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const EXCEL_TEXT = /^="(.*)"$/;
const URL_SEPARATORS = /[\s,;|，；、]+/;

/** What a cell of each kind may hold beyond the JSON input's own form (docs/api/reviews.md). */
export const CELL_FORMS: Readonly<Record<CellKind, string>> = {
  platform: `also ${Object.values(PLATFORM_LABELS)
    .map((name) => name.zh)
    .join(', ')}; any case`,
  id: 'Excel\'s `="123"` is unwrapped',
  text: '',
  rating: 'also `5星`, `4分`, `五星`',
  integer: '',
  amount: '`¥`, `￥` and `1,299.00` are read',
  boolean: '1/0, yes/no, y/n, 是/否, 有/无 (any case)',
  urls: 'URLs separated by whitespace, `,` `;` `\\|` `，` `；` `、`',
  currency: 'any case; 人民币, RMB, 元 mean CNY',
  timestamp: '',
};

/** Converts one cell to the type the JSON input has; undefined for an empty cell. */
export function convertCell(kind: CellKind, cell: string): CellValue | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'platform':
      return PLATFORM_NAMES.get(text) ?? text.toLowerCase();
    case 'id':
      return EXCEL_TEXT.exec(text)?.[1].trim() ?? text;
    case 'rating': {
      const stars = /^(.+?)\s*[星分]$/.exec(text)?.[1] ?? text;
      return toNumber(CHINESE_DIGITS.get(stars) ?? stars) ?? text;
    }
    case 'integer':
      return toNumber(text) ?? text;
    case 'amount': {
      const amount = text.replace(/^[¥￥$]\s*/, '');
      return toNumber(THOUSANDS.test(amount) ? amount.replace(/,/g, '') : amount) ?? text;
    }
    case 'boolean':
      return BOOLEANS.get(text.toLowerCase()) ?? text;
    case 'urls':
      return text.split(URL_SEPARATORS).filter((url) => url !== '');
    case 'currency':
      return CURRENCY_NAMES.get(text.toUpperCase()) ?? text.toUpperCase();
    case 'text':
    case 'timestamp':
      return text;
  }
}

function toNumber(text: string): number | undefined {
  return NUMBER.test(text) ? Number(text) : undefined;
}
