import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH, followProcessClock, launchChromium } from '../scripts/console-chromium';
import { addStaff, analysed, ConsoleApp, StaffKey, startConsoleApp } from '../scripts/console-demo';
import { formatIsoWeek, isoWeekOf } from '../src/reports/report-period';
import { describeInBrowser } from './support/browser-tests';
import { EventReceiver } from './support/webhook-receiver';
import { reviewInput } from './support/factories';
import { eventually, TestShop } from './support/test-app';

jest.setTimeout(120_000);

const DAY = 86_400_000;

/** A date `days` from today on the shop's (Shanghai) calendar, YYYY-MM-DD. */
function shanghaiDate(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
}

interface Delivery {
  headers: IncomingMessage['headers'];
  body: { event: string; reply: { id: string; text: string } };
}

/**
 * The staff console in real headless Chromium (Debian's package, driven by playwright-core) against the
 * real service: one browser and one app for the file. The UI is used as staff use it (forms, buttons,
 * keys); the API is only asked to set up and to check what the UI did.
 */
describeInBrowser(`staff console in headless Chromium (${CHROMIUM_PATH})`, () => {
  let service: ConsoleApp;
  let browser: Browser;
  let shop: TestShop;
  let lead: StaffKey;
  let agent: StaffKey;
  let hook: Server;
  const deliveries: Delivery[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const cases: Record<'clear' | 'tags' | 'quiet' | 'compliance', { caseId: string; reviewId: string; externalId: string }> = {} as never;

  async function caseOf(reviewId: string): Promise<string> {
    return eventually(
      async () => {
        const list = await service.t.http.get(`/v1/cases?reviewId=${reviewId}`).set(shop.auth);
        return list.body.items?.[0]?.id as string | undefined;
      },
      20_000,
      `the case of review ${reviewId}`,
    );
  }

  async function ingest(name: keyof typeof cases, overrides: Record<string, unknown>): Promise<void> {
    const input = reviewInput({ reviewedAt: `${shanghaiDate(-3)} 10:00:00`, ...overrides });
    const response = await service.t.http.post('/v1/reviews').set(shop.auth).send(input).expect(201);
    cases[name] = { reviewId: response.body.review.id, caseId: '', externalId: input.externalId as string };
  }

  /** A signed-in page: the browser in Los Angeles, to show that the console works in the shop's time zone. */
  async function signIn(staff: StaffKey, locale = 'en-GB'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale, timezoneId: 'America/Los_Angeles', viewport: { width: 1400, height: 1000 } });
    await followProcessClock(context);
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${service.baseUrl}/console`);
    await page.fill('#signin-key', staff.key);
    await page.click('button[type="submit"]');
    await page.locator('#who').waitFor();
    return { context, page };
  }

  beforeAll(async () => {
    // fails every test of the file with a message that says how to install Chromium when it is missing
    browser = await launchChromium();
    // event deliveries retried quickly and given up after two attempts, so an endpoint's disabling happens within a test
    service = await startConsoleApp({ eventsPollIntervalMs: 200, webhookRetryBaseMs: 200, webhookMaxAttempts: 2, webhookTimeoutMs: 5_000 });
    shop = await service.t.createShop('Console UI shop');
    lead = await addStaff(service.t, shop, 'Lin', 'lead');
    agent = await addStaff(service.t, shop, 'Wang', 'agent');
    hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        deliveries.push({ headers: request.headers, body: JSON.parse(body) });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => hook.listen(0, '127.0.0.1', done));
    await service.t.http
      .put('/v1/reply-settings')
      .set(lead.auth)
      .send({ webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/replies`, webhookSecret: 'console-ui-test-secret-0123' })
      .expect(200);
    await ingest('clear', { rating: 1, content: '快递太慢了，等了一个星期才到', productId: 'p-ship', buyerId: 'b-clear' });
    await ingest('tags', { rating: 2, content: '衣服洗了一次就掉色了，质量太差', productId: 'p-shirt', buyerId: 'b-tags' });
    await ingest('quiet', { rating: 3, content: '客服回复太慢了，问了半天', productId: 'p-cup', buyerId: 'b-quiet' });
    await ingest('compliance', { rating: 1, content: '包裹到的时候盒子都压扁了', productId: 'p-box', buyerId: 'b-compliance' });
    await analysed(service.t, shop.shopId);
    for (const name of Object.keys(cases) as (keyof typeof cases)[]) cases[name].caseId = await caseOf(cases[name].reviewId);
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await new Promise((done) => (hook ? hook.close(done) : done(undefined)));
  });

  it('refuses a wrong key, signs an agent in and shows their own queue first, then everyone’s with the reasons', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    await followProcessClock(context);
    const page = await context.newPage();
    await page.goto(`${service.baseUrl}/console`);
    await page.fill('#signin-key', 'rrs_not-a-key');
    await page.click('button[type="submit"]');
    await expectText(page, '[role="alert"]', 'The key is not valid');
    await context.close();

    const { context: signedIn, page: queue } = await signIn(agent);
    await expectText(queue, '#who', 'Wang · Agent · Console UI shop');
    expect(await queue.inputValue('#filter-assignee')).toBe('me');
    await expectText(queue, '.empty', 'The queue is clear');
    await queue.selectOption('#filter-assignee', 'all');
    await queue.locator('table.queue tbody tr').nth(2).waitFor();
    const api = await service.t.http.get('/v1/queue').set(agent.auth).expect(200);
    const shown = await queue.locator('table.queue tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-case')));
    expect(shown).toEqual(api.body.items.map((i: { caseId: string }) => i.caseId));
    await expectText(queue, 'table.queue tbody tr:first-child .reasons', 'The revision window closes in');
    await expectText(queue, '.count-inQueue', '4');

    // filters narrow the list through the API
    await queue.selectOption('#filter-tag', 'quality');
    await until(() => queue.locator('table.queue tbody tr').count(), 1);
    expect(await queue.locator('table.queue tbody tr').getAttribute('data-case')).toBe(cases.tags.caseId);
    await queue.click('text=Clear filters');
    await until(() => queue.locator('table.queue tbody tr').count(), 4);

    // the language follows the browser until changed
    await queue.selectOption('#lang', 'zh');
    await expectText(queue, '#view-title', '今日待办');
    await queue.selectOption('#lang', 'en');
    await expectText(queue, '#view-title', 'Today’s queue');
    await signedIn.close();
  });

  it('moves with j/k, claims with c, opens with Enter, goes back with Esc, and shows the shortcuts with ?', async () => {
    const { context, page } = await signIn(agent);
    await page.selectOption('#filter-assignee', 'all');
    await page.locator('table.queue tbody tr').nth(2).waitFor();
    await page.locator('h1').click();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const selected = page.locator('tr.selected');
    const caseId = (await selected.getAttribute('data-case')) as string;
    expect(await page.locator('table.queue tbody tr').nth(1).getAttribute('data-case')).toBe(caseId);
    await page.keyboard.press('c');
    await expectText(page, 'tr.selected td.who', 'Me');
    await eventually(async () => {
      const detail = await service.t.http.get(`/v1/cases/${caseId}`).set(shop.auth);
      return detail.body.assignee?.id === agent.id ? true : undefined;
    });
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/console#/case/${caseId}`);
    await page.locator('#case-status').waitFor();
    await page.locator('#view-title').click();
    await page.keyboard.press('Escape');
    await page.waitForURL('**/console#/queue**');
    await page.keyboard.press('?');
    await expectText(page, 'dialog.help', 'Keyboard shortcuts');
    await page.keyboard.press('Escape');
    await until(() => page.locator('dialog.help').evaluate((d) => (d as unknown as { open: boolean }).open), false);
    // give it back for the other tests
    await service.t.http.post(`/v1/cases/${caseId}/reassign`).set(lead.auth).send({ staffId: null }).expect(200);
    await context.close();
  });

  it('clears a case from new to revised: a contact with a promised revision, then the revised review', async () => {
    const { context, page } = await signIn(agent);
    await page.goto(`${service.baseUrl}/console#/case/${cases.clear.caseId}`);
    await expectText(page, '#case-status', 'New');
    await page.selectOption('#contact-channel', 'phone');
    await page.selectOption('#contact-outcome', 'promised_revision');
    await page.fill('#contact-at', `${shanghaiDate(-1)}T14:00`);
    await expectText(page, '#policy-box', 'is within the policy');
    await page.fill('#contact-promised', shanghaiDate(5));
    await page.fill('#contact-note', 'Apologised; a gift goes out today');
    await page.click('#contact-submit');
    await expectText(page, '#case-status', 'Awaiting revision');
    await expectText(page, '#contact-log', 'Promised a revision');
    await expectText(page, '#contact-log', 'Wang');
    const detail = await service.t.http.get(`/v1/cases/${cases.clear.caseId}`).set(shop.auth).expect(200);
    expect(detail.body).toMatchObject({ status: 'awaiting_revision', assignee: { id: agent.id } });
    expect(detail.body.contacts[0]).toMatchObject({
      channel: 'phone',
      outcome: 'promised_revision',
      at: new Date(`${shanghaiDate(-1)}T14:00:00+08:00`).toISOString(),
      note: 'Apologised; a gift goes out today',
    });

    // the buyer revises the review: the platform adapter sends it again with a good rating
    await service.t.http
      .post('/v1/reviews')
      .set(shop.auth)
      .send(
        reviewInput({
          externalId: cases.clear.externalId,
          rating: 5,
          content: '卖家很负责，问题解决了',
          reviewedAt: `${shanghaiDate(-3)} 10:00:00`,
          productId: 'p-ship',
          buyerId: 'b-clear',
        }),
      )
      .expect(200);
    await analysed(service.t, shop.shopId);
    await page.reload();
    await expectText(page, '#case-status', 'Revised');
    await expectText(page, '.card', 'This case is finished.');
    await context.close();
  });

  it('corrects the root-cause tags; the correction is the staff’s', async () => {
    const { context, page } = await signIn(agent);
    await page.goto(`${service.baseUrl}/console#/case/${cases.tags.caseId}`);
    await expectText(page, '#tag-list', 'Quality');
    await page.click('#tags-edit');
    await page.check('input[name="tag"][value="logistics"]');
    await page.check('input[name="subTag"][value="damaged_parcel"]');
    await page.uncheck('input[name="tag"][value="quality"]');
    await page.click('#tags-save');
    await expectText(page, '#tag-source', 'corrected by staff');
    await expectText(page, '#tag-list', 'Damaged parcel');
    const review = await service.t.http.get(`/v1/reviews/${cases.tags.reviewId}`).set(shop.auth).expect(200);
    expect(review.body).toMatchObject({ tags: ['logistics'], subTags: ['damaged_parcel'], tagSource: 'staff' });
    await context.close();
  });

  it('edits, approves and publishes the 3F reply; the webhook gets it; a reply that blames the buyer is refused', async () => {
    const { context, page } = await signIn(lead);
    await page.goto(`${service.baseUrl}/console#/case/${cases.tags.caseId}`);
    // the reply is drafted when the case opens
    await expectText(page, '#reply-status', 'Draft');
    await until(() => page.locator('#remedy').count(), 1);
    await page.fill('#reply-feel', '您确定是我们的问题吗');
    await page.click('#reply-save');
    await expectText(page, '.reply [role="alert"]', 'blame');
    expect(await page.getAttribute('#reply-feel', 'aria-invalid')).toBe('true');
    const feel = '亲，收到的衣服洗一次就掉色，换谁都会失望，真的很抱歉。';
    await page.fill('#reply-feel', feel);
    await page.click('#reply-approve');
    await expectText(page, '#reply-status', 'Approved');
    await page.click('#reply-publish');
    await expectText(page, '#reply-status', 'Published');
    await expectText(page, '#reply-delivery', 'Delivered to the webhook', 20_000);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].body.event).toBe('reply.published');
    expect(deliveries[0].body.reply.text.startsWith(feel)).toBe(true);
    expect(deliveries[0].headers['x-rrs-signature']).toMatch(/^sha256=/);
    const replies = await service.t.http.get(`/v1/reviews/${cases.tags.reviewId}/replies`).set(shop.auth).expect(200);
    expect(replies.body.current).toMatchObject({ status: 'published', feel, approvedBy: `staff:${lead.id}`, publishedBy: `staff:${lead.id}` });
    await context.close();
  });

  it('shows compliance findings beside the reply with the span, explanation and rewrite; an agent cannot approve, a lead overrides with a reason', async () => {
    const { context, page } = await signIn(agent);
    await page.goto(`${service.baseUrl}/console#/case/${cases.compliance.caseId}`);
    await expectText(page, '#reply-status', 'Draft');
    await expectText(page, '#compliance-findings', 'No findings');
    await page.fill('#reply-found', '好评返 现5元，联系客服领取。');
    await page.click('#reply-save');
    await expectText(page, '#compliance-findings [data-rule="compensation-for-review"]', 'Compensation conditioned on the review');
    await expectText(page, '#compliance-findings [data-rule="compensation-for-review"] .severity', 'Blocks');
    expect(await page.innerText('#compliance-findings [data-rule="compensation-for-review"] mark')).toBe('好评返 现');
    await expectText(page, '#compliance-findings [data-rule="compensation-for-review"] .rewrite', '先单独提出补偿');
    await expectText(page, '#compliance-findings', 'in text');
    await expectText(page, '#compliance-lead-only', 'Only a lead');
    expect(await page.locator('#compliance-override').count()).toBe(0);
    await page.click('#reply-approve');
    await page.locator('.reply [role="alert"]').waitFor();
    await expectText(page, '#reply-status', 'Edited');
    await context.close();

    const asLead = await signIn(lead);
    const leadPage = asLead.page;
    await leadPage.goto(`${service.baseUrl}/console#/case/${cases.compliance.caseId}`);
    await expectText(leadPage, '#compliance-findings', 'Compensation conditioned on the review');
    expect(await leadPage.isDisabled('#compliance-override')).toBe(true);
    await leadPage.fill('#compliance-override-reason', 'Quoted from the platform notice the buyer asked about');
    await expectText(leadPage, '#compliance-override', 'Approve anyway');
    await leadPage.click('#compliance-override');
    await expectText(leadPage, '#reply-status', 'Approved');
    await expectText(leadPage, '#compliance-override', 'Publish anyway');
    const replies = await service.t.http.get(`/v1/reviews/${cases.compliance.reviewId}/replies`).set(shop.auth).expect(200);
    const overrides = await service.t.http.get(`/v1/replies/${replies.body.current.id}/overrides`).set(shop.auth).expect(200);
    expect(overrides.body.items).toHaveLength(1);
    expect(overrides.body.items[0].ruleIds).toContain('compensation-for-review');
    expect(overrides.body.items[0]).toMatchObject({
      action: 'approve',
      reason: 'Quoted from the platform notice the buyer asked about',
      actor: `staff:${lead.id}`,
    });
    await asLead.context.close();
  });

  it('shows the contact policy before a contact is logged: quiet hours refuse an agent; a lead overrides with a reason', async () => {
    const { context, page } = await signIn(agent);
    await page.goto(`${service.baseUrl}/console#/case/${cases.quiet.caseId}`);
    await page.fill('#contact-at', `${shanghaiDate(-1)}T22:30`);
    await expectText(page, '#policy-box', 'No contact at');
    await expectText(page, '#policy-box [data-violation="quiet_hours"]', 'Within the quiet hours (21:00–09:00, Asia/Shanghai)');
    await expectText(page, '#policy-box', 'Next allowed');
    expect(await page.isDisabled('#contact-submit')).toBe(true);
    await expectText(page, '.contact-form', 'only a lead can log it anyway');
    // a time outside the quiet hours is fine again
    await page.fill('#contact-at', `${shanghaiDate(-1)}T20:30`);
    await expectText(page, '#policy-box', 'is within the policy');
    expect(await page.isDisabled('#contact-submit')).toBe(false);
    await context.close();

    const asLead = await signIn(lead);
    const leadPage = asLead.page;
    await leadPage.goto(`${service.baseUrl}/console#/case/${cases.quiet.caseId}`);
    await leadPage.selectOption('#contact-outcome', 'no_answer');
    await leadPage.fill('#contact-at', `${shanghaiDate(-1)}T22:30`);
    await expectText(leadPage, '#policy-box', 'No contact at');
    expect(await leadPage.isDisabled('#contact-submit')).toBe(true);
    await leadPage.fill('#contact-override', 'The buyer asked us to call after work');
    await expectText(leadPage, '#contact-submit', 'Log anyway');
    await leadPage.click('#contact-submit');
    await expectText(leadPage, '#contact-log', 'Logged against the contact policy: The buyer asked us to call after work');
    const detail = await service.t.http.get(`/v1/cases/${cases.quiet.caseId}`).set(shop.auth).expect(200);
    expect(detail.body.contacts).toHaveLength(1);
    expect(detail.body.contacts[0]).toMatchObject({ outcome: 'no_answer', policyOverrideReason: 'The buyer asked us to call after work' });
    expect(detail.body.events.map((e: { action: string }) => e.action)).toContain('policy_override');
    await asLead.context.close();
  });

  it('shows the reviewer’s risk with its signals, takes a decision with a reason, and downloads the evidence pack', async () => {
    const { context, page } = await signIn(lead);
    const detail = await service.t.http.get(`/v1/cases/${cases.quiet.caseId}`).set(shop.auth).expect(200);
    await page.goto(`${service.baseUrl}/console#/case/${cases.quiet.caseId}`);
    await page.click('text=Reviewer profile');
    await page.waitForURL(`**/console#/reviewer/${detail.body.reviewer.id}`);
    await page.locator('#risk-score').waitFor();
    await page.click('#risk-dismiss');
    await page.fill('#risk-reason', 'A regular customer; the delay was ours');
    await page.click('.reason-form button[type="submit"]');
    await expectText(page, '#risk-status', 'Dismissed');
    await expectText(page, '.audit', 'A regular customer; the delay was ours');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#evidence-md')]);
    expect(file.suggestedFilename()).toBe('evidence-b-quiet-en.md');
    const path = await file.path();
    const markdown = readFileSync(path, 'utf8');
    expect(markdown).toContain('b-quiet');
    expect(markdown).toContain('A regular customer; the delay was ours');
    await context.close();
  });

  it('opens the weekly report of a week, moves to the week before, and downloads the CSV', async () => {
    const { context, page } = await signIn(lead);
    const week = formatIsoWeek(isoWeekOf(shanghaiDate(-3)));
    await page.goto(`${service.baseUrl}/console#/report?week=${week}`);
    await expectText(page, '#report-meta', week);
    const frame = page.frameLocator('#report-frame');
    await frame.locator('h2', { hasText: 'Root causes' }).first().waitFor();
    // the week's three medium/bad reviews are in the summary, and the charts are drawn inline
    expect(await frame.locator('svg').count()).toBeGreaterThan(0);
    const summary = await frame.locator('body').innerText();
    expect(summary).toContain('Summary');
    expect(summary).toMatch(/logistics|Logistics/);

    await page.click('#report-prev');
    const previous = formatIsoWeek(isoWeekOf(shanghaiDate(-10)));
    await page.waitForURL(`**/console#/report?week=${previous}`);
    await expectText(page, '#report-meta', previous);

    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#report-csv')]);
    expect(file.suggestedFilename()).toBe(`weekly-report-${previous}-en.csv`);
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv.length).toBeGreaterThan(50);
    expect(csv).toMatch(/summary/i);
    await context.close();
  });

  describe('event webhooks', () => {
    let receiver: EventReceiver;
    let receiverUrl: string;
    let endpointId: string;

    beforeAll(async () => {
      receiver = new EventReceiver([]);
      receiverUrl = await receiver.start();
    });
    afterAll(async () => receiver?.stop());

    /** A bad review as the platform adapter posts it, analysed (its case opened). */
    async function badReview(): Promise<string> {
      const response = await service.t.http
        .post('/v1/reviews')
        .set(shop.auth)
        .send(reviewInput({ rating: 1, content: '耳机用了两天就没声音了', reviewedAt: `${shanghaiDate(-2)} 10:00:00` }))
        .expect(201);
      await analysed(service.t, shop.shopId);
      return response.body.review.id as string;
    }

    const received = (reviewId: string, type: string) =>
      eventually(async () => receiver.about(reviewId).find((e) => e.event === type), 20_000, `${type} about ${reviewId} at the receiver`);

    it('tells an agent that only a lead manages webhooks, and asks the API nothing', async () => {
      const { context, page } = await signIn(agent);
      const asked: string[] = [];
      page.on('request', (request) => asked.push(request.url()));
      await page.click('header.top nav a[href="#/webhooks"]');
      await expectText(page, '#webhooks-lead-only', 'Only a lead or the shop’s integration key');
      expect(await page.locator('#webhook-new').count()).toBe(0);
      expect(asked.filter((url) => url.includes('/v1/event-subscriptions'))).toEqual([]);
      await page.selectOption('#lang', 'zh');
      await expectText(page, '#webhooks-lead-only', '只有组长');
      await page.selectOption('#lang', 'en');
      await context.close();
    });

    it('creates an endpoint with events from the catalogue, shows its secret once, and its delivery log with a real delivery; redelivers one event', async () => {
      const { context, page } = await signIn(lead);
      await page.goto(`${service.baseUrl}/console#/webhooks`);
      await expectText(page, '.empty', 'No endpoint yet');
      await page.click('#webhook-new');
      await page.fill('#webhook-url', receiverUrl);
      await page.fill('#webhook-description', 'ERP');
      expect(await page.isDisabled('#webhook-create-submit')).toBe(true);
      await page.check('input[name="webhook-types-type"][value="review.created"]');
      await page.check('input[name="webhook-types-type"][value="case.opened"]');
      await page.click('#webhook-create-submit');
      await page.locator('#webhook-secret-value').waitFor();
      const secret = await page.inputValue('#webhook-secret-value');
      expect(secret).toMatch(/^whsec_/);
      await expectText(page, '#webhook-secret', 'cannot be shown again');
      receiver.secrets = [secret];
      await page.click('#webhook-secret-done');
      await until(() => page.locator('#webhook-secret').count(), 0);
      const listed = await service.t.http.get('/v1/event-subscriptions').set(lead.auth).expect(200);
      expect(listed.body.items).toHaveLength(1);
      expect(listed.body.items[0]).toMatchObject({ url: receiverUrl, description: 'ERP', eventTypes: ['case.opened', 'review.created'], status: 'active' });
      endpointId = listed.body.items[0].id;
      await expectText(page, `tbody[data-id="${endpointId}"] .endpoint-types`, 'Case opened, Review created');
      await expectText(page, `tbody[data-id="${endpointId}"] .endpoint-last`, 'Nothing sent yet');

      // a review comes in: the receiver gets both events, signed with the secret the page showed
      const reviewId = await badReview();
      const created = await received(reviewId, 'review.created');
      await received(reviewId, 'case.opened');
      expect(receiver.rejected).toEqual([]);
      await page.click('#webhooks-refresh');
      await expectText(page, `tbody[data-id="${endpointId}"] .endpoint-last`, 'Delivered · 200');
      // the secret is never shown again
      await page.reload();
      await page.locator('#webhooks-table').waitFor();
      expect(await page.locator('body').innerText()).not.toContain(secret);

      await page.click(`tbody[data-id="${endpointId}"] .endpoint-log`);
      await page.waitForURL(`**/console#/webhooks/${endpointId}`);
      const row = page.locator(`#deliveries tr[data-event="${created.id}"]`);
      await expectText(page, `#deliveries tr[data-event="${created.id}"]`, 'Review created');
      expect(await row.locator('.event-id').innerText()).toBe(created.id);
      expect(await row.locator('.delivery-status').innerText()).toContain('Delivered');
      expect(await row.locator('.delivery-code').innerText()).toBe('200');
      expect(await row.locator('.delivery-latency').innerText()).toMatch(/^\d+ ms$/);
      expect(await row.locator('.delivery-attempts').innerText()).toBe('1');
      expect(await page.locator('#deliveries tbody tr').count()).toBe(2);

      const before = receiver.requests.filter((r) => r.headers['x-rrs-event-id'] === created.id).length;
      await row.locator('.delivery-redeliver').click();
      await expectText(page, '.toast', 'Queued again');
      await eventually(
        async () => (receiver.requests.filter((r) => r.headers['x-rrs-event-id'] === created.id).length > before ? true : undefined),
        20_000,
        'the redelivery',
      );
      // the receiver saw the same event id again and did not act twice
      expect(receiver.events.filter((e) => e.id === created.id)).toHaveLength(1);
      await until(async () => {
        await page.click('#deliveries-refresh');
        await page.waitForTimeout(300);
        return page.locator(`#deliveries tr[data-event="${created.id}"]`).filter({ hasText: 'Delivered' }).count();
      }, 2);
      await expectText(page, `#deliveries tr[data-event="${created.id}"]`, 'redelivery (Lin)');
      await context.close();
    });

    it('edits the event types, rotates the secret with an overlap, re-enables an endpoint disabled after failures, and deletes it', async () => {
      const { context, page } = await signIn(lead);
      await page.goto(`${service.baseUrl}/console#/webhooks`);
      const endpoint = `tbody[data-id="${endpointId}"]`;
      await page.click(`${endpoint} .endpoint-edit`);
      await page.uncheck(`input[name="types-${endpointId}-type"][value="case.opened"]`);
      await page.check(`input[name="types-${endpointId}-type"][value="review.updated"]`);
      await page.click(`${endpoint} .endpoint-types-save`);
      await expectText(page, '.toast', 'Event types saved');
      await expectText(page, `${endpoint} .endpoint-types`, 'Review created, Review updated');
      const edited = await service.t.http.get(`/v1/event-subscriptions/${endpointId}`).set(lead.auth).expect(200);
      expect(edited.body.eventTypes).toEqual(['review.created', 'review.updated']);

      // rotation: the overlap is explained, the new secret shown once; the receiver switches to it at once
      await page.click(`${endpoint} .endpoint-rotate`);
      await expectText(page, '.rotate-form', 'two signatures');
      await page.selectOption(`${endpoint} .endpoint-overlap`, '3600');
      await page.click(`${endpoint} .endpoint-rotate-confirm`);
      await page.locator('#webhook-secret-value').waitFor();
      const rotated = await page.inputValue('#webhook-secret-value');
      expect(rotated).toMatch(/^whsec_/);
      expect(rotated).not.toBe(receiver.secrets[0]);
      await expectText(page, '#webhook-secret-overlap', 'The old secret keeps signing until');
      await page.click('#webhook-secret-done');
      await expectText(page, `${endpoint} .endpoint-status`, 'the old secret also signs until');
      receiver.secrets = [rotated];
      const afterRotation = await badReview();
      const signed = await received(afterRotation, 'review.created');
      expect(String(signed.received.headers['x-rrs-signature']).split(', ')).toHaveLength(2);

      // the receiver fails: after two attempts the endpoint is disabled, with the reason and when
      receiver.answers = Array.from({ length: 20 }, () => 500);
      const failing = await badReview();
      await eventually(
        async () => {
          const s = await service.t.http.get(`/v1/event-subscriptions/${endpointId}`).set(lead.auth).expect(200);
          return s.body.status === 'disabled' ? true : undefined;
        },
        20_000,
        'the endpoint disabled',
      );
      receiver.answers = [];
      await page.click('#webhooks-refresh');
      await expectText(page, `${endpoint} .endpoint-status`, 'Disabled');
      await expectText(page, `${endpoint} .endpoint-reason`, 'deliveries kept failing (HTTP 500)');
      await expectText(page, `${endpoint} .endpoint-last`, 'Failed · 500');
      await expectText(page, `${endpoint} .endpoint-last`, 'Failed attempts in a row: 2');
      // enabled again; the delivery that failed for good is redelivered from the log
      await page.click(`${endpoint} .endpoint-enable`);
      await expectText(page, '.toast', 'Enabled');
      await expectText(page, `${endpoint} .endpoint-status`, 'Active');
      await page.click(`${endpoint} .endpoint-log`);
      await page.selectOption('#deliveries-status', 'failed');
      await expectText(page, '#deliveries .delivery-status', 'HTTP 500');
      const failed = page.locator('#deliveries tbody tr').first();
      expect(await failed.locator('.delivery-code').innerText()).toBe('500');
      expect(await failed.locator('.delivery-attempts').innerText()).toBe('2');
      await failed.locator('.delivery-redeliver').click();
      await expectText(page, '.toast', 'Queued again');
      const arrived = await received(failing, 'review.created');
      expect(arrived.id).toBe(await failed.getAttribute('data-event'));

      await page.click('a[href="#/webhooks"]');
      await page.click(`${endpoint} .endpoint-delete`);
      await expectText(page, 'tr.endpoint-panel', 'Pending deliveries are dropped');
      await page.click(`${endpoint} .endpoint-delete-confirm`);
      await expectText(page, '.empty', 'No endpoint yet');
      expect((await service.t.http.get('/v1/event-subscriptions').set(lead.auth).expect(200)).body.items).toEqual([]);
      await page.selectOption('#lang', 'zh');
      await expectText(page, '#view-title', '事件推送');
      await page.selectOption('#lang', 'en');
      await context.close();
    });
  });

  it('made no request outside the service and raised no script error', () => {
    expect(requests.length).toBeGreaterThan(20);
    expect(requests.filter((url) => !url.startsWith(`${service.baseUrl}/`))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

/** Waits until the element has the text (the UI answers without blocking; this is how a person waits). */
async function expectText(page: Page, selector: string, text: string, timeout = 10_000): Promise<void> {
  const locator = page.locator(selector).filter({ hasText: text }).first();
  try {
    await locator.waitFor({ timeout });
  } catch {
    const actual = await page
      .locator(selector)
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`"${text}" did not appear in ${selector} within ${timeout} ms; it shows: ${JSON.stringify(actual).slice(0, 600)}`);
  }
}

/** Waits until `read` gives `expected`. */
async function until<T>(read: () => Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  let last: T | undefined;
  await eventually(
    async () => {
      last = await read();
      return last === expected ? true : undefined;
    },
    timeout,
    `${JSON.stringify(expected)} (last ${JSON.stringify(last)})`,
  );
}
