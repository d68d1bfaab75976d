import { queueReasons, ReasonInput } from './queue-reasons';

const now = new Date('2026-11-20T04:00:00Z'); // 12:00 in Shanghai
const ctx = { now, timezone: 'Asia/Shanghai', highValueOrderAmount: 200, bestSellerReviews30d: 20 };
const base: ReasonInput = {
  status: 'new',
  grade: 'bad',
  revisionDeadlineAt: new Date('2026-11-25T04:00:00Z'),
  followUpDueAt: null,
  firstContactDueAt: new Date('2026-11-21T04:00:00Z'),
  firstContactedAt: null,
  missedPromises: 0,
  orderAmount: 59.9,
  productRecentReviews: 3,
};

describe('queue reasons', () => {
  it.each<[string, Partial<ReasonInput>, string[], Record<string, number>]>([
    ['a new bad review within the SLA', {}, ['revision_deadline', 'bad_review', 'first_contact_due'], { revision_deadline: 5, first_contact_due: 24 }],
    ['a medium review', { grade: 'medium' }, ['revision_deadline', 'medium_review', 'first_contact_due'], {}],
    // 23:30 in Shanghai today: closes today although more than 0 full days away in UTC terms
    [
      'deadline later today (shop day)',
      { revisionDeadlineAt: new Date('2026-11-20T15:30:00Z') },
      ['revision_deadline_today', 'bad_review', 'first_contact_due'],
      { revision_deadline_today: 0 },
    ],
    // 00:30 tomorrow in Shanghai is 16:30Z today: one day left by the shop's calendar
    [
      'deadline just after the shop midnight',
      { revisionDeadlineAt: new Date('2026-11-20T16:30:00Z') },
      ['revision_deadline', 'bad_review', 'first_contact_due'],
      { revision_deadline: 1 },
    ],
    [
      'first contact overdue by 5 h',
      { firstContactDueAt: new Date('2026-11-19T23:00:00Z') },
      ['revision_deadline', 'bad_review', 'first_contact_overdue'],
      { first_contact_overdue: 5 },
    ],
    [
      'follow-up due later today',
      { status: 'awaiting_revision', firstContactedAt: new Date('2026-11-18T04:00:00Z'), followUpDueAt: new Date('2026-11-20T10:00:00Z') },
      ['revision_deadline', 'bad_review', 'follow_up_due_today'],
      {},
    ],
    [
      'missed promise from yesterday',
      { status: 'contacting', firstContactedAt: new Date('2026-11-18T04:00:00Z'), followUpDueAt: new Date('2026-11-19T04:00:00Z'), missedPromises: 1 },
      ['revision_deadline', 'bad_review', 'promise_missed'],
      { promise_missed: 1 },
    ],
    [
      'call-back overdue',
      { status: 'contacting', firstContactedAt: new Date('2026-11-18T04:00:00Z'), followUpDueAt: new Date('2026-11-20T03:00:00Z') },
      ['revision_deadline', 'bad_review', 'follow_up_overdue'],
      { follow_up_overdue: 0 },
    ],
    [
      'follow-up tomorrow says nothing yet',
      { status: 'contacting', firstContactedAt: now, followUpDueAt: new Date('2026-11-21T04:00:00Z') },
      ['revision_deadline', 'bad_review'],
      {},
    ],
    [
      'high-value order of a best-seller',
      { orderAmount: 899, productRecentReviews: 40 },
      ['revision_deadline', 'bad_review', 'first_contact_due', 'high_value_order', 'best_selling_product'],
      { high_value_order: 899, best_selling_product: 40 },
    ],
    [
      'the thresholds are inclusive',
      { orderAmount: 200, productRecentReviews: 20 },
      ['revision_deadline', 'bad_review', 'first_contact_due', 'high_value_order', 'best_selling_product'],
      {},
    ],
    ['no amount: not high-value', { orderAmount: null }, ['revision_deadline', 'bad_review', 'first_contact_due'], {}],
  ])('%s', (_name, overrides, codes, values) => {
    const reasons = queueReasons({ ...base, ...overrides }, ctx);
    expect(reasons.map((r) => r.code)).toEqual(codes);
    for (const [code, value] of Object.entries(values)) expect(reasons.find((r) => r.code === code)?.value).toBe(value);
    for (const reason of reasons) {
      expect(reason.en.length).toBeGreaterThan(5);
      expect(reason.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
