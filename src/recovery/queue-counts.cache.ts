import { Injectable } from '@nestjs/common';
import { TtlMap } from '../common/cache/ttl-map';

const TTL_MS = 5_000;
/** shops x assignee filters x high-risk sizes kept at most */
const MAX_ENTRIES = 10_000;

/**
 * The counts at the top of the queue, per shop (and assignee filter), for a few seconds. Counting a
 * shop's open cases on every queue read would cost more than the queue itself; changes made in this
 * process drop the shop's entries, so only changes made by other processes (workers, other API
 * instances) show up to TTL_MS late.
 */
@Injectable()
export class QueueCountsCache {
  private readonly counts = new TtlMap<string, Promise<unknown>>(TTL_MS, MAX_ENTRIES);
  private readonly reading = new Map<string, Map<string, Promise<unknown>>>();

  /**
   * Identical queue reads that arrive while one is running share its result instead of reading again: under
   * load (a team opening the queue at 9 a.m., a dashboard polling) the database and the serialisation work
   * once per burst. Nothing is kept after the read finishes, and a change made by this process starts a new
   * read for the requests that come after it.
   */
  shared<T>(shopId: string, key: string, read: () => Promise<T>): Promise<T> {
    let running = this.reading.get(shopId);
    if (!running) {
      running = new Map();
      this.reading.set(shopId, running);
    }
    const inFlight = running.get(key);
    if (inFlight) return inFlight as Promise<T>;
    const value = read();
    const entries = running;
    entries.set(key, value);
    const done = () => {
      if (entries.get(key) === value) entries.delete(key);
      if (!entries.size && this.reading.get(shopId) === entries) this.reading.delete(shopId);
    };
    value.then(done, done);
    return value;
  }

  async get<T>(shopId: string, key: string, load: () => Promise<T>): Promise<T> {
    const entryKey = `${shopId}\u0000${key}`;
    const kept = this.counts.get(entryKey);
    if (kept) return kept as Promise<T>;
    const value = load();
    this.counts.set(entryKey, value);
    value.catch(() => {
      if (this.counts.get(entryKey) === value) this.counts.delete(entryKey);
    });
    return value;
  }

  invalidate(shopId: string): void {
    this.counts.deleteWhere((_, key) => key.startsWith(`${shopId}\u0000`));
    this.reading.delete(shopId);
  }
}
