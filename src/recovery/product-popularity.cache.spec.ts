import type { EntityManager } from 'typeorm';
import { POPULARITY_TTL_MS, ProductPopularityCache } from './product-popularity.cache';

/** A manager whose count query answers from a table of 30-day counts, and that remembers what it was asked. */
function fakeManager(counts: Record<string, number>) {
  const asked: string[][] = [];
  const manager = {
    query: async (_sql: string, params: unknown[]) => {
      const products = params[1] as string[];
      asked.push(products);
      return products.filter((p) => counts[p]).map((p) => ({ product_id: p, n: counts[p] }));
    },
  } as unknown as EntityManager;
  return { manager, asked };
}

describe('ProductPopularityCache', () => {
  it('counts the products it does not know in one query, and 0 for a product without recent reviews', async () => {
    const { manager, asked } = fakeManager({ 'p-1': 120, 'p-2': 3 });
    const cache = new ProductPopularityCache(() => 1_000);
    const counts = await cache.of(manager, 'shop-1', ['p-1', 'p-2', 'p-3', 'p-1']);
    expect(Object.fromEntries(counts)).toEqual({ 'p-1': 120, 'p-2': 3, 'p-3': 0 });
    expect(asked).toEqual([['p-1', 'p-2', 'p-3']]);
  });

  it('reuses a count for ten minutes, then counts again', async () => {
    const table: Record<string, number> = { 'p-1': 120 };
    const { manager, asked } = fakeManager(table);
    let now = 1_000;
    const cache = new ProductPopularityCache(() => now);
    await cache.of(manager, 'shop-1', ['p-1']);
    table['p-1'] = 130;
    now = 1_000 + POPULARITY_TTL_MS - 1;
    expect((await cache.of(manager, 'shop-1', ['p-1', 'p-2'])).get('p-1')).toBe(120);
    expect(asked).toEqual([['p-1'], ['p-2']]);
    now = 1_000 + POPULARITY_TTL_MS + 1;
    expect((await cache.of(manager, 'shop-1', ['p-1'])).get('p-1')).toBe(130);
  });

  it('keeps shops apart: the same product id in another shop is counted there', async () => {
    const { manager, asked } = fakeManager({ 'p-1': 5 });
    const cache = new ProductPopularityCache(() => 0);
    await cache.of(manager, 'shop-1', ['p-1']);
    await cache.of(manager, 'shop-2', ['p-1']);
    expect(asked).toHaveLength(2);
  });

  it('asks nothing for a batch without products', async () => {
    const { manager, asked } = fakeManager({});
    expect((await new ProductPopularityCache().of(manager, 'shop-1', [])).size).toBe(0);
    expect(asked).toHaveLength(0);
  });
});
