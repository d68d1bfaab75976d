import { toInstant, zoneOffsetMinutes } from './timestamps';

export interface LocalClock {
  /** YYYY-MM-DD in the zone */
  date: string;
  /** minutes since local midnight */
  minute: number;
}

/** The wall clock of an instant in an IANA zone. */
export function localClock(instant: Date, timeZone: string): LocalClock {
  const wall = new Date(instant.getTime() + zoneOffsetMinutes(timeZone, instant.getTime()) * 60_000);
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
