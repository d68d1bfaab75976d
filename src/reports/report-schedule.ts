import { toInstant } from '../common/time/timestamps';
import { addDays } from '../common/time/local-time';
import { formatIsoWeek, lastCompletedWeek, weekPeriod } from './report-period';
import { effectiveSettings } from './report-settings';

export interface ScheduledShop {
  id: string;
  timezone: string;
  reportSettings: unknown;
  createdAt: Date;
}

export interface DueReport {
  shopId: string;
  week: string;
  periodStart: Date;
}

/**
 * Which shops are due their weekly report at `now`: the last completed ISO week in the shop's time zone,
 * from `scheduleHour` on the Monday after it, when the shop existed before the week ended and has the
 * schedule on; pure. The caller drops the weeks that already have a stored report.
 */
export function dueWeeklyReports(shops: readonly ScheduledShop[], now: Date): DueReport[] {
  const due: DueReport[] = [];
  for (const shop of shops) {
    const settings = effectiveSettings(shop.reportSettings);
    if (!settings.scheduleEnabled) continue;
    const week = lastCompletedWeek(now, shop.timezone);
    const period = weekPeriod(week, shop.timezone);
    const monday = addDays(period.to, 1);
    const dueAt = toInstant(`${monday} ${String(settings.scheduleHour).padStart(2, '0')}:00:00`, shop.timezone);
    if (!dueAt || now.getTime() < dueAt.getTime()) continue;
    if (shop.createdAt.getTime() >= period.end.getTime()) continue;
    due.push({ shopId: shop.id, week: formatIsoWeek(week), periodStart: period.start });
  }
  return due;
}
