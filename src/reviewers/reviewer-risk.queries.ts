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

/** Which buyers: those of some profiles, or those with the given keys. */
export type ProfileSelection = { profileIds: readonly string[] } | { keys: readonly BuyerKey[] };

/**
 * Existing profiles, locked until the transaction ends (in one order), so that a batch, a decision and a
 * contact outcome on the same buyer wait for each other instead of overwriting each other's score. With
 * `skipLocked`, rows another transaction holds are left out: that transaction is scoring them already.
 */
export async function lockProfiles(manager: EntityManager, shopId: string, selection: ProfileSelection, skipLocked = false): Promise<ScoringProfile[]> {
  const lock = skipLocked ? 'FOR UPDATE OF p SKIP LOCKED' : 'FOR UPDATE OF p';
  let rows: ProfileRow[];
  if ('profileIds' in selection) {
    if (!selection.profileIds.length) return [];
    rows = await sqlRows<ProfileRow>(
      manager,
      `SELECT ${PROFILE_COLUMNS} FROM reviewer_profiles p WHERE p.shop_id = $1 AND p.id = ANY($2::uuid[]) ORDER BY p.platform, p.buyer_id ${lock}`,
      [shopId, selection.profileIds],
    );
  } else {
    if (!selection.keys.length) return [];
    const [platforms, buyerIds] = keyArrays(selection.keys);
    rows = await sqlRows<ProfileRow>(
      manager,
      `SELECT ${PROFILE_COLUMNS} FROM reviewer_profiles p
       JOIN unnest($2::text[], $3::text[]) AS b(platform, buyer_id) ON p.platform = b.platform AND p.buyer_id = b.buyer_id
       WHERE p.shop_id = $1
       ORDER BY p.platform, p.buyer_id ${lock}`,
      [shopId, platforms, buyerIds],
    );
  }
  return rows.map(toProfile);
}

/** Creates the profile of a buyer if there is none yet (it is scored right after); returns its id. */
export async function ensureProfile(manager: EntityManager, shopId: string, key: BuyerKey): Promise<string> {
  await manager.query(`INSERT INTO reviewer_profiles (shop_id, platform, buyer_id) VALUES ($1, $2, $3) ON CONFLICT (shop_id, platform, buyer_id) DO NOTHING`, [
    shopId,
    key.platform,
    key.buyerId,
  ]);
  const [row] = await sqlRows<{ id: string }>(manager, `SELECT id FROM reviewer_profiles WHERE shop_id = $1 AND platform = $2 AND buyer_id = $3`, [
    shopId,
    key.platform,
    key.buyerId,
  ]);
  return row.id;
}

/** One profile of the shop, locked for a decision; null when the shop has no such profile. */
export async function lockProfile(
  manager: EntityManager,
  shopId: string,
  profileId: string,
): Promise<(ScoringProfile & { signals: RiskSignal[]; riskScore: number; riskLevel: RiskLevel }) | null> {
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

interface HistoryRow {
  id: string;
  platform: string;
  buyer_id: string;
  buyer_nick: string | null;
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
  platform_cheat: boolean | null;
  platform_complaint: boolean | null;
  tags: string[];
  classified_at: Date | null;
  n: string;
  review_count: string;
  negative_count: string;
  first_at: Date;
  last_at: Date;
}

/** A buyer's behaviour in the shop: counts over all their reviews, and the latest reviews themselves. */
export interface BuyerHistory extends BuyerKey {
  key: string;
  /** the nick of the latest review */
  nick: string | null;
  reviewCount: number;
  negativeCount: number;
  firstReviewedAt: Date | null;
  lastReviewedAt: Date | null;
  /** newest first, at most the `perBuyer` latest */
  reviews: ScoringReview[];
}

/** The buyers of some reviews (those with a buyer id), or a list of buyers. */
export type BuyerSelection = { reviewIds: readonly string[] } | { keys: readonly BuyerKey[] };

/**
 * The latest `perBuyer` reviews of each selected buyer in this shop, in the engine's shape, with the counts over
 * all of the buyer's reviews (window aggregates over the same rows: one statement).
 */
export async function buyerHistories(
  manager: EntityManager,
  shopId: string,
  selection: BuyerSelection,
  perBuyer: number,
  negativeRatingMax: number,
): Promise<Map<string, BuyerHistory>> {
  const histories = new Map<string, BuyerHistory>();
  let buyers: string;
  let params: unknown[];
  if ('reviewIds' in selection) {
    if (!selection.reviewIds.length) return histories;
    buyers = `SELECT DISTINCT platform, buyer_id FROM reviews WHERE shop_id = $1 AND id = ANY($4::uuid[]) AND buyer_id IS NOT NULL`;
    params = [selection.reviewIds];
  } else {
    if (!selection.keys.length) return histories;
    buyers = `SELECT * FROM unnest($4::text[], $5::text[]) AS k(platform, buyer_id)`;
    params = keyArrays(selection.keys);
  }
  const rows = await sqlRows<HistoryRow>(
    manager,
    `WITH buyers AS (${buyers})
     SELECT * FROM (
       SELECT r.id, r.platform, r.buyer_id, r.buyer_nick, r.product_id, r.rating, r.reviewed_at, r.ordered_at, r.delivered_at,
              r.order_amount, r.content, r.follow_up_content, r.follow_up_at, r.image_count, r.has_video, r.platform_cheat, r.platform_complaint, r.tags, r.classified_at,
              row_number() OVER latest AS n,
              count(*) OVER buyer AS review_count,
              count(*) FILTER (WHERE r.rating <= $2) OVER buyer AS negative_count,
              min(r.reviewed_at) OVER buyer AS first_at,
              max(r.reviewed_at) OVER buyer AS last_at
       FROM reviews r JOIN buyers b ON r.platform = b.platform AND r.buyer_id = b.buyer_id
       WHERE r.shop_id = $1
       WINDOW buyer AS (PARTITION BY r.platform, r.buyer_id),
              latest AS (PARTITION BY r.platform, r.buyer_id ORDER BY r.reviewed_at DESC, r.id DESC)) x
     WHERE n <= $3`,
    [shopId, negativeRatingMax, perBuyer, ...params],
  );
  for (const row of rows) {
    const key = buyerKey(row.platform, row.buyer_id);
    let history = histories.get(key);
    if (!history) {
      history = {
        key,
        platform: row.platform,
        buyerId: row.buyer_id,
        nick: null,
        reviewCount: Number(row.review_count),
        negativeCount: Number(row.negative_count),
        firstReviewedAt: row.first_at,
        lastReviewedAt: row.last_at,
        reviews: [],
      };
      histories.set(key, history);
    }
    if (Number(row.n) === 1) history.nick = row.buyer_nick;
    history.reviews.push({
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
      platformCheat: row.platform_cheat,
      platformComplaint: row.platform_complaint,
      // tags only mean something once the classifier has looked; until then the engine reads the text
      tags: row.classified_at ? row.tags : null,
    });
  }
  return histories;
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
export async function productAggregates(
  manager: EntityManager,
  shopId: string,
  negativeRatingMax: number,
): Promise<{ products: ProductAggregate[]; shop: ShopAggregate }> {
  const rows = await sqlRows<{
    product_id: string | null;
    total: number;
    review_count: number;
    rating_sum: number;
    negative_count: number;
    first_reviewed_at: Date | null;
  }>(
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
export async function recentNegativeTexts(
  manager: EntityManager,
  shopId: string,
  negativeRatingMax: number,
  days: number,
  limit: number,
): Promise<TemplateText[]> {
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

export interface ScoredBuyer extends BuyerKey {
  nick: string | null;
  reviewCount: number;
  negativeCount: number;
  firstReviewedAt: Date | null;
  lastReviewedAt: Date | null;
  score: number;
  level: RiskLevel;
  signals: RiskSignal[];
  status: WatchStatus;
  /** the posting time of the review being analysed that a flag set now is dated by (flagged_review_at); null: no review, the flag's own time */
  flagReviewAt: Date | null;
}

/**
 * Writes counts, score and status of many buyers in one statement, creating the profiles that do not exist yet;
 * returns the profile ids by buyer key. The caller has locked the existing rows (lockProfiles) before scoring.
 */
export async function upsertScores(manager: EntityManager, shopId: string, buyers: readonly ScoredBuyer[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!buyers.length) return ids;
  // typed arrays through unnest: cheaper for PostgreSQL than a JSON record set
  const column = <T>(pick: (b: ScoredBuyer) => T) => buyers.map(pick);
  const rows = await sqlRows<{ id: string; platform: string; buyer_id: string }>(
    manager,
    `INSERT INTO reviewer_profiles AS p
       (shop_id, platform, buyer_id, buyer_nick, review_count, negative_review_count, first_reviewed_at, last_reviewed_at,
        risk_score, risk_level, signals, status, scored_at, flagged_at, flagged_review_at)
     SELECT $1, x.platform, x.buyer_id, x.nick, x.review_count, x.negative_count, x.first_at, x.last_at, x.score, x.level, x.signals, x.status, now(),
       CASE WHEN x.status = 'flagged' THEN now() END,
       -- a review may be posted up to minutes ahead of the clock (review-fields.ts): a flag is not dated after it was set
       CASE WHEN x.status = 'flagged' THEN least(coalesce(x.flag_review_at, now()), now()) END
     FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::timestamptz[], $8::timestamptz[], $9::real[], $10::text[], $11::jsonb[], $12::text[], $13::timestamptz[])
       AS x(platform, buyer_id, nick, review_count, negative_count, first_at, last_at, score, level, signals, status, flag_review_at)
     ORDER BY x.platform, x.buyer_id
     ON CONFLICT (shop_id, platform, buyer_id) DO UPDATE SET
       buyer_nick = COALESCE(EXCLUDED.buyer_nick, p.buyer_nick), review_count = EXCLUDED.review_count,
       negative_review_count = EXCLUDED.negative_review_count, first_reviewed_at = EXCLUDED.first_reviewed_at,
       last_reviewed_at = EXCLUDED.last_reviewed_at, risk_score = EXCLUDED.risk_score, risk_level = EXCLUDED.risk_level,
       signals = EXCLUDED.signals, status = EXCLUDED.status, scored_at = now(), updated_at = now(),
       flagged_at = CASE WHEN EXCLUDED.status = 'flagged' AND p.status <> 'flagged' THEN now() ELSE p.flagged_at END,
       flagged_review_at = CASE WHEN EXCLUDED.status = 'flagged' AND p.status <> 'flagged' THEN EXCLUDED.flagged_review_at ELSE p.flagged_review_at END
     RETURNING p.id, p.platform, p.buyer_id`,
    [
      shopId,
      column((b) => b.platform),
      column((b) => b.buyerId),
      column((b) => b.nick),
      column((b) => b.reviewCount),
      column((b) => b.negativeCount),
      column((b) => b.firstReviewedAt),
      column((b) => b.lastReviewedAt),
      column((b) => b.score),
      column((b) => b.level),
      column((b) => JSON.stringify(b.signals)),
      column((b) => b.status),
      column((b) => b.flagReviewAt),
    ],
  );
  for (const row of rows) ids.set(buyerKey(row.platform, row.buyer_id), row.id);
  return ids;
}
