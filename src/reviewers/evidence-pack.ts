import type { Review } from '../reviews/review.entity';
import { findContactCues, findDemandCues, normaliseCueText } from './review-text-cues';
import type { ReviewerContactOutcome } from './reviewer-contact-outcome.entity';
import type { DecisionAction, ReviewerDecision } from './reviewer-decision.entity';
import type { ReviewerProfile, WatchStatus } from './reviewer-profile.entity';
import { isMitigating, RiskLevel, RiskSignal, SignalCode } from './reviewer-risk.types';
import type { ContactOutcomeKind, Explanation } from './reviewer-risk.types';
import { ACTION_LABELS, CONTACT_CUE_LABELS, DEMAND_CUE_LABELS, LEVEL_LABELS, OUTCOME_LABELS, SIGNAL_TITLES, STATUS_LABELS } from './risk-labels';

/**
 * The evidence pack for a platform's dispute team (平台申诉材料): who the buyer is in this shop, the signals and
 * what they rest on, every review with its order timeline, the recovery contacts and people's decisions. Plain
 * data here; renderers turn it into Markdown or a self-contained HTML page. Contact details in the texts stay as
 * they are: for the platform they are the evidence.
 */

export const EVIDENCE_FORMATS = ['json', 'md', 'html'] as const;
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];
export const EVIDENCE_LANGUAGES = ['zh', 'en'] as const;
export type EvidenceLanguage = (typeof EVIDENCE_LANGUAGES)[number];

/** `lang` when given; else the first of zh/en in Accept-Language by preference; else zh (the platforms' language). */
export function chooseLanguage(lang: EvidenceLanguage | undefined, acceptLanguage: string | undefined): EvidenceLanguage {
  if (lang) return lang;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, position) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag, q: q ? Number(q[1]) : 1, position };
    })
    .filter((range) => range.tag && range.q > 0)
    .sort((a, b) => b.q - a.q || a.position - b.position);
  for (const { tag } of ranges) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'zh';
}

export interface EvidencePackInput {
  shop: { id: string; name: string; timezone: string };
  profile: ReviewerProfile;
  /** the buyer's reviews in the shop */
  reviews: Review[];
  decisions: ReviewerDecision[];
  outcomes: ReviewerContactOutcome[];
  lang: EvidenceLanguage;
  generatedAt: Date;
}

export interface PackSignal {
  code: SignalCode;
  title: string;
  explanation: string;
  /** strength 0-1 */
  value: number;
  weight: number;
  /** points of the score; negative for signals that lower it */
  contribution: number;
  mitigating: boolean;
  dismissal: 'covered' | 'reduced' | null;
  reviewIds: string[];
}

export interface PackTimeline {
  orderedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  reviewedAt: string;
  followUpAt: string | null;
}

export interface PackReview {
  id: string;
  externalId: string;
  platform: string;
  orderId: string | null;
  productId: string | null;
  productName: string | null;
  sku: string | null;
  rating: number;
  grade: string;
  content: string;
  followUpContent: string | null;
  images: string[];
  imageCount: number;
  hasVideo: boolean;
  orderAmount: number | null;
  currency: string | null;
  carrier: string | null;
  timeline: PackTimeline;
  /** minutes from delivery to the review; negative: reviewed before delivery */
  minutesAfterDelivery: number | null;
  /** contact details and demands found in the review and follow-up text */
  cues: string[];
  /** the signals this review is evidence for */
  signals: SignalCode[];
}

export interface PackContactOutcome {
  at: string;
  kind: ContactOutcomeKind;
  label: string;
  reviewId: string;
  externalId: string | null;
  demandedAmount: number | null;
  orderAmount: number | null;
  currency: string | null;
}

export interface PackDecision {
  at: string;
  action: DecisionAction;
  label: string;
  reason: string;
  by: string;
  fromStatus: WatchStatus;
  toStatus: WatchStatus;
  riskScore: number;
  evidence: string[];
}

export interface EvidencePack {
  kind: 'reviewer-evidence-pack';
  version: 1;
  language: EvidenceLanguage;
  generatedAt: string;
  /** the zone the Markdown and HTML renderings show times in (JSON times are ISO 8601 UTC) */
  timezone: string;
  shop: { id: string; name: string };
  reviewer: {
    id: string;
    platform: string;
    buyerId: string;
    buyerNick: string | null;
    reviewCount: number;
    negativeReviewCount: number;
    firstReviewedAt: string | null;
    lastReviewedAt: string | null;
    riskScore: number;
    riskLevel: RiskLevel;
    riskLevelLabel: string;
    status: WatchStatus;
    statusLabel: string;
    scoredAt: string | null;
  };
  summary: string;
  notice: string;
  signals: PackSignal[];
  reviews: PackReview[];
  contactOutcomes: PackContactOutcome[];
  decisions: PackDecision[];
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

function cuesOf(review: Review, lang: EvidenceLanguage): string[] {
  const text = [review.content, review.followUpContent].filter(Boolean).join('\n');
  if (!text) return [];
  const normalised = normaliseCueText(text);
  const cues: string[] = [];
  for (const kind of new Set(findContactCues(normalised).map((cue) => cue.kind))) cues.push(CONTACT_CUE_LABELS[kind][lang]);
  for (const cue of findDemandCues(normalised)) {
    const label = DEMAND_CUE_LABELS[cue.kind][lang];
    const entry = cue.amount === undefined ? label : `${label} ${cue.amount}`;
    if (!cues.includes(entry)) cues.push(entry);
  }
  return cues;
}

function summaryOf(profile: ReviewerProfile, lang: EvidenceLanguage): string {
  const level = LEVEL_LABELS[profile.riskLevel][lang];
  const status = STATUS_LABELS[profile.status][lang];
  const score = Number(profile.riskScore);
  return lang === 'zh'
    ? `买家 ${profile.buyerId}（${profile.platform}）在本店共有${profile.reviewCount}条评价，其中中差评${profile.negativeReviewCount}条。风险评分 ${score}/100（${level}），当前状态：${status}。`
    : `Buyer ${profile.buyerId} (${profile.platform}) has ${profile.reviewCount} review(s) in this shop, ${profile.negativeReviewCount} of them medium/bad. Risk score ${score}/100 (${level}); status: ${status}.`;
}

const NOTICE: Explanation = {
  zh: '本材料由店铺的评价管理系统根据店铺数据整理。风险评分只是依据下列证据给出的提示；是否为恶意差评由店铺人员核实后决定（见处理记录）。其他店铺的数据仅以数量计入，不含其内容。',
  en: "Compiled by the shop's review management system from the shop's own records. The risk score is a suggestion based on the evidence below; whether the buyer acted in bad faith was decided by the shop's staff (see the decisions). Activity in other shops is counted, never shown.",
};

export function buildEvidencePack(input: EvidencePackInput): EvidencePack {
  const { profile, lang } = input;
  const signalsByReview = new Map<string, SignalCode[]>();
  for (const signal of profile.signals as RiskSignal[]) {
    for (const reviewId of signal.reviewIds) signalsByReview.set(reviewId, [...(signalsByReview.get(reviewId) ?? []), signal.code]);
  }
  const reviews = [...input.reviews].sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
  const byId = new Map(reviews.map((review) => [review.id, review]));
  return {
    kind: 'reviewer-evidence-pack',
    version: 1,
    language: lang,
    generatedAt: input.generatedAt.toISOString(),
    timezone: input.shop.timezone,
    shop: { id: input.shop.id, name: input.shop.name },
    reviewer: {
      id: profile.id,
      platform: profile.platform,
      buyerId: profile.buyerId,
      buyerNick: profile.buyerNick,
      reviewCount: profile.reviewCount,
      negativeReviewCount: profile.negativeReviewCount,
      firstReviewedAt: iso(profile.firstReviewedAt),
      lastReviewedAt: iso(profile.lastReviewedAt),
      riskScore: Number(profile.riskScore),
      riskLevel: profile.riskLevel,
      riskLevelLabel: LEVEL_LABELS[profile.riskLevel][lang],
      status: profile.status,
      statusLabel: STATUS_LABELS[profile.status][lang],
      scoredAt: iso(profile.scoredAt),
    },
    summary: summaryOf(profile, lang),
    notice: NOTICE[lang],
    signals: (profile.signals as RiskSignal[]).map((signal) => ({
      code: signal.code,
      title: SIGNAL_TITLES[signal.code]?.[lang] ?? signal.code,
      explanation: signal.explanation[lang],
      value: signal.value,
      weight: signal.weight,
      contribution: signal.contribution,
      mitigating: isMitigating(signal.code),
      dismissal: signal.dismissal ?? null,
      reviewIds: signal.reviewIds,
    })),
    reviews: reviews.map((review) => ({
      id: review.id,
      externalId: review.externalId,
      platform: review.platform,
      orderId: review.orderId,
      productId: review.productId,
      productName: review.productName,
      sku: review.sku,
      rating: review.rating,
      grade: review.grade,
      content: review.content,
      followUpContent: review.followUpContent,
      images: review.imageUrls,
      imageCount: review.imageCount,
      hasVideo: review.hasVideo,
      orderAmount: review.orderAmount === null ? null : Number(review.orderAmount),
      currency: review.currency,
      carrier: review.carrier,
      timeline: {
        orderedAt: iso(review.orderedAt),
        shippedAt: iso(review.shippedAt),
        deliveredAt: iso(review.deliveredAt),
        reviewedAt: review.reviewedAt.toISOString(),
        followUpAt: iso(review.followUpAt),
      },
      minutesAfterDelivery: review.deliveredAt ? Math.round((review.reviewedAt.getTime() - review.deliveredAt.getTime()) / 60_000) : null,
      cues: cuesOf(review, lang),
      signals: signalsByReview.get(review.id) ?? [],
    })),
    contactOutcomes: [...input.outcomes]
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((outcome) => {
        const review = byId.get(outcome.reviewId);
        return {
          at: outcome.at.toISOString(),
          kind: outcome.kind,
          label: OUTCOME_LABELS[outcome.kind]?.[lang] ?? outcome.kind,
          reviewId: outcome.reviewId,
          externalId: review?.externalId ?? null,
          demandedAmount: outcome.demandedAmount === null ? null : Number(outcome.demandedAmount),
          orderAmount: review?.orderAmount ? Number(review.orderAmount) : null,
          currency: review?.currency ?? null,
        };
      }),
    decisions: [...input.decisions]
      .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime())
      .map((decision) => ({
        at: decision.decidedAt.toISOString(),
        action: decision.action,
        label: ACTION_LABELS[decision.action][lang],
        reason: decision.reason,
        by: decision.decidedBy,
        fromStatus: decision.fromStatus,
        toStatus: decision.toStatus,
        riskScore: Number(decision.riskScore),
        evidence: decision.evidenceCodes.map((code) => SIGNAL_TITLES[code]?.[lang] ?? code),
      })),
  };
}
