import { replyLengthLimit } from '../reviews/platform-rules/platform-rules';
import { PlatformRulesService, ShopPlatformRules } from '../reviews/platform-rules/platform-rules.service';
import { CorrectiveActionsService } from '../compliance/corrective-actions.service';
import type { RecordedAction } from '../compliance/corrective-actions';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { isSubTag, parentTag, SUB_TAGS_BY_TAG } from '../reviews/taxonomy';
import { sqlRows } from '../database/sql';
import { highRiskProfileSql, isHighRiskBuyerSql } from '../reviewers/high-risk-reviewer.sql';
import { Review } from '../reviews/review.entity';
import type { Platform } from '../reviews/review.types';
import { detectLanguage } from '../text/language';
import { Shop } from '../shops/shop.entity';
import { causesOf, ComposedReply, composeReply, OutreachStep, ShopTemplate } from './reply-composer';
import type { AutoDraftMode } from './reply-settings.entity';
import { ReplySettingsService } from './reply-settings.service';
import { ReplyTemplatesService } from './reply-templates.service';
import { isReplyLanguage, ReplyLanguage } from './reply.types';
import { RemedyPolicy } from './remedy-policy';
import { RemedyPolicyService } from './remedy-policy.service';
import { countSameProblemBuyers } from './same-problem-buyers';

/** How many of a product's latest drafts variation looks at. */
export const VARIATION_HISTORY = 20;
/** created_by of the drafts written by themselves (the drafting job, or on first read); a redraft by a person replaces it. */
export const AUTO_DRAFT_ACTOR = 'system:auto-draft';

const CHINESE_PLATFORMS: readonly Platform[] = ['taobao', 'tmall', 'jd', 'pdd', 'kuaishou', 'douyin'];
const QUALITY_SUB_TAGS: readonly string[] = SUB_TAGS_BY_TAG.quality;

/** What drafting needs of the shop, loaded once per batch. */
export interface DraftContext {
  shopName: string;
  maxLength: number;
  autoDraft: AutoDraftMode;
  policy: RemedyPolicy;
  templates: ShopTemplate[];
  /** corrective actions in effect: what a found sentence may state as done */
  actions: RecordedAction[];
  giftsInPublic: boolean;
  /** the platform rules the shop works by: a platform's reply length caps the shop's */
  platformRules: ShopPlatformRules;
}

export interface DraftOptions {
  /** who asked for the drafts (actorLabel, or AUTO_DRAFT_ACTOR) */
  createdBy: string;
  /** write in this language instead of the review's */
  language?: ReplyLanguage;
}

/**
 * The language of a reply: the review's; for a review in another language or with no text, Chinese on the
 * Chinese platforms and English elsewhere.
 */
export function replyLanguageOf(review: Pick<Review, 'language' | 'content' | 'followUpContent' | 'platform'>): ReplyLanguage {
  const detected = review.language ?? detectLanguage(`${review.content}\n${review.followUpContent ?? ''}`);
  if (detected && isReplyLanguage(detected)) return detected;
  return CHINESE_PLATFORMS.includes(review.platform) ? 'zh-Hans' : 'en';
}

/** The product a review is about, for variation: its id, else its name. */
export function productKeyOf(review: Pick<Review, 'productId' | 'productName'>): string {
  return (review.productId ?? review.productName ?? '').slice(0, 500);
}

/**
 * Writes drafts for reviews: loads what the composer needs in a few set-based queries (shop, policy,
 * templates, each product's recent drafts, reviewer risk, how widespread a quality problem is), composes
 * in order so drafts of one batch on one product differ too, and stores them in one statement.
 * Which reviews get a draft by themselves is AutoDrafts' business.
 */
@Injectable()
export class ReplyDrafting {
  constructor(
    private readonly settings: ReplySettingsService,
    private readonly policies: RemedyPolicyService,
    private readonly templates: ReplyTemplatesService,
    private readonly actions: CorrectiveActionsService,
    private readonly platformRules: PlatformRulesService,
  ) {}

  /** Drafts a reply for each review (in order), superseding their current replies; returns the new drafts' ids. */
  async draft(manager: EntityManager, shopId: string, reviews: Review[], options: DraftOptions, known?: DraftContext): Promise<string[]> {
    if (!reviews.length) return [];
    const context = known ?? (await this.context(manager, shopId));
    const productKeys = [...new Set(reviews.map(productKeyOf))];
    // one after another: inside a transaction they share one connection anyway
    const history = await this.recentTemplateIds(manager, shopId, productKeys);
    const risky = await this.highRiskReviewers(manager, shopId, reviews);
    const spread = await this.sameProblemBuyers(manager, shopId, reviews, context.policy.widespreadWindowDays);
    const rows: DraftRow[] = [];
    for (const review of reviews) {
      const key = productKeyOf(review);
      const recent = history.get(key) ?? [];
      const composed = this.compose(review, context, options, recent, risky, spread.get(review.id) ?? new Map());
      recent.unshift(composed.templateIds);
      recent.splice(VARIATION_HISTORY);
      history.set(key, recent);
      rows.push(toRow(review, key, composed, options.createdBy));
    }
    await manager.query(
      `UPDATE reply_drafts SET is_current = false, updated_at = now(),
         status = CASE WHEN status = 'published' THEN status ELSE 'superseded' END,
         superseded_at = CASE WHEN status = 'published' THEN superseded_at ELSE now() END
       WHERE shop_id = $1 AND review_id = ANY($2::uuid[]) AND is_current`,
      [shopId, reviews.map((r) => r.id)],
    );
    // one statement for the batch: TypeORM's insert costs more than composing the drafts
    await manager.query(
      `INSERT INTO reply_drafts (id, shop_id, review_id, review_revision, product_key, kind, language, feel, felt, found, text,
         max_length, shortened, outreach, remedy, causes, severity, high_risk, template_ids, created_by)
       SELECT x.id, $1, x.review_id, x.review_revision, x.product_key, x.kind, x.language, x.feel, x.felt, x.found, x.text,
         x.max_length, x.shortened, x.outreach, x.remedy, x.causes, x.severity, x.high_risk, x.template_ids, x.created_by
       FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, review_id uuid, review_revision integer, product_key text, kind text, language text,
         feel text, felt text, found text, text text, max_length integer, shortened boolean, outreach jsonb, remedy jsonb, causes jsonb,
         severity text, high_risk boolean, template_ids text[], created_by text)`,
      [shopId, JSON.stringify(rows)],
    );
    return rows.map((row) => row.id);
  }

  private compose(
    review: Review,
    context: DraftContext,
    options: DraftOptions,
    recent: readonly (readonly string[])[],
    risky: ReadonlySet<string>,
    spread: ReadonlyMap<string, number>,
  ): ComposedReply {
    const causes = causesOf(review.tags, review.subTags, review.tagConfidence, (sub) => (isSubTag(sub) ? parentTag(sub) : null));
    const widespread = new Set([...spread].filter(([, buyers]) => buyers >= context.policy.widespreadThreshold).map(([sub]) => sub));
    const qualityCounts = [...spread.values()];
    return composeReply({
      reviewId: review.id,
      grade: review.grade,
      rating: review.rating,
      platform: review.platform,
      language: options.language ?? replyLanguageOf(review),
      causes,
      buyerNick: review.buyerNick,
      productName: review.productName,
      shopName: context.shopName,
      carrier: review.carrier,
      orderAmount: review.orderAmount === null ? null : Number(review.orderAmount),
      highRisk: review.buyerId !== null && risky.has(`${review.platform}\u0000${review.buyerId}`),
      widespreadSubTags: widespread,
      sameProblemBuyers: qualityCounts.length ? Math.max(...qualityCounts) : null,
      policy: context.policy,
      maxLength: replyLengthLimit(context.platformRules[review.platform].rules, context.maxLength),
      templates: context.templates,
      recent,
      knownPersonalData: [review.orderId, review.buyerId],
      productKey: productKeyOf(review),
      actions: context.actions,
      giftsInPublic: context.giftsInPublic,
    });
  }

  async context(manager: EntityManager, shopId: string): Promise<DraftContext> {
    const shop = await manager.findOneBy(Shop, { id: shopId });
    const settings = await this.settings.effective(shopId, manager);
    const policy = await this.policies.effective(shopId, manager);
    const templates = await this.templates.activeForShop(manager, shopId);
    const actions = await this.actions.inEffect(manager, shopId);
    const platformRules = await this.platformRules.forShop(shopId, manager);
    return {
      shopName: shop?.name ?? '',
      maxLength: settings.maxLength,
      autoDraft: settings.autoDraft,
      policy,
      templates,
      actions,
      giftsInPublic: settings.giftsInPublicReplies,
      platformRules,
    };
  }

  /** The template ids of each product's latest drafts, newest first. */
  private async recentTemplateIds(manager: EntityManager, shopId: string, productKeys: string[]): Promise<Map<string, string[][]>> {
    // a few rows per product from the index, however many drafts the product has
    const rows = await sqlRows<{ product_key: string; template_ids: string[] }>(
      manager,
      `SELECT k.product_key, d.template_ids
       FROM unnest($2::text[]) AS k(product_key)
       CROSS JOIN LATERAL (
         SELECT template_ids, created_at, id FROM reply_drafts
         WHERE shop_id = $1 AND product_key = k.product_key
         ORDER BY created_at DESC, id DESC LIMIT $3) d
       ORDER BY k.product_key, d.created_at DESC, d.id DESC`,
      [shopId, productKeys, VARIATION_HISTORY],
    );
    const history = new Map<string, string[][]>();
    for (const row of rows) history.set(row.product_key, [...(history.get(row.product_key) ?? []), row.template_ids]);
    return history;
  }

  /** Whether the review's author is treated as high-risk now. */
  async isHighRisk(manager: EntityManager, review: Review): Promise<boolean> {
    return (await this.highRiskReviewers(manager, review.shopId, [review])).size > 0;
  }

  /** The reviews' authors who are high-risk reviewers (see highRiskProfileSql). */
  private async highRiskReviewers(manager: EntityManager, shopId: string, reviews: Review[]): Promise<Set<string>> {
    const withBuyer = reviews.filter((r) => r.buyerId !== null);
    if (!withBuyer.length) return new Set();
    const rows = await sqlRows<{ platform: string; buyer_id: string }>(
      manager,
      `SELECT p.platform, p.buyer_id FROM reviewer_profiles p
       JOIN unnest($2::text[], $3::text[]) AS b(platform, buyer_id) ON p.platform = b.platform AND p.buyer_id = b.buyer_id
       WHERE p.shop_id = $1 AND ${highRiskProfileSql('p')}`,
      [shopId, withBuyer.map((r) => r.platform), withBuyer.map((r) => r.buyerId)],
    );
    return new Set(rows.map((row) => `${row.platform}\u0000${row.buyer_id}`));
  }

  /**
   * For each review's quality sub-tags: how many buyers of the same product (SKU when known) reported the
   * same problem in a medium or bad review within the policy window before the review or since. High-risk
   * reviewers do not count: a professional bad-reviewer's complaint must not make a defect widespread (and
   * get a genuine buyer a reply announcing the product pulled and a full refund).
   */
  private async sameProblemBuyers(manager: EntityManager, shopId: string, reviews: Review[], windowDays: number): Promise<Map<string, Map<string, number>>> {
    const ids = reviews.filter((r) => r.productId !== null && r.subTags.some((s) => QUALITY_SUB_TAGS.includes(s))).map((r) => r.id);
    if (!ids.length) return new Map();
    // window starts as PostgreSQL computes them (days in the session's time zone, microseconds); the earliest, less
    // a second for the double's rounding, bounds the read, and countSameProblemBuyers compares exactly
    const batch = await sqlRows<{ id: string; product_id: string; sku: string | null; sub_tags: string[]; since: string }>(
      manager,
      `SELECT r.id, r.product_id, r.sku, r.sub_tags, floor(extract(epoch FROM r.reviewed_at - make_interval(days => $3)) * 1000000)::bigint AS since
       FROM reviews r WHERE r.shop_id = $1 AND r.id = ANY($2::uuid[])`,
      [shopId, ids, windowDays],
    );
    const others = await sqlRows<{ product_id: string; sku: string | null; buyer: string; sub_tags: string[]; at: string }>(
      manager,
      `SELECT o.product_id, o.sku, coalesce(o.buyer_id, o.id::text) AS buyer, o.sub_tags, floor(extract(epoch FROM o.reviewed_at) * 1000000)::bigint AS at
       FROM reviews o
       WHERE o.shop_id = $1 AND o.product_id = ANY($2::text[]) AND o.grade <> 'good' AND o.sub_tags && $3::text[]
         AND o.reviewed_at >= to_timestamp($4::double precision / 1000000) - interval '1 second'
         AND NOT ${isHighRiskBuyerSql('o.shop_id', 'o.platform', 'o.buyer_id')}`,
      [shopId, [...new Set(batch.map((row) => row.product_id))], QUALITY_SUB_TAGS, Math.min(...batch.map((row) => Number(row.since)))],
    );
    return countSameProblemBuyers(
      batch.map((row) => ({
        id: row.id,
        productId: row.product_id,
        sku: row.sku,
        subTags: row.sub_tags.filter((s) => QUALITY_SUB_TAGS.includes(s)),
        since: Number(row.since),
      })),
      others.map((row) => ({ productId: row.product_id, sku: row.sku, buyer: row.buyer, subTags: row.sub_tags, at: Number(row.at) })),
    );
  }
}

/** A draft as the INSERT reads it (snake_case columns of reply_drafts). */
interface DraftRow {
  id: string;
  review_id: string;
  review_revision: number;
  product_key: string;
  kind: string;
  language: string;
  feel: string | null;
  felt: string | null;
  found: string | null;
  text: string;
  max_length: number;
  shortened: boolean;
  outreach: { steps: OutreachStep[] } | null;
  remedy: ComposedReply['remedy'];
  causes: ComposedReply['causes'];
  severity: string | null;
  high_risk: boolean;
  template_ids: string[];
  created_by: string;
}

function toRow(review: Review, productKey: string, composed: ComposedReply, createdBy: string): DraftRow {
  return {
    id: randomUUID(),
    review_id: review.id,
    review_revision: review.revision,
    product_key: productKey,
    kind: composed.kind,
    language: composed.language,
    feel: composed.feel,
    felt: composed.felt,
    found: composed.found,
    text: composed.text,
    max_length: composed.maxLength,
    shortened: composed.shortened,
    // the numbered text is derived from the steps when read
    outreach: composed.outreach ? { steps: composed.outreach.steps } : null,
    remedy: composed.remedy,
    causes: composed.causes,
    severity: composed.severity,
    high_risk: composed.highRisk,
    template_ids: composed.templateIds,
    created_by: createdBy,
  };
}
