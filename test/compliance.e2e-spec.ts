import { DataSource } from 'typeorm';
import { reviewInput } from './support/factories';
import { createTestApp, eventually, TestApp, TestShop } from './support/test-app';

const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

describe('compliance guard: templates, approval, publication, contacts, corrective actions', () => {
  let t: TestApp;
  let shop: TestShop;
  let other: TestShop;
  let agent: { Authorization: string };
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    shop = await t.createShop('棉语家居');
    other = await t.createShop('Other');
    db = t.app.get(DataSource);
    const staff = await t.http.post('/v1/staff').set(shop.auth).send({ name: '小王', role: 'agent' }).expect(201);
    agent = bearer((await t.http.post(`/v1/staff/${staff.body.id}/api-keys`).set(shop.auth).send({ name: 'console' }).expect(201)).body.key);
  });
  afterAll(async () => t.close());

  async function draftFor(overrides: Record<string, unknown> = {}): Promise<{ reviewId: string; reply: Record<string, any> }> {
    const created = await t.http.post('/v1/reviews').set(shop.auth).send(reviewInput(overrides)).expect(201);
    const reviewId: string = created.body.review.id;
    await eventually(async () => ((await t.http.get(`/v1/reviews/${reviewId}`).set(shop.auth)).body.analysisStatus === 'done' ? true : undefined));
    await db.query(`UPDATE reviews SET tags = '{logistics}', sub_tags = '{slow_delivery}' WHERE id = $1`, [reviewId]);
    const reply = await t.http.post(`/v1/reviews/${reviewId}/replies`).set(shop.auth).send({}).expect(201);
    return { reviewId, reply: reply.body };
  }

  it('a template with 好评返现 cannot be saved as active; inactive it is saved with its findings; a lead may override with a reason', async () => {
    const body = { part: 'found', language: 'zh-Hans', tag: 'logistics', text: '亲，好评返 现5元，截图找客服领取。' };
    const refused = await t.http.post('/v1/reply-templates').set(shop.auth).send(body).expect(409);
    expect(refused.body.code).toBe('COMPLIANCE_BLOCKED');
    expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'text', code: 'compensation-for-review' })]));
    expect((await t.http.get('/v1/reply-templates').set(shop.auth).expect(200)).body.items).toEqual([]);

    const inactive = await t.http
      .post('/v1/reply-templates')
      .set(shop.auth)
      .send({ ...body, active: false })
      .expect(201);
    expect(inactive.body.active).toBe(false);
    const finding = inactive.body.findings.find((f: { ruleId: string }) => f.ruleId === 'compensation-for-review');
    expect(finding).toMatchObject({ field: 'text', severity: 'block', excerpt: '好评返 现' });
    expect(body.text.slice(finding.start, finding.end)).toBe('好评返 现');
    expect(finding.rewrite.length).toBeGreaterThan(0);

    // activating it later is the same door
    await t.http.patch(`/v1/reply-templates/${inactive.body.id}`).set(shop.auth).send({ active: true }).expect(409);
    await t.http
      .patch(`/v1/reply-templates/${inactive.body.id}`)
      .set(agent)
      .send({ active: true, complianceOverride: { reason: 'agent tries' } })
      .expect(403);
    const overridden = await t.http
      .patch(`/v1/reply-templates/${inactive.body.id}`)
      .set(shop.auth)
      .send({ active: true, complianceOverride: { reason: '法务确认：活动已下线，仅作反例保存' } })
      .expect(200);
    expect(overridden.body.active).toBe(true);
    const [row] = await db.query(`SELECT action, rule_ids, reason FROM compliance_overrides WHERE subject_id = $1`, [inactive.body.id]);
    expect(row).toMatchObject({ action: 'activate', reason: '法务确认：活动已下线，仅作反例保存' });
    expect(row.rule_ids).toContain('compensation-for-review');

    // even active, the composer never drafts it
    const { reply } = await draftFor({ content: '发货太慢了' });
    expect(reply.templateIds).not.toContain(inactive.body.id);
    expect(reply.text).not.toContain('返');
  });

  it('a draft with 好评返现 cannot be approved or published without a lead’s override, kept in the audit history and the report', async () => {
    const { reply } = await draftFor({ content: '等了一个星期才到' });
    expect(reply.findings.filter((f: { severity: string }) => f.severity === 'block')).toEqual([]);
    const edited = await t.http
      .patch(`/v1/replies/${reply.id}`)
      .set(shop.auth)
      .send({ text: '亲，非常抱歉让您久等了。好评返现5元，联系客服领取。' })
      .expect(200);
    expect(edited.body.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('compensation-for-review');

    const blocked = await t.http.post(`/v1/replies/${reply.id}/approve`).set(shop.auth).send({}).expect(409);
    expect(blocked.body.code).toBe('COMPLIANCE_BLOCKED');
    expect((await t.http.get(`/v1/replies/${reply.id}`).set(shop.auth).expect(200)).body.status).toBe('edited');
    await t.http
      .post(`/v1/replies/${reply.id}/approve`)
      .set(agent)
      .send({ complianceOverride: { reason: 'please' } })
      .expect(403);
    await t.http
      .post(`/v1/replies/${reply.id}/approve`)
      .set(shop.auth)
      .send({ complianceOverride: { reason: '' } })
      .expect(400);

    const approved = await t.http
      .post(`/v1/replies/${reply.id}/approve`)
      .set(shop.auth)
      .send({ complianceOverride: { reason: '测试店铺，不会真的发布到平台' } })
      .expect(200);
    expect(approved.body.status).toBe('approved');
    // what the lead let through at the approval does not need a second override to publish
    const published = await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).send({}).expect(200);
    expect(published.body.status).toBe('published');

    const history = await t.http.get(`/v1/replies/${reply.id}/overrides`).set(shop.auth).expect(200);
    expect(history.body.items).toEqual([
      expect.objectContaining({ action: 'approve', reason: '测试店铺，不会真的发布到平台', ruleIds: expect.arrayContaining(['compensation-for-review']) }),
    ]);
    await t.http.get(`/v1/replies/${reply.id}/overrides`).set(other.auth).expect(404);

    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const report = await t.http.get(`/v1/reports?from=${today}&to=${today}`).set(shop.auth).expect(200);
    expect(report.body.data.sections.compliance.overrides).toBeGreaterThanOrEqual(1);
  });

  it('publishing answers 409 when a rule applies since the approval (the shop stopped allowing gifts in public)', async () => {
    await t.http.put('/v1/reply-settings').set(shop.auth).send({ giftsInPublicReplies: true }).expect(200);
    const { reply } = await draftFor({ content: '物流太慢' });
    expect(reply.text).toContain('小礼物');
    await t.http.post(`/v1/replies/${reply.id}/approve`).set(shop.auth).send({}).expect(200);
    await t.http.put('/v1/reply-settings').set(shop.auth).send({ giftsInPublicReplies: false }).expect(200);
    const blocked = await t.http.post(`/v1/replies/${reply.id}/publish`).set(shop.auth).expect(409);
    expect(blocked.body.errors.map((e: { code: string }) => e.code)).toContain('public-gift-announcement');
    await t.http
      .post(`/v1/replies/${reply.id}/publish`)
      .set(shop.auth)
      .send({ complianceOverride: { reason: '买家在平台消息里已同意公开说明' } })
      .expect(200);
  });

  it('records corrective actions and drafts state them with their date; another shop sees none', async () => {
    await t.http.post('/v1/actions').set(shop.auth).send({ what: '仓库出库前逐件扫码核对', since: '2020-13-01' }).expect(400);
    const noScope = await t.http.post('/v1/actions').set(shop.auth).send({ what: '仓库出库前逐件扫码核对', since: '2020-01-01' }).expect(400);
    expect(noScope.body.errors[0]).toMatchObject({ field: 'tag', code: 'scopeRequired' });
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await t.http.post('/v1/actions').set(shop.auth).send({ what: '仓库出库前逐件扫码核对', subTag: 'slow_delivery', since: future }).expect(400);
    const bad = await t.http.post('/v1/actions').set(shop.auth).send({ what: '好评返现5元', subTag: 'slow_delivery', since: '2020-01-01' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'what', code: 'compensation-for-review' });

    const since = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const created = await t.http
      .post('/v1/actions')
      .set(shop.auth)
      .send({ what: '仓库出库前逐件扫码核对', tag: 'logistics', subTag: 'slow_delivery', since })
      .expect(201);
    expect(created.body).toMatchObject({ language: 'zh', tag: 'logistics', subTag: 'slow_delivery', since, findings: [] });
    expect((await t.http.get('/v1/actions').set(shop.auth).expect(200)).body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
    expect((await t.http.get('/v1/actions').set(other.auth).expect(200)).body.items).toEqual([]);

    const { reply } = await draftFor({ content: '发货太慢' });
    const [, month, day] = since.split('-').map(Number);
    expect(reply.found).toContain(`自${month}月${day}日起，仓库出库前逐件扫码核对。`);
    expect(reply.templateIds).toContain(`action:${created.body.id}`);
  });

  it('refuses a compensation logged as depending on the review; records a remedy as unconditional', async () => {
    const response = await t.http
      .post('/v1/reviews')
      .set(shop.auth)
      .send(reviewInput({ content: '包装破了' }))
      .expect(201);
    const reviewId = response.body.review.id as string;
    const caseId = await eventually(
      async () => (await t.http.get(`/v1/cases?reviewId=${reviewId}`).set(shop.auth).expect(200)).body.items[0]?.id as string | undefined,
    );
    const conditional = await t.http
      .post(`/v1/cases/${caseId}/contacts`)
      .set(shop.auth)
      .send({ channel: 'phone', outcome: 'reached', compensation: { type: 'coupon', amount: 10, conditionalOnReview: true } })
      .expect(422);
    expect(conditional.body).toMatchObject({ code: 'COMPENSATION_CONDITIONAL' });
    expect(conditional.body.errors[0].field).toBe('compensation.conditionalOnReview');
    const byNote = await t.http
      .post(`/v1/cases/${caseId}/contacts`)
      .set(shop.auth)
      .send({ channel: 'phone', outcome: 'reached', compensation: { type: 'coupon', amount: 10 }, note: '答应买家改成好评后返10元红包' })
      .expect(422);
    expect(byNote.body.errors[0]).toMatchObject({ field: 'note', code: 'compensation-for-review' });
    expect((await t.http.get(`/v1/cases/${caseId}/contacts`).set(shop.auth).expect(200)).body.items ?? []).toEqual([]);

    const logged = await t.http
      .post(`/v1/cases/${caseId}/contacts`)
      .set(shop.auth)
      // the contact policy's quiet hours may apply at the time the test runs: overridden, as it is not what is tested
      .send({
        channel: 'phone',
        outcome: 'reached',
        compensation: { type: 'coupon', amount: 10 },
        note: '买家接受优惠券，与评价无关',
        override: { reason: 'test' },
      })
      .expect(201);
    expect(logged.body.contact.compensation).toMatchObject({ type: 'coupon', amount: 10, unconditional: true });
  });
});
