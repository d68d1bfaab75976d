import type { ReportKind } from '../report-period';
import type { ReportText } from '../report-text';

/** Column labels for this / previous / average period, worded for weeks or for ranges. */
export function periodLabels(text: ReportText, kind: ReportKind): { current: string; previous: string; average: string } {
  return kind === 'weekly'
    ? { current: text.t('currentWeek'), previous: text.t('previousWeek'), average: text.t('average4Weeks') }
    : { current: text.t('current'), previous: text.t('previous'), average: text.t('average4') };
}

/** A period as people read it: the ISO week with its days, or the days. */
export function periodLabel(period: { week: string | null; from: string; to: string }): string {
  return period.week ? `${period.week} (${period.from} – ${period.to})` : `${period.from} – ${period.to}`;
}

/** Short label of a trend point: the week number, or the first day. */
export function shortPeriodLabel(period: { week: string | null; from: string }): string {
  return period.week ? period.week.slice(5) : period.from.slice(5);
}

/** At most `max` characters (code points), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Sums `n` of rows into a map keyed by `key(row)`. */
export function sumBy<T extends { n: number }>(rows: readonly T[], key: (row: T) => string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + row.n);
  return sums;
}
