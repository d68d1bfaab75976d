/**
 * Plain-data input and output of reviewer risk scoring (职业差评师识别). Nothing here touches the database:
 * the caller loads a buyer's reviews in one shop plus the shop-wide context and passes them in.
 */

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Signals that raise the score. */
export const RISK_SIGNAL_CODES = [
  'bad_review_burst',
  'cross_shop_bad_reviews',
  'bad_review_share',
  'rating_below_product',
  'targets_best_sellers',
  'early_negative_review',
  'daily_review_burst',
  'quality_complaint_without_photo',
  'off_platform_contact',
  'compensation_demand',
  'review_before_delivery',
  'review_soon_after_delivery',
  'template_text',
  'contact_no_answer',
  'contact_refused_photos',
  'contact_excess_demand',
  'platform_fraud_flag',
  'platform_complaint',
] as const;

/** Signals that lower the score: evidence that the buyer is an ordinary customer. */
export const MITIGATING_SIGNAL_CODES = ['established_buyer', 'photo_evidence', 'contact_cooperative'] as const;

export const SIGNAL_CODES = [...RISK_SIGNAL_CODES, ...MITIGATING_SIGNAL_CODES] as const;
export type RiskSignalCode = (typeof RISK_SIGNAL_CODES)[number];
export type MitigatingSignalCode = (typeof MITIGATING_SIGNAL_CODES)[number];
export type SignalCode = (typeof SIGNAL_CODES)[number];

export function isSignalCode(value: string): value is SignalCode {
  return (SIGNAL_CODES as readonly string[]).includes(value);
}

export function isMitigating(code: SignalCode): code is MitigatingSignalCode {
  return (MITIGATING_SIGNAL_CODES as readonly string[]).includes(code);
}

/** One of the buyer's reviews in this shop. Only reviewId, rating and reviewedAt are required. */
export interface ReviewerReview {
  reviewId: string;
  productId?: string | null;
  /** 1-5 stars */
  rating: number;
  reviewedAt: Date;
  orderedAt?: Date | null;
  deliveredAt?: Date | null;
  orderAmount?: number | null;
  text?: string | null;
  /** 追评 */
  followUpText?: string | null;
  followUpAt?: Date | null;
  imageCount?: number | null;
  hasVideo?: boolean | null;
  /** the platform judged the review or its buyer fraudulent (Kuaishou cheatStatus) */
  platformCheat?: boolean | null;
  /** the buyer has a complaint open with the platform about the order (Kuaishou complainStatus) */
  platformComplaint?: boolean | null;
  /** root-cause tags from the classifier (quality, logistics, service, price, other); null or absent: not classified */
  tags?: readonly string[] | null;
}

/**
 * What happened when the shop contacted the buyer about a review (filled in by the recovery queue).
 * New kinds can be added here; the scorer ignores kinds it has no weight for.
 */
export const WATCH_STATUSES = ['none', 'flagged', 'confirmed', 'dismissed'] as const;
/**
 * none: nothing to look at; flagged: the score reached the shop's flag level and waits for a person;
 * confirmed: a person confirmed a professional bad-reviewer (the shop's watchlist); dismissed: a person
 * decided the flag was wrong.
 */
export type WatchStatus = (typeof WATCH_STATUSES)[number];

export const DECISION_ACTIONS = ['confirm', 'dismiss', 'reopen'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export const CONTACT_OUTCOME_KINDS = ['no_answer', 'refused_photos', 'demanded_excess_compensation', 'cooperative'] as const;
export type ContactOutcomeKind = (typeof CONTACT_OUTCOME_KINDS)[number];

export interface ContactOutcome {
  kind: ContactOutcomeKind;
  at: Date;
  /** the review the contact was about, when known */
  reviewId?: string | null;
}

/** Counts only: another shop's review content is never shared. */
export interface CrossShopActivity {
  /** medium/bad reviews this buyer posted in other shops of the deployment within `windowDays` */
  badReviews: number;
  /** distinct other shops those reviews went to */
  shops: number;
  windowDays: number;
  /** when the latest of those reviews was posted, when known (lets a dismissal cover exactly this evidence) */
  latestAt?: Date | null;
}

/** A person dismissed a flag on this kind of evidence for this buyer. */
export interface DismissedEvidence {
  code: SignalCode;
  dismissedAt: Date;
}

/** Shop-wide statistics of one product, computed over all its reviews including this buyer's. */
export interface ProductStats {
  meanRating: number;
  reviewCount: number;
  firstReviewedAt?: Date | null;
  /** share of medium/bad reviews (rating <= RiskConfig.negativeRatingMax) among the product's reviews */
  negativeShare?: number | null;
  /** 1 = the product with the most reviews (or orders) in the shop */
  popularityRank?: number | null;
}

export interface TemplateMatch {
  /** the review the similar text belongs to */
  docId: string;
  /** the buyer who wrote it */
  ownerId: string;
  /** estimated Jaccard similarity of the normalised texts, 0-1 */
  similarity: number;
}

/** Near-duplicate lookup over other reviews' texts (see TextTemplateIndex). */
export interface TemplateLookup {
  findSimilar(text: string, options: { excludeOwner?: string; limit?: number }): TemplateMatch[];
}

export interface ShopRiskContext {
  products: ReadonlyMap<string, ProductStats>;
  /** number of products in the shop with at least one review; decides what counts as a best seller */
  productCount: number;
  /** mean rating of all the shop's reviews; the prior for products with few reviews */
  meanRating: number;
  /** share of medium/bad reviews among all the shop's reviews; the prior for products with few reviews */
  negativeShare?: number | null;
  /** medium/bad reviews of other buyers (and this buyer's other reviews) for template detection */
  templates?: TemplateLookup | null;
}

export interface ReviewerRiskInput {
  buyerId: string;
  reviews: readonly ReviewerReview[];
  crossShop?: CrossShopActivity | null;
  contactOutcomes?: readonly ContactOutcome[];
  dismissed?: readonly DismissedEvidence[];
}

export interface Explanation {
  zh: string;
  en: string;
}

export interface RiskSignal {
  code: SignalCode;
  /** strength of the evidence, 0-1 */
  value: number;
  /** evidence units at full strength after any dismissal; 0 when a dismissal covers this evidence */
  weight: number;
  /** points of the score, one decimal; mitigating signals are negative; all contributions sum to the score */
  contribution: number;
  explanation: Explanation;
  /** the reviews that carry the evidence */
  reviewIds: string[];
  /** set when a person dismissed this kind of evidence: 'covered' = nothing new since, 'reduced' = new evidence */
  dismissal?: 'covered' | 'reduced';
}

export interface RiskAssessment {
  buyerId: string;
  /** 0-100, one decimal */
  score: number;
  level: RiskLevel;
  /** strongest first */
  signals: RiskSignal[];
  /** sum of weight x value of the risk signals, and of the mitigating signals */
  evidence: { risk: number; mitigation: number };
}
