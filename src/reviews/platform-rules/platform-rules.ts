import type { Platform } from '../review.types';

/**
 * What a platform lets a shop still do with a review, as data: each rule with the document it comes from. The
 * version changes whenever a value or a source does, and is shown with the rules (GET /v1/platform-rules) and on
 * every decision taken by them (the 409 of a refused publish names it). A shop may override any rule (its own
 * contract, a rule that changed before this table did): docs/platform-formats.md#platform-rules.
 */
export const PLATFORM_RULES_VERSION = '2026-12-07.2';

export interface PlatformRules {
  /** days from the review during which the seller may post a public reply; null: no limit known */
  replyWindowDays: number | null;
  /** a 追评 closes the reply window (Tmall) */
  replyClosedByFollowUp: boolean;
  /** a reply answers the first review only, never the 追评 (Kuaishou) */
  replyFirstReviewOnly: boolean;
  /** most characters of a public reply; null: the shop's own reply length applies alone */
  replyMaxLength: number | null;
  /** days from the review during which the buyer may add a 追评; null: not known */
  followUpWindowDays: number | null;
  /** days from the review during which the buyer may change (revise) it; null: not known */
  revisionWindowDays: number | null;
}

export const PLATFORM_RULE_NAMES = [
  'replyWindowDays',
  'replyClosedByFollowUp',
  'replyFirstReviewOnly',
  'replyMaxLength',
  'followUpWindowDays',
  'revisionWindowDays',
] as const;
export type PlatformRuleName = (typeof PLATFORM_RULE_NAMES)[number];

export interface PlatformRuleSet {
  rules: PlatformRules;
  /** where each rule that is set comes from */
  sources: Partial<Record<PlatformRuleName, string>>;
}

const NONE: PlatformRules = {
  replyWindowDays: null,
  replyClosedByFollowUp: false,
  replyFirstReviewOnly: false,
  replyMaxLength: null,
  followUpWindowDays: null,
  revisionWindowDays: null,
};

// The rules as /work/shared/domain.md section 7 summarises the platforms' documents; platform-rules.spec checks them against it.
const TAOBAO_EXPLAIN = 'Taobao open platform taobao.traderate.explain.add (reply content at most 500 characters)';
// explain.add is Tmall-only: a Taobao shop's reply (评价解释) is bounded by the TradeRate model's own field
const TAOBAO_REPLY_FIELD = 'Taobao open platform TradeRate.reply (评价解释, at most 500 characters; the reply API explain.add is Tmall-only)';
const TAOBAO_RULES = 'Taobao/Tmall rating rules (淘宝评价规则): a medium/bad review can be changed within 30 days of posting';

export const PLATFORM_RULES: Readonly<Record<Platform, PlatformRuleSet>> = {
  taobao: {
    rules: { ...NONE, replyMaxLength: 500, revisionWindowDays: 30 },
    sources: { replyMaxLength: TAOBAO_REPLY_FIELD, revisionWindowDays: TAOBAO_RULES },
  },
  tmall: {
    rules: { ...NONE, replyWindowDays: 30, replyClosedByFollowUp: true, replyMaxLength: 500, revisionWindowDays: 30 },
    sources: {
      replyWindowDays: 'Tmall open platform taobao.traderate.explain.add: Tmall shops explain a review within 30 days of it',
      replyClosedByFollowUp: 'Tmall open platform taobao.traderate.explain.add: no explanation once the buyer added a follow-up (追评)',
      replyMaxLength: TAOBAO_EXPLAIN,
      revisionWindowDays: TAOBAO_RULES,
    },
  },
  jd: { rules: { ...NONE }, sources: {} },
  kuaishou: {
    rules: { ...NONE, replyWindowDays: 30, replyFirstReviewOnly: true, followUpWindowDays: 180 },
    sources: {
      replyWindowDays: 'Kuaishou open platform review (open.comment.*) rules: a seller replies within 30 days of the review',
      replyFirstReviewOnly: 'Kuaishou open platform review (open.comment.*) rules: the reply answers the first review, not the follow-up (attached)',
      followUpWindowDays: 'Kuaishou open platform review (open.comment.*) rules: a buyer may add a follow-up (attached) within 180 days',
    },
  },
  pdd: { rules: { ...NONE }, sources: {} },
  douyin: { rules: { ...NONE }, sources: {} },
  shopify: { rules: { ...NONE }, sources: {} },
  other: { rules: { ...NONE }, sources: {} },
};

/** A shop's own values for some rules of one platform, with where they come from. */
export interface PlatformRuleOverride {
  rules: Partial<PlatformRules>;
  source: string;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface EffectivePlatformRules extends PlatformRuleSet {
  platform: Platform;
  version: string;
  /** the rules the shop overrode */
  overridden: PlatformRuleName[];
}

export function effectiveRules(platform: Platform, override?: PlatformRuleOverride | null): EffectivePlatformRules {
  const base = PLATFORM_RULES[platform];
  const overridden = override ? PLATFORM_RULE_NAMES.filter((name) => override.rules[name] !== undefined) : [];
  const rules = { ...base.rules };
  const sources = { ...base.sources };
  for (const name of overridden) {
    (rules as Record<PlatformRuleName, unknown>)[name] = override!.rules[name];
    sources[name] = `shop override: ${override!.source}`;
  }
  return { platform, version: PLATFORM_RULES_VERSION, rules, sources, overridden };
}

const DAY_MS = 86_400_000;

/** The review as the rules read it. */
export interface RuledReview {
  reviewedAt: Date;
  followUpAt: Date | null;
}

export type ReplyClosedReason = 'window_passed' | 'follow_up_added';

export interface ReplyWindow {
  /** when the reply window closes; null: no limit */
  until: Date | null;
  /** set when it is closed at `now` */
  closed: ReplyClosedReason | null;
}

/** The public reply's window for one review: the platform's days from the review, closed early by a 追评 where the platform says so. */
export function replyWindow(rules: PlatformRules, review: RuledReview, now: Date): ReplyWindow {
  const byDays = rules.replyWindowDays === null ? null : new Date(review.reviewedAt.getTime() + rules.replyWindowDays * DAY_MS);
  const byFollowUp = rules.replyClosedByFollowUp && review.followUpAt ? review.followUpAt : null;
  const until = byDays && byFollowUp ? (byFollowUp < byDays ? byFollowUp : byDays) : (byDays ?? byFollowUp);
  let closed: ReplyClosedReason | null = null;
  if (byFollowUp && byFollowUp.getTime() <= now.getTime()) closed = 'follow_up_added';
  else if (byDays && byDays.getTime() <= now.getTime()) closed = 'window_passed';
  return { until, closed };
}

/** Until when the buyer may add a 追评 (null: not known, or already added). */
export function followUpUntil(rules: PlatformRules, review: RuledReview): Date | null {
  if (rules.followUpWindowDays === null || review.followUpAt) return null;
  return new Date(review.reviewedAt.getTime() + rules.followUpWindowDays * DAY_MS);
}

/** Until when the buyer may change the review (null: not known). */
export function revisionUntil(rules: PlatformRules, review: RuledReview): Date | null {
  return rules.revisionWindowDays === null ? null : new Date(review.reviewedAt.getTime() + rules.revisionWindowDays * DAY_MS);
}

/** The reply length a draft for this platform is held to: the shop's, or the platform's when that is shorter. */
export function replyLengthLimit(rules: PlatformRules, shopMaxLength: number): number {
  return rules.replyMaxLength === null ? shopMaxLength : Math.min(rules.replyMaxLength, shopMaxLength);
}
