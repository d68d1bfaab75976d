import { DEFAULT_RISK_CONFIG, mergeRiskConfig, RiskConfigOverride } from './risk-config';
import { assessReviewerRisk } from './risk-scoring';
import { ramp } from './risk-signals';
import { ContactOutcome, ReviewerReview, ReviewerRiskInput, RiskSignal, ShopRiskContext, SignalCode } from './reviewer-risk.types';
import { buildShopRiskContext } from './shop-risk-context';
import { TextTemplateIndex } from './text-template-index';

const T0 = Date.parse('2026-05-01T12:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BUYER = 'buyer-1';

let sequence = 0;

/** A bad review on a tail product, a day ago, delivered three days before; override what the test is about. */
function review(overrides: Partial<ReviewerReview> & { day?: number } = {}): ReviewerReview {
  const { day = 0, ...rest } = overrides;
  const reviewedAt = new Date(T0 + day * DAY);
  return {
    reviewId: `r${++sequence}`,
    productId: 'T01',
    rating: 1,
    reviewedAt,
    deliveredAt: new Date(reviewedAt.getTime() - 3 * DAY),
    imageCount: 0,
    ...rest,
  };
}

interface ShopOptions {
  /** texts of other buyers' medium/bad reviews, as [buyerId, text] */
  otherTexts?: [string, string][];
}

/**
 * Five best sellers (B1-B5, 200 reviews each) and 45 tail products (T01-T45, 55 down to 11 reviews), all around 4.6
 * stars with 10% medium/bad reviews, reviewed over the year before T0; plus the reviews of the buyer under test.
 */
function shop(buyerReviews: ReviewerReview[], options: ShopOptions = {}): ShopRiskContext {
  const rows: ReviewerReview[] = [];
  const products = [
    ...Array.from({ length: 5 }, (_, i) => [`B${i + 1}`, 200] as const),
    ...Array.from({ length: 45 }, (_, i) => [`T${String(i + 1).padStart(2, '0')}`, 55 - i] as const),
  ];
  for (const [productId, count] of products) {
    for (let k = 0; k < count; k++) {
      const rating = k % 10 === 0 ? 2 : k % 10 < 4 ? 4 : 5;
      rows.push({ reviewId: `${productId}-${k}`, productId, rating, reviewedAt: new Date(T0 - 365 * DAY + ((k * 37) % 360) * DAY) });
    }
  }
  const templates = new TextTemplateIndex({ similarity: 0.6, minLength: 15 });
  (options.otherTexts ?? []).forEach(([owner, text], i) => templates.add(`other-${i}`, owner, text));
  return buildShopRiskContext([...rows, ...buyerReviews], templates);
}

function assess(input: Partial<ReviewerRiskInput> & { reviews: ReviewerReview[] }, options: ShopOptions = {}, override?: RiskConfigOverride) {
  const config = mergeRiskConfig(DEFAULT_RISK_CONFIG, override);
  return assessReviewerRisk({ buyerId: BUYER, ...input }, shop(input.reviews, options), config);
}

function signal(code: SignalCode, input: Partial<ReviewerRiskInput> & { reviews: ReviewerReview[] }, options: ShopOptions = {}): RiskSignal | undefined {
  return assess(input, options).signals.find((s) => s.code === code);
}

function contacts(...kinds: [ContactOutcome['kind'], number][]): ContactOutcome[] {
  return kinds.map(([kind, day]) => ({ kind, at: new Date(T0 + day * DAY) }));
}

describe('ramp', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1 / 3],
    [5, 1],
    [9, 1],
  ])('ramp(%p, 2, 5) = %p', (x, expected) => {
    expect(ramp(x, 2, 5)).toBeCloseTo(expected);
  });
});

describe('behaviour signals', () => {
  it('bad_review_burst: three medium/bad reviews in a week count, two do not, months apart do not', () => {
    expect(signal('bad_review_burst', { reviews: [review({ day: 0 }), review({ day: 2 }), review({ day: 5, rating: 3 })] })?.value).toBeCloseTo(1 / 3);
    expect(signal('bad_review_burst', { reviews: [review({ day: 0 }), review({ day: 2 })] })).toBeUndefined();
    expect(signal('bad_review_burst', { reviews: [review({ day: 0 }), review({ day: 40 }), review({ day: 80 })] })).toBeUndefined();
    const five = signal('bad_review_burst', { reviews: [0, 1, 2, 3, 4].map((day) => review({ day })) });
    expect(five).toMatchObject({ value: 1, explanation: { zh: '7天内在本店留下5条中差评', en: '5 medium/bad reviews in this shop within 7 days' } });
    expect(five?.reviewIds).toHaveLength(5);
  });

  it('cross_shop_bad_reviews: counts from other shops ramp up to full strength', () => {
    expect(signal('cross_shop_bad_reviews', { reviews: [review()], crossShop: { badReviews: 6, shops: 4, windowDays: 30 } })?.value).toBe(1);
    expect(signal('cross_shop_bad_reviews', { reviews: [review()], crossShop: { badReviews: 1, shops: 1, windowDays: 30 } })).toBeUndefined();
    expect(signal('cross_shop_bad_reviews', { reviews: [review()] })).toBeUndefined();
  });

  it('bad_review_share: all-negative history counts, one bad review alone does not', () => {
    const fourBad = [0, 20, 40, 60].map((day, i) => review({ day, productId: `T0${i + 1}` }));
    expect(signal('bad_review_share', { reviews: fourBad })?.value).toBeGreaterThan(0.3);
    expect(signal('bad_review_share', { reviews: [review()] })).toBeUndefined();
    const mostlyGood = [review({ day: 0 }), ...[10, 20, 30, 40].map((day) => review({ day, rating: 5 }))];
    expect(signal('bad_review_share', { reviews: mostlyGood })).toBeUndefined();
  });

  it('rating_below_product: far below the usual rating counts, a fair rating of a poor product does not', () => {
    const below = signal('rating_below_product', { reviews: [review({ productId: 'B1' })] });
    expect(below?.value).toBeGreaterThan(0.9);
    expect(below?.explanation.en).toMatch(/stars below the products' usual rating/);
    expect(signal('rating_below_product', { reviews: [review({ rating: 5 })] })).toBeUndefined();
    // a product nobody else reviewed: compared with the shop's mean, not with the buyer's own rating
    expect(signal('rating_below_product', { reviews: [review({ productId: 'NEW' })] })?.value).toBeGreaterThan(0.9);
  });

  it('rating_below_product: a long fair history dilutes one angry review', () => {
    const history = [review({ productId: 'B1' }), ...[1, 2, 3, 4, 5, 6, 7].map((i) => review({ day: -30 * i, rating: 5, productId: `T0${i}` }))];
    expect(signal('rating_below_product', { reviews: history })?.value ?? 0).toBeLessThan(0.2);
  });

  it('targets_best_sellers: several best sellers within weeks count, tail products or a year apart do not', () => {
    const onBest = [1, 2, 3].map((i) => review({ day: i * 3, productId: `B${i}` }));
    expect(signal('targets_best_sellers', { reviews: onBest })?.value).toBeGreaterThan(0.2);
    expect(signal('targets_best_sellers', { reviews: [1, 2, 3].map((i) => review({ day: i * 3, productId: `T4${i}` })) })).toBeUndefined();
    expect(signal('targets_best_sellers', { reviews: [1, 2, 3].map((i) => review({ day: i * 120, productId: `B${i}` })) })).toBeUndefined();
  });

  it("early_negative_review: a bad review on a product's first days counts, later ones do not", () => {
    expect(signal('early_negative_review', { reviews: [review({ productId: 'LAUNCH' })] })?.value).toBe(1);
    expect(signal('early_negative_review', { reviews: [review({ productId: 'B1' })] })).toBeUndefined();
  });

  it('daily_review_burst: many reviews of any rating within 24 hours', () => {
    const sameDay = [0, 0.1, 0.2, 0.3].map((day, i) => review({ day, rating: 5, productId: `T0${i + 1}` }));
    expect(signal('daily_review_burst', { reviews: sameDay })?.value).toBeCloseTo(0.5);
    expect(signal('daily_review_burst', { reviews: sameDay.slice(0, 2) })).toBeUndefined();
  });
});

describe('content signals', () => {
  it('quality_complaint_without_photo: from tags or from the text, not with a photo or video, not about delivery', () => {
    expect(signal('quality_complaint_without_photo', { reviews: [review({ tags: ['quality'] })] })?.value).toBeCloseTo(1 / 3);
    expect(signal('quality_complaint_without_photo', { reviews: [review({ text: '质量太差，假货' })] })?.value).toBeCloseTo(1 / 3);
    expect(signal('quality_complaint_without_photo', { reviews: [review({ tags: ['quality'], imageCount: 2 })] })).toBeUndefined();
    expect(signal('quality_complaint_without_photo', { reviews: [review({ tags: ['quality'], hasVideo: true })] })).toBeUndefined();
    expect(signal('quality_complaint_without_photo', { reviews: [review({ tags: ['logistics'], text: '质量不错但是物流太慢' })] })).toBeUndefined();
    expect(signal('quality_complaint_without_photo', { reviews: [review()] })).toBeUndefined();
  });

  it('off_platform_contact: an id or number has full strength, an invitation less; follow-ups count', () => {
    expect(signal('off_platform_contact', { reviews: [review({ text: '差', followUpText: '有事打 138 0013 8000' })] })).toMatchObject({
      value: 1,
      explanation: { zh: '1条评价或追评中留有手机号', en: '1 review(s) or follow-up(s) contain a mobile number' },
    });
    expect(signal('off_platform_contact', { reviews: [review({ text: '有问题加微信详聊' })] })?.value).toBe(0.8);
    expect(signal('off_platform_contact', { reviews: [review({ text: 'Add me on WhatsApp and we sort it out' })] })?.value).toBe(0.8);
    expect(signal('off_platform_contact', { reviews: [review({ text: '联系客服半天没人理' })] })).toBeUndefined();
  });

  it.each([
    ['不赔钱就差评', 89, 1],
    ['给我500块就删评', 59, 1],
    ['要求赔偿500元', 59, 1],
    ['要求赔偿300元', 100, 1 / 3],
    ['要求赔偿100元', 59, 0],
    ['要求赔偿300元', null, 0.5],
    ['退一赔十', 35, 0.6],
    ['I want compensation for emotional distress', 20, 0.6],
    ['Pay me or I leave a one-star review', 20, 1],
    ['我要退货，要求退款', 59, 0],
    ['根据消费者权益保护法，要求退款', 59, 0],
    ['I want a refund', 20, 0],
  ])('compensation_demand: %p on an order of %p has strength %p', (text, orderAmount, strength) => {
    const found = signal('compensation_demand', { reviews: [review({ text, orderAmount })] });
    expect(found?.value ?? 0).toBeCloseTo(strength);
  });

  it('review_before_delivery: a verdict on the goods before they arrived; not a delivery complaint, not within tolerance', () => {
    const before = (text: string, minutes: number) => review({ text, deliveredAt: new Date(T0 + minutes * 60_000) });
    expect(signal('review_before_delivery', { reviews: [before('质量太差了', 600)] })?.value).toBe(1);
    expect(signal('review_before_delivery', { reviews: [before('物流太慢，还没到', 600)] })).toBeUndefined();
    expect(signal('review_before_delivery', { reviews: [before('Seller never replied to my messages', 600)] })).toBeUndefined();
    expect(signal('review_before_delivery', { reviews: [before('质量太差了', 5)] })).toBeUndefined();
  });

  it('review_soon_after_delivery: minutes after delivery, stronger the sooner', () => {
    const after = (minutes: number, text = '质量太差了') => review({ text, deliveredAt: new Date(T0 - minutes * 60_000) });
    expect(signal('review_soon_after_delivery', { reviews: [after(3)] })?.value).toBeCloseTo(0.8);
    expect(signal('review_soon_after_delivery', { reviews: [after(30)] })).toBeUndefined();
    expect(signal('review_soon_after_delivery', { reviews: [after(3, '快递盒子压扁了，包裹破损')] })).toBeUndefined();
  });

  it("template_text: the same text as other buyers, or repeated across the buyer's own reviews", () => {
    const text = '收到货就发现是二手的，包装破旧还有使用痕迹，大家千万别买';
    const others: [string, string][] = [
      ['ring-1', `${text}！`],
      ['ring-2', `刚${text}`],
    ];
    expect(signal('template_text', { reviews: [review({ text })] }, { otherTexts: others })?.value).toBe(1);
    expect(signal('template_text', { reviews: [review({ text })] }, { otherTexts: others.slice(0, 1) })?.value).toBe(0.5);
    expect(signal('template_text', { reviews: [review({ text })] }, { otherTexts: [[BUYER, text]] })).toBeUndefined();
    expect(signal('template_text', { reviews: [review({ text: '太差了' })] }, { otherTexts: [['ring-1', '太差了']] })).toBeUndefined();
    const own = (count: number) => Array.from({ length: count }, (_, i) => review({ day: i, productId: `T0${i + 1}`, text }));
    expect(signal('template_text', { reviews: own(3) })?.value).toBe(0.5);
    expect(signal('template_text', { reviews: own(2) })).toBeUndefined();
  });
});

describe("the platform's own flags", () => {
  it('platform_fraud_flag: one review the platform marked fraudulent is full strength, with its own explanation', () => {
    const flagged = review({ platformCheat: true });
    const found = signal('platform_fraud_flag', { reviews: [flagged, review({ day: 30, platformCheat: false })] });
    expect(found).toMatchObject({ value: 1, reviewIds: [flagged.reviewId] });
    expect(found?.explanation.en).toMatch(/platform marked 1 review\(s\) as fraudulent/);
    expect(found?.explanation.zh).toMatch(/平台判定1条评价作弊/);
    expect(signal('platform_fraud_flag', { reviews: [review({ platformCheat: false }), review({ day: 3 })] })).toBeUndefined();
  });

  it('platform_complaint: ramps over complaints; weaker than a fraud verdict', () => {
    expect(signal('platform_complaint', { reviews: [review({ platformComplaint: true })] })?.value).toBeCloseTo(0.5);
    expect(signal('platform_complaint', { reviews: [review({ platformComplaint: true }), review({ day: 20, platformComplaint: true })] })?.value).toBe(1);
    expect(signal('platform_complaint', { reviews: [review()] })).toBeUndefined();
    const fraud = assess({ reviews: [review({ platformCheat: true })] }).score;
    const complaint = assess({ reviews: [review({ platformComplaint: true })] }).score;
    const neither = assess({ reviews: [review()] }).score;
    expect(fraud).toBeGreaterThan(complaint);
    expect(complaint).toBeGreaterThan(neither);
  });
});

describe('recovery contact signals', () => {
  it('contact_no_answer: repeated missed calls count, missed calls before cooperation do not', () => {
    expect(signal('contact_no_answer', { reviews: [review()], contactOutcomes: contacts(['no_answer', 1], ['no_answer', 2], ['no_answer', 3]) })?.value).toBe(
      1,
    );
    expect(signal('contact_no_answer', { reviews: [review()], contactOutcomes: contacts(['no_answer', 1]) })).toBeUndefined();
    expect(
      signal('contact_no_answer', { reviews: [review()], contactOutcomes: contacts(['no_answer', 1], ['no_answer', 2], ['cooperative', 3]) }),
    ).toBeUndefined();
  });

  it('contact_refused_photos and contact_excess_demand come from the recorded outcomes', () => {
    const found = assess({ reviews: [review()], contactOutcomes: contacts(['refused_photos', 1], ['demanded_excess_compensation', 2]) });
    expect(found.signals.map((s) => s.code)).toEqual(expect.arrayContaining(['contact_refused_photos', 'contact_excess_demand']));
  });

  it('contact_cooperative lowers the score, unless the buyer also demanded excess compensation', () => {
    const alone = assess({ reviews: [review()] });
    const cooperative = assess({ reviews: [review()], contactOutcomes: contacts(['cooperative', 1]) });
    expect(cooperative.score).toBeLessThan(alone.score);
    expect(cooperative.signals.find((s) => s.code === 'contact_cooperative')?.contribution).toBeLessThan(0);
    const demanding = assess({ reviews: [review()], contactOutcomes: contacts(['cooperative', 1], ['demanded_excess_compensation', 1]) });
    expect(demanding.signals.map((s) => s.code)).not.toContain('contact_cooperative');
  });
});

describe('mitigating signals', () => {
  it('established_buyer: many good reviews over months', () => {
    const history = [review({ day: 0 }), ...Array.from({ length: 8 }, (_, i) => review({ day: -20 * (i + 1), rating: 5, productId: `T1${i}` }))];
    expect(signal('established_buyer', { reviews: history })?.value).toBeGreaterThan(0.8);
    expect(signal('established_buyer', { reviews: [review()] })).toBeUndefined();
    const sameDay = [review({ day: 0 }), review({ day: 0.01, rating: 5 }), review({ day: 0.02, rating: 5 })];
    expect(signal('established_buyer', { reviews: sameDay })).toBeUndefined();
  });

  it('photo_evidence: the share of complaints that carry photos or video', () => {
    expect(signal('photo_evidence', { reviews: [review({ imageCount: 2 }), review({ day: 1 })] })?.value).toBe(0.5);
    expect(signal('photo_evidence', { reviews: [review()] })).toBeUndefined();
  });
});

describe('dismissed evidence', () => {
  const burst = () => [0, 1, 2, 3].map((day) => review({ day, productId: `T0${day + 1}` }));

  it('a dismissal covering the same evidence stops it counting, and says so', () => {
    const reviews = burst();
    const before = assess({ reviews });
    const after = assess({ reviews, dismissed: [{ code: 'bad_review_burst', dismissedAt: new Date(T0 + 10 * DAY) }] });
    const dismissed = after.signals.find((s) => s.code === 'bad_review_burst');
    expect(dismissed).toMatchObject({ weight: 0, contribution: 0, dismissal: 'covered' });
    expect(after.score).toBeLessThan(before.score);
  });

  it('new evidence after a dismissal counts again, with less weight', () => {
    const reviews = [...burst(), review({ day: 20, productId: 'T10' }), review({ day: 21, productId: 'T11' }), review({ day: 22, productId: 'T12' })];
    const after = assess({ reviews, dismissed: [{ code: 'bad_review_burst', dismissedAt: new Date(T0 + 10 * DAY) }] });
    expect(after.signals.find((s) => s.code === 'bad_review_burst')).toMatchObject({
      weight: DEFAULT_RISK_CONFIG.signals.bad_review_burst.weight * DEFAULT_RISK_CONFIG.dismissedWeightFactor,
      dismissal: 'reduced',
    });
  });

  it('a dismissal of one kind leaves the other signals alone', () => {
    const reviews = [review({ text: '不赔钱就差评' })];
    const after = assess({ reviews, dismissed: [{ code: 'bad_review_burst', dismissedAt: new Date(T0 + DAY) }] });
    expect(after.signals.find((s) => s.code === 'compensation_demand')).toMatchObject({ weight: 1.5 });
    expect(after.signals.find((s) => s.code === 'compensation_demand')?.dismissal).toBeUndefined();
  });
});

describe('configuration', () => {
  it('a per-shop override changes a threshold', () => {
    const reviews = [review({ day: 0 }), review({ day: 2 }), review({ day: 5 })];
    expect(assess({ reviews }, {}, { signals: { bad_review_burst: { windowDays: 3 } } }).signals.map((s) => s.code)).not.toContain('bad_review_burst');
  });

  it('a weight of zero silences a signal but keeps it listed', () => {
    const result = assess({ reviews: [review({ text: '不赔钱就差评' })] }, {}, { signals: { compensation_demand: { weight: 0 } } });
    expect(result.signals.find((s) => s.code === 'compensation_demand')).toMatchObject({ weight: 0, contribution: 0 });
  });
});
