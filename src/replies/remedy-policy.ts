import type { Cause, Severity } from './reply.types';

/** One step of the coupon scale: orders of at least `minOrderAmount` get a coupon of `amount`. */
export interface CouponTier {
  minOrderAmount: number;
  amount: number;
}

/**
 * A shop's remedy policy: what staff may offer without asking, and how much. Amounts are in `currency`.
 * Defaults follow what recovery staff commonly offer in Chinese shops (domain brief, section 3).
 */
export interface RemedyPolicy {
  currency: string;
  /** the small gift sent as an apology (logistics); null: "a small gift" */
  giftNameZh: string | null;
  giftNameEn: string | null;
  /** what a gift costs the shop, for the compensation cost */
  giftValue: number;
  /** coupon by order amount, ascending; a severe problem moves one step up */
  couponTiers: CouponTier[];
  /** the coupon's minimum spend; 0 means no threshold */
  couponMinSpend: number;
  /** a price difference up to this is refunded directly; above it a lead decides */
  priceDifferenceRefundLimit: number;
  /** the no-reason return window restated for fit and taste */
  returnWindowDays: number;
  sellerPaysReturnShipping: boolean;
  /** an isolated defect gets a free replacement */
  freeReplacementForIsolatedDefect: boolean;
  /** buyers of the same product reporting the same quality problem within the window that make it widespread (high-risk reviewers do not count) */
  widespreadThreshold: number;
  widespreadWindowDays: number;
  /** compensation (coupon, gift, price difference) above this needs a lead's approval */
  leadApprovalAbove: number;
}

export const DEFAULT_REMEDY_POLICY: Readonly<RemedyPolicy> = Object.freeze({
  currency: 'CNY',
  giftNameZh: null,
  giftNameEn: null,
  giftValue: 10,
  couponTiers: [
    { minOrderAmount: 0, amount: 5 },
    { minOrderAmount: 100, amount: 10 },
    { minOrderAmount: 300, amount: 20 },
    { minOrderAmount: 1000, amount: 50 },
  ],
  couponMinSpend: 0,
  priceDifferenceRefundLimit: 5,
  returnWindowDays: 7,
  sellerPaysReturnShipping: true,
  freeReplacementForIsolatedDefect: true,
  widespreadThreshold: 3,
  widespreadWindowDays: 30,
  leadApprovalAbove: 50,
});

/**
 * Remedies, strongest first. A multi-cause review gets one remedy: the strongest its causes call for.
 * evidence_first is what a flagged high-risk reviewer gets: nothing until a lead decides.
 */
export const REMEDY_KINDS = [
  'evidence_first',
  'refund',
  'free_replacement',
  'return_exchange',
  'reship',
  'repair_or_replace',
  'supervisor_callback',
  'price_difference_refund',
  'dedicated_follow_up',
  'return_policy',
  'gift',
  'coupon',
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

export interface RemedyBasis {
  causes: Cause[];
  severity: Severity;
  orderAmount: number | null;
  /** buyers of the same product who reported the same quality problem in the policy window, this one included */
  sameProblemBuyers: number | null;
  widespread: boolean;
  highRisk: boolean;
}

export interface Remedy {
  kind: RemedyKind;
  /** the cause the remedy answers (the strongest one of a multi-cause review) */
  cause: Cause;
  couponAmount: number | null;
  giftValue: number | null;
  /** price_difference_refund: refunded directly up to this */
  refundDifferenceUpTo: number | null;
  /** return_policy: the no-reason return window */
  returnWindowDays: number | null;
  sellerPaysReturnShipping: boolean;
  currency: string;
  /** coupon + gift + the largest price difference refunded directly: what recording the recovery will count */
  compensationCost: number;
  needsLeadApproval: boolean;
  /** why a lead must approve, as machine codes: overLimit, healthOrAuthenticity, highRisk */
  approvalReasons: string[];
  basis: RemedyBasis;
  /** for a high-risk reviewer: what the policy would otherwise offer, held back until a lead decides */
  withheld: Omit<Remedy, 'withheld' | 'basis'> | null;
}

const SEVERE_SUB_TAGS = new Set(['defect_broken', 'fake_or_expired', 'skin_reaction', 'lost_or_missing', 'wrong_item', 'damaged_parcel']);
/** A lead decides these whatever they cost: health and authenticity claims can turn into disputes. */
const LEAD_SUB_TAGS = new Set(['fake_or_expired', 'skin_reaction']);

/** high: a 1-star review with a serious problem or several causes, and any health or authenticity claim. */
export function severityOf(rating: number, causes: readonly Cause[]): Severity {
  if (causes.some((c) => c.subTag === 'fake_or_expired' || c.subTag === 'skin_reaction')) return 'high';
  if (rating <= 1 && (causes.length >= 2 || causes.some((c) => c.subTag !== null && SEVERE_SUB_TAGS.has(c.subTag)))) return 'high';
  if (rating <= 2) return 'medium';
  return 'low';
}

/** Extras a remedy comes with: none, a coupon or a gift. */
type Extra = 'none' | 'coupon' | 'gift';

interface Choice {
  kind: RemedyKind;
  extra: Extra;
}

/** The remedy one cause calls for, by sub-tag, severity and spread. */
function choiceFor(cause: Cause, severity: Severity, widespread: boolean, policy: RemedyPolicy): Choice {
  const sub = cause.subTag;
  switch (cause.tag) {
    case 'quality':
      if (sub === 'size_fit') return { kind: 'return_policy', extra: 'none' };
      if (sub === 'fake_or_expired' || sub === 'skin_reaction') return { kind: 'refund', extra: 'coupon' };
      if (sub === 'defect_broken' || sub === 'smell') {
        if (!widespread && policy.freeReplacementForIsolatedDefect) return { kind: 'free_replacement', extra: 'coupon' };
        return { kind: severity === 'high' ? 'refund' : 'return_exchange', extra: 'coupon' };
      }
      if (sub === 'packaging') return severity === 'high' ? { kind: 'return_exchange', extra: 'coupon' } : { kind: 'coupon', extra: 'none' };
      return { kind: severity === 'high' ? 'refund' : 'return_exchange', extra: 'coupon' };
    case 'logistics':
      if (sub === 'damaged_parcel' || sub === 'lost_or_missing' || sub === 'wrong_item') return { kind: 'reship', extra: 'gift' };
      if (sub === 'shipping_fee') return { kind: 'coupon', extra: 'none' };
      return { kind: 'gift', extra: severity === 'high' ? 'coupon' : 'none' };
    case 'service':
      if (sub === 'attitude') return { kind: 'supervisor_callback', extra: 'coupon' };
      if (sub === 'warranty_repair') return { kind: 'repair_or_replace', extra: 'none' };
      return { kind: 'dedicated_follow_up', extra: 'coupon' };
    case 'price':
      if (sub === 'overpriced') return { kind: 'coupon', extra: 'none' };
      return { kind: 'price_difference_refund', extra: 'none' };
    default:
      return { kind: 'coupon', extra: 'none' };
  }
}

const RANK = new Map<RemedyKind, number>(REMEDY_KINDS.map((kind, index) => [kind, REMEDY_KINDS.length - index]));

/** The coupon for an order amount; a high severity moves one tier up. */
export function couponFor(orderAmount: number | null, severity: Severity, policy: RemedyPolicy): number {
  const tiers = [...policy.couponTiers].sort((a, b) => a.minOrderAmount - b.minOrderAmount);
  if (!tiers.length) return 0;
  let index = 0;
  tiers.forEach((tier, i) => {
    if ((orderAmount ?? 0) >= tier.minOrderAmount) index = i;
  });
  if (severity === 'high') index = Math.min(index + 1, tiers.length - 1);
  return tiers[index].amount;
}

export interface RemedyContext {
  causes: readonly Cause[];
  severity: Severity;
  orderAmount: number | null;
  /** sub-tags of this review that many buyers of the same product report (see widespreadThreshold) */
  widespreadSubTags: ReadonlySet<string>;
  sameProblemBuyers: number | null;
  highRisk: boolean;
}

/** The remedy the policy suggests for a medium or bad review. */
export function suggestRemedy(context: RemedyContext, policy: RemedyPolicy): Remedy {
  const causes: Cause[] = context.causes.length ? [...context.causes] : [{ tag: 'other', subTag: null }];
  const scored = causes.map((cause) => {
    const widespread = cause.tag === 'quality' && cause.subTag !== null && context.widespreadSubTags.has(cause.subTag);
    return { cause, choice: choiceFor(cause, context.severity, widespread, policy) };
  });
  // the strongest remedy wins; on a tie, the first cause (the most confident one)
  const best = scored.reduce((a, b) => ((RANK.get(b.choice.kind) ?? 0) > (RANK.get(a.choice.kind) ?? 0) ? b : a));
  const { kind, extra } = best.choice;
  const coupon = kind === 'coupon' || extra === 'coupon' ? couponFor(context.orderAmount, context.severity, policy) : null;
  const gift = kind === 'gift' || extra === 'gift' ? policy.giftValue : null;
  const differenceUpTo = kind === 'price_difference_refund' ? policy.priceDifferenceRefundLimit : null;
  const compensationCost = round2((coupon ?? 0) + (gift ?? 0) + (differenceUpTo ?? 0));
  const approvalReasons: string[] = [];
  if (compensationCost > policy.leadApprovalAbove) approvalReasons.push('overLimit');
  if (causes.some((c) => c.subTag !== null && LEAD_SUB_TAGS.has(c.subTag))) approvalReasons.push('healthOrAuthenticity');
  const remedy: Omit<Remedy, 'withheld' | 'basis'> = {
    kind,
    cause: best.cause,
    couponAmount: coupon,
    giftValue: gift,
    refundDifferenceUpTo: differenceUpTo,
    returnWindowDays: kind === 'return_policy' ? policy.returnWindowDays : null,
    sellerPaysReturnShipping: policy.sellerPaysReturnShipping,
    currency: policy.currency,
    compensationCost,
    needsLeadApproval: approvalReasons.length > 0,
    approvalReasons,
  };
  const basis: RemedyBasis = {
    causes,
    severity: context.severity,
    orderAmount: context.orderAmount,
    sameProblemBuyers: context.sameProblemBuyers,
    widespread: scored.some((s) => s.cause.tag === 'quality' && s.cause.subTag !== null && context.widespreadSubTags.has(s.cause.subTag)),
    highRisk: context.highRisk,
  };
  if (!context.highRisk) return { ...remedy, basis, withheld: null };
  return {
    kind: 'evidence_first',
    cause: best.cause,
    couponAmount: null,
    giftValue: null,
    refundDifferenceUpTo: null,
    returnWindowDays: null,
    sellerPaysReturnShipping: policy.sellerPaysReturnShipping,
    currency: policy.currency,
    compensationCost: 0,
    needsLeadApproval: true,
    approvalReasons: ['highRisk', ...approvalReasons],
    basis,
    withheld: remedy,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
