import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

const DAY = 86_400_000;
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** A date N days before today in Shanghai, as YYYY-MM-DD (the shop's calendar). */
function shanghaiDate(daysAgo: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - daysAgo * DAY).toISOString().slice(0, 10);
}

/** What the staff console asks of the API beyond the resources it shows: who am I, queue filters, the contact policy at a moment. */
describe('API for the staff console', () => {
  let t: TestApp;
  let shop: TestShop;
  let other: TestShop;
  let lead: { id: string; auth: { Authorization: string } };
  let agent: { id: string; auth: { Authorization: string } };

  async function addStaff(name: string, role: 'lead' | 'agent') {
    const created = await t.http.post('/v1/staff').set(shop.auth).send({ name, role }).expect(201);
    const key = await t.http.post(`/v1/staff/${created.body.id}/api-keys`).set(shop.auth).send({ name: 'console' }).expect(201);
    return { id: created.body.id as string, auth: bearer(key.body.key) };
  }

  async function caseFor(overrides: Record<string, unknown>): Promise<{ caseId: string; reviewId: string }> {
    const response = await t.http.post('/v1/reviews').set(shop.auth).send(reviewInput(overrides)).expect(201);
    const reviewId = response.body.review.id as string;
    const caseId = await eventually(
      async () => {
        const list = await t.http.get(`/v1/cases?reviewId=${reviewId}`).set(shop.auth).expect(200);
        return list.body.items[0]?.id as string | undefined;
      },
      15_000,
      `the case of review ${reviewId}`,
    );
    return { caseId, reviewId };
  }

  beforeAll(async () => {
    t = await createTestApp({ recoverySweepIntervalMs: 0 });
    shop = await t.createShop('Console shop');
    other = await t.createShop('Other shop');
    lead = await addStaff('组长', 'lead');
    agent = await addStaff('小王', 'agent');
  });
  afterAll(async () => t?.close());

  describe('GET /v1/me', () => {
    it('says who a staff key acts as, with the shop', async () => {
      const me = await t.http.get('/v1/me').set(agent.auth).expect(200);
      expect(me.body).toEqual({
        staffId: agent.id,
        name: '小王',
        role: 'agent',
        actor: `staff:${agent.id}`,
        leadAuthority: false,
        shop: expect.objectContaining({ id: shop.shopId, name: 'Console shop', timezone: 'Asia/Shanghai' }),
      });
      const asLead = await t.http.get('/v1/me').set(lead.auth).expect(200);
      expect(asLead.body).toMatchObject({ staffId: lead.id, role: 'lead', leadAuthority: true });
    });

    it("says the shop's own key is the integration, with a lead's authority", async () => {
      const me = await t.http.get('/v1/me').set(shop.auth).expect(200);
      expect(me.body).toMatchObject({ staffId: null, role: 'integration', name: expect.stringMatching(/^api:/), leadAuthority: true });
      expect(me.body.actor).toBe(me.body.name);
    });

    it('needs a key', async () => {
      const response = await t.http.get('/v1/me').expect(401);
      expect(response.body.code).toBe('UNAUTHORIZED');
    });
  });

  describe('queue filters', () => {
    let logistics: string;
    let quality: string;
    let medium: string;

    beforeAll(async () => {
      const reviewedAt = new Date(Date.now() - 2 * DAY).toISOString();
      logistics = (await caseFor({ rating: 1, productId: 'p-ship', content: '快递太慢了，等了一个多星期才到', reviewedAt })).caseId;
      quality = (await caseFor({ rating: 2, productId: 'p-shirt', content: '衣服洗了一次就掉色了，质量太差', reviewedAt })).caseId;
      medium = (await caseFor({ rating: 3, productId: 'p-shirt', content: '衣服洗了一次就掉色了，质量一般', reviewedAt })).caseId;
    });

    const ids = (body: { items: { caseId: string }[] }) => body.items.map((i) => i.caseId).sort();

    it('narrows the items by grade, tag and product; the counts stay those of the whole queue', async () => {
      const all = await t.http.get('/v1/queue').set(lead.auth).expect(200);
      expect(ids(all.body)).toEqual([logistics, quality, medium].sort());

      const bad = await t.http.get('/v1/queue?grade=bad').set(lead.auth).expect(200);
      expect(ids(bad.body)).toEqual([logistics, quality].sort());
      expect(bad.body.counts).toEqual(all.body.counts);

      const byTag = await t.http.get('/v1/queue?tag=logistics').set(lead.auth).expect(200);
      expect(ids(byTag.body)).toEqual([logistics]);
      expect(byTag.body.items[0].tags).toContain('logistics');

      const byProduct = await t.http.get('/v1/queue?productId=p-shirt').set(lead.auth).expect(200);
      expect(ids(byProduct.body)).toEqual([quality, medium].sort());

      const combined = await t.http.get('/v1/queue?productId=p-shirt&grade=medium&tag=quality').set(lead.auth).expect(200);
      expect(ids(combined.body)).toEqual([medium]);

      const none = await t.http.get('/v1/queue?productId=p-none').set(lead.auth).expect(200);
      expect(none.body.items).toEqual([]);
    });

    it('combines filters with the assignee and keeps the API order', async () => {
      await t.http.post(`/v1/cases/${quality}/claim`).set(agent.auth).expect(200);
      const mine = await t.http.get('/v1/queue?assignee=me&productId=p-shirt').set(agent.auth).expect(200);
      expect(ids(mine.body)).toEqual([quality]);
      const unassigned = await t.http.get('/v1/queue?assignee=unassigned&grade=bad').set(lead.auth).expect(200);
      expect(ids(unassigned.body)).toEqual([logistics]);
      const positions = (await t.http.get('/v1/queue?productId=p-shirt').set(lead.auth).expect(200)).body.items.map((i: { position: number }) => i.position);
      expect(positions).toEqual([1, 2]);
    });

    it('rejects an unknown tag or grade with the field', async () => {
      const response = await t.http.get('/v1/queue?tag=weather&grade=good').set(lead.auth).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['grade', 'tag']);
    });
  });

  describe('the contact policy at a moment', () => {
    let caseId: string;

    beforeAll(async () => {
      ({ caseId } = await caseFor({ rating: 1, content: '客服态度很差，问了半天不回复', reviewedAt: `${shanghaiDate(3)} 10:00:00`, buyerId: 'b-policy' }));
    });

    it('shows the rules and whether a contact then is allowed, with the next allowed moment', async () => {
      const quiet = await t.http
        .get(`/v1/cases/${caseId}/contact-policy`)
        .query({ at: `${shanghaiDate(1)} 22:30` })
        .set(agent.auth)
        .expect(200);
      expect(quiet.body).toEqual({
        at: new Date(`${shanghaiDate(1)}T22:30:00+08:00`).toISOString(),
        allowed: false,
        violations: ['quiet_hours'],
        nextAllowedAt: new Date(`${shanghaiDate(0)}T09:00:00+08:00`).toISOString(),
        rules: { maxContactsPerDay: 2, maxContactsTotal: 6, quietHoursStart: '21:00', quietHoursEnd: '09:00', timezone: 'Asia/Shanghai' },
        contactsThatDay: 0,
        contactsTotal: 0,
      });
      const afternoon = await t.http
        .get(`/v1/cases/${caseId}/contact-policy?at=${shanghaiDate(1)}T14:00:00%2B08:00`)
        .set(agent.auth)
        .expect(200);
      expect(afternoon.body).toMatchObject({ allowed: true, violations: [] });
    });

    it('counts the contacts of that day against the daily limit', async () => {
      for (const time of ['11:00', '15:00']) {
        await t.http
          .post(`/v1/cases/${caseId}/contacts`)
          .set(lead.auth)
          .send({ channel: 'phone', outcome: 'no_answer', at: `${shanghaiDate(1)} ${time}` })
          .expect(201);
      }
      const third = await t.http
        .get(`/v1/cases/${caseId}/contact-policy`)
        .query({ at: `${shanghaiDate(1)} 17:00` })
        .set(agent.auth)
        .expect(200);
      expect(third.body).toMatchObject({ allowed: false, violations: ['daily_limit'], contactsThatDay: 2, contactsTotal: 2 });
      expect(third.body.nextAllowedAt).toBe(new Date(`${shanghaiDate(0)}T09:00:00+08:00`).toISOString());
    });

    it('the case detail carries the same for now, and the reviewer profile id', async () => {
      const detail = await t.http.get(`/v1/cases/${caseId}`).set(agent.auth).expect(200);
      expect(detail.body.contactPolicy).toMatchObject({
        allowedNow: expect.any(Boolean),
        rules: { maxContactsPerDay: 2, maxContactsTotal: 6, quietHoursStart: '21:00', quietHoursEnd: '09:00', timezone: 'Asia/Shanghai' },
        contactsTotal: 2,
        contactsToday: 0,
      });
      expect(detail.body.reviewer).toEqual({
        id: expect.any(String),
        riskScore: expect.any(Number),
        riskLevel: expect.any(String),
        status: expect.any(String),
      });
      await t.http.get(`/v1/reviewers/${detail.body.reviewer.id}`).set(agent.auth).expect(200);
    });

    it("rejects a bad moment with the field; another shop's case is 404", async () => {
      const bad = await t.http.get(`/v1/cases/${caseId}/contact-policy?at=yesterday`).set(agent.auth).expect(400);
      expect(bad.body.errors[0].field).toBe('at');
      await t.http.get(`/v1/cases/${caseId}/contact-policy`).set(other.auth).expect(404);
    });
  });
});
