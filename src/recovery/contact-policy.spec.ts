import { ContactPolicy, evaluateContactPolicy } from './contact-policy';

const shanghai: ContactPolicy = { maxContactsPerDay: 2, maxContactsTotal: 5, quietHoursStart: '21:00', quietHoursEnd: '09:00', timezone: 'Asia/Shanghai' };
const newYork: ContactPolicy = { ...shanghai, timezone: 'America/New_York' };
const d = (iso: string) => new Date(iso);

describe('contact policy: quiet hours in the shop time zone', () => {
  it.each<[string, ContactPolicy, string, boolean, string | null]>([
    // name, policy, instant, allowed, next allowed (when refused)
    ['Shanghai 10:00 is allowed', shanghai, '2026-11-20T02:00:00Z', true, null],
    ['Shanghai 20:59 is allowed', shanghai, '2026-11-20T12:59:00Z', true, null],
    ['Shanghai 21:00 is quiet until 09:00 tomorrow', shanghai, '2026-11-20T13:00:00Z', false, '2026-11-21T01:00:00.000Z'],
    ['Shanghai 23:30 is quiet until 09:00 tomorrow', shanghai, '2026-11-20T15:30:00Z', false, '2026-11-21T01:00:00.000Z'],
    ['Shanghai 00:30 (after midnight) is quiet until 09:00 the same day', shanghai, '2026-11-20T16:30:00Z', false, '2026-11-21T01:00:00.000Z'],
    ['Shanghai 08:59 is quiet', shanghai, '2026-11-21T00:59:00Z', false, '2026-11-21T01:00:00.000Z'],
    ['Shanghai 09:00 is allowed', shanghai, '2026-11-21T01:00:00Z', true, null],
    ['no quiet hours when start equals end', { ...shanghai, quietHoursStart: '00:00', quietHoursEnd: '00:00' }, '2026-11-20T18:00:00Z', true, null],
    [
      'quiet hours inside one day (12:00-14:00)',
      { ...shanghai, quietHoursStart: '12:00', quietHoursEnd: '14:00' },
      '2026-11-20T05:00:00Z',
      false,
      '2026-11-20T06:00:00.000Z',
    ],
    // New York: EST (UTC-5) before 8 March 2026, EDT (UTC-4) after
    ['New York 08:30 EST is quiet', newYork, '2026-03-07T13:30:00Z', false, '2026-03-07T14:00:00.000Z'],
    ['New York 13:30Z on DST day is 09:30 EDT: allowed (it would be 08:30 in EST)', newYork, '2026-03-08T13:30:00Z', true, null],
    ['New York 01:30 EST on the DST night: quiet until 09:00 EDT', newYork, '2026-03-08T06:30:00Z', false, '2026-03-08T13:00:00.000Z'],
    ['New York fall back night 01:30 (second time, EST): quiet until 09:00 EST', newYork, '2026-11-01T06:30:00Z', false, '2026-11-01T14:00:00.000Z'],
    ['New York 21:30 EDT on 31 Oct: quiet until 09:00 EST after the change', newYork, '2026-11-01T01:30:00Z', false, '2026-11-01T14:00:00.000Z'],
  ])('%s', (_name, policy, at, allowed, next) => {
    const check = evaluateContactPolicy(policy, d(at), []);
    expect(check.allowed).toBe(allowed);
    if (allowed) expect(check.violations).toEqual([]);
    else {
      expect(check.violations.map((v) => v.code)).toEqual(['quiet_hours']);
      expect(check.nextAllowedAt?.toISOString()).toBe(next);
    }
  });
});

describe('contact policy: limits per shop day and per case', () => {
  it.each<[string, ContactPolicy, string[], string, string[], string | null]>([
    // name, policy, earlier contacts, this contact, violations, next allowed
    ['first contact of the day', shanghai, [], '2026-11-20T02:00:00Z', [], null],
    ['second contact of the day', shanghai, ['2026-11-20T01:30:00Z'], '2026-11-20T02:00:00Z', [], null],
    [
      'third contact of the Shanghai day: refused until 09:00 tomorrow',
      shanghai,
      ['2026-11-20T01:30:00Z', '2026-11-20T03:00:00Z'],
      '2026-11-20T06:00:00Z',
      ['daily_limit'],
      '2026-11-21T01:00:00.000Z',
    ],
    // 23:30Z on the 19th is 07:30 on the 20th in Shanghai: same shop day as the contacts below
    [
      'days are counted in the shop time zone, not UTC',
      shanghai,
      ['2026-11-19T23:30:00Z', '2026-11-20T01:30:00Z'],
      '2026-11-20T05:00:00Z',
      ['daily_limit'],
      '2026-11-21T01:00:00.000Z',
    ],
    // the same UTC instants are two different days in New York
    ['New York: contacts of the previous local day do not count', newYork, ['2026-11-20T03:00:00Z', '2026-11-20T04:00:00Z'], '2026-11-20T15:00:00Z', [], null],
    [
      'New York DST day (23 h long): two contacts fill it',
      newYork,
      ['2026-03-08T13:00:00Z', '2026-03-08T15:00:00Z'],
      '2026-03-08T20:00:00Z',
      ['daily_limit'],
      '2026-03-09T13:00:00.000Z',
    ],
    [
      'total limit: refused with no next time',
      { ...shanghai, maxContactsTotal: 3 },
      ['2026-11-17T02:00:00Z', '2026-11-18T02:00:00Z', '2026-11-19T02:00:00Z'],
      '2026-11-20T02:00:00Z',
      ['total_limit'],
      null,
    ],
    [
      'daily limit in quiet hours: both reported',
      shanghai,
      ['2026-11-20T01:30:00Z', '2026-11-20T03:00:00Z'],
      '2026-11-20T14:00:00Z',
      ['daily_limit', 'quiet_hours'],
      '2026-11-21T01:00:00.000Z',
    ],
  ])('%s', (_name, policy, earlier, at, violations, next) => {
    const check = evaluateContactPolicy(policy, d(at), earlier.map(d));
    expect(check.violations.map((v) => v.code)).toEqual(violations);
    expect(check.allowed).toBe(violations.length === 0);
    if (violations.length) expect(check.nextAllowedAt?.toISOString() ?? null).toBe(next);
  });
});
