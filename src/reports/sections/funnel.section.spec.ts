import { DEFAULT_REPORT_SETTINGS } from '../report-settings';
import { CompensationOfferRow, funnelCounts, FunnelCaseRow, funnelSection, median, recoveryFunnel } from './funnel.section';

const HOUR = 3600;
const settings = { ...DEFAULT_REPORT_SETTINGS };

/** a case of this period (bucket 0) unless told otherwise: not contacted, no promise, still open */
const kase = (overrides: Partial<FunnelCaseRow> = {}): FunnelCaseRow => ({ bucket: 0, firstContactSeconds: null, slaMissed: false, promised: false, outcome: null, ...overrides });

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[30, 10, 20], 20],
    [[4, 1, 3, 2], 2.5],
    [[7, 7, 1, 100], 7],
  ])('of %p is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('recovery funnel', () => {
  // this week: five cases at the end of the week
  const week: FunnelCaseRow[] = [
    kase({ firstContactSeconds: 1 * HOUR, promised: true, outcome: 'revised' }),
    kase({ firstContactSeconds: 3 * HOUR, promised: true }),
    kase({ firstContactSeconds: 30 * HOUR, slaMissed: true, outcome: 'closed_unrevised' }),
    kase({ slaMissed: true }),
    kase({ outcome: 'dismissed' }),
  ];
  // last week: two cases, both revised
  const lastWeek: FunnelCaseRow[] = [
    kase({ bucket: -1, firstContactSeconds: 2 * HOUR, outcome: 'revised' }),
    kase({ bucket: -1, firstContactSeconds: 4 * HOUR, promised: true, outcome: 'revised' }),
  ];

  it('counts each stage of the cases opened in the period, as they stood at its end', () => {
    expect(funnelCounts(week)).toEqual({
      opened: 5,
      contacted: 3,
      contactedInSla: 2,
      slaMissed: 2,
      medianSecondsToFirstContact: 3 * HOUR,
      promised: 2,
      revised: 1,
      closedUnrevised: 1,
      dismissed: 1,
      open: 2,
      contactRate: 0.6,
      revisionRate: 0.2,
    });
  });

  it('compares with the previous period at the same age', () => {
    const funnel = recoveryFunnel([...week, ...lastWeek], []);
    expect(funnel.current.opened).toBe(5);
    expect(funnel.previous).toMatchObject({ opened: 2, contacted: 2, revised: 2, promised: 1, revisionRate: 1, medianSecondsToFirstContact: 3 * HOUR });
    expect(funnel.vsPrevious).toEqual({ opened: { abs: 3, pct: 1.5 }, revised: { abs: -1, pct: -0.5 }, contactRate: expect.closeTo(-0.4), revisionRate: expect.closeTo(-0.8), medianSecondsToFirstContact: 0 });
  });

  it('takes a contact logged before the case opened as immediate, and an even count of contacts as the mean of the middle two', () => {
    const counts = funnelCounts([kase({ firstContactSeconds: -600 }), kase({ firstContactSeconds: 2 * HOUR }), kase({ firstContactSeconds: 5 * HOUR }), kase({ firstContactSeconds: 9 * HOUR })]);
    expect(counts.medianSecondsToFirstContact).toBe(3.5 * HOUR);
    expect(median([0, 2, 5, 9].map((h) => h * HOUR))).toBe(counts.medianSecondsToFirstContact);
  });

  it('sums the compensation offered by type and currency, the previous period beside it', () => {
    const offers: CompensationOfferRow[] = [
      { bucket: 0, type: 'coupon', currency: 'CNY', offers: 2, amount: 20 },
      { bucket: 0, type: 'gift', currency: 'CNY', offers: 1, amount: 0 },
      { bucket: 0, type: 'refund', currency: 'CNY', offers: 1, amount: 59.9 },
      { bucket: 0, type: 'price_difference', currency: 'CNY', offers: 1, amount: 0.1 },
      { bucket: 0, type: 'price_difference', currency: 'CNY', offers: 1, amount: 0.2 },
      { bucket: -1, type: 'coupon', currency: 'CNY', offers: 1, amount: 10 },
      { bucket: -1, type: 'replacement', currency: 'CNY', offers: 3, amount: 0 },
      { bucket: 0, type: 'cash', currency: 'USD', offers: 1, amount: 5.5 },
    ];
    const { compensation, compensationTotals } = recoveryFunnel([], offers);
    expect(compensation.map((line) => [line.currency, line.type, line.offers, line.amount, line.previousOffers, line.previousAmount])).toEqual([
      ['CNY', 'refund', 1, 59.9, 0, 0],
      ['CNY', 'coupon', 2, 20, 1, 10],
      ['CNY', 'price_difference', 2, 0.3, 0, 0],
      ['CNY', 'gift', 1, 0, 0, 0],
      ['CNY', 'replacement', 0, 0, 3, 0],
      ['USD', 'cash', 1, 5.5, 0, 0],
    ]);
    expect(compensationTotals).toEqual([
      { currency: 'CNY', offers: 6, amount: 80.2, previousOffers: 4, previousAmount: 10 },
      { currency: 'USD', offers: 1, amount: 5.5, previousOffers: 0, previousAmount: 0 },
    ]);
  });

  it('has zeros and no rates for an empty week', () => {
    const funnel = recoveryFunnel([], []);
    expect(funnel.current).toEqual({
      opened: 0,
      contacted: 0,
      contactedInSla: 0,
      slaMissed: 0,
      medianSecondsToFirstContact: null,
      promised: 0,
      revised: 0,
      closedUnrevised: 0,
      dismissed: 0,
      open: 0,
      contactRate: null,
      revisionRate: null,
    });
    expect(funnel.vsPrevious).toEqual({ opened: { abs: 0, pct: null }, revised: { abs: 0, pct: null }, contactRate: null, revisionRate: null, medianSecondsToFirstContact: null });
    expect(funnel.compensation).toEqual([]);
    expect(funnelSection.actions?.(funnel, { settings, sections: {} })).toEqual([]);
  });
});

describe('recovery funnel actions', () => {
  const cases = (n: number, overrides: Partial<FunnelCaseRow>, bucket = 0) => Array.from({ length: n }, () => kase({ bucket, ...overrides }));
  const codes = (rows: FunnelCaseRow[]) => (funnelSection.actions?.(recoveryFunnel(rows, []), { settings, sections: {} }) ?? []).map((item) => [item.code, item.priority]);

  it.each([
    ['4 of 10 due cases missed the first-contact deadline', [...cases(4, { slaMissed: true }), ...cases(6, { firstContactSeconds: HOUR })], [['funnel.first_contact_late', 'medium']]],
    ['6 of 10 missed it', [...cases(6, { slaMissed: true }), ...cases(4, { firstContactSeconds: HOUR })], [['funnel.first_contact_late', 'high']]],
    ['1 missed: fewer than actionMinComplaints', [...cases(1, { slaMissed: true }), ...cases(1, { firstContactSeconds: HOUR })], []],
    ['2 of 20 missed: 10 %', [...cases(2, { slaMissed: true }), ...cases(18, { firstContactSeconds: HOUR })], []],
    ['cases not yet due do not count against the deadline', [...cases(2, { slaMissed: true }), ...cases(8, { firstContactSeconds: HOUR }), ...cases(30, {})], [['funnel.first_contact_late', 'medium']]],
  ])('first contact: %s', (_, rows, expected) => {
    expect(codes(rows)).toEqual(expected);
  });

  const contacted = { firstContactSeconds: HOUR };
  it.each([
    ['10 % against 40 % with 10 cases each', [...cases(1, { ...contacted, outcome: 'revised' }), ...cases(9, contacted), ...cases(4, { ...contacted, outcome: 'revised' }, -1), ...cases(6, contacted, -1)], [['funnel.revision_rate_down', 'medium']]],
    ['the same drop with 9 cases this week', [...cases(1, { ...contacted, outcome: 'revised' }), ...cases(8, contacted), ...cases(4, { ...contacted, outcome: 'revised' }, -1), ...cases(6, contacted, -1)], []],
    ['a drop of 15 points: 35 % against 50 %', [...cases(7, { ...contacted, outcome: 'revised' }), ...cases(13, contacted), ...cases(5, { ...contacted, outcome: 'revised' }, -1), ...cases(5, contacted, -1)], [['funnel.revision_rate_down', 'medium']]],
    ['a drop of 5 points: 45 % against 50 %', [...cases(9, { ...contacted, outcome: 'revised' }), ...cases(11, contacted), ...cases(5, { ...contacted, outcome: 'revised' }, -1), ...cases(5, contacted, -1)], []],
    ['a rise', [...cases(5, { ...contacted, outcome: 'revised' }), ...cases(5, contacted), ...cases(1, { ...contacted, outcome: 'revised' }, -1), ...cases(9, contacted, -1)], []],
  ])('revision rate: %s', (_, rows, expected) => {
    expect(codes(rows as FunnelCaseRow[])).toEqual(expected);
  });

  it('says it in both languages with the figures', () => {
    const funnel = recoveryFunnel([...cases(3, { slaMissed: true }), ...cases(2, { firstContactSeconds: 5 * HOUR })], []);
    const [item] = funnelSection.actions?.(funnel, { settings, sections: {} }) ?? [];
    expect(item.params).toEqual({ slaMissed: 3, due: 5, medianHoursToFirstContact: 5 });
    expect(item.text.zh).toContain('有 3 个未在首次联系时限内联系（时限内联系 2 个，首次联系中位时长 5 小时）');
    expect(item.text.en).toContain('3 of 5 cases opened this period missed the first-contact deadline (2 were contacted in time; median time to first contact 5 h)');
  });
});
