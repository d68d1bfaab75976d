import { ApiKeyCache, KeyIdentity } from './api-key-cache';

const identity = (shopId: string, name = 'api:key'): KeyIdentity => ({
  shop: { shopId, apiKeyId: `${shopId}-key`, timezone: 'Asia/Shanghai' },
  actor: { staffId: null, name, role: 'integration' },
});

describe('ApiKeyCache', () => {
  it('remembers a key for its TTL, then asks the database again', () => {
    let now = 1_000;
    const cache = new ApiKeyCache(5_000, 100, () => now);
    cache.set('hash-a', identity('shop-1'));
    now += 4_999;
    expect(cache.get('hash-a')?.shop.shopId).toBe('shop-1');
    now += 2;
    expect(cache.get('hash-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets every key of a shop at once (revocation, deactivation) and keeps other shops', () => {
    const cache = new ApiKeyCache(5_000);
    cache.set('hash-a', identity('shop-1'));
    cache.set('hash-b', identity('shop-1', 'agent'));
    cache.set('hash-c', identity('shop-2'));
    cache.forgetShop('shop-1');
    expect(cache.get('hash-a')).toBeUndefined();
    expect(cache.get('hash-b')).toBeUndefined();
    expect(cache.get('hash-c')?.shop.shopId).toBe('shop-2');
  });

  it('holds at most maxEntries keys, dropping the oldest', () => {
    const cache = new ApiKeyCache(5_000, 2);
    cache.set('hash-a', identity('shop-1'));
    cache.set('hash-b', identity('shop-2'));
    cache.set('hash-c', identity('shop-3'));
    expect(cache.size).toBe(2);
    expect(cache.get('hash-a')).toBeUndefined();
    expect(cache.get('hash-c')?.shop.shopId).toBe('shop-3');
  });

  it('remembers nothing with a TTL of 0', () => {
    const cache = new ApiKeyCache(0);
    cache.set('hash-a', identity('shop-1'));
    expect(cache.get('hash-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
