import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import {
  CsvMissingColumns,
  DomainError,
  FieldProblem,
  ImportEmpty,
  ImportFormatMismatch,
  ImportFormatUnknown,
  ImportMalformed,
} from '../../common/errors/domain-error';
import { CsvHeader, headerKey, readHeader, rowToInput } from '../csv/csv-columns';
import type { Platform } from '../review.types';
import { Cell, fromExcelDate, isRecord } from './import-values';
import {
  detectJsonFormat,
  detectTableFormat,
  ImportFormatName,
  JsonFormat,
  jsonRecords,
  MappingContext,
  platformFormat,
  TableFormat,
  TableRecord,
} from './platform-formats';

export type FileKind = 'csv' | 'json' | 'xlsx';

export interface ImportOptions {
  /** `?format=`; null: detected from the file */
  format: ImportFormatName | null;
  platform: Platform | null;
  timeZone: string;
}

/** One review of the file, as the JSON review input, with the problems its mapping found. */
export interface ImportRecord {
  /** the row's physical line (CSV), sheet row (xlsx) or 1-based position in the list (JSON) */
  line: number;
  input: Record<string, unknown>;
  problems: FieldProblem[];
}

export interface RecordSource {
  records: AsyncIterable<ImportRecord>;
  /** known once the header or the first record has been read */
  format(): ImportFormatName;
  ignoredColumns(): string[];
  /** the file's name for an API field, for the error report */
  columnOf(field: string): string | undefined;
}

export interface TableRow {
  cells: Cell[];
  line: number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** What the first bytes say the file is: a zip (xlsx), JSON (starts with `{` or `[`), else CSV. */
export function sniffKind(head: Buffer): FileKind {
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  let i = head.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x7b || head[i] === 0x5b ? 'json' : 'csv';
}

/** Reads the first `bytes` bytes (or the whole stream if shorter) and gives them back with a stream of everything. */
export function peek(source: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    let ended = false;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= bytes) finish();
    };
    const onEnd = () => {
      ended = true;
      finish();
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
    };
    const finish = () => {
      cleanup();
      source.pause();
      const head = Buffer.concat(chunks);
      const stream = new PassThrough();
      source.on('error', (error) => stream.destroy(error));
      if (ended) stream.end(head);
      else {
        stream.write(head);
        source.pipe(stream);
      }
      resolve({ head: head.subarray(0, bytes), stream });
    };
    source.on('data', onData);
    source.once('end', onEnd);
    source.once('error', onError);
  });
}

/** Reads the whole stream (already limited in size by the upload). */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const blank = (cell: Cell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A cell as the generic CSV mapping reads it: dates as their wall-clock text (no offset: the shop's time zone). */
function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return fromExcelDate(cell, '')?.replace('T', ' ') ?? '';
  return String(cell);
}

/** The problems of a row whose mapping already failed a field: the input's own validation of that field is noise. */
export function mergeProblems(mapping: FieldProblem[], validation: FieldProblem[], path: string): FieldProblem[] {
  const taken = new Set(mapping.map((p) => p.field));
  const own = (p: FieldProblem) => (p.field.startsWith(`${path}.`) ? p.field.slice(path.length + 1) : p.field);
  return [...mapping, ...validation.filter((p) => !taken.has(own(p)))];
}

/**
 * A CSV or sheet: the header row picks the format (or checks the one asked for), each later row becomes one
 * record. The generic format keeps csv-columns' reading; a platform export is read by its own headers.
 */
export function tableSource(rows: AsyncIterable<TableRow>, options: ImportOptions, excel: boolean, noHeader: () => Error): RecordSource {
  let format: ImportFormatName | null = null;
  let generic: CsvHeader | null = null;
  let platform: TableFormat | null = null;
  let headers: string[] = [];
  const indexOf = new Map<string, number>();
  const read = new Set<string>();
  const context: MappingContext = { timeZone: options.timeZone, platform: options.platform };

  const start = (cells: Cell[], line: number) => {
    headers = cells.map((cell) => cellText(cell).trim());
    headers.forEach((header, index) => {
      const key = headerKey(header);
      if (header !== '' && !indexOf.has(key)) indexOf.set(key, index);
    });
    const asked = options.format ? platformFormat(options.format) : undefined;
    if (asked && asked.kind !== 'table') throw new ImportFormatMismatch(asked.name, excel ? 'xlsx' : 'csv');
    platform = asked ?? (options.format === 'generic' ? null : detectTableFormat(new Set(indexOf.keys())));
    if (platform) {
      const missing = platform.required.filter((header) => !indexOf.has(headerKey(header)));
      if (missing.length) throw new CsvMissingColumns(missing);
      format = platform.name;
    } else {
      generic = readHeader(headers, line, options.platform !== null);
      format = 'generic';
    }
  };

  async function* records(): AsyncGenerator<ImportRecord> {
    let started = false;
    for await (const { cells, line } of rows) {
      if (!started) {
        if (cells.every(blank)) continue;
        start(cells, line);
        started = true;
        continue;
      }
      // spreadsheets pad a sheet with rows of empty cells
      if (cells.every(blank)) continue;
      if (generic) {
        yield { line, input: rowToInput(cells.map(cellText), generic, options.platform), problems: [] };
        continue;
      }
      const row: TableRecord = {
        excel,
        get(header) {
          const key = headerKey(header);
          read.add(key);
          const index = indexOf.get(key);
          return index === undefined ? undefined : (cells[index] ?? undefined);
        },
      };
      const mapped = (platform as TableFormat).map(row, context);
      yield { line, input: mapped.input, problems: mapped.problems };
    }
    if (!started) throw noHeader();
  }

  return {
    records: records(),
    format: () => format ?? options.format ?? 'generic',
    ignoredColumns: () => (generic ? generic.ignored : headers.filter((header) => header !== '' && !read.has(headerKey(header)))),
    columnOf(field) {
      if (generic) return generic.headerOf.get(field);
      const name = platform?.sourceOf[field];
      if (name === undefined) return undefined;
      const index = indexOf.get(headerKey(name));
      return index === undefined ? name : headers[index];
    },
  };
}

/** The generic JSON shape: review inputs as `POST /v1/reviews/batch` takes them. */
const GENERIC_JSON_KEYS = ['externalId', 'rating', 'reviewedAt'];

/** A JSON document: a list of platform records (or an API response holding one). */
export function jsonSource(document: unknown, options: ImportOptions): RecordSource {
  const asked = options.format ? platformFormat(options.format) : undefined;
  if (asked && asked.kind !== 'json') throw new ImportFormatMismatch(asked.name, 'json');
  const records = jsonRecords(document, asked ?? null);
  if (records === null) throw new ImportFormatUnknown('the JSON holds no list of reviews where a supported API response has it');
  const first = records.find(isRecord);
  const genericJson = options.format === 'generic' || (!asked && first !== undefined && GENERIC_JSON_KEYS.every((key) => key in first));
  const format: JsonFormat | null = asked ?? (genericJson ? null : detectJsonFormat(records));
  if (!format && !genericJson) {
    throw new ImportFormatUnknown(
      records.length ? 'the records match no supported platform shape: name it with ?format=' : 'an empty list does not tell its format: name it with ?format=',
    );
  }
  const context: MappingContext = { timeZone: options.timeZone, platform: options.platform };

  async function* each(): AsyncGenerator<ImportRecord> {
    for (let i = 0; i < records!.length; i++) {
      const record: unknown = records![i];
      const line = i + 1;
      if (!isRecord(record)) {
        yield { line, input: {}, problems: [{ field: `[${i}]`, code: 'isObject', message: 'each record must be a JSON object' }] };
        continue;
      }
      if (!format) {
        const input = { ...record };
        if (input.platform === undefined && options.platform !== null) input.platform = options.platform;
        yield { line, input, problems: [] };
        continue;
      }
      const mapped = format.map(record, context);
      yield { line, input: mapped.input, problems: mapped.problems };
    }
  }

  return {
    records: each(),
    format: () => format?.name ?? 'generic',
    ignoredColumns: () => [],
    columnOf: (field) => format?.sourceOf[field],
  };
}

/** Parses a JSON file read from an upload; a syntax error stores nothing and says where. */
export function parseJsonFile(bytes: Buffer): unknown {
  const text = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3).toString('utf8') : bytes.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : 'not JSON';
    throw new ImportMalformed('json', `the file is not valid JSON (${detail})`);
  }
}

/** A cell value of exceljs as a plain cell: rich text and hyperlinks as their text, formulas as their result. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return null;
}

/** The rows of the first worksheet of an .xlsx, streamed; the line is the sheet's row number. */
export async function* xlsxRows(stream: Readable): AsyncGenerator<TableRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        // row.values is 1-based: index 0 is always empty
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        yield { cells, line: row.number };
      }
      // the first sheet is the export; later ones (notes, summaries) are not reviews
      return;
    }
  } catch (error) {
    if (error instanceof DomainError || (typeof error === 'object' && error !== null && 'type' in error)) throw error;
    throw new ImportMalformed('xlsx', 'the file is not a readable .xlsx workbook');
  }
}

export const noSheet = () => new ImportEmpty("the workbook's first sheet has no header row");
