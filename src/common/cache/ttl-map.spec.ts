import { TtlMap } from './ttl-map';

describe('TtlMap', () => {
  it('keeps a value for its TTL, not a millisecond after', () => {
    let now = 1_000;
    const map = new TtlMap<string, number>(500, 10, () => now);
    map.set('a', 1);
    now = 1_499;
    expect(map.get('a')).toBe(1);
    now = 1_501;
    expect(map.get('a')).toBeUndefined();
    expect(map.size).toBe(0);
  });

  it('drops the least recently used entry when full; writing again makes an entry the newest', () => {
    const map = new TtlMap<string, number>(60_000, 2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3);
    map.set('c', 4);
    expect([map.get('a'), map.get('b'), map.get('c')]).toEqual([3, undefined, 4]);
  });

  it('forgets what a test picks, and keeps nothing with a TTL of 0', () => {
    const map = new TtlMap<string, { shop: string }>(60_000, 10);
    map.set('k1', { shop: 's1' });
    map.set('k2', { shop: 's2' });
    map.deleteWhere((value) => value.shop === 's1');
    expect([map.get('k1'), map.get('k2')]).toEqual([undefined, { shop: 's2' }]);
    const off = new TtlMap<string, number>(0, 10);
    off.set('a', 1);
    expect(off.get('a')).toBeUndefined();
  });
});
