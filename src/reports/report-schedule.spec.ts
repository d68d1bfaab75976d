import { dueWeeklyReports, ScheduledShop } from './report-schedule';
import { DEFAULT_REPORT_SETTINGS, effectiveSettings } from './report-settings';

const shop = (over: Partial<ScheduledShop> = {}): ScheduledShop => ({
  id: 'shop-1',
  timezone: 'Asia/Shanghai',
  reportSettings: {},
  createdAt: new Date('2026-01-01T00:00:00Z'),
  ...over,
});

describe('the Monday schedule', () => {
  it('is due from 06:00 on Monday in the shop time zone, for the week before', () => {
    expect(dueWeeklyReports([shop()], new Date('2026-11-22T21:59:00Z'))).toEqual([]); // Monday 05:59 in Shanghai
    expect(dueWeeklyReports([shop()], new Date('2026-11-22T22:00:00Z'))).toEqual([
      { shopId: 'shop-1', week: '2026-W47', periodStart: new Date('2026-11-15T16:00:00Z') },
    ]);
    // still due later in the week until a report is stored
    expect(dueWeeklyReports([shop()], new Date('2026-11-26T10:00:00Z'))[0].week).toBe('2026-W47');
  });

  it('follows each shop’s zone and hour', () => {
    const la = shop({ id: 'la', timezone: 'America/Los_Angeles', reportSettings: { scheduleHour: 2 } });
    const now = new Date('2026-11-23T09:30:00Z'); // Monday 01:30 in LA, 17:30 in Shanghai
    expect(dueWeeklyReports([shop(), la], now).map((d) => `${d.shopId} ${d.week}`)).toEqual(['shop-1 2026-W47']);
    expect(dueWeeklyReports([la], new Date('2026-11-23T10:00:00Z'))).toEqual([
      { shopId: 'la', week: '2026-W47', periodStart: new Date('2026-11-16T08:00:00Z') },
    ]);
  });

  it('skips shops that turned it off or did not exist when the week ended', () => {
    const now = new Date('2026-11-23T02:00:00Z');
    expect(dueWeeklyReports([shop({ reportSettings: { scheduleEnabled: false } })], now)).toEqual([]);
    expect(dueWeeklyReports([shop({ createdAt: new Date('2026-11-22T17:00:00Z') })], now)).toEqual([]);
    expect(dueWeeklyReports([shop({ createdAt: new Date('2026-11-22T15:00:00Z') })], now)).toHaveLength(1);
  });
});

describe('report settings', () => {
  it('overlays valid stored values on the defaults and ignores the rest', () => {
    expect(effectiveSettings(null)).toEqual(DEFAULT_REPORT_SETTINGS);
    // widespreadMin*: a spread rule before early warning's alerts became the one definition (docs/alerts.md)
    expect(effectiveSettings({ actionMinComplaints: 5, quoteMaxChars: 3, tableRows: 2.5, scheduleEnabled: 'no', widespreadMinBuyers: 5, other: 1 })).toEqual({
      ...DEFAULT_REPORT_SETTINGS,
      actionMinComplaints: 5,
    });
  });
});
