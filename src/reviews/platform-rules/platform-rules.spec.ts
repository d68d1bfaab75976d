import { effectiveRules, followUpUntil, PLATFORM_RULE_NAMES, PLATFORM_RULES, replyLengthLimit, replyWindow, revisionUntil } from './platform-rules';
import { PLATFORMS } from '../review.types';

const DAY = 86_400_000;
const REVIEWED = new Date('2026-03-01T02:00:00Z');
const at = (days: number) => new Date(REVIEWED.getTime() + days * DAY);

describe('platform rules', () => {
  it('every platform has rules, and every rule that is set names its source', () => {
    for (const platform of PLATFORMS) {
      const { rules, sources } = PLATFORM_RULES[platform];
      for (const name of PLATFORM_RULE_NAMES) {
        const set = rules[name] !== null && rules[name] !== false;
        expect({ platform, name, sourced: set ? typeof sources[name] === 'string' && sources[name] !== '' : true }).toEqual({ platform, name, sourced: true });
      }
    }
  });

  it('the rules are those of the domain brief (shared/domain.md section 7), each cited from the document that gives it', () => {
    const none = { replyWindowDays: null, replyClosedByFollowUp: false, replyFirstReviewOnly: false, replyMaxLength: null, followUpWindowDays: null };
    // Tmall: explain.add, at most 500 characters, within 30 days of the review and not after a 追评
    expect(PLATFORM_RULES.tmall.rules).toMatchObject({ ...none, replyWindowDays: 30, replyClosedByFollowUp: true, replyMaxLength: 500 });
    // Taobao: the reply API is Tmall-only; a reply (TradeRate.reply) holds at most 500 characters
    expect(PLATFORM_RULES.taobao.rules).toMatchObject({ ...none, replyMaxLength: 500 });
    // Kuaishou: replies within 30 days, to the first review only; a 追评 within 180 days
    expect(PLATFORM_RULES.kuaishou.rules).toMatchObject({ ...none, replyWindowDays: 30, replyFirstReviewOnly: true, followUpWindowDays: 180 });
    // the change window: commonly 30 days (section 1); Taobao/Tmall's rating rules say 30
    expect([PLATFORM_RULES.taobao.rules.revisionWindowDays, PLATFORM_RULES.tmall.rules.revisionWindowDays]).toEqual([30, 30]);
    for (const platform of ['jd', 'pdd', 'douyin', 'shopify', 'other'] as const) {
      expect({ platform, ...PLATFORM_RULES[platform].rules }).toEqual({ platform, ...none, revisionWindowDays: null });
    }
    // explain.add is cited only where it applies (Tmall), never for a Taobao shop
    expect(Object.values(PLATFORM_RULES.taobao.sources).filter((source) => /taobao\.traderate\.explain\.add \(/.test(source))).toEqual([]);
    expect(PLATFORM_RULES.taobao.sources.replyMaxLength).toMatch(/TradeRate\.reply/);
    expect(PLATFORM_RULES.tmall.sources.replyMaxLength).toMatch(/explain\.add/);
    expect(PLATFORM_RULES.kuaishou.sources.followUpWindowDays).toMatch(/180 days/);
  });

  it('Tmall: 30 days from the review, closed at a 追评', () => {
    const tmall = PLATFORM_RULES.tmall.rules;
    expect(replyWindow(tmall, { reviewedAt: REVIEWED, followUpAt: null }, at(29))).toEqual({ until: at(30), closed: null });
    expect(replyWindow(tmall, { reviewedAt: REVIEWED, followUpAt: null }, at(30))).toEqual({ until: at(30), closed: 'window_passed' });
    expect(replyWindow(tmall, { reviewedAt: REVIEWED, followUpAt: at(3) }, at(2))).toEqual({ until: at(3), closed: null });
    expect(replyWindow(tmall, { reviewedAt: REVIEWED, followUpAt: at(3) }, at(4))).toEqual({ until: at(3), closed: 'follow_up_added' });
  });

  it('Kuaishou: 30-day reply window a 追评 does not close; 180 days for a 追评 until one is added', () => {
    const kuaishou = PLATFORM_RULES.kuaishou.rules;
    expect(replyWindow(kuaishou, { reviewedAt: REVIEWED, followUpAt: at(3) }, at(10))).toEqual({ until: at(30), closed: null });
    expect(followUpUntil(kuaishou, { reviewedAt: REVIEWED, followUpAt: null })).toEqual(at(180));
    expect(followUpUntil(kuaishou, { reviewedAt: REVIEWED, followUpAt: at(3) })).toBeNull();
    expect(revisionUntil(kuaishou, { reviewedAt: REVIEWED, followUpAt: null })).toBeNull();
  });

  it('no window known: never closed; the reply length is the shorter of the shop and the platform', () => {
    expect(replyWindow(PLATFORM_RULES.jd.rules, { reviewedAt: REVIEWED, followUpAt: at(1) }, at(400))).toEqual({ until: null, closed: null });
    expect(replyLengthLimit(PLATFORM_RULES.taobao.rules, 1000)).toBe(500);
    expect(replyLengthLimit(PLATFORM_RULES.taobao.rules, 300)).toBe(300);
    expect(replyLengthLimit(PLATFORM_RULES.jd.rules, 1000)).toBe(1000);
  });

  it("a shop's override replaces the rules it names, with its source; the rest stay the platform's", () => {
    const effective = effectiveRules('tmall', {
      rules: { replyWindowDays: 15, replyMaxLength: null },
      source: 'agreement',
      updatedBy: null,
      updatedAt: new Date(),
    });
    expect(effective.rules).toMatchObject({ replyWindowDays: 15, replyMaxLength: null, replyClosedByFollowUp: true });
    expect(effective.overridden).toEqual(['replyWindowDays', 'replyMaxLength']);
    expect(effective.sources.replyWindowDays).toBe('shop override: agreement');
    expect(effective.sources.replyClosedByFollowUp).toBe(PLATFORM_RULES.tmall.sources.replyClosedByFollowUp);
    expect(PLATFORM_RULES.tmall.rules.replyWindowDays).toBe(30);
  });
});
