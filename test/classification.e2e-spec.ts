import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

/** Review texts here are written for these tests. */
describe('classification API', () => {
  let t: TestApp;
  let shop: TestShop;
  let other: TestShop;

  beforeAll(async () => {
    t = await createTestApp({ retrainAfterCorrections: 5 });
    shop = await t.createShop('Frozen food shop');
    other = await t.createShop('Another shop');
  });
  afterAll(async () => t.close());

  const post = async (s: TestShop, overrides: Record<string, unknown>) =>
    (await t.http.post('/v1/reviews').set(s.auth).send(reviewInput(overrides)).expect(201)).body.review.id as string;

  const analysed = (s: TestShop, id: string, revision = 1) =>
    eventually(
      async () => {
        const response = await t.http.get(`/v1/reviews/${id}`).set(s.auth);
        return response.body.analysisStatus === 'done' && response.body.revision === revision ? response.body : undefined;
      },
      20_000,
      `analysis of ${id}`,
    );

  describe('tags from the analysis job', () => {
    it('tags a bad review with causes, sub-tags, confidence, evidence and the model version', async () => {
      const id = await post(shop, { rating: 1, content: '等了整整一个星期快递才到，外箱也被压扁了' });
      const review = await analysed(shop, id);
      expect(review.tags).toEqual(['logistics']);
      expect(review.subTags).toEqual(expect.arrayContaining(['slow_delivery']));
      expect(review.tagConfidence.logistics).toBeGreaterThan(0.5);
      expect(review.tagEvidence.length).toBeGreaterThan(0);
      expect(review.tagEvidence.every((e: { tag: string }) => e.tag === 'logistics')).toBe(true);
      expect(review.tagSource).toBe('model');
      expect(review.classifierVersion).toMatch(/^base-/);
    });

    it('reads English and keeps only the cause a contrast points to', async () => {
      const id = await post(shop, { rating: 2, content: 'Support was friendly, but the screen was cracked when I opened the box' });
      const review = await analysed(shop, id);
      expect(review.tags).toEqual(['quality']);
      expect(review.language).toBe('en');
    });

    it('tags a good review that still complains, and a bad one with no text as other', async () => {
      const good = await post(shop, { rating: 5, content: '味道很好，就是物流太慢了' });
      const empty = await post(shop, { rating: 1, content: '' });
      expect((await analysed(shop, good)).tags).toEqual(['logistics']);
      expect((await analysed(shop, empty)).tags).toEqual(['other']);
    });

    it('filters the review list by tag and sub-tag', async () => {
      const slow = await t.http.get('/v1/reviews?tag=logistics&subTag=slow_delivery&limit=100').set(shop.auth).expect(200);
      expect(slow.body.items.length).toBeGreaterThanOrEqual(2);
      for (const item of slow.body.items) {
        expect(item.tags).toContain('logistics');
        expect(item.subTags).toContain('slow_delivery');
      }
      const quality = await t.http.get('/v1/reviews?tag=quality&limit=100').set(shop.auth).expect(200);
      expect(quality.body.items.every((item: { tags: string[] }) => item.tags.includes('quality'))).toBe(true);
      await t.http.get('/v1/reviews?tag=weather').set(shop.auth).expect(400);
    });
  });

  describe('PUT /v1/reviews/:id/tags', () => {
    it('replaces the tags, records who, and keeps them when the review is analysed again', async () => {
      const input = reviewInput({ rating: 2, content: '包装很简陋，送到就漏了' });
      const id = (await t.http.post('/v1/reviews').set(shop.auth).send(input).expect(201)).body.review.id as string;
      await analysed(shop, id);
      const corrected = await t.http
        .put(`/v1/reviews/${id}/tags`)
        .set(shop.auth)
        .send({ tags: ['quality', 'logistics'], subTags: ['damaged_parcel'] })
        .expect(200);
      expect(corrected.body).toMatchObject({ tags: ['quality', 'logistics'], subTags: ['damaged_parcel'], tagSource: 'staff' });
      expect(corrected.body.tagConfidence).toMatchObject({ quality: 1, logistics: 1, service: 0 });

      // the buyer edits the review: it is analysed again, the person's tags stay
      await t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send({ ...input, content: '包装很简陋，送到就漏了，追加一星' })
        .expect(200);
      const again = await analysed(shop, id, 2);
      expect(again).toMatchObject({ tags: ['quality', 'logistics'], subTags: ['damaged_parcel'], tagSource: 'staff' });
    });

    it('refuses tags that do not fit together, naming the field', async () => {
      const id = await post(shop, { rating: 1, content: '客服不理人' });
      const unknown = await t.http
        .put(`/v1/reviews/${id}/tags`)
        .set(shop.auth)
        .send({ tags: ['weather'] })
        .expect(400);
      expect(unknown.body.code).toBe('VALIDATION_FAILED');
      expect(unknown.body.errors[0].field).toMatch(/^tags/);
      const orphan = await t.http
        .put(`/v1/reviews/${id}/tags`)
        .set(shop.auth)
        .send({ tags: ['service'], subTags: ['slow_delivery'] })
        .expect(400);
      expect(orphan.body.errors).toEqual([expect.objectContaining({ field: 'subTags[0]', code: 'subTagWithoutTag' })]);
      const mixed = await t.http
        .put(`/v1/reviews/${id}/tags`)
        .set(shop.auth)
        .send({ tags: ['other', 'service'] })
        .expect(400);
      expect(mixed.body.errors[0]).toMatchObject({ field: 'tags', code: 'otherIsExclusive' });
      await t.http.put(`/v1/reviews/${id}/tags`).set(shop.auth).send({ tags: [] }).expect(400);
      await t.http.put(`/v1/reviews/${id}/tags`).set(shop.auth).send({}).expect(400);
    });

    it("answers 404 for an unknown review and for another shop's review", async () => {
      const id = await post(shop, { rating: 1, content: '发错货了' });
      await t.http
        .put(`/v1/reviews/00000000-0000-4000-8000-000000000000/tags`)
        .set(shop.auth)
        .send({ tags: ['logistics'] })
        .expect(404);
      const foreign = await t.http
        .put(`/v1/reviews/${id}/tags`)
        .set(other.auth)
        .send({ tags: ['logistics'] })
        .expect(404);
      expect(foreign.body.code).toBe('REVIEW_NOT_FOUND');
      await t.http
        .put(`/v1/reviews/not-a-uuid/tags`)
        .set(shop.auth)
        .send({ tags: ['logistics'] })
        .expect(400);
    });
  });

  describe('learning from corrections', () => {
    let frozen: TestShop;
    beforeAll(async () => {
      frozen = await t.createShop('Ice cream shop');
    });

    // a frozen-food shop: "化了" (melted on the way) is a cold-chain delivery failure for its staff
    const melted = ['冰淇淋送到的时候已经全化了', '收到雪糕化成一滩水', '打开泡沫箱冰棍都化了', '雪糕到手化得不成样子', '冰袋早没了，冰淇淋化了一大半'];

    it('retrains by itself after enough corrections, reclassifies open reviews, and reports accuracy', async () => {
      const before = await t.http.get('/v1/classifier').set(frozen.auth).expect(200);
      expect(before.body.shop).toBeNull();
      expect(before.body.version).toBe(before.body.base.version);

      // a review the staff never corrects: it should follow the new model after retraining
      const untouched = await post(frozen, { rating: 1, content: '这次的冰淇淋送来都化了' });
      const untouchedBefore = await analysed(frozen, untouched);

      const ids: string[] = [];
      for (const content of melted) ids.push(await post(frozen, { rating: 1, content }));
      for (const id of ids) await analysed(frozen, id);
      for (const id of ids) {
        await t.http
          .put(`/v1/reviews/${id}/tags`)
          .set(frozen.auth)
          .send({ tags: ['logistics'], subTags: ['damaged_parcel'] })
          .expect(200);
      }

      const classifier = await eventually(
        async () => {
          const response = await t.http.get('/v1/classifier').set(frozen.auth).expect(200);
          return response.body.shop ? response.body : undefined;
        },
        20_000,
        'automatic retraining',
      );
      expect(classifier.shop).toMatchObject({ active: true, baseVersion: classifier.base.version });
      expect(classifier.shop.correctionsUsed).toBeGreaterThanOrEqual(melted.length);
      expect(classifier.version).toBe(`${classifier.base.version}+${classifier.shop.version}`);
      expect(classifier.corrections.sinceTraining).toBe(0);
      expect(classifier.accuracy.evaluatedOn).toBe(classifier.shop.correctionsUsed);
      expect(classifier.accuracy.shopAccuracy).toBeGreaterThan(classifier.accuracy.baseAccuracy);

      const reclassified = await eventually(
        async () => {
          const response = await t.http.get(`/v1/reviews/${untouched}`).set(frozen.auth).expect(200);
          return response.body.classifierVersion === classifier.version ? response.body : undefined;
        },
        20_000,
        'reclassification',
      );
      expect(untouchedBefore.tags).not.toEqual(['logistics']);
      expect(reclassified).toMatchObject({ tags: ['logistics'], subTags: ['damaged_parcel'], tagSource: 'model' });

      // new reviews are classified with the shop's model
      const fresh = await analysed(frozen, await post(frozen, { rating: 2, content: '冰淇淋收到全都化了' }));
      expect(fresh).toMatchObject({ tags: ['logistics'], classifierVersion: classifier.version });

      // another shop's classifier learnt nothing from it
      const foreign = await t.http.get('/v1/classifier').set(other.auth).expect(200);
      expect(foreign.body.shop).toBeNull();
      expect(foreign.body.corrections.total).toBe(0);
    });

    it('retrains and reclassifies on demand, idempotently', async () => {
      const first = await t.http.get('/v1/classifier').set(frozen.auth).expect(200);
      await t.http.post('/v1/classifier/retrain').set(frozen.auth).expect(202);
      const retrained = await eventually(
        async () => {
          const response = await t.http.get('/v1/classifier').set(frozen.auth).expect(200);
          return response.body.shop.trainedAt !== first.body.shop.trainedAt ? response.body : undefined;
        },
        20_000,
        'retraining on demand',
      );
      // the same corrections train the same model
      expect(retrained.shop.version).toBe(first.body.shop.version);

      const sample = await t.http.get('/v1/reviews?tag=logistics&limit=100').set(frozen.auth).expect(200);
      const model = sample.body.items.find((item: { tagSource: string }) => item.tagSource === 'model');
      await t.http.post('/v1/classifier/reclassify').set(frozen.auth).send({ sinceDays: 365 }).expect(202);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = await t.http.get(`/v1/reviews/${model.id}`).set(frozen.auth).expect(200);
      expect(after.body.classifiedAt).toBe(model.classifiedAt);
      await t.http.post('/v1/classifier/reclassify').set(frozen.auth).send({ sinceDays: 0 }).expect(400);
    });

    it('answers 202 for a shop without corrections and trains nothing', async () => {
      await t.http.post('/v1/classifier/retrain').set(other.auth).expect(202);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const response = await t.http.get('/v1/classifier').set(other.auth).expect(200);
      expect(response.body).toMatchObject({ shop: null, accuracy: null });
    });
  });
});
