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

describe('InProcessJobRunner order and per-queue concurrency', () => {
  it('runs jobs without a priority before prioritized ones, lower numbers first, in arrival order among equals', async () => {
    const runner = new InProcessJobRunner();
    const ran: string[] = [];
    const handler = async (job: JobLike<unknown>) => {
      ran.push(job.name);
    };
    runner.register('analysis', handler);
    runner.register('drafts', handler);
    runner.add('drafts', 'draft-1', {}, { priority: 100 });
    runner.add('drafts', 'urgent-draft', {}, { priority: 5 });
    runner.add('analysis', 'analyze-1', {}, {});
    runner.add('drafts', 'draft-2', {}, { priority: 100 });
    runner.add('analysis', 'analyze-2', {}, {});
    runner.start(1);
    await runner.idle();
    expect(ran).toEqual(['analyze-1', 'analyze-2', 'urgent-draft', 'draft-1', 'draft-2']);
    await runner.onModuleDestroy();
  });

  it('keeps a queue to its own limit while other queues use the free slots', async () => {
    const runner = new InProcessJobRunner();
    let drafting = 0;
    let mostDrafting = 0;
    const analysed: string[] = [];
    runner.register(
      'drafts',
      async () => {
        drafting++;
        mostDrafting = Math.max(mostDrafting, drafting);
        await wait(30);
        drafting--;
      },
      1,
    );
    runner.register('analysis', async (job: JobLike<unknown>) => {
      // runs while a drafting job holds its one slot
      if (drafting) analysed.push(job.name);
    });
    for (let i = 0; i < 4; i++) runner.add('drafts', `draft-${i}`, {}, { priority: 100 });
    runner.start(3);
    await wait(5);
    runner.add('analysis', 'analyze-during-a-draft', {}, {});
    await runner.idle();
    expect(mostDrafting).toBe(1);
    expect(analysed).toEqual(['analyze-during-a-draft']);
    await runner.onModuleDestroy();
  });
});

describe('InProcessJobRunner queued', () => {
  it('lists waiting and delayed jobs, and running ones only when asked, started within the time given', async () => {
    const runner = new InProcessJobRunner();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    runner.register('drafts', () => held, 1);
    runner.start(1);
    runner.add('drafts', 'draft-replies', { n: 'running' }, {});
    runner.add('drafts', 'draft-replies', { n: 'waiting' }, {});
    runner.add('drafts', 'draft-replies', { n: 'delayed' }, {}, undefined, 10_000);
    await wait(5);
    expect(runner.queued('drafts', 'draft-replies')).toEqual([{ n: 'waiting' }, { n: 'delayed' }]);
    expect(runner.queued('drafts', 'draft-replies', 60_000)).toEqual([{ n: 'waiting' }, { n: 'delayed' }, { n: 'running' }]);
    await wait(30);
    // running for longer than that: it may have died, a sweep must not count on it
    expect(runner.queued('drafts', 'draft-replies', 10)).toEqual([{ n: 'waiting' }, { n: 'delayed' }]);
    release();
    await runner.onModuleDestroy();
  });
});
