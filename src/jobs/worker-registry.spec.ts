import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { InProcessJobRunner } from './in-process-job.runner';
import type { QueueMonitor } from './queue-monitor';
import { WorkerRegistry } from './worker-registry';

type Env = { runWorkers: boolean; workerConcurrency: number; sweepMs: number };

function setUp(env: Env) {
  jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  const config = { env: { ...env }, embeddedDatabase: true } as unknown as AppConfig;
  let recovered: () => void = () => undefined;
  const monitor = { onRecovery: (listener: () => void) => (recovered = listener) } as unknown as QueueMonitor;
  const runner = new InProcessJobRunner();
  const registry = new WorkerRegistry(config, monitor, runner);
  const handled: unknown[] = [];
  registry.processor('analysis', { process: async (job: { data: unknown }) => handled.push(job.data) } as never);
  const runs: string[] = [];
  const sweep = registry.sweep<number>('test sweep', { intervalMs: (c) => (c.env as unknown as Env).sweepMs, onQueueRecovery: true }, async () =>
    runs.push('sweep'),
  );
  return { registry, runner, handled, runs, sweep, recover: () => recovered() };
}

describe('WorkerRegistry', () => {
  afterEach(() => jest.restoreAllMocks());

  it('starts nothing in a process that does not run workers, while a sweep can still be run by hand', async () => {
    const { registry, runner, handled, runs, sweep } = setUp({ runWorkers: false, workerConcurrency: 2, sweepMs: 1 });
    registry.onApplicationBootstrap();
    runner.add('analysis', 'analyze-reviews', { n: 1 }, {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(handled).toEqual([]);
    expect(runs).toEqual([]);
    expect(await sweep.run()).toBe(1);
    await registry.onModuleDestroy();
  });

  it('runs the registered processors, the sweeps on their timer and again when the queue is back; stops both', async () => {
    const { registry, runner, handled, runs, recover } = setUp({ runWorkers: true, workerConcurrency: 2, sweepMs: 5 });
    expect(registry.registered).toEqual({ queues: ['analysis'], sweeps: ['test sweep'] });
    registry.onApplicationBootstrap();
    runner.add('analysis', 'analyze-reviews', { n: 1 }, {});
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(handled).toEqual([{ n: 1 }]);
    expect(runs.length).toBeGreaterThan(0);
    const beforeRecovery = runs.length;
    recover();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs.length).toBeGreaterThan(beforeRecovery);
    await registry.onModuleDestroy();
    const afterStop = runs.length;
    recover();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs.length).toBe(afterStop);
    await runner.onModuleDestroy?.();
  });
});
