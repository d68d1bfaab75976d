import { DataSource } from 'typeorm';
import { ShopClassifiers } from '../src/classification/shop-classifiers.service';
import { AnalysisQueue } from '../src/jobs/analysis.queue';
import { AnalysisWorkers } from '../src/analysis/analysis-workers.service';
import { BUSY_RETRY_MS, ReviewAnalysisService } from '../src/analysis/review-analysis.service';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

describe('reviews API', () => {
  let t: TestApp;
  let shop: TestShop;

  beforeAll(async () => {
    t = await createTestApp();
    shop = await t.createShop();
  });
  afterAll(async () => t.close());

  const analysed = (id: string, revision = 1) =>
    eventually(
      async () => {
        const response = await t.http.get(`/v1/reviews/${id}`).set(shop.auth);
        return response.body.analysisStatus === 'done' && response.body.revision === revision ? response.body : undefined;
      },
      15_000,
      `analysis of ${id}`,
    );

  describe('POST /v1/reviews', () => {
    it('stores a review, derives its grade and analyses its language', async () => {
      const input = reviewInput({ rating: 3, content: '快递太慢了，等了一个星期' });
      const created = await t.http.post('/v1/reviews').set(shop.auth).send(input).expect(201);
      expect(created.body.result).toBe('created');
      expect(created.body.review).toMatchObject({ externalId: input.externalId, rating: 3, grade: 'medium', revision: 1, currency: 'CNY', orderAmount: 59.9 });
      const review = await analysed(created.body.review.id);
      expect(review.language).toBe('zh-Hans');
    });

    it('reads a timestamp without an offset in the shop time zone', async () => {
      const input = reviewInput({ reviewedAt: '2026-11-05 20:00:00', orderedAt: undefined, shippedAt: undefined, deliveredAt: undefined });
      const response = await t.http.post('/v1/reviews').set(shop.auth).send(input).expect(201);
      expect(response.body.review.reviewedAt).toBe('2026-11-05T12:00:00.000Z');
    });

    it('is idempotent: the same review again is unchanged and keeps one row', async () => {
      const input = reviewInput();
      const first = await t.http.post('/v1/reviews').set(shop.auth).send(input).expect(201);
      const again = await t.http.post('/v1/reviews').set(shop.auth).send(input).expect(200);
      expect(again.body.result).toBe('unchanged');
      expect(again.body.review.id).toBe(first.body.review.id);
      expect(again.body.review.revision).toBe(1);
    });

    it('keeps the earlier version when a bad review is revised to a good one', async () => {
      const input = reviewInput({ rating: 1, content: '鞋子开胶了' });
      const first = await t.http.post('/v1/reviews').set(shop.auth).send(input).expect(201);
      await analysed(first.body.review.id);
      const revised = await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send({ ...input, rating: 5, content: '卖家很负责，给换了新的', followUpContent: '换的新鞋很好', followUpAt: new Date().toISOString() })
        .expect(200);
      expect(revised.body.result).toBe('updated');
      expect(revised.body.review).toMatchObject({ rating: 5, grade: 'good', revision: 2 });

      const detail = await analysed(first.body.review.id, 2);
      expect(detail.revisions).toHaveLength(1);
      expect(detail.revisions[0]).toMatchObject({ revision: 1, rating: 1, grade: 'bad', content: '鞋子开胶了' });
      expect(detail.revisions[0].changedFields).toEqual(expect.arrayContaining(['rating', 'content', 'followUpContent', 'followUpAt']));
    });
  });

  describe('POST /v1/reviews/batch', () => {
    it('answers per item, keeps the valid items and rejects the others with the field at fault', async () => {
      const existing = reviewInput();
      await t.http.post('/v1/reviews').set(shop.auth).send(existing).expect(201);
      const fresh = reviewInput({ content: 'Arrived two weeks late', platform: 'other', currency: 'USD' });
      const items = [
        fresh,
        existing,
        { ...existing, rating: 4 },
        reviewInput({ rating: 6 }),
        'not an object',
        reviewInput({ reviewedAt: '2026-02-30T10:00:00Z' }),
      ];
      const response = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items }).expect(200);
      expect(response.body.summary).toEqual({ created: 1, updated: 1, unchanged: 1, rejected: 3 });
      expect(response.body.results.map((r: { result: string }) => r.result)).toEqual(['created', 'unchanged', 'updated', 'rejected', 'rejected', 'rejected']);
      expect(response.body.results[3].errors).toEqual([expect.objectContaining({ field: 'items[3].rating', code: 'max' })]);
      expect(response.body.results[4].errors).toEqual([expect.objectContaining({ field: 'items[4]', code: 'isObject' })]);
      expect(response.body.results[5].errors).toEqual([expect.objectContaining({ field: 'items[5].reviewedAt', code: 'isTimestamp' })]);
      const stored = await t.http.get(`/v1/reviews/${response.body.results[0].id}`).set(shop.auth).expect(200);
      expect(stored.body.content).toBe('Arrived two weeks late');
    });

    it('refuses more than 1,000 items and an empty batch', async () => {
      const tooMany = Array.from({ length: 1001 }, () => ({}));
      const response = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items: tooMany }).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'items', code: 'arrayMaxSize' })]);
      await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items: [] }).expect(400);
    });

    it('ingests 1,000 reviews in one request and analyses all of them', async () => {
      const items = Array.from({ length: 1000 }, (_, i) =>
        reviewInput({ productId: 'bulk-product', rating: (i % 5) + 1, content: i % 2 ? 'Battery died after a week' : '电池一周就坏了' }),
      );
      const response = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items }).expect(200);
      expect(response.body.summary.created).toBe(1000);
      await eventually(
        async () => {
          const pending = await t.http.get('/v1/reviews').query({ productId: 'bulk-product', status: 'pending', limit: 1 }).set(shop.auth);
          return pending.body.items.length === 0 ? true : undefined;
        },
        30_000,
        'all 1,000 analysed',
      );
      const english = await t.http.get('/v1/reviews').query({ productId: 'bulk-product', grade: 'good', limit: 200 }).set(shop.auth).expect(200);
      expect(english.body.items.length).toBe(200);
      for (const item of english.body.items) expect(item.language).toBe(item.content.startsWith('Battery') ? 'en' : 'zh-Hans');
    });

    it('applies the same key twice in one batch in order', async () => {
      const input = reviewInput({ rating: 2 });
      const response = await t.http
        .post('/v1/reviews/batch')
        .set(shop.auth)
        .send({ items: [input, { ...input, rating: 4 }] })
        .expect(200);
      expect(response.body.results.map((r: { result: string }) => r.result)).toEqual(['created', 'updated']);
      const stored = await t.http.get(`/v1/reviews/${response.body.results[0].id}`).set(shop.auth).expect(200);
      expect(stored.body.rating).toBe(4);
      expect(stored.body.revisions.map((r: { rating: number }) => r.rating)).toEqual([2]);
    });
  });

  describe('GET /v1/reviews', () => {
    let listShop: TestShop;
    beforeAll(async () => {
      listShop = await t.createShop('List shop');
      const items = Array.from({ length: 25 }, (_, i) =>
        reviewInput({
          rating: (i % 5) + 1,
          buyerId: i < 5 ? 'buyer-x' : `buyer-${i}`,
          productId: i % 2 ? 'odd' : 'even',
          reviewedAt: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00Z`,
          orderedAt: '2026-10-20T10:00:00Z',
          shippedAt: undefined,
          deliveredAt: undefined,
        }),
      );
      await t.http.post('/v1/reviews/batch').set(listShop.auth).send({ items }).expect(200);
    });

    it('pages newest first with a cursor, without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let previous = Infinity;
      do {
        const page: { body: { items: { id: string; reviewedAt: string }[]; nextCursor: string | null } } = await t.http
          .get('/v1/reviews')
          .query({ limit: 7, ...(cursor ? { cursor } : {}) })
          .set(listShop.auth)
          .expect(200);
        for (const item of page.body.items) {
          expect(Date.parse(item.reviewedAt)).toBeLessThanOrEqual(previous);
          previous = Date.parse(item.reviewedAt);
          seen.push(item.id);
        }
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
    });

    it.each([
      [{ grade: 'bad' }, 10],
      [{ grade: 'medium' }, 5],
      [{ rating: 5 }, 5],
      [{ buyerId: 'buyer-x' }, 5],
      [{ productId: 'odd' }, 12],
      [{ reviewedFrom: '2026-11-19T00:00:00Z' }, 2],
      [{ reviewedFrom: '2026-11-01T00:00:00Z', reviewedTo: '2026-11-03T00:00:00Z' }, 4],
    ])('filters by %j', async (query, count) => {
      const response = await t.http
        .get('/v1/reviews')
        .query({ ...query, limit: 200 })
        .set(listShop.auth)
        .expect(200);
      expect(response.body.items).toHaveLength(count);
    });

    it.each([
      [{ grade: 'awful' }, 'grade'],
      [{ rating: '0' }, 'rating'],
      [{ limit: '1000' }, 'limit'],
      [{ cursor: 'forged' }, 'cursor'],
      [{ reviewedFrom: '2026-13-01' }, 'reviewedFrom'],
      [{ sort: 'rating' }, 'sort'],
    ])('rejects the bad query %j naming the parameter', async (query, field) => {
      const response = await t.http.get('/v1/reviews').query(query).set(listShop.auth).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors[0].field).toBe(field);
    });
  });

  describe('lost analysis jobs', () => {
    it('a review whose job never reached the queue is analysed after the sweeper runs', async () => {
      const queue = t.app.get(AnalysisQueue);
      const spy = jest.spyOn(queue, 'enqueueReviews').mockRejectedValueOnce(new Error('Redis is down'));
      const response = await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send(reviewInput({ content: 'lost job' }))
        .expect(201);
      spy.mockRestore();
      const id: string = response.body.review.id;

      await new Promise((resolve) => setTimeout(resolve, 300));
      const stillPending = await t.http.get(`/v1/reviews/${id}`).set(shop.auth).expect(200);
      expect(stillPending.body.analysisStatus).toBe('pending');

      // the job is overdue at once for this test; in service ANALYSIS_OVERDUE_MS decides
      const swept = await t.app.get(AnalysisWorkers).sweep(0);
      expect(swept).toBeGreaterThanOrEqual(1);
      const review = await analysed(id);
      expect(review.language).toBe('en');
    });

    it('a review whose analysis keeps dying is parked as failed after ANALYSIS_MAX_ATTEMPTS starts, with the reason', async () => {
      const dataSource = t.app.get(DataSource);
      const spy = jest.spyOn(t.app.get(AnalysisQueue), 'enqueueReviews').mockResolvedValue(undefined);
      const response = await t.http.post('/v1/reviews').set(shop.auth).send(reviewInput()).expect(201);
      const id: string = response.body.review.id;
      // every run dies after it started the review (as a crashed worker would)
      const crash = jest.spyOn(t.app.get(ShopClassifiers), 'modelsFor').mockRejectedValue(new Error('worker died'));
      const analysis = t.app.get(ReviewAnalysisService);
      for (let i = 0; i < t.config.env.analysisMaxAttempts; i++) await expect(analysis.analyze(shop.shopId, [id])).rejects.toThrow('worker died');
      const [before] = await dataSource.query('SELECT analysis_status, analysis_attempts FROM reviews WHERE id = $1', [id]);
      expect(before).toEqual({ analysis_status: 'pending', analysis_attempts: t.config.env.analysisMaxAttempts });
      await analysis.analyze(shop.shopId, [id]);
      crash.mockRestore();
      spy.mockRestore();
      const [row] = await dataSource.query('SELECT analysis_status, analysis_error FROM reviews WHERE id = $1', [id]);
      expect(row).toEqual({ analysis_status: 'failed', analysis_error: 'AttemptsExhausted' });
      expect((await t.http.get('/v1/reviews').query({ status: 'failed' }).set(shop.auth)).body.items.map((r: { id: string }) => r.id)).toContain(id);
    });

    it('a review that only waits is never parked: sweeps re-enqueue it without counting attempts', async () => {
      const dataSource = t.app.get(DataSource);
      const spy = jest.spyOn(t.app.get(AnalysisQueue), 'enqueueReviews').mockResolvedValue(undefined);
      const response = await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send(reviewInput({ content: 'waiting its turn' }))
        .expect(201);
      const id: string = response.body.review.id;
      const workers = t.app.get(AnalysisWorkers);
      for (let i = 0; i < t.config.env.analysisMaxAttempts + 2; i++) await workers.sweep(0);
      spy.mockRestore();
      const [row] = await dataSource.query('SELECT analysis_status, analysis_attempts FROM reviews WHERE id = $1', [id]);
      expect(row).toEqual({ analysis_status: 'pending', analysis_attempts: 0 });
      await workers.sweep(0);
      expect((await analysed(id)).analysisStatus).toBe('done');
    });
  });

  describe('reviews another transaction holds', () => {
    // the embedded database serves one connection at a time: no other transaction can hold a row there
    const onPostgres = process.env.DATABASE_URL ? it : it.skip;
    onPostgres('are analysed later instead of waited for (an import holding them could deadlock with the analysis)', async () => {
      const queue = t.app.get(AnalysisQueue);
      const spy = jest.spyOn(queue, 'enqueueReviews').mockResolvedValueOnce(undefined);
      const response = await t.http
        .post('/v1/reviews/batch')
        .set(shop.auth)
        .send({ items: [reviewInput({ content: 'held by an import' }), reviewInput({ content: 'free to analyse' })] })
        .expect(200);
      spy.mockRestore();
      const [held, free] = (response.body.results as { id: string }[]).map((r) => r.id);

      // an import's transaction holds the first review until it commits
      const importer = t.app.get(DataSource).createQueryRunner();
      await importer.connect();
      await importer.startTransaction();
      try {
        await importer.query('SELECT id FROM reviews WHERE id = $1 FOR UPDATE', [held]);
        const deferred = jest.spyOn(queue, 'enqueueReviews');
        const summary = await t.app.get(ReviewAnalysisService).analyze(shop.shopId, [held, free]);
        expect(summary).toMatchObject({ analyzed: 1, deferred: 1 });
        expect(deferred).toHaveBeenCalledWith(shop.shopId, [held], { delayMs: BUSY_RETRY_MS });
        deferred.mockRestore();
        await analysed(free);
        expect((await t.http.get(`/v1/reviews/${held}`).set(shop.auth)).body.analysisStatus).toBe('pending');
      } finally {
        await importer.commitTransaction();
        await importer.release();
      }
      // the deferred job runs after the import let go
      expect((await analysed(held)).language).toBe('en');
    });
  });
});

describe('concurrent ingestion', () => {
  let t: TestApp;
  let shop: TestShop;
  beforeAll(async () => {
    t = await createTestApp({ databasePoolSize: 8 });
    shop = await t.createShop();
  });
  afterAll(async () => t.close());

  it('the same new reviews sent by several requests at once are stored once', async () => {
    const items = Array.from({ length: 200 }, () => reviewInput({ productId: 'race' }));
    const shuffled = [...items].reverse();
    const responses = await Promise.all(
      [items, shuffled, items, shuffled].map((batch) => t.http.post('/v1/reviews/batch').set(shop.auth).send({ items: batch })),
    );
    for (const response of responses) expect(response.status).toBe(200);
    const created = responses.reduce((sum, r) => sum + r.body.summary.created, 0);
    const unchanged = responses.reduce((sum, r) => sum + r.body.summary.unchanged, 0);
    expect(created).toBe(200);
    expect(unchanged).toBe(600);
    const [row] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM reviews WHERE shop_id = $1 AND product_id = 'race'`, [shop.shopId]);
    expect(row.n).toBe(200);
  });
});
