import { DEFAULT_REPORT_SETTINGS } from '../report-settings';
import { CompensationOfferRow, funnelCounts, FunnelBucketRow, funnelSection, recoveryFunnel } from './funnel.section';

const HOUR = 3600;
const settings = { ...DEFAULT_REPORT_SETTINGS };

/** a period's counts as the SQL returns them: this period (bucket 0) unless told otherwise, nothing happened */
const bucket = (overrides: Partial<FunnelBucketRow> = {}): FunnelBucketRow => ({
  bucket: 0,
  opened: 0,
  contacted: 0,
  contactedInSla: 0,
  slaMissed: 0,
  medianSecondsToFirstContact: null,
  promised: 0,
  revised: 0,
  closedUnrevised: 0,
  dismissed: 0,
  ...overrides,
});

describe('recovery funnel', () => {
  // this week: five cases at the end of the week (one revised, one closed unrevised, one dismissed, two open)
  const week = bucket({
    opened: 5,
    contacted: 3,
    contactedInSla: 2,
    slaMissed: 2,
    medianSecondsToFirstContact: 3 * HOUR + 0.4,
    promised: 2,
    revised: 1,
    closedUnrevised: 1,
    dismissed: 1,
  });
  // last week: two cases, both revised
  const lastWeek = bucket({ bucket: -1, opened: 2, contacted: 2, contactedInSla: 2, medianSecondsToFirstContact: 3 * HOUR, promised: 1, revised: 2 });

  it('derives the open cases and the rates of the cases opened in the period, as they stood at its end', () => {
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
    const funnel = recoveryFunnel([week, lastWeek], []);
    expect(funnel.current.opened).toBe(5);
    expect(funnel.previous).toMatchObject({ opened: 2, contacted: 2, revised: 2, promised: 1, revisionRate: 1, medianSecondsToFirstContact: 3 * HOUR });
    expect(funnel.vsPrevious).toEqual({
      opened: { abs: 3, pct: 1.5 },
      revised: { abs: -1, pct: -0.5 },
      contactRate: expect.closeTo(-0.4),
      revisionRate: expect.closeTo(-0.8),
      medianSecondsToFirstContact: 0,
    });
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
    expect(funnel.vsPrevious).toEqual({
      opened: { abs: 0, pct: null },
      revised: { abs: 0, pct: null },
      contactRate: null,
      revisionRate: null,
      medianSecondsToFirstContact: null,
    });
    expect(funnel.compensation).toEqual([]);
    expect(funnelSection.actions?.(funnel, { settings, sections: {} })).toEqual([]);
  });
});

describe('recovery funnel actions', () => {
  const codes = (rows: FunnelBucketRow[]) =>
    (funnelSection.actions?.(recoveryFunnel(rows, []), { settings, sections: {} }) ?? []).map((item) => [item.code, item.priority]);
  /** cases of one period: `missed` past the first-contact deadline without a contact, `inTime` contacted in time, `notDue` neither yet */
  const sla = (missed: number, inTime: number, notDue = 0) => [
    bucket({
      opened: missed + inTime + notDue,
      contacted: inTime,
      contactedInSla: inTime,
      slaMissed: missed,
      medianSecondsToFirstContact: inTime ? HOUR : null,
    }),
  ];
  /** `revised` of `opened` contacted cases, in this period (0) or the previous one (-1) */
  const revision = (revised: number, opened: number, period = 0) =>
    bucket({ bucket: period, opened, contacted: opened, contactedInSla: opened, revised, medianSecondsToFirstContact: HOUR });

  it.each([
    ['4 of 10 due cases missed the first-contact deadline', sla(4, 6), [['funnel.first_contact_late', 'medium']]],
    ['6 of 10 missed it', sla(6, 4), [['funnel.first_contact_late', 'high']]],
    ['1 missed: fewer than actionMinComplaints', sla(1, 1), []],
    ['2 of 20 missed: 10 %', sla(2, 18), []],
    ['cases not yet due do not count against the deadline', sla(2, 8, 30), [['funnel.first_contact_late', 'medium']]],
  ])('first contact: %s', (_, rows, expected) => {
    expect(codes(rows)).toEqual(expected);
  });

  it.each([
    ['10 % against 40 % with 10 cases each', [revision(1, 10), revision(4, 10, -1)], [['funnel.revision_rate_down', 'medium']]],
    ['the same drop with 9 cases this week', [revision(1, 9), revision(4, 10, -1)], []],
    ['a drop of 15 points: 35 % against 50 %', [revision(7, 20), revision(5, 10, -1)], [['funnel.revision_rate_down', 'medium']]],
    ['a drop of 5 points: 45 % against 50 %', [revision(9, 20), revision(5, 10, -1)], []],
    ['a rise', [revision(5, 10), revision(1, 10, -1)], []],
  ])('revision rate: %s', (_, rows, expected) => {
    expect(codes(rows)).toEqual(expected);
  });

  it('says it in both languages with the figures', () => {
    const funnel = recoveryFunnel([bucket({ opened: 5, contacted: 2, contactedInSla: 2, slaMissed: 3, medianSecondsToFirstContact: 5 * HOUR })], []);
    const [item] = funnelSection.actions?.(funnel, { settings, sections: {} }) ?? [];
    expect(item.params).toEqual({ slaMissed: 3, due: 5, medianHoursToFirstContact: 5 });
    expect(item.text.zh).toContain('有 3 个未在首次联系时限内联系（时限内联系 2 个，首次联系中位时长 5 小时）');
    expect(item.text.en).toContain(
      '3 of 5 cases opened this period missed the first-contact deadline (2 were contacted in time; median time to first contact 5 h)',
    );
  });
});
