import { addDays, localClock, parseClock, zonedInstant } from '../common/time/local-time';

/** No harassment: how often a buyer may be contacted about one case, and never in the quiet hours. */
export interface ContactPolicy {
  maxContactsPerDay: number;
  maxContactsTotal: number;
  /** HH:MM local; start after end crosses midnight (21:00-09:00); equal means no quiet hours */
  quietHoursStart: string;
  quietHoursEnd: string;
  /** IANA zone of the shop: days and quiet hours are the shop's */
  timezone: string;
}

export const POLICY_VIOLATIONS = ['quiet_hours', 'daily_limit', 'total_limit'] as const;
export type PolicyViolationCode = (typeof POLICY_VIOLATIONS)[number];

export interface PolicyViolation {
  code: PolicyViolationCode;
  message: string;
}

export interface PolicyCheck {
  allowed: boolean;
  violations: PolicyViolation[];
  /** the first moment a contact would be allowed; null when the total limit is reached */
  nextAllowedAt: Date | null;
}

function inQuietHours(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** When the quiet period that `at` falls in ends. */
function quietEnd(date: string, minute: number, start: number, end: number, timeZone: string): Date {
  // across midnight, the evening part ends tomorrow morning
  const endDate = start > end && minute >= start ? addDays(date, 1) : date;
  return zonedInstant(endDate, end, timeZone);
}

/**
 * Checks a contact at `at` against the policy, given the earlier contacts of the case. Per-day limits count
 * the contacts of the shop's calendar day (23 or 25 hours long on DST changes).
 */
export function evaluateContactPolicy(policy: ContactPolicy, at: Date, previous: readonly Date[]): PolicyCheck {
  const start = parseClock(policy.quietHoursStart) ?? 0;
  const end = parseClock(policy.quietHoursEnd) ?? 0;
  const tz = policy.timezone;
  const perDay = (date: string) => previous.filter((p) => localClock(p, tz).date === date).length;
  const violations: PolicyViolation[] = [];
  const clock = localClock(at, tz);
  if (previous.length >= policy.maxContactsTotal) {
    violations.push({
      code: 'total_limit',
      message: `the buyer has been contacted ${previous.length} times about this case (limit ${policy.maxContactsTotal})`,
    });
  }
  if (perDay(clock.date) >= policy.maxContactsPerDay) {
    violations.push({ code: 'daily_limit', message: `already ${perDay(clock.date)} contacts on ${clock.date} (limit ${policy.maxContactsPerDay} a day)` });
  }
  if (inQuietHours(clock.minute, start, end)) {
    violations.push({ code: 'quiet_hours', message: `${policy.quietHoursStart}-${policy.quietHoursEnd} (${tz}) are quiet hours` });
  }
  if (!violations.length) return { allowed: true, violations, nextAllowedAt: at };
  if (violations.some((v) => v.code === 'total_limit')) return { allowed: false, violations, nextAllowedAt: null };
  // step forward to the end of the quiet hours and past full days until both rules pass
  let candidate = at;
  for (let i = 0; i < 8; i++) {
    const c = localClock(candidate, tz);
    if (perDay(c.date) >= policy.maxContactsPerDay) {
      candidate = zonedInstant(addDays(c.date, 1), 0, tz);
      continue;
    }
    if (inQuietHours(c.minute, start, end)) {
      candidate = quietEnd(c.date, c.minute, start, end, tz);
      continue;
    }
    break;
  }
  return { allowed: false, violations, nextAllowedAt: candidate };
}

/** A policy check with what it was made against: the rules and the contacts they count. */
export interface PolicyView extends PolicyCheck {
  at: Date;
  policy: ContactPolicy;
  /** contacts on the shop's calendar day of `at` */
  contactsThatDay: number;
  contactsTotal: number;
}

/** evaluateContactPolicy, with the rules and the counts a person needs to see why. */
export function describeContactPolicy(policy: ContactPolicy, at: Date, previous: readonly Date[]): PolicyView {
  const date = localClock(at, policy.timezone).date;
  return {
    ...evaluateContactPolicy(policy, at, previous),
    at,
    policy,
    contactsThatDay: previous.filter((p) => localClock(p, policy.timezone).date === date).length,
    contactsTotal: previous.length,
  };
}
