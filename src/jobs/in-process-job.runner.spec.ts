import { InProcessJobRunner } from './in-process-job.runner';
import { JobLike } from './queues';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('InProcessJobRunner delayed jobs', () => {
  it('runs a delayed job after its delay without holding the only slot meanwhile', async () => {
    const runner = new InProcessJobRunner();
    const ran: { name: string; at: number }[] = [];
    const started = Date.now();
    runner.register('webhooks', async (job: JobLike<unknown>) => {
      ran.push({ name: job.name, at: Date.now() - started });
    });
    runner.start(1);
    runner.add('webhooks', 'later', {}, {}, undefined, 150);
    runner.add('webhooks', 'now', {}, {}, undefined, 0);
    await wait(50);
    expect(ran.map((r) => r.name)).toEqual(['now']);
    await wait(250);
    expect(ran.map((r) => r.name)).toEqual(['now', 'later']);
    expect(ran[1].at).toBeGreaterThanOrEqual(140);
    await runner.onModuleDestroy();
  });

  it('drops delayed jobs when it shuts down: the database sweepers find their work again', async () => {
    const runner = new InProcessJobRunner();
    const ran: string[] = [];
    runner.register('webhooks', async (job: JobLike<unknown>) => {
      ran.push(job.name);
    });
    runner.start(1);
    runner.add('webhooks', 'later', {}, {}, undefined, 100);
    await runner.onModuleDestroy();
    await wait(200);
    expect(ran).toEqual([]);
  });
});
