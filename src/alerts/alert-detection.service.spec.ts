import type { DataSource } from 'typeorm';
import { AlertDetectionService } from './alert-detection.service';
import type { AlertSettingsService } from './alert-settings.service';

const summary = { decided: 1, opened: 0, updated: 0, resolved: 0 };

describe('AlertDetectionService shutdown', () => {
  function service() {
    const detection = new AlertDetectionService({} as DataSource, {} as AlertSettingsService);
    const finish: (() => void)[] = [];
    const calls: string[][] = [];
    jest.spyOn(detection, 'detectForReviews').mockImplementation((_shopId, ids) => {
      calls.push([...ids]);
      return new Promise((resolve) => finish.push(() => resolve(summary)));
    });
    return { detection, finish, calls };
  }

  it('waits for the detection in progress before the data source may close, and leaves the queued batches to the sweep', async () => {
    const { detection, finish, calls } = service();
    await detection.afterCommit({ shopId: 's1', reviewIds: ['a'] });
    await detection.afterCommit({ shopId: 's1', reviewIds: ['b'] });
    expect(calls).toEqual([['a']]);
    let closed = false;
    const closing = detection.beforeApplicationShutdown().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    finish.shift()!();
    await closing;
    expect(closed).toBe(true);
    // the batch committed meanwhile was not started on a closing pool
    expect(calls).toEqual([['a']]);
    await detection.afterCommit({ shopId: 's1', reviewIds: ['c'] });
    expect(calls).toEqual([['a']]);
  });

  it('closes at once when nothing runs', async () => {
    const { detection } = service();
    await expect(detection.beforeApplicationShutdown()).resolves.toBeUndefined();
  });
});
