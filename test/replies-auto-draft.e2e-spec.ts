import { DataSource } from 'typeorm';
import { AppConfig } from '../src/config/app-config';
import { AutoDraftWorkers } from '../src/replies/auto-draft-workers.service';
import { JobQueue } from '../src/jobs/job-queue';
import { AutoDrafts } from '../src/replies/auto-drafts.service';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

interface StoredReply {
  id: string;
  kind: string;
  status: string;
  created_by: string;
  review_revision: number;
  text: string;
  feel: string | null;
}

/**
 * Automatic drafts: written by the drafting job after the analysis, never overwriting what a person touched,
 * found again by the sweep, written on first read. Each test has its own shop: whether a shop's reviews are
 * still arriving is per shop.
 */
describe('replies: automatic drafts', () => {
  let t: TestApp;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
  });
  afterAll(async () => t.close());

  async function ingest(shop: TestShop, items: Record<string, unknown>[]): Promise<string[]> {
    const response = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items }).expect(200);
    expect(response.body.summary.rejected).toBe(0);
    const ids: string[] = response.body.results.map((r: { id: string }) => r.id);
    await eventually(async () => {
      const [row] = await db.query(
        `SELECT count(*)::int AS n FROM reviews WHERE id = ANY($1::uuid[]) AND analysis_status = 'done' AND analyzed_revision = revision`,
        [ids],
      );
      return row.n === ids.length ? true : undefined;
    });
    return ids;
  }

  /** the review's current reply as stored: looking through the API would draft one on the spot */
  async function stored(reviewId: string): Promise<StoredReply | undefined> {
    const [row] = await db.query('SELECT id, kind, status, created_by, review_revision, text, feel FROM reply_drafts WHERE review_id = $1 AND is_current', [
      reviewId,
    ]);
    return row;
  }

  async function replyCount(reviewId: string): Promise<number> {
    const [row] = await db.query('SELECT count(*)::int AS n FROM reply_drafts WHERE review_id = $1', [reviewId]);
    return row.n;
  }

  it('a bad review ingested through the API has a 3F draft waiting, written by the drafting job without any POST', async () => {
    const shop = await t.createShop('Auto shop');
    const [id] = await ingest(shop, [reviewInput({ rating: 1, buyerNick: '橙子', content: '快递一个星期才到，盒子也压坏了' })]);
    const draft = await eventually(() => stored(id), 15_000, 'the automatic draft');
    expect(draft).toMatchObject({ kind: 'recovery', status: 'draft', created_by: 'system:auto-draft', review_revision: 1 });
    expect(draft.feel?.length).toBeGreaterThan(5);

    const replies = await t.http.get(`/v1/reviews/${id}/replies`).set(shop.auth).expect(200);
    expect(replies.body.current).toMatchObject({ id: draft.id, createdBy: 'system:auto-draft', kind: 'recovery' });
    expect(replies.body.current.outreach.steps.length).toBeGreaterThan(3);
    expect(replies.body.current.remedy).not.toBeNull();
    expect(replies.body.history).toEqual([]);
  });

  it('under negative a good review gets no draft, under all a thank-you', async () => {
    const shop = await t.createShop('Grades shop');
    const [good, bad] = await ingest(shop, [reviewInput({ rating: 5, content: '质量很好，物流也快' }), reviewInput({ rating: 2 })]);
    // the same job had both: once the bad one is drafted, it has decided about the good one
    await eventually(() => stored(bad), 15_000, 'the bad review drafted');
    expect(await stored(good)).toBeUndefined();
    expect((await t.http.get(`/v1/reviews/${good}/replies`).set(shop.auth).expect(200)).body.current).toBeNull();

    await t.http.put('/v1/reply-settings').set(shop.auth).send({ autoDraft: 'all' }).expect(200);
    const [thanked] = await ingest(shop, [reviewInput({ rating: 4, content: '挺好的，会回购' })]);
    const thanks = await eventually(() => stored(thanked), 15_000, 'the thank-you');
    expect(thanks).toMatchObject({ kind: 'thank_you', created_by: 'system:auto-draft', feel: null });
  });

  it('a re-ingested review gets a new draft only if nobody touched the old one: a staff edit stays', async () => {
    const shop = await t.createShop('Edits shop');
    const edited = reviewInput({ rating: 1, content: '衣服有个破洞' });
    const untouched = reviewInput({ rating: 2, content: '发货太慢了' });
    const [editedId, untouchedId] = await ingest(shop, [edited, untouched]);
    const first = await eventually(() => stored(editedId), 15_000, 'the first draft');
    const other = await eventually(() => stored(untouchedId), 15_000, 'the other draft');
    const text = '非常抱歉给您带来不便，客服已经联系您为您换一件新的。';
    await t.http.patch(`/v1/replies/${first.id}`).set(shop.auth).send({ text }).expect(200);

    // both reviews change (a follow-up); the next analysis enqueues one drafting job for both
    const followUpAt = new Date().toISOString();
    await ingest(shop, [
      { ...edited, followUpContent: '追评：换货到了还是有破洞', followUpAt },
      { ...untouched, followUpContent: '追评：盒子也是坏的', followUpAt },
    ]);
    const redrafted = await eventually(
      async () => {
        const current = await stored(untouchedId);
        return current && current.review_revision === 2 ? current : undefined;
      },
      15_000,
      'the untouched draft following the new revision',
    );
    expect(redrafted.id).not.toBe(other.id);
    expect(redrafted.created_by).toBe('system:auto-draft');

    const kept = await stored(editedId);
    expect(kept).toMatchObject({ id: first.id, status: 'edited', text, review_revision: 1 });
    const replies = await t.http.get(`/v1/reviews/${editedId}/replies`).set(shop.auth).expect(200);
    expect(replies.body.current).toMatchObject({ id: first.id, status: 'edited', outdated: true });
  });

  it('staff correcting the causes gets a new draft about the right problem; an edited draft stays', async () => {
    const shop = await t.createShop('Corrections shop');
    const [untouchedId, editedId] = await ingest(shop, [
      reviewInput({ rating: 1, content: '收到的杯子有裂缝，漏水' }),
      reviewInput({ rating: 1, content: '杯子盖子拧不紧' }),
    ]);
    const before = await eventually(() => stored(untouchedId), 15_000, 'the automatic draft');
    const edited = await eventually(() => stored(editedId), 15_000, 'the other automatic draft');
    const text = '非常抱歉，我们会为您补发一个新盖子。';
    await t.http.patch(`/v1/replies/${edited.id}`).set(shop.auth).send({ text }).expect(200);

    // the staff know better: both cups were crushed in transit
    for (const id of [untouchedId, editedId]) {
      await t.http
        .put(`/v1/reviews/${id}/tags`)
        .set(shop.auth)
        .send({ tags: ['logistics'], subTags: ['damaged_parcel'] })
        .expect(200);
    }
    const replies = await t.http.get(`/v1/reviews/${untouchedId}/replies`).set(shop.auth).expect(200);
    expect(replies.body.current.id).not.toBe(before.id);
    expect(replies.body.current).toMatchObject({
      status: 'draft',
      createdBy: 'system:auto-draft',
      remedy: { cause: { tag: 'logistics', subTag: 'damaged_parcel' } },
    });
    expect(replies.body.history.map((r: { id: string }) => r.id)).toContain(before.id);
    const after = await stored(untouchedId);
    expect(after?.id).toBe(replies.body.current.id);

    const kept = await t.http.get(`/v1/reviews/${editedId}/replies`).set(shop.auth).expect(200);
    expect(kept.body.current).toMatchObject({ id: edited.id, status: 'edited', text });
    // reading again does not redraft again
    const again = await t.http.get(`/v1/reviews/${untouchedId}/replies`).set(shop.auth).expect(200);
    expect(again.body.current.id).toBe(replies.body.current.id);
  });

  it('the sweep drafts a review whose drafting job was lost', async () => {
    const shop = await t.createShop('Sweep shop');
    const [id] = await ingest(shop, [reviewInput({ rating: 1, content: '颜色和图片差太多了' })]);
    await eventually(() => stored(id), 15_000, 'the draft');
    // as if the job had never run (Redis flushed, the process killed)
    await db.query('DELETE FROM reply_drafts WHERE review_id = $1', [id]);

    const sweeper = t.app.get(AutoDraftWorkers);
    // analysed a moment ago: its job may still come, the sweep leaves it alone (the count is every shop's in a
    // shared CI database, so the review itself is what is checked)
    await sweeper.sweep();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stored(id)).toBeUndefined();

    expect(await sweeper.sweep(0)).toBeGreaterThanOrEqual(1);
    const draft = await eventually(() => stored(id), 15_000, 'the swept draft');
    expect(draft).toMatchObject({ kind: 'recovery', created_by: 'system:auto-draft' });
  });

  it('drafting runs at the same time write one draft', async () => {
    const shop = await t.createShop('Race shop');
    const [id] = await ingest(shop, [reviewInput({ rating: 1, content: '用了两天就坏了' })]);
    await eventually(() => stored(id), 15_000, 'the draft');
    await db.query('DELETE FROM reply_drafts WHERE review_id = $1', [id]);

    const drafts = t.app.get(AutoDrafts);
    const [a, b, read] = await Promise.all([
      drafts.draftDue(shop.shopId, [id]),
      drafts.draftDue(shop.shopId, [id]),
      t.http.get(`/v1/reviews/${id}/replies`).set(shop.auth).expect(200),
    ]);
    expect(await replyCount(id)).toBe(1);
    expect(a + b).toBeLessThanOrEqual(1);
    expect(read.body.current.id).toBe((await stored(id))?.id);
  });

  it('reading the replies of a medium/bad review without any drafts it on the spot, unless automatic drafting is off', async () => {
    const shop = await t.createShop('Read shop');
    await t.http.put('/v1/reply-settings').set(shop.auth).send({ autoDraft: 'off' }).expect(200);
    const [id] = await ingest(shop, [reviewInput({ rating: 3, content: '客服回复太慢了' })]);
    expect((await t.http.get(`/v1/reviews/${id}/replies`).set(shop.auth).expect(200)).body.current).toBeNull();

    // analysed while drafting was off: no job will draft it, the first read does
    await t.http.put('/v1/reply-settings').set(shop.auth).send({ autoDraft: 'negative' }).expect(200);
    const first = await t.http.get(`/v1/reviews/${id}/replies`).set(shop.auth).expect(200);
    expect(first.body.current).toMatchObject({ kind: 'recovery', status: 'draft', createdBy: 'system:auto-draft' });
    const again = await t.http.get(`/v1/reviews/${id}/replies`).set(shop.auth).expect(200);
    expect(again.body.current.id).toBe(first.body.current.id);
    expect(await replyCount(id)).toBe(1);
  });

  it('reading the replies of a review revised since its untouched automatic draft drafts for the new revision', async () => {
    const shop = await t.createShop('Read revised shop');
    const input = reviewInput({ rating: 1, content: '收到就是坏的' });
    const [id] = await ingest(shop, [input]);
    const first = await eventually(() => stored(id), 15_000, 'the first draft');
    // revised to good, and its drafting job lost (Redis flushed): the draft still apologises
    const enqueue = jest.spyOn(t.app.get(AutoDrafts), 'enqueue').mockResolvedValue(undefined);
    try {
      await ingest(shop, [{ ...input, rating: 5, content: '换货后很满意' }]);
    } finally {
      enqueue.mockRestore();
    }
    expect(await stored(id)).toMatchObject({ id: first.id, review_revision: 1 });
    const read = await t.http.get(`/v1/reviews/${id}/replies`).set(shop.auth).expect(200);
    expect(read.body.current).toMatchObject({ kind: 'thank_you', createdBy: 'system:auto-draft', outdated: false });
    expect(read.body.current.id).not.toBe(first.id);
  });

  it('waits while the shop’s reviews are still arriving, then drafts', async () => {
    const shop = await t.createShop('Import shop');
    const [arriving] = await ingest(shop, [reviewInput({ rating: 5, content: '很好' })]);
    // a review of the shop waiting for its analysis: an import still running
    await db.query(`UPDATE reviews SET analysis_status = 'pending' WHERE id = $1`, [arriving]);
    const [id] = await ingest(shop, [reviewInput({ rating: 1, content: '少发了一个配件' })]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await stored(id)).toBeUndefined();

    await db.query(`UPDATE reviews SET analysis_status = 'done' WHERE id = $1`, [arriving]);
    await eventually(() => stored(id), 15_000, 'the draft after the import');
  });

  it('drafts a review that has waited DRAFT_OVERDUE_MS even while the shop’s reviews are still arriving', async () => {
    const shop = await t.createShop('Long import shop');
    const [arriving] = await ingest(shop, [reviewInput({ rating: 5, content: '很好' })]);
    // an import that keeps running: some review of the shop is always waiting for its analysis
    await db.query(`UPDATE reviews SET analysis_status = 'pending' WHERE id = $1`, [arriving]);
    const [id] = await ingest(shop, [reviewInput({ rating: 1, content: '拉链用了两天就坏了' })]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await stored(id)).toBeUndefined();

    // analysed DRAFT_OVERDUE_MS ago: its drafting job, still putting itself off, drafts it the next time it runs
    await db.query(`UPDATE reviews SET analyzed_at = now() - make_interval(secs => $2::double precision / 1000 + 1) WHERE id = $1`, [
      id,
      t.app.get(AppConfig).env.draftOverdueMs,
    ]);
    const draft = await eventually(() => stored(id), 15_000, 'the overdue draft');
    expect(draft).toMatchObject({ kind: 'recovery', created_by: 'system:auto-draft' });
    expect((await db.query(`SELECT analysis_status FROM reviews WHERE id = $1`, [arriving]))[0].analysis_status).toBe('pending');
    await db.query(`UPDATE reviews SET analysis_status = 'done' WHERE id = $1`, [arriving]);
  });

  // a second session holds the lock: the embedded database has one
  const onPostgres = process.env.DATABASE_URL ? it : it.skip;
  onPostgres('one drafting job per shop at a time: a job of a busy shop comes back later, another shop’s job drafts meanwhile', async () => {
    const busy = await t.createShop('Busy drafting shop');
    const other = await t.createShop('Other drafting shop');
    const [busyId] = await ingest(busy, [reviewInput({ rating: 1, content: '屏幕有坏点' })]);
    const [otherId] = await ingest(other, [reviewInput({ rating: 2, content: '包装破了' })]);
    await eventually(() => stored(busyId), 15_000, 'the first draft');
    await eventually(() => stored(otherId), 15_000, 'the other shop’s first draft');
    await db.query('DELETE FROM reply_drafts WHERE review_id = ANY($1::uuid[])', [[busyId, otherId]]);

    const holder = db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      // another drafting job (this or another process) writing the busy shop's drafts
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('reply-drafts'), hashtext($1))`, [busy.shopId]);
      const drafts = t.app.get(AutoDrafts);
      expect(await drafts.run({ shopId: busy.shopId, reviewIds: [busyId] })).toEqual({ drafted: 0, deferred: true });
      expect(await drafts.run({ shopId: other.shopId, reviewIds: [otherId] })).toEqual({ drafted: 1, deferred: false });
      expect(await stored(busyId)).toBeUndefined();
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    // the put-off job comes back once the shop is free
    expect(await eventually(() => stored(busyId), 15_000, 'the busy shop’s draft')).toMatchObject({ created_by: 'system:auto-draft' });
    expect(await replyCount(busyId)).toBe(1);
  });

  onPostgres('the job that gets a busy shop next takes along the reviews of the shop’s jobs put off meanwhile (one batch)', async () => {
    const shop = await t.createShop('Batched drafting shop');
    const [first, second] = await ingest(shop, [reviewInput({ rating: 1, content: '拉链坏了' }), reviewInput({ rating: 2, content: '包装破了' })]);
    await eventually(() => stored(first), 15_000, 'the first draft');
    await eventually(() => stored(second), 15_000, 'the second draft');
    await db.query('DELETE FROM reply_drafts WHERE review_id = ANY($1::uuid[])', [[first, second]]);
    // analysed a while ago: the shop's reviews are no longer arriving
    await db.query(`UPDATE reviews SET analyzed_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [[first, second]]);

    const drafts = t.app.get(AutoDrafts);
    const jobs = t.app.get(JobQueue);
    const add = jobs.add.bind(jobs);
    // the put-off job is not queued again here, so that it cannot come back and draft its review itself meanwhile
    jobs.add = (async () => undefined) as typeof jobs.add;
    const holder = db.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('reply-drafts'), hashtext($1))`, [shop.shopId]);
      expect(await drafts.run({ shopId: shop.shopId, reviewIds: [first] })).toEqual({ drafted: 0, deferred: true });
      await holder.rollbackTransaction();
      // the next job of the shop drafts its own review and the put-off one, in one transaction
      expect(await drafts.run({ shopId: shop.shopId, reviewIds: [second] })).toEqual({ drafted: 2, deferred: false });
    } finally {
      jobs.add = add;
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await stored(first)).toMatchObject({ created_by: 'system:auto-draft' });
    // the put-off job, when it comes back, finds nothing left to draft
    expect(await drafts.run({ shopId: shop.shopId, reviewIds: [first] })).toEqual({ drafted: 0, deferred: false });
    expect(await replyCount(first)).toBe(1);
    expect(await replyCount(second)).toBe(1);
  });
});
