/** A review being drafted, as the widespread count reads it. */
export interface SpreadReview {
  id: string;
  productId: string;
  sku: string | null;
  /** its quality sub-tags */
  subTags: readonly string[];
  /** start of its window (reviewed_at minus the policy's window), epoch microseconds as PostgreSQL computes it */
  since: number;
}

/** Another medium or bad review of one of the products, by a buyer who is not high-risk. */
export interface SpreadOther {
  productId: string;
  sku: string | null;
  /** the buyer id, or the review id for a review without one */
  buyer: string;
  subTags: readonly string[];
  /** reviewed_at, epoch microseconds */
  at: number;
}

/**
 * For each review's quality sub-tags: how many distinct buyers of the same product (the same SKU when both
 * know theirs) reported that sub-tag in a review posted since the review's window start (the review itself
 * included). Counted here from one read of the products' reviews rather than as a join of every batch review
 * with every review of its product, whose pairs PostgreSQL had to sort for count(DISTINCT).
 * Sub-tags nobody reported are left out.
 */
export function countSameProblemBuyers(batch: readonly SpreadReview[], others: readonly SpreadOther[]): Map<string, Map<string, number>> {
  // by product and sub-tag: a review's scan reads only the reviews reporting its sub-tag
  const byProductTag = new Map<string, Map<string, SpreadOther[]>>();
  for (const other of others) {
    let byTag = byProductTag.get(other.productId);
    if (!byTag) byProductTag.set(other.productId, (byTag = new Map()));
    for (const subTag of new Set(other.subTags)) {
      const list = byTag.get(subTag);
      if (list) list.push(other);
      else byTag.set(subTag, [other]);
    }
  }
  // newest first: a review's scan stops at its window start
  for (const byTag of byProductTag.values()) for (const list of byTag.values()) list.sort((a, b) => b.at - a.at);
  const result = new Map<string, Map<string, number>>();
  for (const review of batch) {
    const byTag = byProductTag.get(review.productId);
    if (!byTag) continue;
    for (const subTag of new Set(review.subTags)) {
      const buyers = new Set<string>();
      for (const other of byTag.get(subTag) ?? []) {
        if (other.at < review.since) break;
        if (review.sku === null || other.sku === null || other.sku === review.sku) buyers.add(other.buyer);
      }
      if (!buyers.size) continue;
      const counts = result.get(review.id) ?? new Map<string, number>();
      counts.set(subTag, buyers.size);
      result.set(review.id, counts);
    }
  }
  return result;
}
