import { LRUCache } from 'lru-cache';
/**
 * Timestamps as shop backends export them: ISO 8601 with or without an offset, with a "T" or a
 * space, or with slashes (2026/11/03 14:05:00). A timestamp without an offset is local time in
 * the shop's time zone.
 */
const PATTERN = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Years a shop's timestamp can have. Outside them a value is a placeholder or a typo (0000-01-01 would
 * even become 1900 through Date.UTC's two-digit years), not a date to store or filter by.
 */
export const TIMESTAMP_MIN_YEAR = 1970;
export const TIMESTAMP_MAX_YEAR = 2200;

export interface LocalTimestamp {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** minutes east of UTC, or null when the text names no offset */
  offsetMinutes: number | null;
}

export function parseTimestampParts(text: string): LocalTimestamp | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, offset] = match;
  const parts: LocalTimestamp = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
    millisecond: frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000),
    offsetMinutes: offset === undefined ? null : offsetToMinutes(offset),
  };
  if (parts.year < TIMESTAMP_MIN_YEAR || parts.year > TIMESTAMP_MAX_YEAR) return null;
  if (parts.month < 1 || parts.month > 12 || parts.hour > 23 || parts.minute > 59 || parts.second > 59) return null;
  if (parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month)) return null;
  if (parts.offsetMinutes !== null && Math.abs(parts.offsetMinutes) > 14 * 60) return null;
  return parts;
}

export function isTimestamp(text: string): boolean {
  return parseTimestampParts(text) !== null;
}

/** Resolves a timestamp to an instant; without an offset it is read in `timeZone` (IANA name). */
export function toInstant(text: string, timeZone: string): Date | null {
  const parts = parseTimestampParts(text);
  if (!parts) return null;
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond);
  if (parts.offsetMinutes !== null) return new Date(asUtc - parts.offsetMinutes * 60_000);
  // Guess with the zone's offset at that instant, then correct once for a DST change in between.
  const first = asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60_000;
  return new Date(asUtc - zoneOffsetMinutes(timeZone, first) * 60_000);
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
// Zone offsets and their changes fall on quarter hours: one Intl lookup per zone and quarter hour is exact.
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new LRUCache<string, number>({ max: 50_000 });

/** The zone's offset from UTC at an instant (ms since the epoch), in minutes; cached per zone and quarter hour. */
export function zoneOffsetMinutes(timeZone: string, instant: number): number {
  const key = `${timeZone}|${Math.floor(instant / QUARTER_HOUR_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = lookupOffsetMinutes(timeZone, instant);
    offsets.set(key, offset);
  }
  return offset;
}

function lookupOffsetMinutes(timeZone: string, instant: number): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const values: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(instant))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const wall = Date.UTC(values.year, values.month - 1, values.day, values.hour, values.minute, values.second);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

function offsetToMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
