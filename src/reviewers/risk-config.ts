import type { FieldProblem } from '../common/errors/domain-error';
import { SIGNAL_CODES } from './reviewer-risk.types';

/**
 * Weights and thresholds of reviewer risk scoring. A weight is in evidence units at full strength:
 * score = 100 x (1 - e^-E), so one signal of weight 0.5 alone gives 39, 1.2 gives 70, 2.3 gives 90.
 * Most signals ramp from 0 at `start*` to full strength at `full*`.
 */
export interface RiskConfig {
  /** score at which the level becomes medium / high */
  levels: { medium: number; high: number };
  /** ratings at or below this count as medium/bad (中差评) */
  negativeRatingMax: number;
  /** a dismissed kind of evidence keeps this share of its weight when new evidence arrives after the dismissal */
  dismissedWeightFactor: number;
  signals: SignalSettings;
}

export interface SignalSettings {
  /** many medium/bad reviews in this shop within a sliding window */
  bad_review_burst: { weight: number; windowDays: number; startCount: number; fullCount: number };
  /** medium/bad reviews in other shops of the deployment (counts only), within the last `windowDays` */
  cross_shop_bad_reviews: { weight: number; windowDays: number; startCount: number; fullCount: number };
  /**
   * Medium/bad reviews beyond what other buyers of the same products post: (observed - expected) / (reviews +
   * priorReviews), where expected sums each product's medium/bad share (without this review; `expectedShare` when
   * unknown). The pseudo-reviews keep one bad review from counting as a "high share".
   */
  bad_review_share: { weight: number; expectedShare: number; priorReviews: number; startShare: number; fullShare: number };
  /**
   * Stars below the product's usual rating, averaged over all of the buyer's reviews (good reviews add 0), so a
   * long history of fair reviews dilutes one angry review. The product mean leaves the buyer's own review out and is
   * shrunk towards the shop mean by `priorReviews` pseudo-reviews.
   */
  rating_below_product: { weight: number; priorReviews: number; startDeviation: number; fullDeviation: number };
  /**
   * Medium/bad reviews concentrated on best sellers (popularity rank <= topRank and within the top `topShare` of
   * products): the most of them within `windowDays` ramps from startCount to fullCount, times how far the buyer's
   * share on best sellers exceeds the share of all the shop's reviews that best sellers draw anyway.
   */
  targets_best_sellers: { weight: number; windowDays: number; topRank: number; topShare: number; startCount: number; fullCount: number };
  /** medium/bad review within `windowDays` of the product's first review */
  early_negative_review: { weight: number; windowDays: number };
  /** most reviews (any rating) posted on one calendar day (UTC) */
  daily_review_burst: { weight: number; startCount: number; fullCount: number };
  /** the platform's own fraud (cheat) judgement on the buyer's reviews: `fullCount` flagged reviews give full strength */
  platform_fraud_flag: { weight: number; fullCount: number };
  /** complaints the buyer has open with the platform about their orders (a dispute, not fraud by itself) */
  platform_complaint: { weight: number; fullCount: number };
  /** quality complaints without a photo or video */
  quality_complaint_without_photo: { weight: number; fullCount: number };
  /** phone numbers, WeChat/QQ ids, "加微信", "add me on WhatsApp"; an invitation without an id has `invitationStrength` */
  off_platform_contact: { weight: number; invitationStrength: number };
  /**
   * Threats tied to money ("不赔钱就差评", "pay me or I leave 1 star") have full strength; a demanded amount has
   * strength from `startRatio` to `fullRatio` times the order amount (or `amountWithoutOrder` strength when the
   * order amount is unknown and the amount is at least `minAmountWithoutOrder`); "退一赔十"-style multiples have
   * `multipleStrength`.
   */
  compensation_demand: {
    weight: number;
    startRatio: number;
    fullRatio: number;
    amountWithoutOrder: number;
    minAmountWithoutOrder: number;
    multipleStrength: number;
  };
  /** reviewed before the recorded delivery (logistics and service complaints excepted) */
  review_before_delivery: { weight: number; toleranceMinutes: number };
  /** a quality verdict within `minutes` of delivery */
  review_soon_after_delivery: { weight: number; minutes: number };
  /** near-duplicate texts: across other buyers, or repeated across this buyer's own reviews */
  template_text: {
    weight: number;
    /** estimated Jaccard similarity of character 3-gram sets */
    similarity: number;
    /** normalised characters below which a text is too generic to be a template */
    minLength: number;
    /** distinct other buyers sharing a text for full strength */
    otherBuyersFull: number;
    /** the buyer's own reviews with one text: nothing at `ownRepeatsStart` (two items of one order), full at `ownRepeatsFull` */
    ownRepeatsStart: number;
    ownRepeatsFull: number;
  };
  /** calls not answered, from recovery contacts */
  contact_no_answer: { weight: number; startCount: number; fullCount: number };
  contact_refused_photos: { weight: number };
  contact_excess_demand: { weight: number };
  /** mitigating: many reviews over a long time, mostly good */
  established_buyer: { weight: number; startReviews: number; fullReviews: number; startSpanDays: number; fullSpanDays: number };
  /** mitigating: the complaints carry photos or video */
  photo_evidence: { weight: number };
  /** mitigating: the buyer answered and worked with after-sales (ignored if they also demanded excess compensation) */
  contact_cooperative: { weight: number };
}

export const DEFAULT_RISK_CONFIG: RiskConfig = {
  levels: { medium: 40, high: 70 },
  negativeRatingMax: 3,
  dismissedWeightFactor: 0.5,
  signals: {
    bad_review_burst: { weight: 1.2, windowDays: 7, startCount: 2, fullCount: 5 },
    cross_shop_bad_reviews: { weight: 1, windowDays: 30, startCount: 1, fullCount: 6 },
    bad_review_share: { weight: 0.5, expectedShare: 0.15, priorReviews: 2, startShare: 0.35, fullShare: 0.8 },
    rating_below_product: { weight: 0.3, priorReviews: 5, startDeviation: 0.5, fullDeviation: 3.5 },
    targets_best_sellers: { weight: 0.6, windowDays: 30, topRank: 10, topShare: 0.2, startCount: 2, fullCount: 4 },
    early_negative_review: { weight: 0.05, windowDays: 14 },
    daily_review_burst: { weight: 0.3, startCount: 2, fullCount: 6 },
    quality_complaint_without_photo: { weight: 0.45, fullCount: 3 },
    platform_fraud_flag: { weight: 1.2, fullCount: 1 },
    platform_complaint: { weight: 0.3, fullCount: 2 },
    off_platform_contact: { weight: 0.9, invitationStrength: 0.8 },
    compensation_demand: {
      weight: 1.5,
      startRatio: 2,
      fullRatio: 5,
      amountWithoutOrder: 0.5,
      minAmountWithoutOrder: 200,
      multipleStrength: 0.6,
    },
    review_before_delivery: { weight: 0.9, toleranceMinutes: 10 },
    review_soon_after_delivery: { weight: 0.6, minutes: 15 },
    template_text: { weight: 0.9, similarity: 0.6, minLength: 15, otherBuyersFull: 2, ownRepeatsStart: 2, ownRepeatsFull: 4 },
    contact_no_answer: { weight: 0.5, startCount: 1, fullCount: 3 },
    contact_refused_photos: { weight: 0.5 },
    contact_excess_demand: { weight: 1.5 },
    established_buyer: { weight: 0.8, startReviews: 1, fullReviews: 6, startSpanDays: 1, fullSpanDays: 90 },
    photo_evidence: { weight: 0.3 },
    contact_cooperative: { weight: 0.7 },
  },
};

export type RiskConfigOverride = DeepPartial<RiskConfig>;

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

interface Limit {
  min: number;
  max: number;
  integer?: boolean;
  /** the lower bound itself is not allowed */
  exclusiveMin?: boolean;
}

// Limits by leaf name: the same name means the same kind of quantity in every signal.
const LIMITS: Record<string, Limit> = {
  medium: { min: 0, max: 100 },
  high: { min: 0, max: 100 },
  negativeRatingMax: { min: 1, max: 4, integer: true },
  dismissedWeightFactor: { min: 0, max: 1 },
  weight: { min: 0, max: 10 },
  windowDays: { min: 0, max: 3650, exclusiveMin: true },
  startCount: { min: 0, max: 1000 },
  fullCount: { min: 0, max: 1000, exclusiveMin: true },
  expectedShare: { min: 0, max: 1 },
  priorReviews: { min: 0, max: 1000 },
  startShare: { min: 0, max: 1 },
  fullShare: { min: 0, max: 1 },
  startDeviation: { min: 0, max: 4 },
  fullDeviation: { min: 0, max: 4, exclusiveMin: true },
  topRank: { min: 1, max: 100_000, integer: true },
  topShare: { min: 0, max: 1, exclusiveMin: true },
  invitationStrength: { min: 0, max: 1 },
  startRatio: { min: 1, max: 1000 },
  fullRatio: { min: 1, max: 1000 },
  amountWithoutOrder: { min: 0, max: 1 },
  minAmountWithoutOrder: { min: 0, max: 1_000_000 },
  multipleStrength: { min: 0, max: 1 },
  toleranceMinutes: { min: 0, max: 10_080 },
  minutes: { min: 0, max: 10_080, exclusiveMin: true },
  similarity: { min: 0.3, max: 1 },
  minLength: { min: 3, max: 1000, integer: true },
  otherBuyersFull: { min: 1, max: 1000, integer: true },
  ownRepeatsStart: { min: 1, max: 1000 },
  ownRepeatsFull: { min: 2, max: 1000 },
  startReviews: { min: 0, max: 10_000 },
  fullReviews: { min: 1, max: 10_000 },
  startSpanDays: { min: 0, max: 3650 },
  fullSpanDays: { min: 1, max: 3650 },
};

// [lower, upper] leaf pairs that must be strictly increasing wherever both appear
const ORDERED_PAIRS: [string, string][] = [
  ['medium', 'high'],
  ['startCount', 'fullCount'],
  ['startShare', 'fullShare'],
  ['startDeviation', 'fullDeviation'],
  ['startRatio', 'fullRatio'],
  ['ownRepeatsStart', 'ownRepeatsFull'],
  ['startReviews', 'fullReviews'],
  ['startSpanDays', 'fullSpanDays'],
];

type ConfigNode = { [key: string]: ConfigNode | number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function joinPath(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

function asNode(config: RiskConfig): ConfigNode {
  return config as unknown as ConfigNode;
}

/**
 * Problems of a per-shop override (typically JSON from the database or an API body), each with the field path,
 * e.g. `signals.bad_review_burst.windowDays`. Checks unknown keys, types, ranges and, on the merged result,
 * that every start/full pair and the level thresholds increase.
 */
export function validateRiskConfigOverride(override: unknown, base: RiskConfig = DEFAULT_RISK_CONFIG): FieldProblem[] {
  if (override === undefined || override === null) return [];
  if (!isRecord(override)) return [{ field: '', code: 'isObject', message: 'the risk configuration must be an object' }];
  const problems = checkNode(override, asNode(base), '');
  if (problems.length) return problems;
  return checkOrder(asNode(mergeRiskConfig(base, override as RiskConfigOverride)), '');
}

function checkNode(input: Record<string, unknown>, schema: ConfigNode, path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(input)) {
    const field = joinPath(path, key);
    const expected = Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;
    if (expected === undefined) {
      const known = path === 'signals' ? ` (signals: ${SIGNAL_CODES.join(', ')})` : '';
      problems.push({ field, code: 'unknown', message: `${field} is not a risk setting${known}` });
    } else if (typeof expected === 'number') {
      const problem = checkLeaf(key, value, field);
      if (problem) problems.push(problem);
    } else if (!isRecord(value)) {
      problems.push({ field, code: 'isObject', message: `${field} must be an object` });
    } else {
      problems.push(...checkNode(value, expected, field));
    }
  }
  return problems;
}

function checkLeaf(key: string, value: unknown, field: string): FieldProblem | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { field, code: 'isNumber', message: `${field} must be a finite number` };
  }
  const limit = LIMITS[key] ?? { min: 0, max: Number.MAX_SAFE_INTEGER };
  if (limit.integer && !Number.isInteger(value)) return { field, code: 'isInt', message: `${field} must be an integer` };
  if (value < limit.min || (limit.exclusiveMin && value === limit.min)) {
    return { field, code: 'min', message: `${field} must be ${limit.exclusiveMin ? 'greater than' : 'at least'} ${limit.min}` };
  }
  if (value > limit.max) return { field, code: 'max', message: `${field} must be at most ${limit.max}` };
  return null;
}

function checkOrder(node: ConfigNode, path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [lower, upper] of ORDERED_PAIRS) {
    const low = node[lower];
    const high = node[upper];
    if (typeof low === 'number' && typeof high === 'number' && low >= high) {
      const field = joinPath(path, upper);
      problems.push({ field, code: 'order', message: `${field} must be greater than ${joinPath(path, lower)} (${low})` });
    }
  }
  for (const [key, child] of Object.entries(node)) {
    if (typeof child !== 'number') problems.push(...checkOrder(child, joinPath(path, key)));
  }
  return problems;
}

/** Deep-merges an override onto a base; leaves the inputs untouched. Validate untrusted overrides first. */
export function mergeRiskConfig(base: RiskConfig, override: RiskConfigOverride | null | undefined): RiskConfig {
  if (!override) return base;
  return mergeNode(asNode(base), override as unknown as Record<string, unknown>) as unknown as RiskConfig;
}

function mergeNode(base: ConfigNode, override: Record<string, unknown>): ConfigNode {
  const merged: ConfigNode = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = base[key];
    if (current === undefined || value === undefined) continue;
    if (typeof current === 'number') {
      if (typeof value === 'number') merged[key] = value;
    } else if (isRecord(value)) {
      merged[key] = mergeNode(current, value);
    }
  }
  return merged;
}

export type ResolvedRiskConfig = { ok: true; config: RiskConfig } | { ok: false; problems: FieldProblem[] };

/** Validates a shop's override and merges it onto the defaults. */
export function resolveRiskConfig(override: unknown, base: RiskConfig = DEFAULT_RISK_CONFIG): ResolvedRiskConfig {
  const problems = validateRiskConfigOverride(override, base);
  if (problems.length) return { ok: false, problems };
  return { ok: true, config: mergeRiskConfig(base, isRecord(override) ? (override as RiskConfigOverride) : null) };
}
