import { isTimestamp, toInstant } from './timestamps';

describe('timestamps', () => {
  it.each([
    ['2026-11-03T14:05:00Z', '2026-11-03T14:05:00.000Z'],
    ['2026-11-03T14:05:00+08:00', '2026-11-03T06:05:00.000Z'],
    ['2026-11-03 14:05:00', '2026-11-03T06:05:00.000Z'],
    ['2026/11/03 14:05', '2026-11-03T06:05:00.000Z'],
    ['2026-11-03', '2026-11-02T16:00:00.000Z'],
    ['2024-02-29T00:00:00.123+0000', '2024-02-29T00:00:00.123Z'],
  ])('reads %s in Asia/Shanghai as %s', (text, iso) => {
    expect(toInstant(text, 'Asia/Shanghai')?.toISOString()).toBe(iso);
  });

  it('applies daylight saving time of the shop zone', () => {
    expect(toInstant('2026-07-01 12:00:00', 'America/New_York')?.toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(toInstant('2026-01-01 12:00:00', 'America/New_York')?.toISOString()).toBe('2026-01-01T17:00:00.000Z');
  });

  it.each(['2026-02-30', '2025-02-29T10:00:00Z', '2026-13-01', '2026-11-03T24:00:00Z', 'yesterday', '', '2026-11-03T10:00:00+25:00'])(
    'rejects the impossible timestamp %p',
    (text) => {
      expect(isTimestamp(text)).toBe(false);
      expect(toInstant(text, 'UTC')).toBeNull();
    },
  );
});
