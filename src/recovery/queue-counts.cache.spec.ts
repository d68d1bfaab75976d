import { QueueCountsCache } from './queue-counts.cache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('QueueCountsCache.shared: identical queue reads in flight are read once', () => {
  it('gives requests that arrive during a read the same result, and reads again after it finished', async () => {
    const cache = new QueueCountsCache();
    const first = deferred<string>();
    const read = jest.fn(() => first.promise);
    const a = cache.shared('shop-1', 'queue:all', read);
    const b = cache.shared('shop-1', 'queue:all', read);
    first.resolve('view 1');
    await expect(Promise.all([a, b])).resolves.toEqual(['view 1', 'view 1']);
    expect(read).toHaveBeenCalledTimes(1);

    await expect(cache.shared('shop-1', 'queue:all', async () => 'view 2')).resolves.toBe('view 2');
  });

  it('keeps shops and views apart', async () => {
    const cache = new QueueCountsCache();
    const slow = deferred<string>();
    const mine = cache.shared('shop-1', 'queue:agent-1', () => slow.promise);
    await expect(cache.shared('shop-1', 'queue:agent-2', async () => 'agent 2')).resolves.toBe('agent 2');
    await expect(cache.shared('shop-2', 'queue:agent-1', async () => 'other shop')).resolves.toBe('other shop');
    slow.resolve('agent 1');
    await expect(mine).resolves.toBe('agent 1');
  });

  it('starts a new read for requests after a change made by this process', async () => {
    const cache = new QueueCountsCache();
    const before = deferred<string>();
    const stale = cache.shared('shop-1', 'queue:all', () => before.promise);
    cache.invalidate('shop-1');
    const fresh = cache.shared('shop-1', 'queue:all', async () => 'after the change');
    before.resolve('before the change');
    await expect(stale).resolves.toBe('before the change');
    await expect(fresh).resolves.toBe('after the change');
    // the old read finishing does not drop the new one
    const third = jest.fn(async () => 'third');
    await cache.shared('shop-1', 'queue:all', third);
    expect(third).toHaveBeenCalledTimes(1);
  });

  it('does not keep a failed read', async () => {
    const cache = new QueueCountsCache();
    const failing = deferred<string>();
    const a = cache.shared('shop-1', 'queue:all', () => failing.promise);
    const b = cache.shared('shop-1', 'queue:all', () => failing.promise);
    failing.reject(new Error('connection lost'));
    await expect(a).rejects.toThrow('connection lost');
    await expect(b).rejects.toThrow('connection lost');
    await expect(cache.shared('shop-1', 'queue:all', async () => 'recovered')).resolves.toBe('recovered');
  });
});
