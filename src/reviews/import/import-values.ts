import { createHash } from 'node:crypto';
import { parseTimestampParts, toInstant } from '../../common/time/timestamps';

/** A cell of a table (CSV gives strings; xlsx also numbers, booleans and dates) or a JSON value. */
export type Cell = string | number | boolean | Date | null;

/** Chinese platforms export local times without an offset: they are China Standard Time. */
export const CHINA_OFFSET = '+08:00';

const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?)?$/;
/** 1e11 seconds is the year 5138, 1e11 milliseconds 1973: below it a platform epoch is in seconds. */
const EPOCH_MS_FROM = 1e11;
/** days from Excel's day 0 (1899-12-30, after its 1900 leap-year bug) to 1970-01-01 */
const EXCEL_EPOCH_DAYS = 25569;
const EXCEL_SERIAL = /^\d{4,6}(?:\.\d+)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Wall-clock components of a UTC date as `yyyy-MM-ddTHH:mm:ss` followed by `offset`. */
function wallClock(date: Date, offset: string): string {
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${offset}`
  );
}

/** Epoch seconds or milliseconds (told apart by size) as ISO 8601 UTC; null for what is not an epoch number. */
export function fromEpoch(value: number | string): string | null {
  const number = typeof value === 'number' ? value : /^\d{9,14}$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(number) || number <= 0) return null;
  const date = new Date(number >= EPOCH_MS_FROM ? number : number * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * An Excel date serial (days since 1899-12-30, the fraction is the time of day) as the wall-clock time it shows,
 * followed by `offset`. exceljs gives date cells as Dates of that wall clock in UTC, which `fromExcelDate` reads.
 */
export function fromExcelSerial(serial: number, offset: string): string | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  // rounded to the second: a serial's fraction carries float noise
  const ms = Math.round((serial - EXCEL_EPOCH_DAYS) * 86_400) * 1000;
  return wallClock(new Date(ms), offset);
}

export function fromExcelDate(date: Date, offset: string): string | null {
  return Number.isNaN(date.getTime()) ? null : wallClock(new Date(Math.round(date.getTime() / 1000) * 1000), offset);
}

/**
 * A platform timestamp as an API timestamp. Text without an offset (`yyyy-MM-dd HH:mm:ss`, `yyyy年MM月dd日 HH:mm:ss`)
 * gets `offset`; numbers are epochs (JSON) or Excel serials (`excel`). What cannot be read is passed on unchanged,
 * so validation reports it against its field.
 */
export function platformTime(value: unknown, offset: string | null, excel = false): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return fromExcelDate(value, offset ?? 'Z') ?? undefined;
  if (typeof value === 'number') return (excel ? fromExcelSerial(value, offset ?? 'Z') : fromEpoch(value)) ?? value;
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return undefined;
  if (excel && EXCEL_SERIAL.test(text)) return fromExcelSerial(Number(text), offset ?? 'Z') ?? text;
  const epoch = /^\d{9,14}$/.test(text) ? fromEpoch(text) : null;
  if (epoch) return epoch;
  const chinese = CHINESE_DATE.exec(text);
  const normalized = chinese
    ? `${chinese[1]}-${pad(Number(chinese[2]))}-${pad(Number(chinese[3]))} ${pad(Number(chinese[4] ?? 0))}:${pad(Number(chinese[5] ?? 0))}:${pad(Number(chinese[6] ?? 0))}`
    : text.replace(/\s+UTC$/i, 'Z');
  const parts = parseTimestampParts(normalized);
  if (!parts) return text;
  return parts.offsetMinutes === null && offset !== null ? `${normalized.replace(' ', 'T')}${offset}` : normalized;
}

/** The instant of an API timestamp (as platformTime gives it), for ids derived from it. */
export function instantOf(value: unknown, timeZone: string): string | null {
  if (typeof value !== 'string') return null;
  return toInstant(value, timeZone)?.toISOString() ?? null;
}

/** A stable id for a platform record without one: `prefix` and the first 24 hex digits of SHA-256 of the parts. */
export function derivedId(prefix: string, parts: readonly (string | null | undefined)[]): string {
  return `${prefix}-${createHash('sha256')
    .update(parts.map((part) => part ?? '').join('|'))
    .digest('hex')
    .slice(0, 24)}`;
}

/**
 * An e-mail address is personal data: only a hash of it is kept, as the buyer id, so one buyer's reviews are
 * still recognised as theirs (reviewer risk) without the address being stored.
 */
export function hashedBuyerId(email: string): string {
  return derivedId('email', [email.trim().toLowerCase()]);
}

/** Text of a cell or JSON value; numbers (ids exported as numbers) become their digits. */
export function textOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? undefined : text;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

/**
 * A value meant to be text: text as is, a number as its digits, anything else passed on so that validation
 * reports the field's type (an object where a string belongs is a wrong type, not an empty field).
 */
export function textField(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number') return textOf(value);
  if (value instanceof Date) return value;
  return value;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A number from a JSON number or numeric text; anything else passed on for validation to name. */
export function numberField(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') {
    const text = value.trim().replace(/\s*[星分]$/, '');
    if (text === '') return undefined;
    return NUMBER.test(text) ? Number(text) : value;
  }
  return value;
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是', '有', '已回复', 'verified']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否', '无', '未回复', '']);

/** A flag from a boolean, 0/1 or a yes/no word; anything else passed on for validation to name. */
export function booleanField(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 0 ? false : value === 1 ? true : value;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return word === '' ? undefined : false;
  }
  return value;
}

/** URLs as platforms give them: protocol-relative (`//img…`) gets https. */
/** A platform status code as a flag: 0 (or "0") is none, any other code is set; anything else is left for validation. */
export function statusFlag(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value) !== 0;
  return value;
}

/** The number of entries of a list field (videos), undefined when the record has none. */
export function countOf(value: unknown): number | undefined {
  return Array.isArray(value) && value.length > 0 ? value.length : undefined;
}

export function urlOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const url = value.trim();
  return url.startsWith('//') ? `https:${url}` : url;
}

/** A list of URLs from a JSON array (of strings or of objects with `key`) or a separated text cell. */
export function urlList(value: unknown, key?: string): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string')
    return value
      .split(/[\s,;|，；、]+/)
      .filter((url) => url !== '')
      .map(urlOf);
  if (!Array.isArray(value)) return value;
  return value.map((item: unknown) => urlOf(key !== undefined && typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : item));
}

/** Drops undefined members, so an absent platform field is an absent API field. */
export function compact(input: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  return input;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
