import type { AddressInfo } from 'node:net';
import createClient, { type Client } from 'openapi-fetch';
import { reviewInput } from './support/factories';
import type { components, paths } from '../src/console/web/openapi-types';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

type ReviewInput = components['schemas']['ReviewInputDto'];

/**
 * A client generated from the committed openapi.json (npm run client:generate) drives the main workflow
 * against the app listening on a port: if the document and the API disagree, this file stops compiling
 * (ts-jest type-checks it) or its assertions fail.
 */
describe('a client generated from openapi.json', () => {
  let t: TestApp;
  let shop: TestShop;
  let api: Client<paths>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    shop = await t.createShop('Client shop', 'Asia/Shanghai', 'zh');
    api = createClient<paths>({ baseUrl: `http://127.0.0.1:${port}`, headers: shop.auth });
  });
  afterAll(async () => t.close());

  it('creates a review, reads its analysis and replies, works its case and gets the report', async () => {
    // a review in, 201 with the stored review
    const input = reviewInput({ rating: 1, content: '快递太慢了，等了一个星期才到' }) as unknown as ReviewInput;
    const created = await api.POST('/v1/reviews', { body: input });
    expect(created.response.status).toBe(201);
    const reviewId = created.data!.review.id;
    expect(created.data!.result).toBe('created');

    // the same review again: 200, unchanged
    const again = await api.POST('/v1/reviews', { body: input });
    expect(again.response.status).toBe(200);
    expect(again.data!.result).toBe('unchanged');

    // tags from the analysis job
    const review = await eventually(
      async () => {
        const { data } = await api.GET('/v1/reviews/{id}', { params: { path: { id: reviewId } } });
        return data?.analysisStatus === 'done' ? data : undefined;
      },
      20_000,
      'the analysis',
    );
    // which causes is the classifier's business (its own tests); here: the analysis' fields arrive typed
    expect(review.tags.length).toBeGreaterThan(0);
    expect(review.grade).toBe('bad');

    // a drafted reply, listed for the review and for the shop
    const drafted = await api.POST('/v1/reviews/{id}/replies', { params: { path: { id: reviewId } }, body: {} });
    expect(drafted.response.status).toBe(201);
    const reply = drafted.data!;
    expect(reply.text.length).toBeGreaterThan(0);
    const forReview = await api.GET('/v1/reviews/{id}/replies', { params: { path: { id: reviewId } } });
    expect(forReview.data!.current?.id).toBe(reply.id);
    const listed = await api.GET('/v1/replies', { params: { query: { limit: 10 } } });
    expect(listed.data!.items.map((item) => item.id)).toContain(reply.id);

    // the bad review opened a case, which is in the queue
    const queued = await eventually(
      async () => {
        const { data } = await api.GET('/v1/queue');
        return data?.items.find((item) => item.reviewId === reviewId);
      },
      20_000,
      'the case in the queue',
    );
    expect(queued.status).toBe('new');

    // no quiet hours, so that the contact below is allowed at any time of day the test runs
    const settings = await api.PUT('/v1/queue/settings', { body: { quietHoursStart: '00:00', quietHoursEnd: '00:00' } });
    expect(settings.response.status).toBe(200);

    // a contact logged on the case moves it on
    const contact = await api.POST('/v1/cases/{id}/contacts', {
      params: { path: { id: queued.caseId } },
      body: { channel: 'phone', outcome: 'reached', note: '已致歉，重新发货' },
    });
    expect([contact.response.status, contact.error?.code]).toEqual([201, undefined]);
    expect(contact.data!.case.id).toBe(queued.caseId);
    expect(contact.data!.case.status).toBe('contacting');
    const contacts = await api.GET('/v1/cases/{id}/contacts', { params: { path: { id: queued.caseId } } });
    expect(contacts.data!.map((c) => c.outcome)).toEqual(['reached']);

    // the report of the review's local day: one report, not a page
    const day = new Date(Date.parse(review.reviewedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
    const report = await api.GET('/v1/reports', { params: { query: { from: day, to: day } } });
    expect(report.response.status).toBe(200);
    const body = report.data!;
    // json unless format asks for csv, md or html; with from and to a report rather than a page
    if (typeof body === 'string' || !('kind' in body)) throw new Error('expected a report');
    expect(body).toMatchObject({ kind: 'range', from: day, to: day });

    // errors come as the documented ErrorResponse
    const missing = await api.GET('/v1/reviews/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ statusCode: 404, code: expect.any(String), requestId: expect.any(String) });
  });
});
