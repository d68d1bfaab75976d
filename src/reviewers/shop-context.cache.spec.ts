import { DEFAULT_RISK_CONFIG, mergeRiskConfig } from './risk-config';
import { CONTEXT_TTL_MS, ContextEntry, contextConfigKey, ShopContextCache, statisticsStale, TEMPLATE_TEXTS, templatesStale } from './shop-context.cache';
import { buildShopRiskContext, contextFromProductStats } from './shop-risk-context';
import { TextTemplateIndex } from './text-template-index';

const KEY = contextConfigKey(DEFAULT_RISK_CONFIG);

function entry(overrides: Partial<ContextEntry> = {}): ContextEntry {
  return {
    configKey: KEY,
    builtAt: 1_000_000,
    templatesBuiltAt: 1_000_000,
    reviewCount: 10_000,
    analysedSince: 0,
    context: contextFromProductStats([], { reviewCount: 0, ratingSum: 0, negativeCount: 0 }),
    templates: new TextTemplateIndex({ similarity: 0.6, minLength: 15 }),
    indexed: new Set(),
    ...overrides,
  };
}

describe('shop context cache', () => {
  it.each([
    ['fresh', entry(), KEY, 1_000_000 + 1000, false],
    ['older than the TTL', entry(), KEY, 1_000_000 + CONTEXT_TTL_MS + 1, true],
    ['built with other settings', entry(), contextConfigKey(mergeRiskConfig(DEFAULT_RISK_CONFIG, { negativeRatingMax: 2 })), 1_000_000, true],
    ['a fifth of a large shop analysed since', entry({ analysedSince: 2001 }), KEY, 1_000_000, true],
    ['less than a fifth of a large shop analysed since', entry({ analysedSince: 1900 }), KEY, 1_000_000, false],
    ['a small shop: at least 1,000 reviews before a rebuild', entry({ reviewCount: 50, analysedSince: 900 }), KEY, 1_000_000, false],
    ['a small shop after 1,000 reviews', entry({ reviewCount: 50, analysedSince: 1001 }), KEY, 1_000_000, true],
  ])('statistics %s: stale %s', (_name, cached, key, now, stale) => {
    expect(statisticsStale(cached, key, now)).toBe(stale);
  });

  it.each([
    ['fresh, many reviews analysed since (their texts were added as they came)', entry({ analysedSince: 5000 }), KEY, 1_000_000 + 1000, false],
    ['older than the TTL', entry(), KEY, 1_000_000 + CONTEXT_TTL_MS + 1, true],
    [
      'built with other template settings',
      entry(),
      contextConfigKey(mergeRiskConfig(DEFAULT_RISK_CONFIG, { signals: { template_text: { minLength: 20 } } })),
      1_000_000,
      true,
    ],
  ])('template index %s: stale %s', (_name, cached, key, now, stale) => {
    expect(templatesStale(cached, key, now)).toBe(stale);
  });

  it('rebuilds the index when it grew past twice its bound', () => {
    const big = entry();
    for (let i = 0; i <= 2 * TEMPLATE_TEXTS; i++) big.templates.add(`r${i}`, `o${i}`, `这是第${i}条足够长的中差评文字，用来填满模板索引`);
    expect(templatesStale(big, KEY, 1_000_000)).toBe(true);
  });

  it('depends on the settings that change the context: the negative threshold and the template settings', () => {
    expect(contextConfigKey(mergeRiskConfig(DEFAULT_RISK_CONFIG, { signals: { bad_review_burst: { weight: 3 } } }))).toBe(KEY);
    expect(contextConfigKey(mergeRiskConfig(DEFAULT_RISK_CONFIG, { signals: { template_text: { similarity: 0.8 } } }))).not.toBe(KEY);
  });

  it('adds each review text to the index once', () => {
    const cache = new ShopContextCache();
    const cached = entry();
    const text = '刚拆开就发现外壳有划痕和使用痕迹，明显是退货翻新的二手货';
    cache.addTexts(cached, [
      { reviewId: 'a', owner: 'taobao:x', text },
      { reviewId: 'a', owner: 'taobao:x', text },
      { reviewId: 'b', owner: 'taobao:y', text: null },
    ]);
    expect(cached.templates.size).toBe(1);
    expect(cached.templates.findSimilar(text, { excludeOwner: 'taobao:z' })).toHaveLength(1);
  });
});

describe('shop context from SQL aggregates', () => {
  it('equals the context built from the reviews themselves', () => {
    const reviews = [
      ...Array.from({ length: 12 }, (_, i) => ({ productId: 'A', rating: i % 4 === 0 ? 2 : 5, reviewedAt: new Date(Date.UTC(2026, 0, 1 + i)) })),
      ...Array.from({ length: 5 }, (_, i) => ({ productId: 'B', rating: 4, reviewedAt: new Date(Date.UTC(2026, 1, 1 + i)) })),
      ...Array.from({ length: 5 }, (_, i) => ({ productId: 'C', rating: 3, reviewedAt: new Date(Date.UTC(2026, 2, 1 + i)) })),
      { productId: null, rating: 1, reviewedAt: new Date(Date.UTC(2026, 3, 1)) },
    ];
    const fromReviews = buildShopRiskContext(reviews);
    const aggregate = (id: string) => {
      const of = reviews.filter((r) => r.productId === id);
      return {
        productId: id,
        reviewCount: of.length,
        ratingSum: of.reduce((sum, r) => sum + r.rating, 0),
        negativeCount: of.filter((r) => r.rating <= 3).length,
        firstReviewedAt: new Date(Math.min(...of.map((r) => r.reviewedAt.getTime()))),
      };
    };
    const fromSql = contextFromProductStats(['C', 'A', 'B'].map(aggregate), {
      reviewCount: reviews.length,
      ratingSum: reviews.reduce((sum, r) => sum + r.rating, 0),
      negativeCount: reviews.filter((r) => r.rating <= 3).length,
    });
    expect(fromSql.productCount).toBe(3);
    expect(fromSql.meanRating).toBeCloseTo(fromReviews.meanRating);
    expect(fromSql.negativeShare).toBeCloseTo(fromReviews.negativeShare ?? -1);
    expect(Object.fromEntries(fromSql.products)).toEqual(Object.fromEntries(fromReviews.products));
    // ties share the last rank of their group
    expect(fromSql.products.get('A')?.popularityRank).toBe(1);
    expect(fromSql.products.get('B')?.popularityRank).toBe(3);
    expect(fromSql.products.get('C')?.popularityRank).toBe(3);
  });
});
