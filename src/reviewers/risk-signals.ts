import type { RiskConfig, SignalSettings } from './risk-config';
import { ComplaintTopic, ContactCueKind, complaintTopics, findContactCues, findDemandCues, normaliseCueText } from './review-text-cues';
import type { Explanation, ReviewerReview, ReviewerRiskInput, ShopRiskContext, SignalCode } from './reviewer-risk.types';
import { estimateSimilarity, templateSignature } from './text-template-index';

/** What one signal found, before weighting. */
export interface SignalFinding {
  code: SignalCode;
  /** strength 0-1 */
  value: number;
  explanation: Explanation;
  reviewIds: string[];
  /** when the newest piece of this evidence appeared; a dismissal after it covers the finding */
  evidenceAt: Date | null;
}

/** A review with what the signals need precomputed once. */
interface PreparedReview {
  review: ReviewerReview;
  at: number;
  negative: boolean;
  hasMedia: boolean;
  /** normalised text plus follow-up, or null when the review has no text */
  cueText: string | null;
  /** from the classifier's tags, else from the text; empty when neither is known */
  topics: ReadonlySet<ComplaintTopic>;
  /** when the newest part (review or follow-up) was posted */
  latestAt: number;
}

interface SignalInput {
  input: ReviewerRiskInput;
  reviews: PreparedReview[];
  negatives: PreparedReview[];
  context: ShopRiskContext;
  config: RiskConfig;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** 0 at `start`, 1 at `full`, linear between. */
export function ramp(x: number, start: number, full: number): number {
  if (x <= start) return 0;
  if (x >= full) return 1;
  return (x - start) / (full - start);
}

const TOPIC_TAGS: readonly ComplaintTopic[] = ['quality', 'logistics', 'service'];

function prepareReviews(reviews: readonly ReviewerReview[], config: RiskConfig): PreparedReview[] {
  return reviews
    .map((review) => {
      const parts = [review.text, review.followUpText].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
      const cueText = parts.length ? normaliseCueText(parts.join('\n')) : null;
      let topics: Set<ComplaintTopic>;
      if (review.tags) topics = new Set(TOPIC_TAGS.filter((topic) => review.tags?.includes(topic)));
      else if (cueText) topics = complaintTopics(cueText);
      else topics = new Set();
      const at = review.reviewedAt.getTime();
      return {
        review,
        at,
        negative: review.rating <= config.negativeRatingMax,
        hasMedia: (review.imageCount ?? 0) > 0 || review.hasVideo === true,
        cueText,
        topics,
        latestAt: Math.max(at, review.followUpText && review.followUpAt ? review.followUpAt.getTime() : at),
      };
    })
    .sort((a, b) => a.at - b.at);
}

function latest(reviews: readonly PreparedReview[]): Date | null {
  if (!reviews.length) return null;
  return new Date(reviews.reduce((max, r) => Math.max(max, r.latestAt), -Infinity));
}

function finding(
  code: SignalCode,
  value: number,
  explanation: Explanation,
  reviews: readonly PreparedReview[],
  evidenceAt = latest(reviews),
): SignalFinding | null {
  if (!(value > 0)) return null;
  return { code, value: Math.min(1, value), explanation, reviewIds: reviews.map((r) => r.review.reviewId), evidenceAt };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const percent = (n: number) => Math.round(n * 100);

/** The most reviews inside any window of `windowMs`. Reviews are sorted by time. */
function densestWindow(reviews: readonly PreparedReview[], windowMs: number): PreparedReview[] {
  let best: PreparedReview[] = [];
  let start = 0;
  for (let end = 0; end < reviews.length; end++) {
    while (reviews[end].at - reviews[start].at > windowMs) start++;
    if (end - start + 1 > best.length) best = reviews.slice(start, end + 1);
  }
  return best;
}

/**
 * Every review inside some window of `windowMs` holding more than `startCount` reviews, in time order: all the
 * bursts, not only the densest, so that a new burst after a dismissal is seen as new evidence.
 */
function burstMembers(reviews: readonly PreparedReview[], windowMs: number, startCount: number): PreparedReview[] {
  const member = new Array<boolean>(reviews.length).fill(false);
  let start = 0;
  let markedUntil = -1;
  for (let end = 0; end < reviews.length; end++) {
    while (reviews[end].at - reviews[start].at > windowMs) start++;
    if (end - start + 1 <= startCount) continue;
    // windows only move forward: each review is marked once
    for (let i = Math.max(start, markedUntil + 1); i <= end; i++) member[i] = true;
    markedUntil = end;
  }
  return reviews.filter((_, i) => member[i]);
}

type SignalFunction = (input: SignalInput) => SignalFinding | null;

// ------------------------------------------------------------------ behaviour (rating and date suffice)

const badReviewBurst: SignalFunction = ({ negatives, config }) => {
  const s = config.signals.bad_review_burst;
  const count = densestWindow(negatives, s.windowDays * DAY_MS).length;
  return finding(
    'bad_review_burst',
    ramp(count, s.startCount, s.fullCount),
    { zh: `${s.windowDays}天内在本店留下${count}条中差评`, en: `${count} medium/bad reviews in this shop within ${s.windowDays} days` },
    burstMembers(negatives, s.windowDays * DAY_MS, s.startCount),
  );
};

const crossShopBadReviews: SignalFunction = ({ input, config }) => {
  const s = config.signals.cross_shop_bad_reviews;
  const cross = input.crossShop;
  if (!cross) return null;
  return finding(
    'cross_shop_bad_reviews',
    ramp(cross.badReviews, s.startCount, s.fullCount),
    {
      zh: `近${cross.windowDays}天在其他${cross.shops}家店留下${cross.badReviews}条中差评`,
      en: `${cross.badReviews} medium/bad reviews in ${cross.shops} other shop(s) within ${cross.windowDays} days`,
    },
    [],
    cross.latestAt ?? null,
  );
};

/** How likely a medium/bad review of this product is, leaving this review out, shrunk towards the shop's share. */
function expectedNegativeShare(review: ReviewerReview, negative: boolean, context: ShopRiskContext, config: RiskConfig): number {
  const s = config.signals.bad_review_share;
  const prior = context.negativeShare ?? s.expectedShare;
  const stats = review.productId ? context.products.get(review.productId) : undefined;
  if (!stats || typeof stats.negativeShare !== 'number' || stats.reviewCount < 1) return prior;
  const others = stats.reviewCount - 1;
  const otherNegatives = Math.max(0, stats.negativeShare * stats.reviewCount - (negative ? 1 : 0));
  return (otherNegatives + prior * s.priorReviews) / (others + s.priorReviews || 1);
}

const badReviewShare: SignalFunction = ({ reviews, negatives, context, config }) => {
  const s = config.signals.bad_review_share;
  if (!negatives.length) return null;
  const expected = reviews.reduce((sum, prepared) => sum + expectedNegativeShare(prepared.review, prepared.negative, context, config), 0);
  const excess = (negatives.length - expected) / (reviews.length + s.priorReviews);
  return finding(
    'bad_review_share',
    ramp(excess, s.startShare, s.fullShare),
    {
      zh: `${reviews.length}条评价中有${negatives.length}条中差评，同商品的其他买家平均只会给出${round1(expected)}条`,
      en: `${negatives.length} of ${reviews.length} reviews are medium/bad where other buyers of the same products would give ${round1(expected)}`,
    },
    negatives,
  );
};

/** The product's usual rating without this review, shrunk towards the shop mean when the product has few reviews. */
function expectedRating(review: ReviewerReview, context: ShopRiskContext, priorReviews: number): number {
  const stats = review.productId ? context.products.get(review.productId) : undefined;
  if (!stats || stats.reviewCount < 1) return context.meanRating;
  const others = stats.reviewCount - 1;
  const othersMean = others > 0 ? (stats.meanRating * stats.reviewCount - review.rating) / others : 0;
  return (othersMean * others + context.meanRating * priorReviews) / (others + priorReviews || 1);
}

const ratingBelowProduct: SignalFunction = ({ reviews, context, config }) => {
  const s = config.signals.rating_below_product;
  let total = 0;
  const below: PreparedReview[] = [];
  for (const prepared of reviews) {
    const gap = expectedRating(prepared.review, context, s.priorReviews) - prepared.review.rating;
    if (gap > 0) total += gap;
    if (gap >= s.startDeviation && prepared.negative) below.push(prepared);
  }
  const average = reviews.length ? total / reviews.length : 0;
  return finding(
    'rating_below_product',
    ramp(average, s.startDeviation, s.fullDeviation),
    {
      zh: `评分平均比商品通常评分低${round1(average)}星（共${reviews.length}条评价）`,
      en: `ratings average ${round1(average)} stars below the products' usual rating (over ${reviews.length} review(s))`,
    },
    below,
  );
};

function bestSellerCut(context: ShopRiskContext, settings: SignalSettings['targets_best_sellers']): number {
  return Math.max(1, Math.min(settings.topRank, Math.ceil(context.productCount * settings.topShare)));
}

function isBestSeller(productId: string | null | undefined, context: ShopRiskContext, cut: number): boolean {
  const rank = productId ? context.products.get(productId)?.popularityRank : null;
  return typeof rank === 'number' && rank <= cut;
}

const bestSellerShares = new WeakMap<ShopRiskContext, Map<number, number>>();

/** Share of all the shop's reviews that are on best sellers: what any buyer's share would be by chance. */
function bestSellerReviewShare(context: ShopRiskContext, cut: number): number {
  let byCut = bestSellerShares.get(context);
  if (!byCut) bestSellerShares.set(context, (byCut = new Map()));
  const cached = byCut.get(cut);
  if (cached !== undefined) return cached;
  let top = 0;
  let total = 0;
  for (const stats of context.products.values()) {
    total += stats.reviewCount;
    if (typeof stats.popularityRank === 'number' && stats.popularityRank <= cut) top += stats.reviewCount;
  }
  const share = total ? top / total : 0;
  byCut.set(cut, share);
  return share;
}

const targetsBestSellers: SignalFunction = ({ negatives, context, config }) => {
  const s = config.signals.targets_best_sellers;
  if (!negatives.length) return null;
  const cut = bestSellerCut(context, s);
  const onTop = negatives.filter((prepared) => isBestSeller(prepared.review.productId, context, cut));
  // best sellers get most reviews anyway: only a concentration beyond that share points at targeting
  const expected = bestSellerReviewShare(context, cut);
  const share = onTop.length / negatives.length;
  const concentration = expected < 1 ? ramp(share - expected, 0, 1 - expected) : 0;
  // a campaign hits several best sellers within weeks; a years-long customer collects a few by chance
  const campaign = densestWindow(onTop, s.windowDays * DAY_MS);
  const products = new Set(campaign.map((prepared) => prepared.review.productId)).size;
  return finding(
    'targets_best_sellers',
    ramp(campaign.length, s.startCount, s.fullCount) * concentration,
    {
      zh: `${s.windowDays}天内${campaign.length}条中差评打在本店畅销商品上（前${cut}名中的${products}款，畅销品通常只占${percent(expected)}%的评价）`,
      en: `${campaign.length} medium/bad reviews on the shop's best sellers within ${s.windowDays} days (${products} of the top ${cut}, which usually draw ${percent(expected)}% of reviews)`,
    },
    burstMembers(onTop, s.windowDays * DAY_MS, s.startCount),
  );
};

const earlyNegativeReview: SignalFunction = ({ negatives, context, config }) => {
  const s = config.signals.early_negative_review;
  if (!negatives.length) return null;
  let earliness = 0;
  const early: PreparedReview[] = [];
  let soonest = Infinity;
  for (const prepared of negatives) {
    const first = prepared.review.productId ? context.products.get(prepared.review.productId)?.firstReviewedAt : null;
    if (!first) continue;
    const days = Math.max(0, (prepared.at - first.getTime()) / DAY_MS);
    const value = 1 - days / s.windowDays;
    if (value > 0) {
      earliness += value;
      early.push(prepared);
      soonest = Math.min(soonest, days);
    }
  }
  return finding(
    'early_negative_review',
    earliness / negatives.length,
    {
      zh: `${early.length}条中差评发在商品首条评价后${s.windowDays}天内（最早${round1(soonest)}天）`,
      en: `${early.length} medium/bad review(s) within ${s.windowDays} days of the product's first review (earliest after ${round1(soonest)} days)`,
    },
    early,
  );
};

const dailyReviewBurst: SignalFunction = ({ reviews, config }) => {
  const s = config.signals.daily_review_burst;
  const count = densestWindow(reviews, DAY_MS).length;
  return finding(
    'daily_review_burst',
    ramp(count, s.startCount, s.fullCount),
    { zh: `24小时内发表${count}条评价`, en: `${count} reviews within 24 hours` },
    burstMembers(reviews, DAY_MS, s.startCount),
  );
};

// ------------------------------------------------------------------ content

const qualityComplaintWithoutPhoto: SignalFunction = ({ negatives, config }) => {
  const s = config.signals.quality_complaint_without_photo;
  const bare = negatives.filter((prepared) => prepared.topics.has('quality') && !prepared.hasMedia);
  return finding(
    'quality_complaint_without_photo',
    ramp(bare.length, 0, s.fullCount),
    { zh: `${bare.length}条质量投诉未附图片或视频`, en: `${bare.length} quality complaint(s) without a photo or video` },
    bare,
  );
};

// ------------------------------------------------------------------ the platform's own flags

const platformFraudFlag: SignalFunction = ({ reviews, config }) => {
  const s = config.signals.platform_fraud_flag;
  const flagged = reviews.filter((prepared) => prepared.review.platformCheat === true);
  return finding(
    'platform_fraud_flag',
    ramp(flagged.length, 0, s.fullCount),
    {
      zh: `平台判定${flagged.length}条评价作弊（平台自己的风控结论，不是本服务的推断）`,
      en: `the platform marked ${flagged.length} review(s) as fraudulent (the platform's own verdict, not an inference of this service)`,
    },
    flagged,
  );
};

const platformComplaint: SignalFunction = ({ reviews, config }) => {
  const s = config.signals.platform_complaint;
  const complaining = reviews.filter((prepared) => prepared.review.platformComplaint === true);
  return finding(
    'platform_complaint',
    ramp(complaining.length, 0, s.fullCount),
    {
      zh: `${complaining.length}条评价的订单有买家向平台发起的投诉（纠纷本身不等于恶意，需看证据）`,
      en: `${complaining.length} reviewed order(s) with a complaint the buyer opened with the platform (a dispute is not bad faith by itself: look at the evidence)`,
    },
    complaining,
  );
};

const CONTACT_NAMES: Record<ContactCueKind, Explanation> = {
  mobile_phone: { zh: '手机号', en: 'a mobile number' },
  landline_phone: { zh: '座机号', en: 'a landline number' },
  international_phone: { zh: '国际电话号码', en: 'an international phone number' },
  wechat_id: { zh: '微信号', en: 'a WeChat id' },
  qq_number: { zh: 'QQ号', en: 'a QQ number' },
  email: { zh: '邮箱', en: 'an email address' },
  messenger_id: { zh: '即时通讯账号', en: 'a messenger id' },
  invitation: { zh: '站外联系邀约（如"加微信"）', en: 'an invitation to talk off the platform' },
};

const offPlatformContact: SignalFunction = ({ reviews, config }) => {
  const s = config.signals.off_platform_contact;
  const kinds = new Set<ContactCueKind>();
  const carrying: PreparedReview[] = [];
  let strength = 0;
  for (const prepared of reviews) {
    if (!prepared.cueText) continue;
    const cues = findContactCues(prepared.cueText);
    if (!cues.length) continue;
    carrying.push(prepared);
    for (const cue of cues) {
      kinds.add(cue.kind);
      strength = Math.max(strength, cue.explicit ? 1 : s.invitationStrength);
    }
  }
  const names = [...kinds].map((kind) => CONTACT_NAMES[kind]);
  return finding(
    'off_platform_contact',
    strength,
    {
      zh: `${carrying.length}条评价或追评中留有${names.map((n) => n.zh).join('、')}`,
      en: `${carrying.length} review(s) or follow-up(s) contain ${names.map((n) => n.en).join(', ')}`,
    },
    carrying,
  );
};

interface DemandCandidate {
  value: number;
  explanation: Explanation;
  prepared: PreparedReview;
}

function demandCandidates(prepared: PreparedReview, s: SignalSettings['compensation_demand']): DemandCandidate[] {
  if (!prepared.cueText) return [];
  const orderAmount = prepared.review.orderAmount ?? null;
  const candidates: DemandCandidate[] = [];
  const add = (value: number, explanation: Explanation) => {
    if (value > 0) candidates.push({ value, explanation, prepared });
  };
  for (const cue of findDemandCues(prepared.cueText)) {
    if (cue.kind === 'threat_for_money') {
      add(1, { zh: '以差评相要挟索要钱款（如"不赔钱就差评"）', en: 'threatens a bad review unless paid ("pay or I leave 1 star")' });
    } else if (cue.kind === 'multiple_compensation') {
      add(s.multipleStrength, { zh: '要求"退一赔十"式的倍数赔偿', en: 'demands a multiple of the price as compensation' });
    } else if (cue.kind === 'emotional_damages') {
      add(s.multipleStrength, { zh: '索要精神损失费', en: 'demands emotional damages' });
    } else if (cue.amount !== undefined && orderAmount !== null && orderAmount > 0) {
      const ratio = cue.amount / orderAmount;
      add(ramp(ratio, s.startRatio, s.fullRatio), {
        zh: `索要赔偿${cue.amount}，约为订单金额的${round1(ratio)}倍`,
        en: `demands ${cue.amount}, about ${round1(ratio)} times the order amount`,
      });
    } else if (cue.amount !== undefined && cue.amount >= s.minAmountWithoutOrder) {
      add(s.amountWithoutOrder, { zh: `索要赔偿${cue.amount}（订单金额未知）`, en: `demands ${cue.amount} in compensation (order amount unknown)` });
    }
  }
  return candidates;
}

const compensationDemand: SignalFunction = ({ reviews, config }) => {
  const candidates = reviews.flatMap((prepared) => demandCandidates(prepared, config.signals.compensation_demand));
  if (!candidates.length) return null;
  const strongest = candidates.reduce((best, candidate) => (candidate.value > best.value ? candidate : best));
  return finding('compensation_demand', strongest.value, strongest.explanation, [...new Set(candidates.map((c) => c.prepared))]);
};

function timingApplies(prepared: PreparedReview): boolean {
  // a complaint about delivery or service can honestly come before the parcel does
  return prepared.negative && !prepared.topics.has('logistics') && !prepared.topics.has('service');
}

const reviewBeforeDelivery: SignalFunction = ({ negatives, config }) => {
  const s = config.signals.review_before_delivery;
  const early = negatives.filter((prepared) => {
    const delivered = prepared.review.deliveredAt?.getTime();
    return delivered !== undefined && timingApplies(prepared) && prepared.at < delivered - s.toleranceMinutes * MINUTE_MS;
  });
  if (!early.length) return null;
  const hours = early.reduce((max, p) => Math.max(max, ((p.review.deliveredAt?.getTime() ?? p.at) - p.at) / 3_600_000), 0);
  return finding(
    'review_before_delivery',
    1,
    {
      zh: `${early.length}条中差评早于签收时间（最多提前${round1(hours)}小时），且不是物流或服务问题`,
      en: `${early.length} medium/bad review(s) posted before delivery (up to ${round1(hours)} h early), not about delivery or service`,
    },
    early,
  );
};

const reviewSoonAfterDelivery: SignalFunction = ({ negatives, config }) => {
  const s = config.signals.review_soon_after_delivery;
  let strength = 0;
  let fastest = Infinity;
  const soon = negatives.filter((prepared) => {
    const delivered = prepared.review.deliveredAt?.getTime();
    if (delivered === undefined || !timingApplies(prepared)) return false;
    const minutes = (prepared.at - delivered) / MINUTE_MS;
    if (minutes < 0 || minutes >= s.minutes) return false;
    strength = Math.max(strength, 1 - minutes / s.minutes);
    fastest = Math.min(fastest, minutes);
    return true;
  });
  return finding(
    'review_soon_after_delivery',
    strength,
    {
      zh: `${soon.length}条中差评在签收后${Math.round(fastest)}分钟内发出，来不及真正使用`,
      en: `${soon.length} medium/bad review(s) posted ${Math.round(fastest)} minutes after delivery, too soon to have used the item`,
    },
    soon,
  );
};

const templateText: SignalFunction = ({ input, negatives, context, config }) => {
  const s = config.signals.template_text;
  const withText = negatives.filter((prepared) => typeof prepared.review.text === 'string' && prepared.review.text !== '');
  if (!withText.length) return null;
  const others = new Set<string>();
  const shared: PreparedReview[] = [];
  if (context.templates) {
    for (const prepared of withText) {
      const matches = context.templates.findSimilar(prepared.review.text ?? '', { excludeOwner: input.buyerId, limit: s.otherBuyersFull + 3 });
      if (!matches.length) continue;
      shared.push(prepared);
      for (const match of matches) others.add(match.ownerId);
    }
  }
  let repeated: PreparedReview[] = [];
  if (withText.length > 1) {
    // a buyer's own reviews are few enough to compare pairwise
    const signatures = withText.map((prepared) => templateSignature(prepared.review.text ?? '', s.minLength));
    signatures.forEach((signature) => {
      if (!signature) return;
      const group = withText.filter((_, j) => {
        const other = signatures[j];
        return other !== null && estimateSimilarity(signature, other) >= s.similarity;
      });
      if (group.length > repeated.length) repeated = group;
    });
  }
  const acrossBuyers = ramp(others.size, 0, s.otherBuyersFull);
  const ownRepeats = ramp(repeated.length, s.ownRepeatsStart, s.ownRepeatsFull);
  const parts: Explanation[] = [];
  if (acrossBuyers > 0) {
    parts.push({
      zh: `${shared.length}条中差评与另外${others.size}位买家的文字几乎相同`,
      en: `${shared.length} medium/bad review(s) nearly identical to those of ${others.size} other buyer(s)`,
    });
  }
  if (ownRepeats > 0)
    parts.push({ zh: `${repeated.length}条中差评使用同一段文字`, en: `the same text in ${repeated.length} of the buyer's medium/bad reviews` });
  return finding('template_text', Math.max(acrossBuyers, ownRepeats), { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') }, [
    ...new Set([...(acrossBuyers > 0 ? shared : []), ...(ownRepeats > 0 ? repeated : [])]),
  ]);
};

// ------------------------------------------------------------------ recovery contacts

function outcomesOf(input: ReviewerRiskInput, kind: string) {
  return (input.contactOutcomes ?? []).filter((outcome) => outcome.kind === kind);
}

function latestOf(dates: Date[]): Date | null {
  return dates.length ? new Date(dates.reduce((max, d) => Math.max(max, d.getTime()), -Infinity)) : null;
}

function contactReviews(reviews: readonly PreparedReview[], ids: (string | null | undefined)[]): PreparedReview[] {
  return reviews.filter((prepared) => ids.includes(prepared.review.reviewId));
}

const contactNoAnswer: SignalFunction = ({ input, reviews, config }) => {
  const s = config.signals.contact_no_answer;
  const lastCooperative = latestOf(outcomesOf(input, 'cooperative').map((o) => o.at));
  // missed calls before the buyer last worked with after-sales say little
  const missed = outcomesOf(input, 'no_answer').filter((o) => !lastCooperative || o.at > lastCooperative);
  if (!missed.length) return null;
  return finding(
    'contact_no_answer',
    ramp(missed.length, s.startCount, s.fullCount),
    { zh: `店铺联系${missed.length}次均未接听或未回复`, en: `did not answer ${missed.length} contact attempts` },
    contactReviews(
      reviews,
      missed.map((o) => o.reviewId),
    ),
    latestOf(missed.map((o) => o.at)),
  );
};

const contactRefusedPhotos: SignalFunction = ({ input, reviews }) => {
  const refused = outcomesOf(input, 'refused_photos');
  if (!refused.length) return null;
  return finding(
    'contact_refused_photos',
    1,
    { zh: `售后请求问题照片时拒绝提供（${refused.length}次）`, en: `refused to send photos of the problem when asked (${refused.length} time(s))` },
    contactReviews(
      reviews,
      refused.map((o) => o.reviewId),
    ),
    latestOf(refused.map((o) => o.at)),
  );
};

const contactExcessDemand: SignalFunction = ({ input, reviews }) => {
  const demands = outcomesOf(input, 'demanded_excess_compensation');
  if (!demands.length) return null;
  return finding(
    'contact_excess_demand',
    1,
    {
      zh: `沟通中索要远超正常补救的赔偿（${demands.length}次）`,
      en: `demanded compensation far above normal remedies when contacted (${demands.length} time(s))`,
    },
    contactReviews(
      reviews,
      demands.map((o) => o.reviewId),
    ),
    latestOf(demands.map((o) => o.at)),
  );
};

// ------------------------------------------------------------------ mitigating

const establishedBuyer: SignalFunction = ({ reviews, negatives, config }) => {
  const s = config.signals.established_buyer;
  if (reviews.length < 2) return null;
  const spanDays = (reviews[reviews.length - 1].at - reviews[0].at) / DAY_MS;
  const good = reviews.length - negatives.length;
  const value = ramp(reviews.length, s.startReviews, s.fullReviews) * ramp(spanDays, s.startSpanDays, s.fullSpanDays) * (good / reviews.length);
  return finding(
    'established_buyer',
    value,
    {
      zh: `${Math.round(spanDays)}天内共${reviews.length}条评价，其中${good}条好评`,
      en: `${reviews.length} reviews over ${Math.round(spanDays)} days, ${good} of them good`,
    },
    [],
    null,
  );
};

const photoEvidence: SignalFunction = ({ negatives }) => {
  if (!negatives.length) return null;
  const withMedia = negatives.filter((prepared) => prepared.hasMedia);
  return finding(
    'photo_evidence',
    withMedia.length / negatives.length,
    {
      zh: `${withMedia.length}/${negatives.length}条中差评附有图片或视频`,
      en: `${withMedia.length} of ${negatives.length} medium/bad reviews carry photos or video`,
    },
    withMedia,
  );
};

const contactCooperative: SignalFunction = ({ input, reviews }) => {
  const cooperative = outcomesOf(input, 'cooperative');
  // answering the phone to demand money is not cooperation
  if (!cooperative.length || outcomesOf(input, 'demanded_excess_compensation').length) return null;
  return finding(
    'contact_cooperative',
    1,
    { zh: '接听了店铺联系并配合售后处理', en: 'answered the shop and worked with after-sales' },
    contactReviews(
      reviews,
      cooperative.map((o) => o.reviewId),
    ),
    latestOf(cooperative.map((o) => o.at)),
  );
};

const SIGNALS: readonly SignalFunction[] = [
  badReviewBurst,
  crossShopBadReviews,
  badReviewShare,
  ratingBelowProduct,
  targetsBestSellers,
  earlyNegativeReview,
  dailyReviewBurst,
  qualityComplaintWithoutPhoto,
  platformFraudFlag,
  platformComplaint,
  offPlatformContact,
  compensationDemand,
  reviewBeforeDelivery,
  reviewSoonAfterDelivery,
  templateText,
  contactNoAnswer,
  contactRefusedPhotos,
  contactExcessDemand,
  establishedBuyer,
  photoEvidence,
  contactCooperative,
];

/** Every signal's finding for one buyer (only those with a positive strength). */
export function findSignals(input: ReviewerRiskInput, context: ShopRiskContext, config: RiskConfig): SignalFinding[] {
  const reviews = prepareReviews(input.reviews, config);
  const signalInput: SignalInput = { input, reviews, negatives: reviews.filter((r) => r.negative), context, config };
  return SIGNALS.map((signal) => signal(signalInput)).filter((f): f is SignalFinding => f !== null);
}
