/** Dates, times and amounts as staff read them: in the shop's time zone, in the UI language. */
import type { Lang } from './i18n.js';

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-GB');

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale(lang), { timeZone, ...options });
    formatters.set(key, found);
  }
  return found;
}

/** 2026-11-20 14:05 (shop time) */
export function dateTime(iso: string | null | undefined, lang: Lang, timeZone: string): string {
  if (!iso) return '—';
  return formatter(lang, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

export function date(iso: string | null | undefined, lang: Lang, timeZone: string): string {
  if (!iso) return '—';
  return formatter(lang, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** "in 3 d", "5 h ago": how far a moment is from now, to the unit that matters. */
export function relative(iso: string | null | undefined, lang: Lang, now = Date.now()): string {
  if (!iso) return '—';
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'auto', style: 'short' });
  const abs = Math.abs(seconds);
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400 * 2) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}

export function money(amount: number | null | undefined, currency: string | null | undefined, lang: Lang): string {
  if (amount === null || amount === undefined) return '—';
  try {
    return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: currency || 'CNY' }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency ?? ''}`.trim();
  }
}

/** The parts of `instant` on the wall clock of `timeZone`. */
function wallClock(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatter('en', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The value of a datetime-local input for `instant` on the shop's clock: 2026-11-20T14:05. */
export function localInputValue(instant: Date, timeZone: string): string {
  const clock = wallClock(instant, timeZone);
  return `${clock.date}T${clock.time}`;
}

/** A date input's value (YYYY-MM-DD) `days` after today on the shop's calendar. */
export function localDateInput(days: number, timeZone: string, now = new Date()): string {
  const today = wallClock(now, timeZone).date;
  const moved = new Date(`${today}T12:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/**
 * A datetime-local value as the API takes it: without an offset, which the API reads in the shop's time
 * zone (so the form means shop time whatever the browser's zone).
 */
export function apiLocal(value: string): string {
  return value.length === 16 ? `${value.replace('T', ' ')}:00` : value.replace('T', ' ');
}

/** ISO week of a date (YYYY-Www), as the weekly report names weeks. */
export function isoWeek(day: Date): string {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The Monday (UTC date) of an ISO week. */
export function weekMonday(week: string): Date | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const jan4 = new Date(Date.UTC(Number(match[1]), 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (Number(match[2]) - 1) * 7);
  return monday;
}

export function shiftWeek(week: string, weeks: number): string {
  const monday = weekMonday(week);
  if (!monday) return week;
  monday.setUTCDate(monday.getUTCDate() + weeks * 7);
  return isoWeek(monday);
}

/** The last week that has ended, on the shop's calendar. */
export function lastCompletedWeek(timeZone: string, now = new Date()): string {
  const today = new Date(`${localDateInput(0, timeZone, now)}T12:00:00Z`);
  today.setUTCDate(today.getUTCDate() - 7);
  return isoWeek(today);
}
