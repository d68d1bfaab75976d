import { Logger } from '@nestjs/common';
import { PeriodicSweep } from './periodic-sweep';

const quietLogger = () => {
  const logger = new Logger('test');
  jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  return logger;
};

describe('PeriodicSweep', () => {
  it('shares the run in flight, then starts a new one with its own argument', async () => {
    const seen: (number | undefined)[] = [];
    let release: () => void = () => undefined;
    const sweep = new PeriodicSweep<number, number>('test sweep', quietLogger(), async (arg) => {
      seen.push(arg);
      await new Promise<void>((resolve) => (release = resolve));
      return seen.length;
    });
    const first = sweep.run(1);
    const second = sweep.run(2);
    release();
    expect(await first).toBe(1);
    expect(await second).toBe(1);
    const third = sweep.run(3);
    release();
    expect(await third).toBe(2);
    expect(seen).toEqual([1, 3]);
  });

  it('logs a failed tick, runs again on the next one, and stops waiting for the run in flight', async () => {
    jest.useFakeTimers();
    try {
      const logger = quietLogger();
      let calls = 0;
      const sweep = new PeriodicSweep<number>('flaky sweep', logger, async () => {
        calls += 1;
        if (calls === 1) throw new Error('database restarting');
        return calls;
      });
      sweep.start(1_000, 10);
      await jest.advanceTimersByTimeAsync(10);
      expect(calls).toBe(1);
      expect(logger.warn).toHaveBeenCalledWith({ msg: 'flaky sweep failed', err: { name: 'Error', message: 'database restarting' } });
      await jest.advanceTimersByTimeAsync(1_000);
      expect(calls).toBe(2);
      await sweep.stop();
      await jest.advanceTimersByTimeAsync(5_000);
      expect(calls).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('never runs on its own with an interval of 0', async () => {
    jest.useFakeTimers();
    try {
      const work = jest.fn(async () => 0);
      new PeriodicSweep<number>('off', quietLogger(), work).start(0, 10);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(work).not.toHaveBeenCalled();
    } finally {
      jest.useRealTimers();
    }
  });
});
