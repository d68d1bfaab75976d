import { addDays, localDate } from '../common/time/local-time';
import {
  isLocalDate,
  isoWeekMonday,
  isoWeekOf,
  isoWeeksInYear,
  lastCompletedWeek,
  parseIsoWeek,
  periodsEndingWith,
  rangePeriod,
  shiftBack,
  weekPeriod,
} from './report-period';

const HOUR = 3_600_000;

describe('ISO weeks', () => {
  it.each([
    ['2026-W47', { year: 2026, week: 47 }],
    ['2026-W53', { year: 2026, week: 53 }],
    ['2020-W53', { year: 2020, week: 53 }],
    ['2027-W01', { year: 2027, week: 1 }],
  ])('parses %s', (text, expected) => {
    expect(parseIsoWeek(text)).toEqual(expected);
  });

  it.each(['2026-47', '2026-W5', '2026-w47', '2026-W00', '2026-W54', '2021-W53', '1969-W10', ' 2026-W47', '2026-W47x'])('rejects %p', (text) => {
    expect(parseIsoWeek(text)).toBeNull();
  });

  it.each([
    [2026, 53],
    [2020, 53],
    [2015, 53],
    [2021, 52],
    [2025, 52],
  ])('%i has %i weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  it.each([
    ['2026-11-16', '2026-W47'],
    ['2026-11-22', '2026-W47'],
    ['2026-11-23', '2026-W48'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-01', '2020-W53'],
    ['2027-01-03', '2026-W53'],
  ])('%s is in %s', (date, week) => {
    const { year, week: n } = isoWeekOf(date);
    expect(`${year}-W${String(n).padStart(2, '0')}`).toBe(week);
  });

  it('finds the Monday of a week', () => {
    expect(isoWeekMonday({ year: 2026, week: 47 })).toBe('2026-11-16');
    expect(isoWeekMonday({ year: 2027, week: 1 })).toBe('2027-01-04');
    expect(isoWeekMonday({ year: 2020, week: 53 })).toBe('2020-12-28');
  });
});

describe('week periods in a time zone', () => {
  it('is Monday 00:00 to the next Monday 00:00 in Shanghai', () => {
    const week = weekPeriod({ year: 2026, week: 47 }, 'Asia/Shanghai');
    expect(week).toMatchObject({ kind: 'weekly', week: '2026-W47', from: '2026-11-16', to: '2026-11-22', days: 7 });
    expect(week.start.toISOString()).toBe('2026-11-15T16:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });

  it('puts Sunday 23:30 in Shanghai into that week, not the next', () => {
    const week = weekPeriod({ year: 2026, week: 47 }, 'Asia/Shanghai');
    const sundayLate = new Date('2026-11-22T23:30:00+08:00');
    expect(sundayLate.getTime()).toBeGreaterThanOrEqual(week.start.getTime());
    expect(sundayLate.getTime()).toBeLessThan(week.end.getTime());
    expect(new Date('2026-11-23T00:00:00+08:00').getTime()).toBe(week.end.getTime());
  });

  it('follows Los Angeles, where Sunday 23:30 is already Monday in UTC', () => {
    const week = weekPeriod({ year: 2026, week: 47 }, 'America/Los_Angeles');
    expect(week.start.toISOString()).toBe('2026-11-16T08:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    const sundayLate = new Date('2026-11-22T23:30:00-08:00');
    expect(sundayLate.getTime()).toBeLessThan(week.end.getTime());
  });

  it('has 169 hours in the Los Angeles week where daylight saving time ends', () => {
    // DST ends on Sunday 1 November 2026 in the US
    const week = weekPeriod({ year: 2026, week: 44 }, 'America/Los_Angeles');
    expect(week.start.toISOString()).toBe('2026-10-26T07:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect((week.end.getTime() - week.start.getTime()) / HOUR).toBe(169);
  });

  it('goes back across a year with 53 weeks', () => {
    const first = weekPeriod({ year: 2027, week: 1 }, 'Asia/Shanghai');
    expect(shiftBack(first, 1).week).toBe('2026-W53');
    expect(periodsEndingWith(first, 3).map((p) => p.week)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
  });

  it('knows the last completed week of a moment in each zone', () => {
    const mondayMorningShanghai = new Date('2026-11-23T01:00:00Z'); // 09:00 Monday in Shanghai, 17:00 Sunday in LA
    expect(lastCompletedWeek(mondayMorningShanghai, 'Asia/Shanghai')).toEqual({ year: 2026, week: 47 });
    expect(lastCompletedWeek(mondayMorningShanghai, 'America/Los_Angeles')).toEqual({ year: 2026, week: 46 });
  });
});

describe('date ranges', () => {
  it('covers whole local days, both ends included', () => {
    const range = rangePeriod('2026-11-01', '2026-11-30', 'Asia/Shanghai');
    expect(range).toMatchObject({ kind: 'range', week: null, days: 30 });
    expect(range.start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('compares with the same number of days before', () => {
    const previous = shiftBack(rangePeriod('2026-11-01', '2026-11-10', 'Asia/Shanghai'), 1);
    expect(previous).toMatchObject({ from: '2026-10-22', to: '2026-10-31', days: 10 });
  });

  it('validates dates and does day arithmetic', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-2-3')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(localDate(new Date('2026-11-22T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(localDate(new Date('2026-11-22T16:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-22');
  });
});
