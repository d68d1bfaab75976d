import type { EntityManager } from 'typeorm';
import { sqlRows } from '../database/sql';
import type { EffectiveDecision, StoredDismissal, WatchStatus } from './reviewer-profile.entity';
import type { ContactOutcome, ContactOutcomeKind, CrossShopActivity, ReviewerReview, RiskLevel, RiskSignal } from './reviewer-risk.types';
import type { ProductAggregate, ShopAggregate } from './shop-risk-context';

/**
 * The SQL of reviewer scoring. Every function takes the caller's EntityManager (the analysis transaction, a
 * decision's transaction, the recovery queue's transaction) and works on a whole set of buyers in one statement.
 */

/** A buyer as one shop sees them: platform and the platform's buyer id. */
export interface BuyerKey {
  platform: string;
  buyerId: string;
}

/** The engine identifies a buyer by one string (template owners, exclusion of the buyer's own texts). */
export function buyerKey(platform: string, buyerId: string): string {
  return `${platform}:${buyerId}`;
}

export interface ScoringProfile extends BuyerKey {
  id: string;
  status: WatchStatus;
  decision: EffectiveDecision | null;
  dismissedEvidence: StoredDismissal[];
}

interface ProfileRow {
  id: string;
  platform: string;
  buyer_id: string;
  status: WatchStatus;
  decision: EffectiveDecision | null;
  dismissed_evidence: StoredDismissal[] | null;
}

const PROFILE_COLUMNS = 'p.id, p.platform, p.buyer_id, p.status, p.decision, p.dismissed_evidence';

function toProfile(row: ProfileRow): ScoringProfile {
  return {
    id: row.id,
    platform: row.platform,
    buyerId: row.buyer_id,
    status: row.status,
    decision: row.decision,
    dismissedEvidence: row.dismissed_evidence ?? [],
  };
}

function keyArrays(keys: readonly BuyerKey[]): [string[], string[]] {
  return [keys.map((k) => k.platform), keys.map((k) => k.buyerId)];
}

export type ProfileSource = { reviewIds: readonly string[] } | { profileIds: readonly string[] };

/**
 * Creates or refreshes the profiles of the buyers of some reviews (or of some profiles): counts, first and last
 * review and the latest nick, recomputed from all of the buyer's reviews in the shop so that running it twice
 * changes nothing. The upsert locks the rows until the transaction ends, in one order, so that concurrent
 * batches and decisions on the same buyer wait for each other instead of overwriting each other's score.
 */
export async function refreshProfiles(manager: EntityManager, shopId: string, source: ProfileSource, negativeRatingMax: number): Promise<ScoringProfile[]> {
  const buyers =
    'reviewIds' in source
      ? `SELECT DISTINCT platform, buyer_id FROM reviews WHERE shop_id = $1 AND id = ANY($2::uuid[]) AND buyer_id IS NOT NULL`
      : `SELECT platform, buyer_id FROM reviewer_profiles WHERE shop_id = $1 AND id = ANY($2::uuid[])`;
  const ids = 'reviewIds' in source ? source.reviewIds : source.profileIds;
  if (!ids.length) return [];
  const rows = await sqlRows<ProfileRow>(
    manager,
    `WITH buyers AS (${buyers}),
     stats AS (
       SELECT r.platform, r.buyer_id, count(*)::int AS review_count,
              count(*) FILTER (WHERE r.rating <= $3)::int AS negative_count,
              min(r.reviewed_at) AS first_at, max(r.reviewed_at) AS last_at,
              (array_agg(r.buyer_nick ORDER BY r.reviewed_at DESC) FILTER (WHERE r.buyer_nick IS NOT NULL))[1] AS nick
       FROM reviews r JOIN buyers b ON r.platform = b.platform AND r.buyer_id = b.buyer_id
       WHERE r.shop_id = $1
       GROUP BY r.platform, r.buyer_id)
     INSERT INTO reviewer_profiles AS p
       (shop_id, platform, buyer_id, buyer_nick, review_count, negative_review_count, first_reviewed_at, last_reviewed_at)
     SELECT $1, platform, buyer_id, nick, review_count, negative_count, first_at, last_at FROM stats ORDER BY platform, buyer_id
     ON CONFLICT (shop_id, platform, buyer_id) DO UPDATE SET
       buyer_nick = COALESCE(EXCLUDED.buyer_nick, p.buyer_nick), review_count = EXCLUDED.review_count,
       negative_review_count = EXCLUDED.negative_review_count, first_reviewed_at = EXCLUDED.first_reviewed_at,
       last_reviewed_at = EXCLUDED.last_reviewed_at, updated_at = now()
     RETURNING ${PROFILE_COLUMNS}`,
    [shopId, ids, negativeRatingMax],
  );
  return rows.map(toProfile);
}

/**
 * Profiles of other buyers that a batch affects (their texts match a new template), locked for rescoring. Rows
 * another transaction holds are skipped: that transaction is rescoring them already, and waiting could deadlock.
 */
export async function lockOtherProfiles(manager: EntityManager, shopId: string, keys: readonly BuyerKey[]): Promise<ScoringProfile[]> {
  if (!keys.length) return [];
  const [platforms, buyerIds] = keyArrays(keys);
  const rows = await sqlRows<ProfileRow>(
    manager,
    `SELECT ${PROFILE_COLUMNS} FROM reviewer_profiles p
     JOIN unnest($2::text[], $3::text[]) AS b(platform, buyer_id) ON p.platform = b.platform AND p.buyer_id = b.buyer_id
     WHERE p.shop_id = $1
     ORDER BY p.platform, p.buyer_id
     FOR UPDATE OF p SKIP LOCKED`,
    [shopId, platforms, buyerIds],
  );
  return rows.map(toProfile);
}

/** One profile of the shop, locked for a decision; null when the shop has no such profile. */
export async function lockProfile(manager: EntityManager, shopId: string, profileId: string): Promise<(ScoringProfile & { signals: RiskSignal[]; riskScore: number; riskLevel: RiskLevel }) | null> {
  const [row] = await sqlRows<ProfileRow & { signals: RiskSignal[]; risk_score: number; risk_level: RiskLevel }>(
    manager,
    `SELECT ${PROFILE_COLUMNS}, p.signals, p.risk_score, p.risk_level FROM reviewer_profiles p WHERE p.shop_id = $1 AND p.id = $2 FOR UPDATE`,
    [shopId, profileId],
  );
  return row ? { ...toProfile(row), signals: row.signals, riskScore: Number(row.risk_score), riskLevel: row.risk_level } : null;
}

export interface ScoringReview extends ReviewerReview {
  key: string;
}

interface ReviewRow {
  id: string;
  platform: string;
  buyer_id: string;
  product_id: string | null;
  rating: number;
  reviewed_at: Date;
  ordered_at: Date | null;
  delivered_at: Date | null;
  order_amount: string | null;
  content: string;
  follow_up_content: string | null;
  follow_up_at: Date | null;
  image_count: number;
  has_video: boolean;
  tags: string[];
  classified_at: Date | null;
}

/** The latest `perBuyer` reviews of each buyer in this shop, in the engine's shape. */
export async function buyerReviews(manager: EntityManager, shopId: string, keys: readonly BuyerKey[], perBuyer: number): Promise<Map<string, ScoringReview[]>> {
  const byBuyer = new Map<string, ScoringReview[]>();
  if (!keys.length) return byBuyer;
  const [platforms, buyerIds] = keyArrays(keys);
  const rows = await sqlRows<ReviewRow>(
    manager,
    `SELECT id, platform, buyer_id, product_id, rating, reviewed_at, ordered_at, delivered_at, order_amount, content,
            follow_up_content, follow_up_at, image_count, has_video, tags, classified_at
     FROM (
       SELECT r.*, row_number() OVER (PARTITION BY r.platform, r.buyer_id ORDER BY r.reviewed_at DESC, r.id DESC) AS n
       FROM reviews r JOIN unnest($2::text[], $3::text[]) AS b(platform, buyer_id) ON r.platform = b.platform AND r.buyer_id = b.buyer_id
       WHERE r.shop_id = $1) x
     WHERE n <= $4`,
    [shopId, platforms, buyerIds, perBuyer],
  );
  for (const row of rows) {
    const key = buyerKey(row.platform, row.buyer_id);
    const review: ScoringReview = {
      key,
      reviewId: row.id,
      productId: row.product_id,
      rating: row.rating,
      reviewedAt: row.reviewed_at,
      orderedAt: row.ordered_at,
      deliveredAt: row.delivered_at,
      orderAmount: row.order_amount === null ? null : Number(row.order_amount),
      text: row.content || null,
      followUpText: row.follow_up_content,
      followUpAt: row.follow_up_at,
      imageCount: row.image_count,
      hasVideo: row.has_video,
      // tags only mean something once the classifier has looked; until then the engine reads the text
      tags: row.classified_at ? row.tags : null,
    };
    const list = byBuyer.get(key);
    if (list) list.push(review);
    else byBuyer.set(key, [review]);
  }
  return byBuyer;
}

/** Counts only: medium/bad reviews by the same platform buyer in the deployment's other shops, never their content. */
export async function crossShopActivity(
  manager: EntityManager,
  shopId: string,
  keys: readonly BuyerKey[],
  negativeRatingMax: number,
  windowDays: number,
): Promise<Map<string, CrossShopActivity>> {
  const activity = new Map<string, CrossShopActivity>();
  if (!keys.length) return activity;
  const [platforms, buyerIds] = keyArrays(keys);
  const rows = await sqlRows<{ platform: string; buyer_id: string; reviews: number; shops: number; latest: Date }>(
    manager,
    `SELECT r.platform, r.buyer_id, count(*)::int AS reviews, count(DISTINCT r.shop_id)::int AS shops, max(r.reviewed_at) AS latest
     FROM reviews r JOIN unnest($2::text[], $3::text[]) AS b(platform, buyer_id) ON r.platform = b.platform AND r.buyer_id = b.buyer_id
     WHERE r.shop_id <> $1 AND r.rating <= $4 AND r.reviewed_at >= now() - make_interval(days => $5)
     GROUP BY r.platform, r.buyer_id`,
    [shopId, platforms, buyerIds, negativeRatingMax, windowDays],
  );
  for (const row of rows) {
    activity.set(buyerKey(row.platform, row.buyer_id), { badReviews: row.reviews, shops: row.shops, windowDays, latestAt: row.latest });
  }
  return activity;
}

/** Recovery contact outcomes per profile, oldest first. */
export async function contactOutcomesOf(manager: EntityManager, shopId: string, profileIds: readonly string[]): Promise<Map<string, ContactOutcome[]>> {
  const byProfile = new Map<string, ContactOutcome[]>();
  if (!profileIds.length) return byProfile;
  const rows = await sqlRows<{ profile_id: string; review_id: string; kind: ContactOutcomeKind; at: Date }>(
    manager,
    `SELECT profile_id, review_id, kind, at FROM reviewer_contact_outcomes
     WHERE shop_id = $1 AND profile_id = ANY($2::uuid[]) ORDER BY at, id`,
    [shopId, profileIds],
  );
  for (const row of rows) {
    const outcome: ContactOutcome = { kind: row.kind, at: row.at, reviewId: row.review_id };
    const list = byProfile.get(row.profile_id);
    if (list) list.push(outcome);
    else byProfile.set(row.profile_id, [outcome]);
  }
  return byProfile;
}

/** Per-product sums of all the shop's reviews and the shop-wide sums, in one pass. */
export async function productAggregates(manager: EntityManager, shopId: string, negativeRatingMax: number): Promise<{ products: ProductAggregate[]; shop: ShopAggregate }> {
  const rows = await sqlRows<{ product_id: string | null; total: number; review_count: number; rating_sum: number; negative_count: number; first_reviewed_at: Date | null }>(
    manager,
    `SELECT product_id, GROUPING(product_id) AS total, count(*)::int AS review_count, sum(rating)::float8 AS rating_sum,
            count(*) FILTER (WHERE rating <= $2)::int AS negative_count, min(reviewed_at) AS first_reviewed_at
     FROM reviews WHERE shop_id = $1
     GROUP BY GROUPING SETS ((product_id), ())`,
    [shopId, negativeRatingMax],
  );
  const shop: ShopAggregate = { reviewCount: 0, ratingSum: 0, negativeCount: 0 };
  const products: ProductAggregate[] = [];
  for (const row of rows) {
    if (Number(row.total) === 1) {
      shop.reviewCount = row.review_count;
      shop.ratingSum = Number(row.rating_sum);
      shop.negativeCount = row.negative_count;
    } else if (row.product_id !== null) {
      products.push({
        productId: row.product_id,
        reviewCount: row.review_count,
        ratingSum: Number(row.rating_sum),
        negativeCount: row.negative_count,
        firstReviewedAt: row.first_reviewed_at,
      });
    }
  }
  return { products, shop };
}

export interface TemplateText {
  reviewId: string;
  /** buyerKey(), or `anon:<review id>` for a review without a buyer id: still another author */
  owner: string;
  text: string;
}

/** The shop's latest medium/bad review texts within `days`, at most `limit`: what templates are matched against. */
export async function recentNegativeTexts(manager: EntityManager, shopId: string, negativeRatingMax: number, days: number, limit: number): Promise<TemplateText[]> {
  const rows = await sqlRows<{ id: string; platform: string; buyer_id: string | null; content: string }>(
    manager,
    `SELECT id, platform, buyer_id, content FROM reviews
     WHERE shop_id = $1 AND rating <= $2 AND content <> '' AND reviewed_at >= now() - make_interval(days => $3)
     ORDER BY reviewed_at DESC
     LIMIT $4`,
    [shopId, negativeRatingMax, days, limit],
  );
  return rows.map((row) => ({ reviewId: row.id, owner: row.buyer_id === null ? `anon:${row.id}` : buyerKey(row.platform, row.buyer_id), text: row.content }));
}

export interface ScoreUpdate {
  id: string;
  score: number;
  level: RiskLevel;
  signals: RiskSignal[];
  status: WatchStatus;
}

/** Writes the new scores of many profiles in one statement. */
export async function writeScores(manager: EntityManager, shopId: string, updates: readonly ScoreUpdate[]): Promise<void> {
  if (!updates.length) return;
  await manager.query(
    `UPDATE reviewer_profiles p SET risk_score = x.score, risk_level = x.level, signals = x.signals, status = x.status,
       scored_at = now(), updated_at = now()
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, score real, level text, signals jsonb, status text)
     WHERE p.shop_id = $1 AND p.id = x.id`,
    [shopId, JSON.stringify(updates)],
  );
}
