import { toInstant } from './timestamps';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

export interface LocalClock {
  /** YYYY-MM-DD in the zone */
  date: string;
  /** minutes since local midnight */
  minute: number;
}

// Zone offsets and their changes fall on quarter hours: one Intl lookup per zone and quarter hour is exact.
const QUARTER_HOUR_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 50_000;

function offsetMs(instant: number, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const key = Math.floor(instant / QUARTER_HOUR_MS);
  let offset = zone.get(key);
  if (offset === undefined) {
    const parts: Record<string, number> = {};
    for (const part of formatter(timeZone).formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    offset = wall - Math.floor(instant / 60_000) * 60_000;
    if (zone.size >= OFFSET_CACHE_LIMIT) zone.clear();
    zone.set(key, offset);
  }
  return offset;
}

/** The wall clock of an instant in an IANA zone. */
export function localClock(instant: Date, timeZone: string): LocalClock {
  const wall = new Date(instant.getTime() + offsetMs(instant.getTime(), timeZone));
  return { date: wall.toISOString().slice(0, 10), minute: wall.getUTCHours() * 60 + wall.getUTCMinutes() };
}

export function localDate(instant: Date, timeZone: string): string {
  return localClock(instant, timeZone).date;
}

/** YYYY-MM-DD plus n calendar days */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** calendar days from `from` to `to` (YYYY-MM-DD) */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The instant a local wall-clock time happens (a time skipped by a DST change resolves to just after it). */
export function zonedInstant(date: string, minute: number, timeZone: string): Date {
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  const instant = toInstant(`${date} ${hh}:${mm}:00`, timeZone);
  if (!instant) throw new Error(`invalid local time ${date} ${hh}:${mm}`);
  return instant;
}

export function startOfLocalDay(date: string, timeZone: string): Date {
  return zonedInstant(date, 0, timeZone);
}

/** "HH:MM" to minutes since midnight, or null */
export function parseClock(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
