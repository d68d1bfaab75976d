import { DEFAULT_RISK_CONFIG, mergeRiskConfig } from './risk-config';
import { assessReviewerRisk, riskLevel, scoreFromEvidence } from './risk-scoring';
import { ReviewerReview } from './reviewer-risk.types';
import { buildShopRiskContext } from './shop-risk-context';

const T0 = Date.parse('2026-05-01T00:00:00Z');
const DAY = 86_400_000;

describe('combination rule', () => {
  it('maps evidence to 0-100 with diminishing returns', () => {
    expect(scoreFromEvidence(0, 0)).toBe(0);
    expect(scoreFromEvidence(1.2, 0)).toBeCloseTo(69.9, 1);
    expect(scoreFromEvidence(100, 0)).toBeCloseTo(100);
    expect(scoreFromEvidence(2, 0)).toBeGreaterThan(scoreFromEvidence(1, 0));
  });

  it('discounts risk evidence by mitigating evidence without going below zero', () => {
    expect(scoreFromEvidence(1, 0.7)).toBeCloseTo(scoreFromEvidence(Math.exp(-0.7), 0));
    expect(scoreFromEvidence(1, 50)).toBeGreaterThanOrEqual(0);
    expect(scoreFromEvidence(2, 0.5)).toBeGreaterThan(scoreFromEvidence(1, 0.5));
  });

  it.each([
    [0, 'low'],
    [39.9, 'low'],
    [40, 'medium'],
    [69.9, 'medium'],
    [70, 'high'],
    [100, 'high'],
  ] as const)('score %p is %p', (score, level) => {
    expect(riskLevel(score)).toBe(level);
  });

  it("uses the shop's level thresholds", () => {
    expect(riskLevel(75, mergeRiskConfig(DEFAULT_RISK_CONFIG, { levels: { high: 80 } }))).toBe('medium');
  });
});

describe('assessReviewerRisk', () => {
  const context = buildShopRiskContext(
    Array.from({ length: 200 }, (_, i): ReviewerReview => ({
      reviewId: `o${i}`,
      productId: `P${i % 10}`,
      rating: i % 10 === 0 ? 2 : 5,
      reviewedAt: new Date(T0 - (i + 30) * DAY),
    })),
  );
  const bad = (i: number, extra: Partial<ReviewerReview> = {}): ReviewerReview => ({
    reviewId: `b${i}`,
    productId: `P${i % 10}`,
    rating: 1,
    reviewedAt: new Date(T0 + i * DAY),
    ...extra,
  });

  it('explains the score: contributions sum to it, strongest first, mitigation negative', () => {
    const result = assessReviewerRisk(
      {
        buyerId: 'b',
        reviews: [bad(0, { text: '质量差，加微信 wxid_abc123', imageCount: 1 }), bad(1), bad(2), bad(3)],
        contactOutcomes: [{ kind: 'cooperative', at: new Date(T0 + 5 * DAY) }],
      },
      context,
    );
    const total = result.signals.reduce((sum, s) => sum + s.contribution, 0);
    expect(Math.round(total * 10) / 10).toBe(result.score);
    const magnitudes = result.signals.map((s) => Math.abs(s.contribution));
    expect(magnitudes).toEqual([...magnitudes].sort((a, b) => b - a));
    expect(result.signals.find((s) => s.code === 'contact_cooperative')?.contribution).toBeLessThan(0);
    expect(result.signals.find((s) => s.code === 'bad_review_burst')?.contribution).toBeGreaterThan(0);
    expect(result.evidence.mitigation).toBeGreaterThan(0);
    expect(result.score).toBeCloseTo(scoreFromEvidence(result.evidence.risk, result.evidence.mitigation), 0);
  });

  it('scores a buyer without any signal 0', () => {
    const result = assessReviewerRisk({ buyerId: 'b', reviews: [{ reviewId: 'g', productId: 'P1', rating: 5, reviewedAt: new Date(T0) }] }, context);
    expect(result).toEqual({ buyerId: 'b', score: 0, level: 'low', signals: [], evidence: { risk: 0, mitigation: 0 } });
  });

  it('scores a buyer with no reviews at all', () => {
    expect(assessReviewerRisk({ buyerId: 'b', reviews: [] }, context).score).toBe(0);
  });

  it('rises with every further bad review in a burst', () => {
    const scores = [1, 2, 3, 4, 5, 6].map((n) => assessReviewerRisk({ buyerId: 'b', reviews: Array.from({ length: n }, (_, i) => bad(i)) }, context).score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores[5]).toBeGreaterThan(scores[0]);
  });
});

/**
 * SYNTHETIC sanity check, not a measurement: an invented marketplace where spam accounts are mostly one-off,
 * post extreme ratings regardless of the product and post their few reviews within days, while genuine buyers
 * have longer histories whose ratings follow product quality with noise (some angry one-star reviews too).
 * These are the patterns the review-spam literature reports; the real labelled data decides the real number.
 * Among buyers with at least one bad review, the score must rank spammers above genuine buyers better than
 * the plain mean rating deviation does.
 */
describe('rating-and-date-only ranking (synthetic data)', () => {
  function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function syntheticMarket(seed: number) {
    const random = seededRandom(seed);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const quality = Array.from({ length: 200 }, () => 2.8 + random() * 1.9);
    const product = () => Math.floor(random() ** 2.2 * quality.length);
    const buyers: { buyerId: string; spam: boolean; reviews: ReviewerReview[] }[] = [];
    let id = 0;
    const add = (buyerId: string, spam: boolean, count: number, spanDays: number, rating: (p: number) => number) => {
      const start = random() * 1500;
      const reviews = Array.from({ length: count }, (): ReviewerReview => {
        const p = product();
        return { reviewId: `r${id++}`, productId: `p${p}`, rating: rating(p), reviewedAt: new Date(T0 + (start + random() * spanDays) * DAY) };
      });
      buyers.push({ buyerId, spam, reviews });
    };
    for (let g = 0; g < 4000; g++) {
      const count = random() < 0.65 ? 1 : 2 + Math.floor(-Math.log(1 - random()) * 6);
      add(`g${g}`, false, count, count * (10 + random() * 50), (p) => (random() < 0.1 ? 1 : Math.min(5, Math.max(1, Math.round(quality[p] + gauss() * 1.2)))));
    }
    for (let s = 0; s < 800; s++) {
      const demote = random() < 0.6;
      add(`s${s}`, true, random() < 0.9 ? 1 : 2 + Math.floor(random() * 3), 10, () => {
        const u = random();
        if (demote) return u < 0.6 ? 1 : u < 0.85 ? 2 : 3;
        return u < 0.85 ? 5 : 4;
      });
    }
    return buyers;
  }

  /** Mann-Whitney AUC with ties counted half. */
  function auc(rows: { score: number; spam: boolean }[]): number {
    const sorted = [...rows].sort((a, b) => a.score - b.score);
    let positives = 0;
    let rankSum = 0;
    for (let i = 0; i < sorted.length;) {
      let j = i;
      while (j < sorted.length && sorted[j].score === sorted[i].score) j++;
      const rank = (i + j + 1) / 2;
      for (let k = i; k < j; k++) {
        if (sorted[k].spam) {
          positives++;
          rankSum += rank;
        }
      }
      i = j;
    }
    const negatives = sorted.length - positives;
    return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
  }

  it('beats the mean rating deviation baseline', () => {
    const buyers = syntheticMarket(20_261_111);
    const reviews = buyers.flatMap((b) => b.reviews);
    const context = buildShopRiskContext(reviews);
    const mean = (productId: string | null | undefined) => (productId ? context.products.get(productId)?.meanRating : undefined) ?? context.meanRating;
    const evaluated = buyers.filter((b) => b.reviews.some((r) => r.rating <= 2));
    const baseline = auc(
      evaluated.map((b) => ({ spam: b.spam, score: b.reviews.reduce((sum, r) => sum + Math.abs(r.rating - mean(r.productId)), 0) / b.reviews.length })),
    );
    const ours = auc(evaluated.map((b) => ({ spam: b.spam, score: assessReviewerRisk({ buyerId: b.buyerId, reviews: b.reviews }, context).score })));
    expect(evaluated.filter((b) => b.spam).length).toBeGreaterThan(100);
    expect(ours).toBeGreaterThan(baseline + 0.02);
  });
});
