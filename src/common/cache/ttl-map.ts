import { LRUCache } from 'lru-cache';

/**
 * Values a process keeps for a fixed time, at most `maxEntries` of them (the least recently used goes first):
 * lru-cache with the two things the per-process caches (API keys, product popularity, queue counts) add, a
 * TTL of 0 that keeps nothing (a setting turns a cache off) and forgetting every entry a test picks.
 */
// lru-cache stores any value but null and undefined: NonNullable says the same
export class TtlMap<K extends NonNullable<unknown>, V extends NonNullable<unknown>> {
  private readonly entries: LRUCache<K, V> | null;

  constructor(ttlMs: number, maxEntries: number, clock: () => number = Date.now) {
    // ttlResolution 0: an entry expires at its TTL exactly, also under a test's clock
    this.entries = ttlMs > 0 ? new LRUCache<K, V>({ max: maxEntries, ttl: ttlMs, ttlResolution: 0, perf: { now: clock } }) : null;
  }

  get(key: K): V | undefined {
    return this.entries?.get(key);
  }

  set(key: K, value: V): void {
    this.entries?.set(key, value);
  }

  delete(key: K): void {
    this.entries?.delete(key);
  }

  /** Forgets every entry the test picks (a shop's keys after a revocation, its counts after a change). */
  deleteWhere(test: (value: V, key: K) => boolean): void {
    if (!this.entries) return;
    for (const [key, value] of [...this.entries.entries()]) if (test(value, key)) this.entries.delete(key);
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
