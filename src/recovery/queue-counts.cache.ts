import { Injectable } from '@nestjs/common';

const TTL_MS = 5_000;

/**
 * The counts at the top of the queue, per shop (and assignee filter), for a few seconds. Counting a
 * shop's open cases on every queue read would cost more than the queue itself; changes made in this
 * process drop the shop's entries, so only changes made by other processes (workers, other API
 * instances) show up to TTL_MS late.
 */
@Injectable()
export class QueueCountsCache {
  private readonly shops = new Map<string, Map<string, { at: number; value: Promise<unknown> }>>();

  async get<T>(shopId: string, key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    let entries = this.shops.get(shopId);
    if (!entries) {
      entries = new Map();
      this.shops.set(shopId, entries);
    }
    const entry = entries.get(key);
    if (entry && now - entry.at < TTL_MS) return entry.value as Promise<T>;
    const value = load();
    entries.set(key, { at: now, value });
    value.catch(() => entries.delete(key));
    return value;
  }

  invalidate(shopId: string): void {
    this.shops.delete(shopId);
  }
}
