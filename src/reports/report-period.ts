import { toInstant } from '../common/time/timestamps';
import { addDays, daysBetween, localDate } from '../common/time/local-time';

/**
 * Report periods in a shop's time zone. A week is an ISO week (Monday to Sunday) of local days; a range
 * is whole local days. Periods are half-open [start, end) instants, computed from local midnights, so a
 * week across a daylight-saving change is 167 or 169 hours long and still ends at Sunday 24:00 local time.
 * Local days are 'YYYY-MM-DD' strings; day arithmetic runs on UTC dates, which have no DST.
 */
export type ReportKind = 'weekly' | 'range';

export interface ReportPeriod {
  kind: ReportKind;
  /** ISO week label (2026-W47) of a weekly period, null for a range */
  week: string | null;
  /** first local day, inclusive */
  from: string;
  /** last local day, inclusive */
  to: string;
  days: number;
  /** local midnight at the start of `from` */
  start: Date;
  /** local midnight after `to` (exclusive) */
  end: Date;
  timezone: string;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** longest range report, in days */
export const MAX_RANGE_DAYS = 366;

export interface IsoWeek {
  year: number;
  week: number;
}

function utcDay(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new Error(`not a local date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function formatUtcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD. */
export function isLocalDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return formatUtcDay(ms) === text && Number(match[1]) >= 1970;
}

/** ISO weekday of a local date: 1 Monday ... 7 Sunday. */
function isoWeekday(date: string): number {
  const day = new Date(utcDay(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Years whose 1 January is a Thursday, or a Wednesday in a leap year, have 53 ISO weeks. */
export function isoWeeksInYear(year: number): number {
  const jan1 = isoWeekday(`${String(year).padStart(4, '0')}-01-01`);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

/** Parses 2026-W47; null when malformed or when the year has no such week. */
export function parseIsoWeek(text: string): IsoWeek | null {
  const match = WEEK_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970 || week < 1 || week > isoWeeksInYear(year)) return null;
  return { year, week };
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week: week 1 is the week that holds 4 January. */
export function isoWeekMonday({ year, week }: IsoWeek): string {
  const jan4 = `${year}-01-04`;
  const mondayOfWeek1 = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(mondayOfWeek1, (week - 1) * 7);
}

/** The ISO week a local date belongs to (its Thursday decides the year). */
export function isoWeekOf(date: string): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** The instant of local midnight at the start of a date (the first instant of that day where midnight is skipped). */
export function localMidnight(date: string, timeZone: string): Date {
  const instant = toInstant(`${date} 00:00:00`, timeZone);
  if (!instant) throw new Error(`cannot resolve ${date} in ${timeZone}`);
  return instant;
}

function period(kind: ReportKind, week: string | null, from: string, to: string, timeZone: string): ReportPeriod {
  return {
    kind,
    week,
    from,
    to,
    days: daysBetween(from, to) + 1,
    start: localMidnight(from, timeZone),
    end: localMidnight(addDays(to, 1), timeZone),
    timezone: timeZone,
  };
}

export function weekPeriod(week: IsoWeek, timeZone: string): ReportPeriod {
  const monday = isoWeekMonday(week);
  return period('weekly', formatIsoWeek(week), monday, addDays(monday, 6), timeZone);
}

/** Whole local days from `from` to `to`, both included. */
export function rangePeriod(from: string, to: string, timeZone: string): ReportPeriod {
  return period('range', null, from, to, timeZone);
}

/** The period `count` periods before this one, of the same length (the same weekday for weeks). */
export function shiftBack(current: ReportPeriod, count: number): ReportPeriod {
  const from = addDays(current.from, -count * current.days);
  const to = addDays(current.to, -count * current.days);
  return period(current.kind, current.kind === 'weekly' ? formatIsoWeek(isoWeekOf(from)) : null, from, to, current.timezone);
}

/** `count` consecutive periods ending with `current`, oldest first. */
export function periodsEndingWith(current: ReportPeriod, count: number): ReportPeriod[] {
  return Array.from({ length: count }, (_, i) => shiftBack(current, count - 1 - i));
}

/** The ISO week that ended most recently at `now` in the time zone: the one a Monday report covers. */
export function lastCompletedWeek(now: Date, timeZone: string): IsoWeek {
  return isoWeekOf(addDays(localDate(now, timeZone), -7));
}
