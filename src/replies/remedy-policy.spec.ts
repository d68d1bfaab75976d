import { Cause } from './reply.types';
import { couponFor, DEFAULT_REMEDY_POLICY, RemedyContext, RemedyKind, severityOf, suggestRemedy } from './remedy-policy';

const policy = { ...DEFAULT_REMEDY_POLICY };
const context = (causes: Cause[], overrides: Partial<RemedyContext> = {}): RemedyContext => ({
  causes,
  severity: 'medium',
  orderAmount: 59.9,
  widespreadSubTags: new Set(),
  sameProblemBuyers: 1,
  highRisk: false,
  ...overrides,
});
const q = (subTag: string | null): Cause => ({ tag: 'quality', subTag });
const l = (subTag: string | null): Cause => ({ tag: 'logistics', subTag });
const s = (subTag: string | null): Cause => ({ tag: 'service', subTag });
const p = (subTag: string | null): Cause => ({ tag: 'price', subTag });

describe('remedy policy', () => {
  it.each<[string, Cause, Partial<RemedyContext>, RemedyKind, { coupon: boolean; gift: boolean }]>([
    ['slow delivery: apology and a small gift', l('slow_delivery'), {}, 'gift', { coupon: false, gift: true }],
    ['lost item: reship with a gift', l('lost_or_missing'), {}, 'reship', { coupon: false, gift: true }],
    ['wrong item: reship with a gift', l('wrong_item'), {}, 'reship', { coupon: false, gift: true }],
    ['isolated defect: free replacement and a coupon', q('defect_broken'), {}, 'free_replacement', { coupon: true, gift: false }],
    [
      'widespread defect: return or exchange, not one-by-one replacements',
      q('defect_broken'),
      { widespreadSubTags: new Set(['defect_broken']) },
      'return_exchange',
      { coupon: true, gift: false },
    ],
    [
      'widespread severe defect: refund',
      q('defect_broken'),
      { widespreadSubTags: new Set(['defect_broken']), severity: 'high' },
      'refund',
      { coupon: true, gift: false },
    ],
    ['not as described: return or exchange and a coupon', q('not_as_described'), {}, 'return_exchange', { coupon: true, gift: false }],
    ['fit: the no-reason return policy', q('size_fit'), {}, 'return_policy', { coupon: false, gift: false }],
    ['authenticity: refund', q('fake_or_expired'), { severity: 'high' }, 'refund', { coupon: true, gift: false }],
    ['attitude: a supervisor calls back', s('attitude'), {}, 'supervisor_callback', { coupon: true, gift: false }],
    ['slow replies: one person follows up', s('slow_response'), {}, 'dedicated_follow_up', { coupon: true, gift: false }],
    ['warranty: repair or replace', s('warranty_repair'), {}, 'repair_or_replace', { coupon: false, gift: false }],
    ['price drop: refund the difference up to the limit', p('price_drop'), {}, 'price_difference_refund', { coupon: false, gift: false }],
    ['overpriced: a coupon', p('overpriced'), {}, 'coupon', { coupon: true, gift: false }],
  ])('%s', (_name, cause, overrides, kind, extras) => {
    const remedy = suggestRemedy(context([cause], overrides), policy);
    expect(remedy.kind).toBe(kind);
    expect(remedy.couponAmount !== null).toBe(extras.coupon);
    expect(remedy.giftValue !== null).toBe(extras.gift);
    expect(remedy.withheld).toBeNull();
  });

  it('uses the shop policy values', () => {
    const shop = { ...policy, returnWindowDays: 15, priceDifferenceRefundLimit: 8, giftValue: 6, freeReplacementForIsolatedDefect: false };
    expect(suggestRemedy(context([q('size_fit')]), shop).returnWindowDays).toBe(15);
    expect(suggestRemedy(context([p('promotion')]), shop)).toMatchObject({ refundDifferenceUpTo: 8, compensationCost: 8 });
    expect(suggestRemedy(context([l('slow_delivery')]), shop)).toMatchObject({ giftValue: 6, compensationCost: 6 });
    expect(suggestRemedy(context([q('defect_broken')]), shop).kind).toBe('return_exchange');
  });

  it('sizes the coupon by order amount, one tier up for a severe problem', () => {
    expect(couponFor(null, 'medium', policy)).toBe(5);
    expect(couponFor(99.99, 'medium', policy)).toBe(5);
    expect(couponFor(100, 'medium', policy)).toBe(10);
    expect(couponFor(450, 'low', policy)).toBe(20);
    expect(couponFor(450, 'high', policy)).toBe(50);
    expect(couponFor(5000, 'high', policy)).toBe(50);
  });

  it('one remedy for a multi-cause review: the strongest, for the cause that needs it', () => {
    const remedy = suggestRemedy(context([l('slow_delivery'), q('defect_broken')]), policy);
    expect(remedy).toMatchObject({ kind: 'free_replacement', cause: q('defect_broken') });
    expect(remedy.basis.causes).toHaveLength(2);
  });

  it('asks a lead above the compensation limit and for health or authenticity claims', () => {
    expect(suggestRemedy(context([q('not_as_described')], { orderAmount: 2000, severity: 'high' }), { ...policy, leadApprovalAbove: 30 })).toMatchObject({
      couponAmount: 50,
      needsLeadApproval: true,
      approvalReasons: ['overLimit'],
    });
    expect(suggestRemedy(context([q('skin_reaction')]), policy).approvalReasons).toEqual(['healthOrAuthenticity']);
    expect(suggestRemedy(context([l('slow_delivery')]), policy).needsLeadApproval).toBe(false);
  });

  it('offers nothing to a high-risk reviewer until a lead decides, and says what is held back', () => {
    const remedy = suggestRemedy(context([q('defect_broken')], { highRisk: true }), policy);
    expect(remedy).toMatchObject({ kind: 'evidence_first', couponAmount: null, giftValue: null, compensationCost: 0, needsLeadApproval: true });
    expect(remedy.approvalReasons[0]).toBe('highRisk');
    expect(remedy.withheld?.kind).toBe('free_replacement');
  });

  it.each<[number, Cause[], string]>([
    [3, [l('slow_delivery')], 'low'],
    [2, [q('defect_broken')], 'medium'],
    [1, [l('slow_delivery')], 'medium'],
    [1, [q('defect_broken')], 'high'],
    [1, [l('slow_delivery'), s('attitude')], 'high'],
    [3, [q('skin_reaction')], 'high'],
  ])('rating %i with %j is %s severity', (rating, causes, severity) => {
    expect(severityOf(rating, causes)).toBe(severity);
  });
});
