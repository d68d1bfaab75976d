import { ReviewGenerator } from '../../bench/review-generator';
import { checkCompliance } from '../compliance/compliance-engine';
import type { RecordedAction } from '../compliance/corrective-actions';
import { classify } from '../classification/review-classifier';
import { isSubTag, parentTag } from '../reviews/taxonomy';
import type { Platform } from '../reviews/review.types';
import { detectLanguage } from '../text/language';
import { DEFAULT_REMEDY_POLICY, RemedyPolicy } from './remedy-policy';
import { composeInput } from '../../test/support/compose-input';
import { causesOf, ComposedReply, composeReply } from './reply-composer';
import { replyFindings } from './reply-compliance';
import { SAMPLE_REVIEWS, sampleDrafts } from './reply-samples';
import type { ReplyLanguage } from './reply.types';

const blocking = (draft: ComposedReply, platform: string, giftsInPublic = false) =>
  replyFindings({ text: draft.text, outreach: draft.outreach, remedy: draft.remedy, templateIds: draft.templateIds }, { platform, giftsInPublic })
    .filter((f) => f.severity === 'block')
    .map((f) => `${f.field} ${f.ruleId}: ${f.excerpt}`);

describe('the service’s own drafts pass the compliance guard', () => {
  it('every reply sample: no blocking finding, and no claim of an unrecorded action', () => {
    const drafts = sampleDrafts();
    expect(drafts).toHaveLength(SAMPLE_REVIEWS.length);
    for (const { sample, draft } of drafts) {
      expect({ review: sample.text, blocking: blocking(draft, sample.platform) }).toEqual({ review: sample.text, blocking: [] });
      expect(checkCompliance(draft.text, { kind: 'public_reply' }).map((f) => f.ruleId)).not.toContain('unrecorded-action');
    }
  });

  it('1,000 generated medium and bad reviews, classified, on every platform and policy: no blocking finding', () => {
    const generator = new ReviewGenerator(20_261_207);
    const policies: RemedyPolicy[] = [{ ...DEFAULT_REMEDY_POLICY }, { ...DEFAULT_REMEDY_POLICY, couponAmount: 10, giftValue: 15 } as RemedyPolicy];
    let drafted = 0;
    for (let i = 0; drafted < 1_000 && i < 50_000; i++) {
      const review = generator.next();
      if (review.rating > 3) continue;
      const classification = classify({ text: review.content, rating: review.rating });
      const causes = causesOf(classification.tags, classification.subTags, classification.confidence, (sub) => (isSubTag(sub) ? parentTag(sub) : null));
      const detected = detectLanguage(review.content);
      const language: ReplyLanguage = detected === 'zh-Hant' ? 'zh-Hant' : detected === 'en' ? 'en' : 'zh-Hans';
      // every tenth review as if it came from Amazon, where the script must not ask about the review at all
      const platform = drafted % 10 === 9 ? 'amazon' : review.platform;
      const draft = composeReply(
        composeInput({
          reviewId: review.externalId,
          grade: review.rating === 3 ? 'medium' : 'bad',
          rating: review.rating,
          platform: platform as Platform,
          language,
          causes,
          buyerNick: review.buyerNick,
          productName: review.productName,
          carrier: review.carrier,
          orderAmount: review.orderAmount,
          highRisk: drafted % 13 === 0,
          policy: policies[drafted % policies.length],
          knownPersonalData: [review.orderId, review.buyerId],
        }),
      );
      expect({ review: review.content, blocking: blocking(draft, platform) }).toEqual({ review: review.content, blocking: [] });
      if (platform === 'amazon') expect(draft.outreach?.steps.map((s) => s.step)).not.toContain('review_request');
      drafted++;
    }
    expect(drafted).toBe(1_000);
  });
});

describe('drafts and the compliance rules', () => {
  it('a gift or coupon stays out of the public reply unless the shop allows it; the script still offers it', () => {
    const draft = composeReply(composeInput({}));
    expect(draft.remedy?.kind).toBe('gift');
    expect(draft.remedy?.publicText).toBeNull();
    expect(draft.outreach?.text).toContain('小礼物');
    const allowed = composeReply(composeInput({ giftsInPublic: true }));
    expect(allowed.text).toContain('小礼物');
    expect(blocking(allowed, 'taobao', true)).toEqual([]);
    expect(blocking(allowed, 'taobao', false).join()).toContain('public-gift-announcement');
  });

  it('the remedy lines and the review request say the remedy does not depend on the review; the request comes separately', () => {
    for (const language of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      const draft = composeReply(composeInput({ language }));
      const steps = draft.outreach!.steps;
      const remedyAt = steps.findIndex((s) => s.step === 'remedy');
      const requestAt = steps.findIndex((s) => s.step === 'review_request');
      expect(requestAt).toBeGreaterThan(remedyAt);
      for (const step of [steps[remedyAt], steps[requestAt]]) {
        expect(step.say).toMatch(/无关|没有关系|不管您是否|無關|沒有關係|不管您是否|regardless|does not depend|whatever you decide|makes no difference/);
      }
    }
  });

  it('states a recorded corrective action with its date, and only then', () => {
    const action: RecordedAction = {
      id: 'a1b2',
      what: '仓库出库前逐件扫码核对',
      language: 'zh',
      tag: 'logistics',
      subTag: 'slow_delivery',
      productKey: null,
      carrier: null,
      since: '2026-11-30',
    };
    const without = composeReply(composeInput({}));
    expect(without.found).not.toContain('扫码');
    const withAction = composeReply(composeInput({ actions: [action] }));
    expect(withAction.found).toContain('自11月30日起，仓库出库前逐件扫码核对。');
    expect(withAction.templateIds).toContain('action:a1b2');
    const otherCarrier = composeReply(composeInput({ actions: [{ ...action, carrier: '顺丰速运' }] }));
    expect(otherCarrier.found).not.toContain('扫码');
    const english = composeReply(composeInput({ language: 'en', actions: [{ ...action, what: 'every parcel is scanned before dispatch', language: 'en' }] }));
    expect(english.found).toContain('Since 30 November, every parcel is scanned before dispatch.');
  });

  it('a shop template with a blocking finding is never drafted', () => {
    const template = {
      id: 't-1',
      tag: 'logistics',
      subTag: 'slow_delivery',
      language: 'zh-Hans' as const,
      part: 'found' as const,
      text: '好评返现5元，联系客服领取。',
    };
    const draft = composeReply(composeInput({ templates: [template] }));
    expect(draft.templateIds).not.toContain('t-1');
    expect(draft.text).not.toContain('返现');
  });
});
