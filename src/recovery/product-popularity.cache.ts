import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TtlMap } from '../common/cache/ttl-map';
import { sqlRows } from '../database/sql';

/** How long a product's 30-day review count is reused. */
export const POPULARITY_TTL_MS = 10 * 60_000;
const MAX_PRODUCTS = 50_000;

/**
 * Each product's reviews in the last 30 days, which a new case keeps as its "best-selling product" hint and
 * queue tie-breaker. Counting them for every analysed batch cost a scan of every review of the batch's
 * products: a cost that grew with the shop's history (44 ms a batch at 50,000 reviews on 20 products, and
 * linear beyond). A process counts a product at most every 10 minutes; the hint is about the product's
 * popularity, which a few minutes of new reviews do not change.
 */
@Injectable()
export class ProductPopularityCache {
  private readonly counts: TtlMap<string, number>;

  constructor(clock: () => number = Date.now) {
    this.counts = new TtlMap(POPULARITY_TTL_MS, MAX_PRODUCTS, clock);
  }

  /** The 30-day review counts of these products, counting in one statement those not known recently. */
  async of(manager: EntityManager, shopId: string, productIds: readonly string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    const missing: string[] = [];
    for (const productId of new Set(productIds)) {
      const known = this.counts.get(`${shopId}\u0000${productId}`);
      if (known !== undefined) result.set(productId, known);
      else missing.push(productId);
    }
    if (missing.length) {
      const rows = await sqlRows<{ product_id: string; n: number }>(
        manager,
        `SELECT product_id, count(*)::integer AS n FROM reviews
         WHERE shop_id = $1 AND product_id = ANY($2::text[]) AND reviewed_at >= now() - interval '30 days'
         GROUP BY product_id`,
        [shopId, missing],
      );
      const found = new Map(rows.map((row) => [row.product_id, row.n]));
      for (const productId of missing) {
        const n = found.get(productId) ?? 0;
        this.counts.set(`${shopId}\u0000${productId}`, n);
        result.set(productId, n);
      }
    }
    return result;
  }
}
