import { assessReviewerRisk } from './risk-scoring';
import { ContactOutcome, ContactOutcomeKind, CrossShopActivity, ReviewerReview, RiskAssessment } from './reviewer-risk.types';
import { buildShopRiskContext } from './shop-risk-context';
import { TextTemplateIndex } from './text-template-index';
import { DEFAULT_RISK_CONFIG } from './risk-config';

/**
 * Invented scenarios, both sides of the line practitioners draw (domain brief, section 5): professional
 * bad-reviewers and extortionists must come out high, genuine customers - angry ones included - low.
 * Every buyer is scored inside the same invented shop: 40 products with a few best sellers and a few hundred
 * ordinary reviews from other buyers, some of them medium/bad with their own texts.
 */

const NOW = Date.parse('2026-05-20T12:00:00+08:00');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface ReviewSpec {
  product: string;
  rating: number;
  /** days before NOW */
  daysAgo: number;
  text?: string;
  followUp?: string;
  images?: number;
  video?: boolean;
  /** minutes between delivery and the review; negative: reviewed before delivery */
  minutesAfterDelivery?: number;
  orderAmount?: number;
  tags?: string[];
}

interface Scenario {
  name: string;
  reviews: ReviewSpec[];
  crossShop?: CrossShopActivity;
  contacts?: [ContactOutcomeKind, number][];
  /** texts other buyers posted in this shop as medium/bad reviews (for template detection) */
  othersWrote?: string[];
}

const GENUINE_FRAGMENTS = [
  '颜色和图片差别有点大',
  '尺码偏小一码',
  '物流比预期慢了两天',
  '客服回复有点慢',
  '味道有点重，放了几天才散',
  '做工一般，有线头',
  'the colour is darker than the photos',
  'took a week longer than promised',
  'stitching came loose after a wash',
  'smaller than I expected',
];

/** The invented shop: deterministic background reviews from 2,000-odd other buyers. */
function backgroundReviews(): { buyerId: string; review: ReviewerReview }[] {
  const rows: { buyerId: string; review: ReviewerReview }[] = [];
  for (let p = 1; p <= 40; p++) {
    const product = `P${String(p).padStart(2, '0')}`;
    const count = Math.round(300 / p) + 5;
    const weak = p > 36;
    for (let k = 0; k < count; k++) {
      const cycle = k % 20;
      const rating = weak ? [5, 4, 3, 3, 2][k % 5] : cycle < 14 ? 5 : cycle < 18 ? 4 : cycle === 18 ? 2 : 1;
      const reviewedAt = new Date(NOW - (170 - ((k * 7 + p * 3) % 170)) * DAY - ((k * 13) % 24) * HOUR);
      const text =
        rating <= 3 ? `${GENUINE_FRAGMENTS[(k + p) % GENUINE_FRAGMENTS.length]}，${GENUINE_FRAGMENTS[(k * 3 + p) % GENUINE_FRAGMENTS.length]}` : '很好，满意';
      rows.push({ buyerId: `bg-${p}-${k}`, review: { reviewId: `bg-${p}-${k}`, productId: product, rating, reviewedAt, text } });
    }
  }
  return rows;
}

function toReview(buyerId: string, spec: ReviewSpec, index: number): ReviewerReview {
  const reviewedAt = new Date(NOW - spec.daysAgo * DAY);
  return {
    reviewId: `${buyerId}-r${index}`,
    productId: spec.product,
    rating: spec.rating,
    reviewedAt,
    text: spec.text ?? null,
    followUpText: spec.followUp ?? null,
    followUpAt: spec.followUp ? new Date(reviewedAt.getTime() + 2 * DAY) : null,
    imageCount: spec.images ?? 0,
    hasVideo: spec.video ?? false,
    deliveredAt:
      spec.minutesAfterDelivery === undefined ? new Date(reviewedAt.getTime() - 3 * DAY) : new Date(reviewedAt.getTime() - spec.minutesAfterDelivery * 60_000),
    orderAmount: spec.orderAmount ?? 89,
    tags: spec.tags ?? null,
  };
}

function assess(scenario: Scenario): RiskAssessment {
  const buyerId = 'buyer-under-test';
  const reviews = scenario.reviews.map((spec, i) => toReview(buyerId, spec, i));
  const others = backgroundReviews();
  (scenario.othersWrote ?? []).forEach((text, i) =>
    others.push({
      buyerId: `ring-${i}`,
      review: { reviewId: `ring-${i}`, productId: 'P02', rating: 1, reviewedAt: new Date(NOW - (2 + i) * DAY), text },
    }),
  );
  const templates = new TextTemplateIndex({
    similarity: DEFAULT_RISK_CONFIG.signals.template_text.similarity,
    minLength: DEFAULT_RISK_CONFIG.signals.template_text.minLength,
  });
  for (const { buyerId: owner, review } of others) {
    if (review.rating <= 3 && review.text) templates.add(review.reviewId, owner, review.text);
  }
  const context = buildShopRiskContext([...others.map((o) => o.review), ...reviews], templates);
  const contactOutcomes: ContactOutcome[] = (scenario.contacts ?? []).map(([kind, daysAgo]) => ({ kind, at: new Date(NOW - daysAgo * DAY) }));
  return assessReviewerRisk({ buyerId, reviews, crossShop: scenario.crossShop ?? null, contactOutcomes }, context);
}

function describeResult(result: RiskAssessment): string {
  return `${result.score} ${result.level}: ${result.signals.map((s) => `${s.code}=${s.contribution}`).join(', ')}`;
}

const EXTORTION: Scenario[] = [
  {
    name: 'zh: three no-photo quality complaints on best sellers in four days, then "不赔钱就差评", calls unanswered',
    reviews: [
      { product: 'P01', rating: 1, daysAgo: 6, text: '质量太差了，跟描述完全不符，假货' },
      { product: 'P02', rating: 1, daysAgo: 4, text: '做工粗糙，一用就坏，垃圾' },
      { product: 'P03', rating: 2, daysAgo: 2, text: '质量很差', followUp: '商家不赔钱就差评到底，每个商品都给你差评' },
    ],
    contacts: [
      ['no_answer', 3],
      ['no_answer', 2],
      ['no_answer', 1],
    ],
  },
  {
    name: 'zh: one review, "给我500块就删评" on a 59 yuan order',
    reviews: [{ product: 'P05', rating: 1, daysAgo: 1, orderAmount: 59, text: '假货，质量太差了！给我500块就删评，不然天天追评', tags: ['quality'] }],
  },
  {
    name: 'zh: WeChat id to settle privately, threat, posted five minutes after delivery',
    reviews: [
      {
        product: 'P01',
        rating: 1,
        daysAgo: 1,
        minutesAfterDelivery: 5,
        text: '东西有严重质量问题，加我微信 wxid_k8s9d2q 私下处理，赔偿不到位否则差评曝光',
      },
    ],
  },
  {
    name: 'zh: professional "退一赔十" claimant active across shops, refused photos',
    reviews: [
      { product: 'P12', rating: 1, daysAgo: 3, orderAmount: 35, text: '食品已过期，根据食品安全法要求退一赔十，否则向平台投诉并曝光', tags: ['quality'] },
    ],
    crossShop: { badReviews: 7, shops: 6, windowDays: 30 },
    contacts: [['refused_photos', 2]],
  },
  {
    name: 'zh: competitor ring posting the same text on two best sellers the same day',
    reviews: [
      { product: 'P01', rating: 1, daysAgo: 2, text: '收到货就发现是二手的，包装破旧还有使用痕迹，大家千万别买，这家店就是骗子' },
      { product: 'P02', rating: 1, daysAgo: 2, text: '收到货就发现是二手的，包装破旧，还有使用痕迹！大家千万别买，这家店就是骗子！' },
    ],
    othersWrote: [
      '收到货就发现是二手的，包装破旧还有使用痕迹，大家千万别买，这家店就是骗子',
      '收到货就发现是二手的包装破旧还有使用痕迹大家千万别买这家店就是骗子啊',
      '刚收到货就发现是二手的，包装破旧还有使用痕迹，大家千万别买，这家店是骗子',
    ],
  },
  {
    name: 'zh: quality verdict before delivery, phone number with separators, 300 yuan demanded on a 29 yuan order',
    reviews: [
      {
        product: 'P04',
        rating: 1,
        daysAgo: 2,
        minutesAfterDelivery: -600,
        orderAmount: 29,
        text: '质量差得离谱，要求赔偿300元，有事打我电话 139-1234-5678',
      },
    ],
  },
  {
    name: 'zh-Hant: 不賠錢就差評 with a LINE id and no photo',
    reviews: [{ product: 'P03', rating: 1, daysAgo: 1, text: '東西是假貨，品質很差，不賠錢就給你差評，加我 line: shop_hunter88 談', orderAmount: 120 }],
  },
  {
    name: 'zh: four medium reviews in a week on best sellers, each inviting contact on V信, no photos',
    reviews: [
      { product: 'P01', rating: 3, daysAgo: 7, text: '一般般，和描述不符，有问题V信联系' },
      { product: 'P02', rating: 3, daysAgo: 5, text: '质量一般，和描述不符' },
      { product: 'P03', rating: 3, daysAgo: 3, text: '做工一般，有异味' },
      { product: 'P04', rating: 3, daysAgo: 1, text: '不值这个价，有色差' },
    ],
    crossShop: { badReviews: 5, shops: 4, windowDays: 30 },
  },
  {
    name: 'en: "pay me $300 or I leave 1 star everywhere", WhatsApp number',
    reviews: [
      {
        product: 'P02',
        rating: 1,
        daysAgo: 1,
        orderAmount: 40,
        text: 'This is a fake. Pay me $300 or I leave 1 star on every product you sell. Add me on WhatsApp +1 415 555 0134',
      },
    ],
  },
  {
    name: 'en: serial one-star reviewer, five best sellers in six days, active in other shops',
    reviews: [
      { product: 'P01', rating: 1, daysAgo: 6, text: 'Terrible quality, not as described.' },
      { product: 'P02', rating: 1, daysAgo: 5, text: 'Cheap material, fell apart.' },
      { product: 'P03', rating: 1, daysAgo: 3, text: 'Poor quality. Avoid.' },
      { product: 'P04', rating: 2, daysAgo: 2, text: 'Not as described, poor quality' },
      { product: 'P05', rating: 1, daysAgo: 1, text: 'Broken, fake product' },
    ],
    crossShop: { badReviews: 9, shops: 5, windowDays: 30 },
  },
  {
    name: 'en: "broken" three minutes after delivery, refused photos, then demanded a fortune when called',
    reviews: [{ product: 'P06', rating: 1, daysAgo: 2, minutesAfterDelivery: 3, text: 'Arrived broken, does not work at all.' }],
    contacts: [
      ['no_answer', 1.8],
      ['refused_photos', 1.5],
      ['demanded_excess_compensation', 1],
    ],
  },
  {
    name: "en: emotional-distress compensation copied across three of the buyer's own reviews",
    reviews: [
      { product: 'P07', rating: 1, daysAgo: 5, orderAmount: 25, text: 'Defective product. I demand compensation of $500 for my emotional distress.' },
      { product: 'P08', rating: 1, daysAgo: 4, orderAmount: 25, text: 'Defective product! I demand compensation of $500 for my emotional distress' },
      { product: 'P09', rating: 1, daysAgo: 3, orderAmount: 25, text: 'Defective product. I demand compensation of $800 for my emotional distress.' },
    ],
  },
  {
    name: 'en: "unless you send me 200 dollars" in a follow-up, email address, review before delivery',
    reviews: [
      {
        product: 'P10',
        rating: 2,
        daysAgo: 3,
        minutesAfterDelivery: -1440,
        text: 'Quality is awful, looks used.',
        followUp: 'Unless you send me 200 dollars this stays a one-star review. Email me at refundking@mailbox.org',
        orderAmount: 30,
      },
    ],
  },
  {
    name: 'zh: returning customer with good reviews turns to "不给补偿就一直追评" and a phone number',
    reviews: [
      { product: 'P20', rating: 5, daysAgo: 200, text: '不错' },
      { product: 'P21', rating: 5, daysAgo: 120, text: '挺好的' },
      { product: 'P22', rating: 4, daysAgo: 60, text: '还行' },
      { product: 'P01', rating: 1, daysAgo: 1, text: '东西坏了，不给补偿我就一直追评，打我电话13912345678' },
    ],
  },
];

const GENUINE: Scenario[] = [
  {
    name: 'zh: one angry 1-star review with photos of the crack, answered the phone',
    reviews: [{ product: 'P01', rating: 1, daysAgo: 2, images: 3, text: '收到的杯子有裂痕，一倒水就漏，太失望了！', tags: ['quality'] }],
    contacts: [['cooperative', 1]],
  },
  {
    name: 'zh: slow delivery complaint posted before the parcel arrived',
    reviews: [{ product: 'P02', rating: 2, daysAgo: 3, minutesAfterDelivery: -2880, text: '物流太慢了，下单十天了还没到，催了客服也没用' }],
  },
  {
    name: 'zh: consumer-rights language, wants to return it',
    reviews: [{ product: 'P03', rating: 1, daysAgo: 2, text: '我要退货！要求退款！根据消费者权益保护法，七天无理由退货是我的权利，客服一直推脱' }],
  },
  {
    name: 'zh: loyal customer, eleven good reviews over a year, then one quality complaint without photos',
    reviews: [
      ...Array.from({ length: 11 }, (_, i): ReviewSpec => ({
        product: `P${String(10 + i).padStart(2, '0')}`,
        rating: 5,
        daysAgo: 360 - i * 30,
        text: '回购很多次了，质量稳定',
      })),
      { product: 'P01', rating: 2, daysAgo: 1, text: '这次的质量明显不如以前，线头很多，希望商家重视' },
    ],
  },
  {
    name: 'zh: one order of three items, two arrived damaged, photos on both',
    reviews: [
      { product: 'P01', rating: 1, daysAgo: 1, images: 2, text: '盘子碎了两个，包装太简陋' },
      { product: 'P02', rating: 2, daysAgo: 1, images: 1, text: '碗也有一个磕破了' },
      { product: 'P15', rating: 5, daysAgo: 1, text: '这个完好，不错' },
    ],
  },
  {
    name: 'zh: goes bad a month later, follow-up with a video',
    reviews: [{ product: 'P04', rating: 2, daysAgo: 1, video: true, text: '用了一个月就坏了，开不了机', tags: ['quality'] }],
  },
  {
    name: 'zh: price dropped right after purchase, asks for the difference',
    reviews: [{ product: 'P05', rating: 2, daysAgo: 4, text: '刚买完第二天就降价20元，要求退差价，不然感觉被坑了', tags: ['price'] }],
  },
  {
    name: 'zh: crushed parcel reported ten minutes after delivery, with photos',
    reviews: [{ product: 'P06', rating: 1, daysAgo: 1, minutesAfterDelivery: 10, images: 4, text: '快递盒子都压扁了，里面的碗碎了', tags: ['logistics'] }],
  },
  {
    name: 'en: blender stopped working, photo, wants a refund, cooperative',
    reviews: [{ product: 'P02', rating: 1, daysAgo: 2, images: 1, text: 'The blender stopped working after two days. Very disappointed. I want a refund.' }],
    contacts: [['cooperative', 1]],
  },
  {
    name: 'en: medium review about fit, no photo',
    reviews: [{ product: 'P08', rating: 3, daysAgo: 5, text: 'Runs small, I had to return it for a larger size.' }],
  },
  {
    name: 'en: harsh words, no photo, missed one call then talked it through',
    reviews: [{ product: 'P03', rating: 1, daysAgo: 3, text: 'Worst purchase ever, total garbage and the seller never replied to my messages!!!' }],
    contacts: [
      ['no_answer', 2],
      ['cooperative', 1],
    ],
  },
  {
    name: 'en: cites consumer protection law and threatens to report, not to extort',
    reviews: [
      {
        product: 'P01',
        rating: 1,
        daysAgo: 2,
        text: 'Under consumer protection law I am entitled to a full refund. If this is not resolved I will report it to the consumer protection agency.',
      },
    ],
  },
  {
    name: 'en: a couple of bad reviews elsewhere this month, one here with a photo',
    reviews: [{ product: 'P09', rating: 2, daysAgo: 2, images: 1, text: 'Zip broke on the first day.' }],
    crossShop: { badReviews: 2, shops: 2, windowDays: 30 },
  },
  {
    name: 'en: regular customer, honest two-star about a late delivery',
    reviews: [
      { product: 'P20', rating: 5, daysAgo: 200, text: 'Great as always' },
      { product: 'P21', rating: 4, daysAgo: 120, text: 'Good value' },
      { product: 'P22', rating: 5, daysAgo: 60, text: 'Love it' },
      { product: 'P01', rating: 2, daysAgo: 2, text: 'Took three weeks to arrive, the tracking was never updated.' },
    ],
  },
];

describe('reviewer risk scenarios', () => {
  it.each(EXTORTION.map((s) => [s.name, s] as const))('high: %s', (_name, scenario) => {
    const result = assess(scenario);
    expect({ level: result.level, detail: describeResult(result) }).toEqual({ level: 'high', detail: expect.any(String) });
  });

  it.each(GENUINE.map((s) => [s.name, s] as const))('low: %s', (_name, scenario) => {
    const result = assess(scenario);
    expect({ level: result.level, detail: describeResult(result) }).toEqual({ level: 'low', detail: expect.any(String) });
  });

  it('covers at least ten scenarios on each side', () => {
    expect(EXTORTION.length).toBeGreaterThanOrEqual(10);
    expect(GENUINE.length).toBeGreaterThanOrEqual(10);
  });

  it('explains every scenario: contributions sum to the score, explanations in both languages', () => {
    for (const scenario of [...EXTORTION, ...GENUINE]) {
      const result = assess(scenario);
      const sum = result.signals.reduce((total, signal) => total + signal.contribution, 0);
      expect(Math.round(sum * 10) / 10).toBe(result.score);
      for (const signal of result.signals) {
        expect(signal.explanation.zh).toMatch(/\p{Script=Han}/u);
        expect(signal.explanation.en).toMatch(/[a-z]/);
      }
    }
  });
});
