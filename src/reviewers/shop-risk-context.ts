import type { ProductStats, ShopRiskContext, TemplateLookup } from './reviewer-risk.types';

export interface RatedReview {
  productId?: string | null;
  rating: number;
  reviewedAt: Date;
}

/**
 * Per-product statistics of a shop's reviews (mean rating, share of medium/bad reviews, review count, first review,
 * popularity rank by review count) in one pass. The service can compute the same with SQL aggregates; this is for the CLI,
 * the benchmark and tests.
 */
export function buildShopRiskContext(reviews: Iterable<RatedReview>, templates: TemplateLookup | null = null, negativeRatingMax = 3): ShopRiskContext {
  const sums = new Map<string, { sum: number; count: number; negative: number; first: number }>();
  let ratingSum = 0;
  let ratingCount = 0;
  let negativeCount = 0;
  for (const review of reviews) {
    const negative = review.rating <= negativeRatingMax ? 1 : 0;
    ratingSum += review.rating;
    ratingCount++;
    negativeCount += negative;
    if (!review.productId) continue;
    const at = review.reviewedAt.getTime();
    const entry = sums.get(review.productId);
    if (entry) {
      entry.sum += review.rating;
      entry.count++;
      entry.negative += negative;
      if (at < entry.first) entry.first = at;
    } else {
      sums.set(review.productId, { sum: review.rating, count: 1, negative, first: at });
    }
  }
  return contextFromProductStats(
    [...sums].map(([productId, entry]) => ({
      productId,
      reviewCount: entry.count,
      ratingSum: entry.sum,
      negativeCount: entry.negative,
      firstReviewedAt: new Date(entry.first),
    })),
    { reviewCount: ratingCount, ratingSum, negativeCount },
    templates,
  );
}

/** Per-product sums, as a SQL aggregate gives them (GROUP BY product). */
export interface ProductAggregate {
  productId: string;
  reviewCount: number;
  ratingSum: number;
  negativeCount: number;
  firstReviewedAt: Date | null;
}

/** The same sums over all of the shop's reviews, those without a product included. */
export interface ShopAggregate {
  reviewCount: number;
  ratingSum: number;
  negativeCount: number;
}

/** The shop context from aggregates: what the service computes with SQL instead of reading every review. */
export function contextFromProductStats(products: readonly ProductAggregate[], shop: ShopAggregate, templates: TemplateLookup | null = null): ShopRiskContext {
  // ties take the last rank of their group: forty products with ten reviews each are not all best sellers
  const byCount = [...products].filter((p) => p.reviewCount > 0).sort((a, b) => b.reviewCount - a.reviewCount);
  const lastPosition = new Map<number, number>();
  byCount.forEach((entry, position) => lastPosition.set(entry.reviewCount, position + 1));
  const stats = new Map<string, ProductStats>();
  for (const entry of byCount) {
    stats.set(entry.productId, {
      meanRating: entry.ratingSum / entry.reviewCount,
      reviewCount: entry.reviewCount,
      firstReviewedAt: entry.firstReviewedAt,
      negativeShare: entry.negativeCount / entry.reviewCount,
      popularityRank: lastPosition.get(entry.reviewCount) ?? byCount.length,
    });
  }
  return {
    products: stats,
    productCount: stats.size,
    meanRating: shop.reviewCount ? shop.ratingSum / shop.reviewCount : 4.5,
    negativeShare: shop.reviewCount ? shop.negativeCount / shop.reviewCount : null,
    templates,
  };
}
