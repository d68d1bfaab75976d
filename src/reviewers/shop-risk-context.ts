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
export function buildShopRiskContext(
  reviews: Iterable<RatedReview>,
  templates: TemplateLookup | null = null,
  negativeRatingMax = 3,
): ShopRiskContext {
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
  // ties take the last rank of their group: forty products with ten reviews each are not all best sellers
  const byCount = [...sums.entries()].sort((a, b) => b[1].count - a[1].count);
  const lastPosition = new Map<number, number>();
  byCount.forEach(([, entry], position) => lastPosition.set(entry.count, position + 1));
  const products = new Map<string, ProductStats>();
  byCount.forEach(([productId, entry]) => {
    const rank = lastPosition.get(entry.count) ?? byCount.length;
    products.set(productId, {
      meanRating: entry.sum / entry.count,
      reviewCount: entry.count,
      firstReviewedAt: new Date(entry.first),
      negativeShare: entry.negative / entry.count,
      popularityRank: rank,
    });
  });
  return {
    products,
    productCount: products.size,
    meanRating: ratingCount ? ratingSum / ratingCount : 4.5,
    negativeShare: ratingCount ? negativeCount / ratingCount : null,
    templates,
  };
}
