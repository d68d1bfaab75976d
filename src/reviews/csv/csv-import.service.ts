import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import busboy from 'busboy';
import { CastingContext, CsvError, parse } from 'csv-parse';
import type { Request } from 'express';
import iconv from 'iconv-lite';
import { isAscii, isUtf8 } from 'node:buffer';
import { PassThrough, pipeline, Readable, Transform, TransformCallback } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { CsvMalformed, DomainError, FieldProblem, PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';
import type { AuthenticatedShop } from '../../shops/shops.service';
import { CsvEncoding, ImportLineError, ImportResponse, ImportSummary } from '../dto/import-response.dto';
import { IngestItem, IngestOutcome, ReviewIngestService } from '../review-ingest.service';
import { PLATFORMS } from '../review.types';
import type { Platform } from '../review.types';
import { ReviewsService } from '../reviews.service';
import { IMPORT_FORMATS, ImportFormatName } from '../import/platform-formats';
import {
  FileKind,
  ImportOptions,
  jsonSource,
  mergeProblems,
  noSheet,
  parseJsonFile,
  peek,
  readAll,
  RecordSource,
  sniffKind,
  tableSource,
  xlsxRows,
} from '../import/record-sources';

/** rows per ingest round trip inside the import transaction */
const CHUNK_ROWS = 500;
const MAX_ERRORS = 1_000;
/** bytes, from the first non-ASCII byte, that decide between UTF-8 and GB18030 */
const DETECTION_WINDOW = 64 * 1024;
/** far above the largest valid row (two 10,000-character texts and 50 URLs): an unclosed quote must not swallow the file */
const MAX_RECORD_CHARS = 1_000_000;

export const ENCODING_NAMES = new Map<string, CsvEncoding>([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
  ['us-ascii', 'utf-8'],
  ['gbk', 'gb18030'],
  ['gb2312', 'gb18030'],
  ['gb18030', 'gb18030'],
  ['cp936', 'gb18030'],
  ['x-gbk', 'gb18030'],
]);

export interface ImportQuery {
  platform?: unknown;
  encoding?: unknown;
  format?: unknown;
}

interface Upload {
  bytes: Readable;
  declared: CsvEncoding | null;
  /** Stops reading after a failure; the rest of the body is drained so that the response can still be sent. */
  abandon(): void;
}

interface ParsedRow {
  cells: string[];
  line: number;
}

interface ImportTally {
  summary: ImportSummary;
  errors: ImportLineError[];
  errorsTruncated: boolean;
  /** created and updated reviews, for analysis after commit */
  changed: IngestOutcome[];
}

interface OpenedSource {
  source: RecordSource;
  encoding(): CsvEncoding;
}

/** The first bytes tell a zip (xlsx) from JSON and CSV. */
const SNIFF_BYTES = 64;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The media types of `POST /v1/reviews/import`; JSON bodies arrive parsed (at most BODY_LIMIT). */
export const IMPORT_MEDIA_TYPES = ['text/csv', 'multipart/form-data', 'application/json', XLSX_TYPE, 'application/octet-stream'];

/**
 * `POST /v1/reviews/import` and the CLI's `import`: a CSV, JSON or xlsx file, in the generic shape or a
 * platform's own (import/platform-formats.ts), streamed into one transaction. Records go through the same
 * validation and normalisation as the JSON API; a bad record is reported and skipped, a structurally broken
 * file (quoting, column count, encoding, size, a missing column, an unreadable workbook) stores nothing.
 */
@Injectable()
export class CsvImportService {
  private readonly logger = new Logger(CsvImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviews: ReviewsService,
    private readonly ingestion: ReviewIngestService,
    private readonly config: AppConfig,
  ) {}

  async importRequest(shop: AuthenticatedShop, request: Request, query: ImportQuery): Promise<ImportResponse> {
    const options = importOptions(shop, query);
    const encoding = encodingParam(query.encoding);
    if (request.is('application/json')) {
      const body: unknown = request.body;
      return this.run(
        shop,
        () => 'json',
        async () => ({ source: jsonSource(body, options), encoding: () => 'utf-8' }),
        () => {},
      );
    }
    const upload = this.openUpload(request, encoding);
    return this.importBytes(shop, upload.bytes, query, upload.declared, upload.abandon);
  }

  /** A file's bytes (an upload or, from the CLI, a file on disk); its kind is told by its first bytes. */
  async importBytes(
    shop: AuthenticatedShop,
    bytes: Readable,
    query: ImportQuery,
    declared: CsvEncoding | null = null,
    abandon: () => void = () => {},
  ): Promise<ImportResponse> {
    const options = importOptions(shop, query);
    const encoding = declared ?? encodingParam(query.encoding);
    let kind: FileKind = 'csv';
    return this.run(
      shop,
      () => kind,
      async (): Promise<OpenedSource> => {
        const { head, stream } = await peek(bytes, SNIFF_BYTES);
        kind = sniffKind(head);
        if (kind === 'xlsx') return { source: tableSource(xlsxRows(stream), options, true, noSheet), encoding: () => 'utf-8' };
        if (kind === 'json') return { source: jsonSource(parseJsonFile(await readAll(stream)), options), encoding: () => 'utf-8' };
        const transcoder = new CsvTranscoder(encoding);
        const rows = new CsvRows(stream, transcoder);
        const source = tableSource(rows, options, false, () => new CsvMalformed(null, 'the file is empty: no header'));
        return { source, encoding: () => transcoder.encoding };
      },
      abandon,
    );
  }

  private async run(shop: AuthenticatedShop, kind: () => FileKind, open: () => Promise<OpenedSource>, abandon: () => void): Promise<ImportResponse> {
    const started = Date.now();
    try {
      const opened = await open();
      const tally = await this.dataSource.transaction((manager) => this.store(manager, shop, opened.source));
      await this.ingestion.enqueueAnalysis(shop.shopId, tally.changed);
      const format = opened.source.format();
      const encoding = opened.encoding();
      this.logger.log({ msg: 'import stored', shopId: shop.shopId, kind: kind(), format, encoding, ...tally.summary, durationMs: Date.now() - started });
      return {
        summary: tally.summary,
        format,
        ignoredColumns: opened.source.ignoredColumns(),
        encoding,
        errors: tally.errors,
        errorsTruncated: tally.errorsTruncated,
      };
    } catch (error) {
      abandon();
      if (error instanceof DomainError) {
        // the message can quote a header; the code and the line are enough to follow up
        this.logger.log({
          msg: 'import refused',
          shopId: shop.shopId,
          kind: kind(),
          code: error.code,
          field: error.problems[0]?.field,
          durationMs: Date.now() - started,
        });
      }
      throw error;
    }
  }

  private async store(manager: EntityManager, shop: AuthenticatedShop, source: RecordSource): Promise<ImportTally> {
    const now = new Date();
    const summary: ImportSummary = { lines: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 };
    const errors: ImportLineError[] = [];
    let errorsTruncated = false;
    const changed: IngestOutcome[] = [];
    let pending: IngestItem[] = [];
    const flush = async () => {
      if (!pending.length) return;
      const outcomes = await this.ingestion.ingestWithin(manager, shop.shopId, pending);
      pending = [];
      for (const outcome of outcomes) {
        summary[outcome.result]++;
        if (outcome.result !== 'unchanged') changed.push(outcome);
      }
    };

    for await (const { input, line, problems } of source.records) {
      summary.lines++;
      const path = `line ${line}`;
      const checked = this.reviews.check(shop, input, path, now);
      if (!checked.ok || problems.length) {
        summary.rejected++;
        for (const problem of mergeProblems(problems, checked.ok ? [] : checked.problems, path)) {
          if (errors.length < MAX_ERRORS) errors.push(lineError(line, path, problem, source));
          else errorsTruncated = true;
        }
        continue;
      }
      pending.push(checked.item);
      if (pending.length >= CHUNK_ROWS) await flush();
    }
    await flush();
    return { summary, errors, errorsTruncated, changed };
  }

  /** Checks type, charset and size of the request and returns the file's bytes: the body, or the part `file`. */
  private openUpload(request: Request, queryEncoding: CsvEncoding | null): Upload {
    const contentType = parseContentType(request.headers['content-type']);
    const kind = contentType?.type === 'multipart/form-data' ? 'multipart' : contentType && IMPORT_MEDIA_TYPES.includes(contentType.type) ? 'body' : null;
    if (!contentType || !kind) {
      const sent = contentType ? `, not ${contentType.type.slice(0, 100)}` : '';
      throw new UnsupportedMediaType(`Send the file as text/csv, application/json, an xlsx media type or as the field "file" of multipart/form-data${sent}`);
    }
    const contentEncoding = request.headers['content-encoding']?.trim().toLowerCase();
    if (contentEncoding && contentEncoding !== 'identity') {
      throw new UnsupportedMediaType(`Content-Encoding ${contentEncoding.slice(0, 40)} is not supported: send the file uncompressed`);
    }
    // ?encoding= is the deliberate choice; a charset parameter may be a client library's default
    const declared = queryEncoding ?? (contentType.type === 'text/csv' && contentType.charset !== null ? charsetEncoding(contentType.charset) : null);
    const limit = this.config.env.csvMaxBytes;
    if (Number(request.headers['content-length']) > limit) throw new PayloadTooLarge(limit);

    const form = kind === 'multipart' ? multipartParser(request) : null;
    const limiter = new ByteLimit(limit);
    // destroying the request would reset the connection before the error response is sent
    request.on('error', () => limiter.destroy(requestAborted()));
    request.on('close', () => {
      if (!request.complete) limiter.destroy(requestAborted());
    });
    request.pipe(limiter);
    const abandon = () => {
      form?.destroy();
      limiter.destroy();
      request.unpipe(limiter);
      if (!request.complete) request.resume();
    };
    if (!form) return { bytes: limiter, declared, abandon };

    const file = new PassThrough();
    let found = false;
    form.on('file', (name, stream) => {
      if (name !== 'file' || found) {
        stream.resume();
        return;
      }
      found = true;
      stream.on('error', (error: Error) => file.destroy(multipartMalformed(error)));
      stream.pipe(file);
    });
    form.on('error', (error: Error) => file.destroy(multipartMalformed(error)));
    form.on('close', () => {
      if (!found)
        file.destroy(new ValidationFailed([{ field: 'file', code: 'required', message: 'file is required: send the CSV as the multipart field "file"' }]));
    });
    limiter.on('error', (error) => file.destroy(error));
    limiter.pipe(form);
    return { bytes: file, declared, abandon };
  }
}

function lineError(line: number, path: string, problem: FieldProblem, source: RecordSource): ImportLineError {
  const field = problem.field.startsWith(`${path}.`) ? problem.field.slice(path.length + 1) : problem.field;
  const column = source.columnOf(field.replace(/\[\d+\]$/, ''));
  return {
    line,
    field,
    ...(column === undefined ? {} : { column }),
    code: problem.code,
    message: problem.message.split(`${path}.`).join(''),
  };
}

function importOptions(shop: AuthenticatedShop, query: ImportQuery): ImportOptions {
  return { format: formatParam(query.format), platform: platformParam(query.platform), timeZone: shop.timezone };
}

function formatParam(value: unknown): ImportFormatName | null {
  if (value === undefined || value === 'auto') return null;
  const format = IMPORT_FORMATS.find((name) => name === value);
  if (!format) {
    throw new ValidationFailed([{ field: 'format', code: 'isIn', message: `format must be one of the following values: auto, ${IMPORT_FORMATS.join(', ')}` }]);
  }
  return format;
}

function platformParam(value: unknown): Platform | null {
  if (value === undefined) return null;
  const platform = PLATFORMS.find((name) => name === value);
  if (!platform) {
    throw new ValidationFailed([{ field: 'platform', code: 'isIn', message: `platform must be one of the following values: ${PLATFORMS.join(', ')}` }]);
  }
  return platform;
}

function encodingParam(value: unknown): CsvEncoding | null {
  if (value === undefined) return null;
  const encoding = typeof value === 'string' ? ENCODING_NAMES.get(value.trim().toLowerCase()) : undefined;
  if (!encoding)
    throw new ValidationFailed([{ field: 'encoding', code: 'isIn', message: 'encoding must be one of the following values: utf-8, gbk, gb18030' }]);
  return encoding;
}

function charsetEncoding(charset: string): CsvEncoding {
  const encoding = ENCODING_NAMES.get(charset);
  if (!encoding) throw new UnsupportedMediaType(`charset ${charset.slice(0, 40)} is not supported: send utf-8, gbk or gb18030`);
  return encoding;
}

function parseContentType(header: string | undefined): { type: string; charset: string | null } | null {
  if (!header) return null;
  const [type, ...parameters] = header.split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const match = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(parameter);
    if (match) charset = match[1].toLowerCase();
  }
  return { type: type.trim().toLowerCase(), charset };
}

function multipartParser(request: Request): busboy.Busboy {
  try {
    return busboy({ headers: request.headers, limits: { fields: 100, fieldSize: 64 * 1024 } });
  } catch {
    throw new UnsupportedMediaType('multipart/form-data needs a boundary parameter');
  }
}

function multipartMalformed(error: Error): Error {
  if (error instanceof DomainError) return error;
  return new ValidationFailed([{ field: 'file', code: 'multipart', message: 'The multipart/form-data body is malformed or incomplete' }]);
}

/** Shaped like body-parser's error, which the exception filter answers with 400 REQUEST_ABORTED. */
function requestAborted(): Error {
  return Object.assign(new Error('request aborted'), { type: 'request.aborted', status: 400 });
}

/** Fails the stream with 413 once more than `limit` bytes have passed. */
class ByteLimit extends Transform {
  private seen = 0;

  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.limit) callback(new PayloadTooLarge(this.limit));
    else callback(null, chunk);
  }
}

const CR = 0x0d;
const LF = 0x0a;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const EMPTY = Buffer.alloc(0);

/**
 * Counts physical lines the way an editor does: CR LF, CR and LF each end one line. Both the
 * transcoder (bytes) and the row reader (text) count this way, so their line numbers agree.
 */
class LineCounter {
  private breaks = 0;
  private previous = 0;

  add(units: ArrayLike<number>): void {
    this.breaks += this.count(units, true);
  }

  /** The line of the position right after `units`, which are not added. */
  lineAfter(units: ArrayLike<number>): number {
    return this.breaks + this.count(units, false) + 1;
  }

  private count(units: ArrayLike<number>, keep: boolean): number {
    let breaks = 0;
    let previous = this.previous;
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      if (unit === CR || (unit === LF && previous !== CR)) breaks++;
      previous = unit;
    }
    if (keep) this.previous = previous;
    return breaks;
  }
}

/**
 * Turns the uploaded bytes into UTF-8 for the parser. Without a declared encoding the file is
 * UTF-8 when the first DETECTION_WINDOW bytes from its first non-ASCII byte are valid UTF-8, else
 * GB18030 (a superset of GBK and GB2312); an ASCII prefix is passed on meanwhile, since it reads
 * the same in both. Bytes that are invalid in the encoding fail the file with their line.
 */
export class CsvTranscoder extends Transform {
  private decision: CsvEncoding | null;
  private readonly declared: boolean;
  private gb: iconv.DecoderStream | null = null;
  /** a UTF-8 sequence cut by the end of the previous chunk */
  private carry = EMPTY;
  private window: Buffer[] = [];
  private windowBytes = 0;
  private started = false;
  private readonly lines = new LineCounter();

  constructor(declared: CsvEncoding | null) {
    super();
    this.decision = declared;
    this.declared = declared !== null;
  }

  get encoding(): CsvEncoding {
    return this.decision ?? 'utf-8';
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.guard(() => this.accept(chunk, false), callback);
  }

  override _flush(callback: TransformCallback): void {
    this.guard(() => this.accept(EMPTY, true), callback);
  }

  private guard(step: () => void, callback: TransformCallback): void {
    try {
      step();
      callback();
    } catch (error) {
      callback(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private accept(chunk: Buffer, final: boolean): void {
    const bytes = this.decision === null ? this.detect(chunk, final) : chunk;
    if (this.decision === 'utf-8') this.utf8(bytes, final);
    else if (this.decision === 'gb18030') this.gb18030(bytes, final);
  }

  /** Returns the bytes to decode once the encoding is decided, and nothing before. */
  private detect(chunk: Buffer, final: boolean): Buffer {
    let rest = chunk;
    if (this.windowBytes === 0) {
      const first = isAscii(chunk) ? -1 : chunk.findIndex((byte) => byte >= 0x80);
      this.output(first < 0 ? chunk : chunk.subarray(0, first));
      rest = first < 0 ? EMPTY : chunk.subarray(first);
    }
    if (rest.length) {
      this.window.push(rest);
      this.windowBytes += rest.length;
    }
    const bom = !this.started && this.windowBytes >= 3 && Buffer.concat(this.window, 3).equals(UTF8_BOM);
    if (this.windowBytes < DETECTION_WINDOW && !final && !bom) return EMPTY;
    const window = Buffer.concat(this.window);
    this.window = [];
    this.decision = bom || isUtf8(final ? window : window.subarray(0, completeUtf8Length(window))) ? 'utf-8' : 'gb18030';
    return window;
  }

  private utf8(chunk: Buffer, final: boolean): void {
    const bytes = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = final ? bytes.length : completeUtf8Length(bytes);
    const body = bytes.subarray(0, end);
    this.carry = Buffer.from(bytes.subarray(end));
    if (!isUtf8(body)) {
      const line = this.lines.lineAfter(body.subarray(0, invalidUtf8Offset(body)));
      const hint = this.declared ? 'as declared' : 'as detected from the start of the file';
      throw new CsvMalformed(line, `the file is not valid UTF-8 (${hint}); send GBK files with ?encoding=gbk`);
    }
    this.output(body);
  }

  private gb18030(chunk: Buffer, final: boolean): void {
    this.gb ??= iconv.getDecoder('gb18030', { stripBOM: false });
    let text = chunk.length ? this.gb.write(chunk) : '';
    if (final) text += this.gb.end() ?? '';
    // iconv-lite decodes what is not GB18030 as U+FFFD; a real U+FFFD in a GBK export is not plausible
    const bad = text.indexOf('\uFFFD');
    if (bad >= 0) {
      const line = this.lines.lineAfter(Buffer.from(text.slice(0, bad)));
      const hint = this.declared ? 'as declared' : 'detected because the file is not UTF-8';
      throw new CsvMalformed(line, `the file is neither valid UTF-8 nor valid GBK/GB18030 (${hint})`);
    }
    this.output(Buffer.from(text));
  }

  private output(bytes: Buffer): void {
    let out = bytes;
    if (!this.started && out.length) {
      this.started = true;
      if (out.subarray(0, 3).equals(UTF8_BOM)) out = out.subarray(3);
    }
    if (!out.length) return;
    this.lines.add(out);
    this.push(out);
  }
}

/** The length of `bytes` without a UTF-8 sequence cut off at the end. */
function completeUtf8Length(bytes: Buffer): number {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(3, length); back++) {
    const byte = bytes[length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? length - back : length;
  }
  return length;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629). */
function invalidUtf8Offset(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i];
    if (byte < 0x80) {
      i++;
      continue;
    }
    let follow: number;
    let low = 0x80;
    let high = 0xbf;
    if (byte >= 0xc2 && byte <= 0xdf) follow = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      follow = 2;
      if (byte === 0xe0) low = 0xa0;
      if (byte === 0xed) high = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      follow = 3;
      if (byte === 0xf0) low = 0x90;
      if (byte === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= follow; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < (k === 1 ? low : 0x80) || next > (k === 1 ? high : 0xbf)) return i;
    }
    i += follow + 1;
  }
  return bytes.length;
}

/**
 * The rows of the CSV with the physical line each starts on. csv-parse's own line count drifts on
 * CR LF inside quoted fields, so lines are counted from each record's raw text, in parse order
 * (on_record), which also gives the line of a structural error.
 */
export class CsvRows implements AsyncIterable<ParsedRow> {
  private breaks = 0;
  private columns = 0;
  private readonly parser: Transform;

  /** Connects the streams at once: an upload error before the first row is read must have a listener. */
  constructor(bytes: Readable, transcoder: CsvTranscoder) {
    this.parser = parse({
      raw: true,
      relax_column_count: false,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: MAX_RECORD_CHARS,
      // with `raw`, csv-parse hands on_record { record, raw } and pushes what it returns
      on_record: (value: { record: string[]; raw: string }, context: CastingContext) => this.locate(value.record, rawOf(context)),
    });
    // a failing stream destroys the others with its error, which the iterator below rethrows
    pipeline(bytes, transcoder, this.parser, () => undefined);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ParsedRow> {
    try {
      for await (const row of this.parser as AsyncIterable<ParsedRow>) yield row;
    } catch (error) {
      throw error instanceof CsvError ? this.malformed(error) : error;
    }
  }

  private locate(cells: string[], raw: string): ParsedRow {
    const line = this.breaks + leadingLineBreaks(raw) + 1;
    this.breaks += countLineBreaks(raw);
    if (this.columns === 0) this.columns = cells.length;
    return { cells, line };
  }

  private malformed(error: CsvError): CsvMalformed {
    const raw = typeof error.raw === 'string' ? error.raw : '';
    const start = this.breaks + leadingLineBreaks(raw) + 1;
    const stoppedAt = this.breaks + countLineBreaks(raw) + 1;
    switch (error.code) {
      case 'CSV_INVALID_CLOSING_QUOTE':
      case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
        return new CsvMalformed(stoppedAt, 'a quoted field goes on after its closing quote; a quote inside a quoted field is written twice ("")');
      case 'INVALID_OPENING_QUOTE':
        return new CsvMalformed(stoppedAt, 'a quote in an unquoted field; quote the whole field and write the quote twice ("")');
      case 'CSV_QUOTE_NOT_CLOSED':
        return new CsvMalformed(start, 'a quoted field in the row starting here is never closed');
      case 'CSV_MAX_RECORD_SIZE':
        return new CsvMalformed(start, `the row is longer than ${MAX_RECORD_CHARS} characters: probably a quote is not closed`);
      case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': {
        const found = Array.isArray(error.record) ? `${error.record.length} columns` : 'a different number of columns';
        return new CsvMalformed(start, `the row has ${found}, the header ${this.columns}`);
      }
      default:
        return new CsvMalformed(start, 'the row is not valid CSV');
    }
  }
}

function rawOf(context: CastingContext): string {
  const raw: unknown = (context as CastingContext & { raw?: unknown }).raw;
  return typeof raw === 'string' ? raw : '';
}

function countLineBreaks(text: string): number {
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === CR || (unit === LF && text.charCodeAt(i - 1) !== CR)) breaks++;
  }
  return breaks;
}

/** Blank lines skipped before a record are the start of its raw text. */
function leadingLineBreaks(text: string): number {
  const blank = /^[\r\n]*/.exec(text)?.[0] ?? '';
  return countLineBreaks(blank);
}
