import { DataSource } from 'typeorm';
import { RecoveryWorkers } from '../src/recovery/recovery-workers.service';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

const DAY = 86_400_000;
const daysAgo = (days: number, from = Date.now()) => new Date(from - days * DAY).toISOString();
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

interface Staff {
  id: string;
  auth: { Authorization: string };
}

describe('recovery queue', () => {
  let t: TestApp;
  let db: DataSource;
  let shop: TestShop;
  let other: TestShop;
  let lead: Staff;
  let agent: Staff;
  let agent2: Staff;

  async function addStaff(target: TestShop, name: string, role: 'lead' | 'agent'): Promise<Staff> {
    const created = await t.http.post('/v1/staff').set(target.auth).send({ name, role }).expect(201);
    const key = await t.http.post(`/v1/staff/${created.body.id}/api-keys`).set(target.auth).send({}).expect(201);
    expect(key.body).toMatchObject({ staffId: created.body.id, key: expect.stringMatching(/^rrs_/) });
    return { id: created.body.id, auth: bearer(key.body.key) };
  }

  async function ingestReview(target: TestShop, overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await t.http.post('/v1/reviews').set(target.auth).send(reviewInput(overrides));
    expect([200, 201]).toContain(response.status);
    return response.body.review.id;
  }

  const ingest = ingestReview;

  /** the case of a review once its analysis has run */
  async function caseOf(target: TestShop, reviewId: string, status?: string): Promise<Record<string, any>> {
    return eventually(
      async () => {
        const list = await t.http.get(`/v1/cases?reviewId=${reviewId}`).set(target.auth).expect(200);
        const found = list.body.items.find((c: { status: string }) => !status || c.status === status);
        return found ?? undefined;
      },
      15_000,
      `a ${status ?? ''} case for review ${reviewId}`,
    );
  }

  async function analysed(target: TestShop, reviewId: string): Promise<void> {
    await eventually(async () => {
      const review = await t.http.get(`/v1/reviews/${reviewId}`).set(target.auth).expect(200);
      return review.body.analysisStatus === 'done' ? true : undefined;
    });
  }

  beforeAll(async () => {
    t = await createTestApp({ recoverySweepIntervalMs: 0 });
    db = t.app.get(DataSource);
    shop = await t.createShop('Recovery shop');
    other = await t.createShop('Other shop');
    lead = await addStaff(shop, '组长', 'lead');
    agent = await addStaff(shop, '小王', 'agent');
    agent2 = await addStaff(shop, '小李', 'agent');
  });
  afterAll(async () => t.close());

  describe('staff keys and roles', () => {
    it('lists staff; an agent may not manage staff, keys or settings (403 ROLE_FORBIDDEN)', async () => {
      const list = await t.http.get('/v1/staff').set(agent.auth).expect(200);
      expect(list.body.map((s: { name: string; role: string }) => [s.name, s.role])).toEqual([
        ['组长', 'lead'],
        ['小王', 'agent'],
        ['小李', 'agent'],
      ]);
      for (const [method, path, body] of [
        ['post', '/v1/staff', { name: 'x', role: 'lead' }],
        ['post', `/v1/staff/${agent2.id}/api-keys`, {}],
        ['post', `/v1/staff/${agent2.id}/deactivate`, {}],
        ['post', '/v1/api-keys', { name: 'escalate' }],
        ['get', '/v1/api-keys', undefined],
        ['put', '/v1/queue/settings', { maxContactsPerDay: 9 }],
        ['put', '/v1/reply-settings', { webhookUrl: 'https://attacker.example.com/hook', webhookSecret: 'a-secret-of-my-own-choice' }],
        ['put', '/v1/remedy-policy', { couponAmount: 500 }],
        ['put', '/v1/reviewers/settings', { flagLevel: 'high' }],
        ['patch', '/v1/reports/settings', { quotesPerCause: 1 }],
        ['patch', '/v1/shop', { locale: 'en' }],
      ] as const) {
        const call =
          method === 'get'
            ? t.http.get(path)
            : method === 'put'
              ? t.http.put(path).send(body)
              : method === 'patch'
                ? t.http.patch(path).send(body)
                : t.http.post(path).send(body);
        const response = await call.set(agent.auth).expect(403);
        expect(response.body.code).toBe('ROLE_FORBIDDEN');
      }
      // the webhook an agent tried to set is not there
      expect((await t.http.get('/v1/reply-settings').set(agent.auth).expect(200)).body.webhookUrl).not.toBe('https://attacker.example.com/hook');
      // a lead's key may
      await t.http.get('/v1/api-keys').set(lead.auth).expect(200);
      await t.http.patch('/v1/reports/settings').set(lead.auth).send({}).expect(200);
    });

    it('rejects a bad role and a bad name with the field', async () => {
      const response = await t.http.post('/v1/staff').set(shop.auth).send({ name: '', role: 'boss' }).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'role']);
    });

    it('a deactivated staff member is locked out at once (401)', async () => {
      const temp = await addStaff(shop, 'temp', 'agent');
      await t.http.get('/v1/queue').set(temp.auth).expect(200);
      const deactivated = await t.http.post(`/v1/staff/${temp.id}/deactivate`).set(lead.auth).expect(200);
      expect(deactivated.body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
      const refused = await t.http.get('/v1/queue').set(temp.auth).expect(401);
      expect(refused.body.code).toBe('UNAUTHORIZED');
      const noKey = await t.http.post(`/v1/staff/${temp.id}/api-keys`).set(lead.auth).send({}).expect(409);
      expect(noKey.body.code).toBe('STAFF_DEACTIVATED');
    });

    it("another shop's staff ids are unknown here", async () => {
      await t.http.get(`/v1/staff/${agent.id}`).set(other.auth).expect(404);
      await t.http.post(`/v1/staff/${agent.id}/deactivate`).set(other.auth).expect(404);
    });
  });

  describe('cases follow the reviews', () => {
    it('opens one case per medium/bad review, none for a good one, idempotently', async () => {
      const bad = reviewInput({ rating: 1, reviewedAt: daysAgo(2) });
      const badId = await ingest(shop, bad);
      const mediumId = await ingest(shop, { rating: 3, reviewedAt: daysAgo(2) });
      const goodId = await ingest(shop, { rating: 5, reviewedAt: daysAgo(2) });
      const badCase = await caseOf(shop, badId);
      expect(badCase).toMatchObject({ status: 'new', grade: 'bad', contactCount: 0, inQueue: true, assignee: null });
      expect((await caseOf(shop, mediumId)).grade).toBe('medium');
      await analysed(shop, goodId);
      expect((await t.http.get(`/v1/cases?reviewId=${goodId}`).set(shop.auth).expect(200)).body.items).toEqual([]);

      // the same review again, and a change that keeps it bad: still one case, whose grade follows the review
      await ingest(shop, bad);
      await ingest(shop, { ...bad, content: '追评：还是不行', rating: 2 });
      await analysed(shop, badId);
      const cases = (await t.http.get(`/v1/cases?reviewId=${badId}`).set(shop.auth).expect(200)).body.items;
      expect(cases).toHaveLength(1);

      const detail = await t.http.get(`/v1/cases/${badCase.id}`).set(shop.auth).expect(200);
      expect(detail.body.review).toMatchObject({ id: badId, rating: 2 });
      expect(detail.body.events[0]).toMatchObject({ action: 'opened', actor: 'system:analysis', to: 'new' });
      const deadline = Date.parse(detail.body.revisionDeadlineAt) - Date.parse(detail.body.reviewedAt);
      expect(deadline).toBe(30 * DAY);
    });

    it('opens a case when a revision turns a good review bad', async () => {
      const input = reviewInput({ rating: 5, reviewedAt: daysAgo(3) });
      const id = await ingest(shop, input);
      await analysed(shop, id);
      await ingest(shop, { ...input, rating: 1, followUpContent: '用了一周就坏了', followUpAt: daysAgo(1) });
      expect(await caseOf(shop, id, 'new')).toMatchObject({ grade: 'bad' });
    });

    it('closes the case as revised by itself when the review comes back good, with the time it took', async () => {
      const input = reviewInput({ rating: 2, reviewedAt: daysAgo(4) });
      const id = await ingest(shop, input);
      const opened = await caseOf(shop, id, 'new');
      await ingest(shop, { ...input, rating: 5, content: '卖家处理很及时，改成好评' });
      const revised = await caseOf(shop, id, 'revised');
      expect(revised.id).toBe(opened.id);
      expect(revised).toMatchObject({ inQueue: false, closedAt: expect.any(String), revisedAt: expect.any(String), secondsToRevision: expect.any(Number) });
      const detail = await t.http.get(`/v1/cases/${opened.id}`).set(shop.auth).expect(200);
      expect(detail.body.events.at(-1)).toMatchObject({ action: 'auto_revised', from: 'new', to: 'revised', actor: 'system:analysis' });
      expect(detail.body.events.at(-1).details.secondsToRevision).toEqual(expect.any(Number));
    });

    it('does not open a case for a review whose change window has closed', async () => {
      const id = await ingest(shop, { rating: 1, reviewedAt: daysAgo(31), orderedAt: daysAgo(40), shippedAt: daysAgo(39), deliveredAt: daysAgo(38) });
      await analysed(shop, id);
      expect((await t.http.get(`/v1/cases?reviewId=${id}`).set(shop.auth).expect(200)).body.items).toEqual([]);
    });
  });

  describe('working a case', () => {
    it('claims, refuses what an agent may not do, and refuses illegal transitions with 409', async () => {
      const id = await ingest(shop, { rating: 1, reviewedAt: daysAgo(2) });
      const c = await caseOf(shop, id);

      const assignRefused = await t.http.post(`/v1/cases/${c.id}/assign`).set(agent.auth).send({ staffId: agent.id }).expect(403);
      expect(assignRefused.body.code).toBe('ROLE_FORBIDDEN');
      const bulkRefused = await t.http
        .post('/v1/cases/bulk-assign')
        .set(agent.auth)
        .send({ caseIds: [c.id], staffId: agent.id })
        .expect(403);
      expect(bulkRefused.body.code).toBe('ROLE_FORBIDDEN');

      const claimed = await t.http.post(`/v1/cases/${c.id}/claim`).set(agent.auth).expect(200);
      expect(claimed.body.assignee).toEqual({ id: agent.id, name: '小王' });
      const taken = await t.http.post(`/v1/cases/${c.id}/claim`).set(agent2.auth).expect(409);
      expect(taken.body.code).toBe('CASE_ALREADY_ASSIGNED');
      const notYours = await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(agent2.auth)
        .send({ channel: 'phone', outcome: 'no_answer', at: daysAgo(0.01) })
        .expect(403);
      expect(notYours.body.code).toBe('CASE_NOT_YOURS');
      const integrationClaim = await t.http.post(`/v1/cases/${c.id}/claim`).set(shop.auth).expect(403);
      expect(integrationClaim.body.code).toBe('STAFF_KEY_REQUIRED');

      const illegal = await t.http.post(`/v1/cases/${c.id}/status`).set(agent.auth).send({ status: 'awaiting_revision' }).expect(409);
      expect(illegal.body.code).toBe('INVALID_CASE_TRANSITION');
      const closeFromNew = await t.http.post(`/v1/cases/${c.id}/status`).set(agent.auth).send({ status: 'closed_unrevised', reason: 'x' }).expect(409);
      expect(closeFromNew.body.code).toBe('INVALID_CASE_TRANSITION');
      const dismiss = await t.http.post(`/v1/cases/${c.id}/status`).set(agent.auth).send({ status: 'dismissed', reason: 'test order' }).expect(403);
      expect(dismiss.body.code).toBe('ROLE_FORBIDDEN');
      const noReason = await t.http.post(`/v1/cases/${c.id}/status`).set(agent.auth).send({ status: 'escalated' }).expect(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const badStatus = await t.http.post(`/v1/cases/${c.id}/status`).set(agent.auth).send({ status: 'done' }).expect(400);
      expect(badStatus.body.errors[0].field).toBe('status');

      await t.http.post(`/v1/cases/${c.id}/status`).set(agent.auth).send({ status: 'escalated', reason: '职业差评师，已向平台申诉' }).expect(200);
      await t.http.post(`/v1/cases/${c.id}/status`).set(lead.auth).send({ status: 'dismissed', reason: '平台判定为恶意评价' }).expect(200);
      const final = await t.http.post(`/v1/cases/${c.id}/status`).set(lead.auth).send({ status: 'contacting' }).expect(409);
      expect(final.body.code).toBe('INVALID_CASE_TRANSITION');
      const closedContact = await t.http.post(`/v1/cases/${c.id}/contacts`).set(lead.auth).send({ channel: 'phone', outcome: 'reached' }).expect(409);
      expect(closedContact.body.code).toBe('CASE_CLOSED');

      const detail = await t.http.get(`/v1/cases/${c.id}`).set(lead.auth).expect(200);
      expect(
        detail.body.events.map((e: { action: string; from: string | null; to: string | null; actor: string }) => [e.action, e.from, e.to, e.actor]),
      ).toEqual([
        ['opened', null, 'new', 'system:analysis'],
        ['claimed', null, null, `staff:${agent.id}`],
        ['status', 'new', 'escalated', `staff:${agent.id}`],
        ['status', 'escalated', 'dismissed', `staff:${lead.id}`],
      ]);
      expect(detail.body.events[3].reason).toBe('平台判定为恶意评价');
    });

    it('pages through cases opened by one analysis transaction (same opened_at to the microsecond) without skipping any', async () => {
      const inputs = [1, 2, 3, 4, 5].map(() => reviewInput({ rating: 1, reviewedAt: daysAgo(3), productId: 'p-same-batch' }));
      const batch = await t.http.post('/v1/reviews/batch').set(shop.auth).send({ items: inputs });
      expect(batch.status).toBeLessThan(300);
      const reviewIds: string[] = batch.body.results.map((r: { id: string }) => r.id);
      for (const id of reviewIds) await caseOf(shop, id);
      const [{ distinct }] = await db.query(`SELECT count(DISTINCT opened_at)::int AS distinct FROM recovery_cases WHERE review_id = ANY($1::uuid[])`, [
        reviewIds,
      ]);
      expect(distinct).toBe(1);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { reviewId: string }[]; nextCursor: string | null } } = await t.http
          .get(`/v1/cases?productId=p-same-batch&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .set(lead.auth)
          .expect(200);
        seen.push(...page.body.items.map((c) => c.reviewId));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual([...reviewIds].sort());
    });

    it('assigns, reassigns and bulk-assigns (leads), with the queue filtered per assignee', async () => {
      const ids = await Promise.all([1, 2, 3].map(() => ingest(shop, { rating: 1, reviewedAt: daysAgo(5) })));
      const cases = await Promise.all(ids.map((id) => caseOf(shop, id)));
      await t.http.post(`/v1/cases/${cases[0].id}/assign`).set(lead.auth).send({ staffId: agent.id }).expect(200);
      const again = await t.http.post(`/v1/cases/${cases[0].id}/assign`).set(lead.auth).send({ staffId: agent2.id }).expect(409);
      expect(again.body.code).toBe('CASE_ALREADY_ASSIGNED');
      const moved = await t.http.post(`/v1/cases/${cases[0].id}/reassign`).set(lead.auth).send({ staffId: agent2.id, reason: 'holiday' }).expect(200);
      expect(moved.body.assignee.id).toBe(agent2.id);

      const bulk = await t.http
        .post('/v1/cases/bulk-assign')
        .set(shop.auth)
        .send({ caseIds: [cases[1].id, cases[2].id, cases[0].id, '00000000-0000-4000-8000-000000000000'], staffId: agent2.id })
        .expect(200);
      expect(bulk.body.assigned.sort()).toEqual([cases[1].id, cases[2].id].sort());
      expect(bulk.body.unchanged).toEqual([cases[0].id]);
      expect(bulk.body.notFound).toEqual(['00000000-0000-4000-8000-000000000000']);

      const listed = await t.http.get(`/v1/cases?status=new,contacting&assignee=${agent2.id}&limit=2`).set(lead.auth).expect(200);
      expect(listed.body.items).toHaveLength(2);
      expect(listed.body.nextCursor).toEqual(expect.any(String));
      const rest = await t.http
        .get(`/v1/cases?status=new,contacting&assignee=${agent2.id}&limit=2&cursor=${listed.body.nextCursor}`)
        .set(lead.auth)
        .expect(200);
      expect([...listed.body.items, ...rest.body.items].map((c: { id: string }) => c.id).sort()).toEqual(cases.map((c) => c.id).sort());
      const badFilter = await t.http.get('/v1/cases?status=new,finished').set(lead.auth).expect(400);
      expect(badFilter.body.errors[0].field).toBe('status');

      const mine = await t.http.get('/v1/queue?assignee=me').set(agent2.auth).expect(200);
      const mineIds = mine.body.items.map((i: { caseId: string }) => i.caseId);
      expect(mineIds).toEqual(expect.arrayContaining(cases.map((c) => c.id)));
      expect(mine.body.items.every((i: { assignee: { id: string } }) => i.assignee.id === agent2.id)).toBe(true);
      const unassigned = await t.http.get('/v1/queue?assignee=unassigned').set(lead.auth).expect(200);
      expect(unassigned.body.items.every((i: { assignee: unknown }) => i.assignee === null)).toBe(true);
      const bad = await t.http.get('/v1/queue?assignee=someone').set(lead.auth).expect(400);
      expect(bad.body.errors[0].field).toBe('assignee');
    });
  });

  describe('contact policy', () => {
    it('refuses a contact against the policy with a code, lets a lead override with a reason', async () => {
      await t.http.put('/v1/queue/settings').set(lead.auth).send({ maxContactsPerDay: 1, quietHoursStart: '21:00', quietHoursEnd: '09:00' }).expect(200);
      const id = await ingest(shop, { rating: 1, reviewedAt: daysAgo(3) });
      const c = await caseOf(shop, id);
      // contacts of yesterday, Shanghai time (the shop's zone): 10:00 is fine, 11:00 is the 2nd of the day, 22:00 is quiet
      const yesterday = new Date(Date.now() - DAY + 8 * 3_600_000).toISOString().slice(0, 10);
      const first = await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(agent.auth)
        .send({ channel: 'phone', outcome: 'no_answer', at: `${yesterday} 10:00:00` })
        .expect(201);
      expect(first.body.case).toMatchObject({ status: 'contacting', contactCount: 1, assignee: { id: agent.id } });

      const daily = await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(agent.auth)
        .send({ channel: 'im', outcome: 'no_answer', at: `${yesterday} 11:00:00` })
        .expect(409);
      expect(daily.body.code).toBe('CONTACT_POLICY_VIOLATED');
      expect(daily.body.errors).toEqual([expect.objectContaining({ field: 'at', code: 'daily_limit' })]);
      const quiet = await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(agent.auth)
        .send({ channel: 'phone', outcome: 'no_answer', at: `${yesterday} 22:30:00` })
        .expect(409);
      expect(quiet.body.errors.map((e: { code: string }) => e.code)).toEqual(['daily_limit', 'quiet_hours']);

      const agentOverride = await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(agent.auth)
        .send({ channel: 'phone', outcome: 'reached', at: `${yesterday} 22:30:00`, override: { reason: 'buyer asked to be called back tonight' } })
        .expect(403);
      expect(agentOverride.body.code).toBe('ROLE_FORBIDDEN');
      const emptyReason = await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(lead.auth)
        .send({ channel: 'phone', outcome: 'reached', at: `${yesterday} 22:30:00`, override: { reason: '' } })
        .expect(400);
      expect(emptyReason.body.errors[0].field).toBe('override.reason');
      const overridden = await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(lead.auth)
        .send({ channel: 'phone', outcome: 'reached', at: `${yesterday} 22:30:00`, override: { reason: '买家要求晚上回电' } })
        .expect(201);
      expect(overridden.body.contact).toMatchObject({ policyOverrideReason: '买家要求晚上回电', actor: `staff:${lead.id}` });

      const detail = await t.http.get(`/v1/cases/${c.id}`).set(agent.auth).expect(200);
      expect(detail.body.events.at(-1)).toMatchObject({ action: 'policy_override', reason: '买家要求晚上回电', actor: `staff:${lead.id}` });
      expect(detail.body.events.at(-1).details.violations).toEqual(['daily_limit', 'quiet_hours']);
      expect(detail.body.contacts).toHaveLength(2);
      await t.http.put('/v1/queue/settings').set(shop.auth).send({ maxContactsPerDay: 2 }).expect(200);
    });

    it('validates settings with the field at fault', async () => {
      const response = await t.http
        .put('/v1/queue/settings')
        .set(lead.auth)
        .send({ quietHoursStart: '25:00', revisionWindowDays: 0, maxContactsTotal: 'x' })
        .expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['maxContactsTotal', 'quietHoursStart', 'revisionWindowDays']);
      const current = await t.http.get('/v1/queue/settings').set(agent.auth).expect(200);
      expect(current.body).toMatchObject({
        timezone: 'Asia/Shanghai',
        revisionWindowDays: 30,
        firstContactSlaHours: 24,
        quietHoursStart: '21:00',
        quietHoursEnd: '09:00',
      });
    });
  });

  describe('settings changes', () => {
    it('a new revision window applies to new cases: open cases keep their deadline, and the sweep closes none of them', async () => {
      const w = await t.createShop('Window shop');
      // no order timeline: any reviewedAt is valid
      const input = (days: number, rating = 1) =>
        reviewInput({ rating, reviewedAt: daysAgo(days), orderedAt: undefined, shippedAt: undefined, deliveredAt: undefined });
      const inputs = [20, 15, 12].map((days) => input(days));
      const ids: string[] = [];
      for (const body of inputs) ids.push(await ingest(w, body));
      const opened = await Promise.all(ids.map((id) => caseOf(w, id)));
      const deadlines = opened.map((c) => [c.id, c.revisionDeadlineAt]);
      expect(opened.map((c) => Date.parse(c.revisionDeadlineAt) - Date.parse(c.reviewedAt))).toEqual([30 * DAY, 30 * DAY, 30 * DAY]);
      const queueOf = async () => (await t.http.get('/v1/queue?limit=200').set(w.auth).expect(200)).body;
      const queued = (queue: { items: { caseId: string; revisionDeadlineAt: string }[] }) => queue.items.map((i) => [i.caseId, i.revisionDeadlineAt]);
      expect(queued(await queueOf())).toEqual(deadlines);

      // lowered to 10 days: all three reviews are older than that, and their cases stay open with the deadline they had
      await t.http.put('/v1/queue/settings').set(w.auth).send({ revisionWindowDays: 10 }).expect(200);
      await t.app.get(RecoveryWorkers).sweep();
      for (const c of opened) {
        const detail = await t.http.get(`/v1/cases/${c.id}`).set(w.auth).expect(200);
        expect(detail.body).toMatchObject({ status: 'new', revisionDeadlineAt: c.revisionDeadlineAt, inQueue: true });
      }
      let queue = await queueOf();
      expect(queued(queue)).toEqual(deadlines);
      expect(queue.counts).toMatchObject({ open: 3, inQueue: 3 });
      expect(queue.items[0].reasons[0]).toMatchObject({ code: 'revision_deadline', value: 10 });

      // new reviews get the new window: 12 days old is past it (no case), 3 days old closes 10 days after posting
      const late = await ingest(w, input(12));
      await analysed(w, late);
      expect((await t.http.get(`/v1/cases?reviewId=${late}`).set(w.auth).expect(200)).body.items).toEqual([]);
      const fresh = await caseOf(w, await ingest(w, input(3, 2)));
      expect(Date.parse(fresh.revisionDeadlineAt) - Date.parse(fresh.reviewedAt)).toBe(10 * DAY);

      // a corrected posting time moves a case's deadline by the window it opened with, not the new one
      await ingest(w, { ...inputs[1], reviewedAt: daysAgo(14) });
      const moved = await eventually(async () => {
        const c = (await t.http.get(`/v1/cases/${opened[1].id}`).set(w.auth).expect(200)).body;
        return c.reviewedAt === opened[1].reviewedAt ? undefined : c;
      });
      expect(Date.parse(moved.revisionDeadlineAt) - Date.parse(moved.reviewedAt)).toBe(30 * DAY);

      // raised again: nothing had closed, and the open cases still keep their deadlines
      await t.http.put('/v1/queue/settings').set(w.auth).send({ revisionWindowDays: 30 }).expect(200);
      await t.app.get(RecoveryWorkers).sweep();
      queue = await queueOf();
      expect(queue.counts).toMatchObject({ open: 4, inQueue: 4 });
      expect(queue.items.find((i: { caseId: string }) => i.caseId === fresh.id).revisionDeadlineAt).toBe(fresh.revisionDeadlineAt);
      expect(queue.items.find((i: { caseId: string }) => i.caseId === opened[0].id).revisionDeadlineAt).toBe(opened[0].revisionDeadlineAt);
    });
  });

  describe('promises and follow-ups', () => {
    it('a promise waits out of the queue; a missed one comes back at the top of its day', async () => {
      const input = { rating: 1, reviewedAt: daysAgo(6) };
      const id = await ingest(shop, input);
      const twin = await ingest(shop, input); // same deadline day and grade, never contacted
      const c = await caseOf(shop, id);
      await caseOf(shop, twin);
      const promiseDay = new Date(Date.now() + 2 * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
      // yesterday in Shanghai, in the day: a contact "now" would be refused in the quiet hours (21:00-09:00 there)
      const yesterday = new Date(Date.now() - DAY + 8 * 3_600_000).toISOString().slice(0, 10);
      const logged = await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(agent.auth)
        .send({
          channel: 'phone',
          outcome: 'promised_revision',
          at: `${yesterday} 10:00:00`,
          promisedRevisionAt: promiseDay,
          compensation: { type: 'coupon', amount: 10 },
          note: '已发修改评价教程',
        })
        .expect(201);
      expect(logged.body.case).toMatchObject({ status: 'awaiting_revision', inQueue: false });
      // "by the end of that day" in Shanghai
      expect(logged.body.case.followUpDueAt).toBe(new Date(`${promiseDay}T16:00:00.000Z`).toISOString());

      const tooLate = await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(agent.auth)
        .send({ channel: 'im', outcome: 'promised_revision', promisedRevisionAt: daysAgo(-40) })
        .expect(400);
      expect(tooLate.body.errors[0]).toMatchObject({ field: 'promisedRevisionAt', code: 'afterRevisionDeadline' });
      const missing = await t.http.post(`/v1/cases/${c.id}/contacts`).set(agent.auth).send({ channel: 'im', outcome: 'promised_revision' }).expect(400);
      expect(missing.body.errors[0].field).toBe('promisedRevisionAt');

      let queue = await t.http.get('/v1/queue?limit=200').set(lead.auth).expect(200);
      expect(queue.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(c.id);

      // time passes: the promised day is over (moved into the past rather than waiting for it)
      expect((await t.app.get(RecoveryWorkers).sweep()).promisesMissed).toBe(0);
      await db.query(`UPDATE recovery_cases SET follow_up_due_at = now() - interval '1 hour', promised_revision_at = now() - interval '1 hour' WHERE id = $1`, [
        c.id,
      ]);
      const swept = await t.app.get(RecoveryWorkers).sweep();
      expect(swept.promisesMissed).toBe(1);
      const detail = await t.http.get(`/v1/cases/${c.id}`).set(lead.auth).expect(200);
      expect(detail.body).toMatchObject({ status: 'contacting', missedPromises: 1, inQueue: true });
      expect(detail.body.events.at(-1)).toMatchObject({ action: 'promise_missed', from: 'awaiting_revision', to: 'contacting', actor: 'system:sweep' });

      queue = await t.http.get('/v1/queue?limit=200').set(lead.auth).expect(200);
      const ids = queue.body.items.map((i: { caseId: string }) => i.caseId);
      const twinCase = await caseOf(shop, twin);
      expect(ids.indexOf(c.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(c.id)).toBeLessThan(ids.indexOf(twinCase.id));
      const item = queue.body.items.find((i: { caseId: string }) => i.caseId === c.id);
      expect(item.reasons.map((r: { code: string }) => r.code)).toContain('promise_missed');

      // the follow-up call settles it: out of "follow-up due"
      await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(agent.auth)
        .send({ channel: 'phone', outcome: 'reached', at: `${yesterday} 15:00:00` })
        .expect(201);
      const after = await t.http.get(`/v1/cases/${c.id}`).set(lead.auth).expect(200);
      expect(after.body.followUpDueAt).toBeNull();
    });
  });

  describe('the daily queue', () => {
    let q: TestShop;
    beforeAll(async () => {
      q = await t.createShop('Queue shop');
    });

    it('orders by deadline day, grade, urgency, value and popularity, says why, and lists high-risk reviewers apart', async () => {
      const early = daysAgo(25);
      // no order timeline: the factory's fixed dates would put these reviews before delivery, a risk signal
      const ingest = (target: TestShop, overrides: Record<string, unknown>) =>
        ingestReview(target, { ...overrides, orderedAt: undefined, shippedAt: undefined, deliveredAt: undefined });
      const a = await ingest(q, { rating: 1, reviewedAt: daysAgo(20), orderAmount: 50, productId: 'p-a', buyerId: 'b-a' });
      const b = await ingest(q, { rating: 3, reviewedAt: early, orderAmount: 50, productId: 'p-b', buyerId: 'b-b' });
      const c = await ingest(q, { rating: 1, reviewedAt: early, orderAmount: 50, productId: 'p-c', buyerId: 'b-c' });
      const d = await ingest(q, { rating: 2, reviewedAt: early, orderAmount: 500, productId: 'p-d', buyerId: 'b-d' });
      const e = await ingest(q, { rating: 1, reviewedAt: early, orderAmount: 50, productId: 'p-e', buyerId: 'b-e' });
      const f = await ingest(q, { rating: 1, reviewedAt: early, orderAmount: 900, productId: 'p-f', buyerId: 'pro-1' });
      const cases = Object.fromEntries(await Promise.all(Object.entries({ a, b, c, d, e, f }).map(async ([k, id]) => [k, (await caseOf(q, id)).id])));
      // e's first contact is past its SLA; f's buyer is a confirmed professional bad-reviewer
      await db.query(`UPDATE recovery_cases SET first_contact_due_at = now() - interval '5 hours' WHERE id = $1`, [cases.e]);
      const reviewer = (await t.http.get(`/v1/reviews/${f}`).set(q.auth).expect(200)).body.reviewer;
      await t.http.post(`/v1/reviewers/${reviewer.id}/confirm`).set(q.auth).send({ reason: 'extortion messages on record' }).expect(200);
      await t.app.get(RecoveryWorkers).sweep();

      const queue = await t.http.get('/v1/queue').set(q.auth).expect(200);
      expect(queue.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([cases.e, cases.d, cases.c, cases.b, cases.a]);
      expect(queue.body.items.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4, 5]);
      const codes = (i: number) => queue.body.items[i].reasons.map((r: { code: string }) => r.code);
      expect(codes(0)).toEqual(['revision_deadline', 'bad_review', 'first_contact_overdue']);
      expect(codes(1)).toEqual(['revision_deadline', 'bad_review', 'first_contact_due', 'high_value_order']);
      expect(codes(3)).toEqual(['revision_deadline', 'medium_review', 'first_contact_due']);
      expect(queue.body.items[0].reasons[0]).toMatchObject({ value: 5, en: expect.stringContaining('5 days'), zh: expect.stringContaining('5 天') });
      expect(queue.body.items[4].reasons[0].value).toBe(10);

      expect(queue.body.highRisk.map((i: { caseId: string }) => i.caseId)).toEqual([cases.f]);
      expect(queue.body.highRisk[0].reasons[0]).toMatchObject({ code: 'high_risk_reviewer', value: Math.round(queue.body.highRisk[0].reviewer.riskScore) });
      expect(queue.body.highRisk[0].reviewer).toEqual({ riskScore: expect.any(Number), riskLevel: expect.any(String), status: 'confirmed' });
      expect(queue.body.counts).toMatchObject({ inQueue: 6, new: 6, overdue: 1, due: 0, unassigned: 6, highRisk: 1, open: 6 });
      expect(queue.body.timezone).toBe('Asia/Shanghai');

      // tenant isolation: none of it is visible to another shop
      const foreign = await t.http.get('/v1/queue?limit=200').set(shop.auth).expect(200);
      expect(foreign.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(cases.e);
      await t.http.get(`/v1/cases/${cases.e}`).set(shop.auth).expect(404);
      const foreignContact = await t.http.post(`/v1/cases/${cases.e}/contacts`).set(shop.auth).send({ channel: 'phone', outcome: 'reached' }).expect(404);
      expect(foreignContact.body.code).toBe('CASE_NOT_FOUND');
      await t.http.post(`/v1/cases/${cases.e}/status`).set(lead.auth).send({ status: 'contacting' }).expect(404);
      await t.http.post(`/v1/cases/${cases.e}/assign`).set(q.auth).send({ staffId: agent.id }).expect(404);
    });

    it('reports figures per shop and per agent', async () => {
      const staff = await addStaff(q, 'Amy', 'agent');
      const input = { rating: 1, reviewedAt: daysAgo(1), orderAmount: 80 };
      const id = await ingest(q, input);
      const c = await caseOf(q, id);
      await t.http.post(`/v1/cases/${c.id}/claim`).set(staff.auth).expect(200);
      await t.http
        .post(`/v1/cases/${c.id}/contacts`)
        .set(staff.auth)
        .send({ channel: 'phone', outcome: 'reached', at: new Date(Date.now() - 60_000).toISOString(), compensation: { type: 'partial_refund', amount: 15.5 } })
        .expect((res) => expect([201, 409]).toContain(res.status));
      // quiet hours depend on when the test runs: a lead logs the same contact with an override if needed
      const detail = await t.http.get(`/v1/cases/${c.id}`).set(q.auth).expect(200);
      if (!detail.body.contacts.length) {
        await t.http
          .post(`/v1/cases/${c.id}/contacts`)
          .set(q.auth)
          .send({ channel: 'phone', outcome: 'reached', compensation: { type: 'partial_refund', amount: 15.5 }, override: { reason: 'test at night' } })
          .expect(201);
      }
      await ingest(q, { ...reviewInput(input), rating: 5 }); // another review: no effect
      const figures = await t.http.get('/v1/recovery/figures').set(q.auth).expect(200);
      expect(figures.body.shop).toMatchObject({ openCases: 7, opened: 7, firstContacted: 1, medianSecondsToFirstContact: expect.any(Number) });
      expect(figures.body.shop.compensation).toEqual([{ type: 'partial_refund', currency: 'CNY', contacts: 1, amount: 15.5 }]);
      const amy = figures.body.agents.find((a: { staffId: string }) => a.staffId === staff.id);
      expect(amy).toMatchObject({ name: 'Amy', openCases: 1, revised: 0, revisionRate: null });
      const bad = await t.http.get('/v1/recovery/figures?from=2026-12-01&to=2026-11-01').set(q.auth).expect(400);
      expect(bad.body.errors[0].field).toBe('to');
    });
  });
});
