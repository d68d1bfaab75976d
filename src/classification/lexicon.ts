import type { CauseTag, SubTag } from '../reviews/taxonomy';

/** What a complaint is about. A predicate attaches to the nearest aspect, and the pair decides the cause. */
export const ASPECTS = [
  'delivery',
  'arrival',
  'courier',
  'parcel',
  'packaging',
  'tracking',
  'fee',
  'seller',
  'reply',
  'refund',
  'warranty',
  'attitude',
  'price',
  'promo',
  'gift',
  'product',
  'performance',
  'component',
  'material',
  'effect',
  'smell',
  'colour',
  'size',
  'date',
  'description',
] as const;
export type Aspect = (typeof ASPECTS)[number];

/**
 * What is said about an aspect. `pos` is praise ("好", "great"), `trait` a good property ("细腻", "soft") that turns
 * into a complaint when negated or overdone ("太软", "not soft enough"); `missing` is also made from a negator right
 * before an aspect.
 */
export const PREDICATES = [
  'slow',
  'bad',
  'dislike',
  'rude',
  'noreply',
  'unresolved',
  'hassle',
  'broken',
  'crushed',
  'lost',
  'stalled',
  'missing',
  'few',
  'expensive',
  'differ',
  'old',
  'sizeoff',
  'lie',
  'repeat',
  'wait',
  'pos',
  'trait',
] as const;
export type Predicate = (typeof PREDICATES)[number];

/** A cause with or without a sub-tag, written `tag` or `tag.sub_tag`. */
export type CauseRef = CauseTag | `${CauseTag}.${SubTag}`;

export type LexiconRole =
  | { kind: 'aspect'; aspect: Aspect }
  | { kind: 'predicate'; predicate: Predicate }
  | { kind: 'cue'; cause: CauseRef }
  | { kind: 'negator' }
  | { kind: 'neutral' }
  | { kind: 'meta' }
  | { kind: 'contrast' }
  | { kind: 'hypothetical' }
  | { kind: 'degree'; degree: 'excess' | 'short' | 'mild' };

/** Terms separated by `|`. Chinese terms are matched character by character, English ones word by word (stemmed). */
export interface LexiconSource {
  aspects: Partial<Record<Aspect, string>>;
  predicates: Partial<Record<Predicate, string>>;
  cues: Partial<Record<CauseRef, string>>;
  negators: string;
  neutral: string;
  meta: string;
  contrast: string;
  hypothetical: string;
  /** "太", "有点", "too": the next word is overdone. */
  excess: string;
  /** "不够", "不容易", "not enough": the next word falls short. */
  short: string;
  /** "a bit", "somewhat": marks a known predicate only (English degree words precede too many non-adjectives). */
  mild: string;
}

type Combos = Partial<Record<Aspect | 'none', Partial<Record<Predicate, CauseRef | null>>>>;

const NEGATIVE_SERVICE: Partial<Record<Predicate, CauseRef>> = {
  slow: 'service.slow_response',
  bad: 'service',
  rude: 'service.attitude',
  noreply: 'service.slow_response',
  unresolved: 'service.unresolved',
  hassle: 'service.return_refund_hassle',
  missing: 'service.slow_response',
  lie: 'service.attitude',
  dislike: 'service',
  stalled: 'service.slow_response',
  wait: 'service.slow_response',
};

/**
 * Aspect x predicate -> cause. `none` is a predicate with no aspect in its clause or the one before.
 * A missing entry means the pair names no cause ("东西很快" praises; "麻烦" alone is nobody's fault).
 */
export const COMBOS: Combos = {
  none: {
    bad: 'quality',
    broken: 'quality.defect_broken',
    crushed: 'logistics.damaged_parcel',
    lost: 'logistics.lost_or_missing',
    unresolved: 'service.unresolved',
    noreply: 'service.slow_response',
    rude: 'service.attitude',
    expensive: 'price.overpriced',
    differ: 'quality.not_as_described',
    old: 'quality.fake_or_expired',
    sizeoff: 'quality.size_fit',
    few: 'quality.not_as_described',
    lie: 'quality.not_as_described',
    stalled: 'quality.poor_effect',
  },
  delivery: {
    slow: 'logistics.slow_delivery',
    bad: 'logistics',
    dislike: 'logistics',
    rude: 'logistics.courier_attitude',
    noreply: 'logistics.courier_attitude',
    unresolved: 'logistics',
    broken: 'logistics.damaged_parcel',
    crushed: 'logistics.damaged_parcel',
    lost: 'logistics.lost_or_missing',
    stalled: 'logistics.tracking',
    missing: 'logistics.slow_delivery',
    expensive: 'logistics.shipping_fee',
    lie: 'logistics.tracking',
    differ: 'logistics.wrong_item',
    wait: 'logistics.slow_delivery',
  },
  courier: {
    slow: 'logistics.slow_delivery',
    wait: 'logistics.slow_delivery',
    bad: 'logistics.courier_attitude',
    dislike: 'logistics.courier_attitude',
    rude: 'logistics.courier_attitude',
    noreply: 'logistics.courier_attitude',
    unresolved: 'logistics.courier_attitude',
    missing: 'logistics.courier_attitude',
    broken: 'logistics.damaged_parcel',
    crushed: 'logistics.damaged_parcel',
    lost: 'logistics.lost_or_missing',
    lie: 'logistics.courier_attitude',
  },
  arrival: {
    slow: 'logistics.slow_delivery',
    wait: 'logistics.slow_delivery',
    bad: 'quality',
    dislike: null,
    lost: 'logistics.lost_or_missing',
    stalled: 'logistics.tracking',
    missing: 'logistics.slow_delivery',
    broken: 'quality.defect_broken',
    crushed: 'logistics.damaged_parcel',
    differ: 'logistics.wrong_item',
  },
  parcel: {
    slow: 'logistics.slow_delivery',
    wait: 'logistics.slow_delivery',
    bad: 'logistics.damaged_parcel',
    broken: 'logistics.damaged_parcel',
    crushed: 'logistics.damaged_parcel',
    lost: 'logistics.lost_or_missing',
    stalled: 'logistics.tracking',
    missing: 'logistics.lost_or_missing',
  },
  packaging: {
    bad: 'quality.packaging',
    dislike: 'quality.packaging',
    broken: 'quality.packaging',
    crushed: 'logistics.damaged_parcel',
    missing: 'quality.packaging',
    few: 'quality.not_as_described',
    sizeoff: 'quality.not_as_described',
    old: 'quality.packaging',
    differ: 'quality.not_as_described',
  },
  tracking: {
    slow: 'logistics.tracking',
    wait: 'logistics.tracking',
    bad: 'logistics.tracking',
    stalled: 'logistics.tracking',
    missing: 'logistics.tracking',
    lost: 'logistics.tracking',
    lie: 'logistics.tracking',
    differ: 'logistics.tracking',
  },
  fee: {
    expensive: 'logistics.shipping_fee',
    bad: 'logistics.shipping_fee',
    missing: 'logistics.shipping_fee',
    few: null,
  },
  seller: { ...NEGATIVE_SERVICE, broken: 'quality.defect_broken', crushed: 'logistics.damaged_parcel', differ: 'logistics.wrong_item' },
  reply: { ...NEGATIVE_SERVICE, bad: 'service.slow_response', hassle: 'service' },
  attitude: { bad: 'service.attitude', rude: 'service.attitude', dislike: 'service.attitude', differ: 'service.attitude', lie: 'service.attitude' },
  refund: {
    slow: 'service.return_refund_hassle',
    wait: 'service.return_refund_hassle',
    bad: 'service.return_refund_hassle',
    hassle: 'service.return_refund_hassle',
    unresolved: 'service.return_refund_hassle',
    noreply: 'service.return_refund_hassle',
    lost: 'service.return_refund_hassle',
    missing: 'service.return_refund_hassle',
    expensive: 'service.return_refund_hassle',
    rude: 'service.attitude',
    stalled: 'service.return_refund_hassle',
  },
  warranty: {
    slow: 'service.warranty_repair',
    wait: 'service.warranty_repair',
    bad: 'service.warranty_repair',
    hassle: 'service.warranty_repair',
    unresolved: 'service.warranty_repair',
    noreply: 'service.warranty_repair',
    missing: 'service.warranty_repair',
    expensive: 'service.warranty_repair',
    rude: 'service.attitude',
    repeat: 'service.warranty_repair',
    lie: 'service.warranty_repair',
    stalled: 'service.warranty_repair',
    lost: 'service.warranty_repair',
  },
  price: {
    expensive: 'price.overpriced',
    bad: 'price.overpriced',
    dislike: 'price.overpriced',
    differ: 'price.price_drop',
    unresolved: 'price.price_drop',
    broken: 'price.price_drop',
    slow: null,
  },
  promo: {
    missing: 'price.promotion',
    lost: 'price.promotion',
    bad: 'price.promotion',
    unresolved: 'price.promotion',
    noreply: 'price.promotion',
    lie: 'price.promotion',
    few: 'price.promotion',
    hassle: 'price.promotion',
    differ: 'price.promotion',
    wait: 'price.promotion',
    stalled: 'price.promotion',
  },
  // a gift or sample promised with the order: not in the parcel is a missing item (../shared/domain.md)
  gift: {
    missing: 'logistics.lost_or_missing',
    lost: 'logistics.lost_or_missing',
    few: 'logistics.lost_or_missing',
    differ: 'logistics.wrong_item',
    bad: 'quality',
    broken: 'quality.defect_broken',
  },
  product: {
    bad: 'quality',
    broken: 'quality.defect_broken',
    crushed: 'logistics.damaged_parcel',
    slow: 'quality.poor_effect',
    lost: 'logistics.lost_or_missing',
    missing: 'logistics.lost_or_missing',
    few: 'quality.not_as_described',
    expensive: 'price.overpriced',
    differ: 'quality.not_as_described',
    old: 'quality.fake_or_expired',
    sizeoff: 'quality.size_fit',
    lie: 'quality.not_as_described',
    stalled: 'quality.defect_broken',
    hassle: 'quality.poor_effect',
    repeat: 'quality.defect_broken',
    dislike: 'quality',
  },
  performance: {
    slow: 'quality.poor_effect',
    bad: 'quality.poor_effect',
    broken: 'quality.defect_broken',
    crushed: 'logistics.damaged_parcel',
    lost: 'quality.defect_broken',
    missing: 'quality.not_as_described',
    stalled: 'quality.defect_broken',
    expensive: 'price.overpriced',
    differ: 'quality.not_as_described',
    few: 'quality.poor_effect',
    repeat: 'quality.defect_broken',
    hassle: 'quality.poor_effect',
    sizeoff: null,
    old: 'quality.defect_broken',
    wait: 'quality.poor_effect',
    dislike: 'quality.poor_effect',
  },
  component: {
    bad: 'quality.defect_broken',
    broken: 'quality.defect_broken',
    crushed: 'logistics.damaged_parcel',
    lost: 'logistics.lost_or_missing',
    missing: 'quality.not_as_described',
    differ: 'quality.not_as_described',
    sizeoff: 'quality.not_as_described',
    old: 'quality.fake_or_expired',
    slow: 'quality.poor_effect',
    few: 'quality.not_as_described',
    stalled: 'quality.defect_broken',
    hassle: 'quality.poor_effect',
  },
  material: {
    bad: 'quality',
    dislike: 'quality',
    broken: 'quality.defect_broken',
    differ: 'quality.not_as_described',
    old: 'quality.fake_or_expired',
    few: 'quality.not_as_described',
    sizeoff: 'quality.not_as_described',
    lie: 'quality.not_as_described',
  },
  effect: {
    bad: 'quality.poor_effect',
    dislike: 'quality.poor_effect',
    missing: 'quality.poor_effect',
    slow: 'quality.poor_effect',
    few: 'quality.poor_effect',
    differ: 'quality.not_as_described',
    lie: 'quality.not_as_described',
    hassle: 'quality.poor_effect',
  },
  smell: {
    bad: 'quality.smell',
    dislike: 'quality.smell',
    differ: 'quality.fake_or_expired',
    old: 'quality.fake_or_expired',
    sizeoff: 'quality.smell',
  },
  colour: {
    bad: 'quality.colour_difference',
    dislike: 'quality.colour_difference',
    differ: 'quality.colour_difference',
    old: 'quality.colour_difference',
    sizeoff: 'quality.colour_difference',
  },
  size: {
    bad: 'quality.size_fit',
    dislike: 'quality.size_fit',
    differ: 'quality.size_fit',
    sizeoff: 'quality.size_fit',
    missing: 'quality.size_fit',
  },
  date: {
    bad: 'quality.fake_or_expired',
    old: 'quality.fake_or_expired',
    missing: 'quality.fake_or_expired',
    differ: 'quality.fake_or_expired',
    few: 'quality.fake_or_expired',
  },
  description: {
    differ: 'quality.not_as_described',
    bad: 'quality.not_as_described',
    lie: 'quality.not_as_described',
    missing: 'quality.not_as_described',
  },
};

/** Aspects whose owner decides the cause: "快递员态度差" is logistics, "客服态度差" service. */
export const OWNED_ASPECTS: ReadonlySet<Aspect> = new Set(['attitude']);
export const COURIER_OWNERS: ReadonlySet<Aspect> = new Set(['courier', 'delivery', 'arrival', 'parcel', 'tracking']);
export const SERVICE_OWNERS: ReadonlySet<Aspect> = new Set(['seller', 'reply', 'refund', 'warranty']);

/** The cause of a predicate about an aspect; an aspect without an entry reads as no aspect at all. */
export function combine(aspect: Aspect | 'none', predicate: Predicate): CauseRef | null {
  const byAspect = COMBOS[aspect];
  if (byAspect && predicate in byAspect) return byAspect[predicate] ?? null;
  return COMBOS.none?.[predicate] ?? null;
}

export function hasCombo(aspect: Aspect, predicate: Predicate): boolean {
  const byAspect = COMBOS[aspect];
  return !!byAspect && predicate in byAspect && byAspect[predicate] !== null;
}

const PRAISE_TAG: Record<Aspect, CauseTag> = {
  delivery: 'logistics',
  arrival: 'logistics',
  courier: 'logistics',
  parcel: 'logistics',
  tracking: 'logistics',
  fee: 'logistics',
  seller: 'service',
  reply: 'service',
  refund: 'service',
  warranty: 'service',
  attitude: 'service',
  price: 'price',
  promo: 'price',
  gift: 'logistics',
  packaging: 'quality',
  product: 'quality',
  performance: 'quality',
  component: 'quality',
  material: 'quality',
  effect: 'quality',
  smell: 'quality',
  colour: 'quality',
  size: 'quality',
  date: 'quality',
  description: 'quality',
};

/** The cause an aspect belongs to, for praise ("物流很快" praises logistics). */
export function aspectTag(aspect: Aspect): CauseTag {
  return PRAISE_TAG[aspect];
}
