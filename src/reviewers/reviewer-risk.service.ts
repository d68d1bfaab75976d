import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldProblem, ReviewNotFound, ValidationFailed } from '../common/errors/domain-error';
import { sqlRows } from '../database/sql';
import { AnalysisStep, AnalysisSteps, AnalyzedBatch } from '../reviews/analysis-hooks';
import { watchStatus } from './reviewer-decisions';
import type { WatchStatus } from './reviewer-profile.entity';
import {
  BuyerKey,
  buyerKey,
  buyerReviews,
  contactOutcomesOf,
  crossShopActivity,
  lockOtherProfiles,
  refreshProfiles,
  ScoringProfile,
  ScoringReview,
  writeScores,
} from './reviewer-risk.queries';
import { CONTACT_OUTCOME_KINDS, ContactOutcomeKind, RiskLevel } from './reviewer-risk.types';
import { ReviewerSettingsService, ShopRiskSettings } from './reviewer-settings.service';
import type { RiskConfig } from './risk-config';
import { assessReviewerRisk } from './risk-scoring';
import { ShopContextCache } from './shop-context.cache';
import type { TemplateLookup } from './reviewer-risk.types';

/** the latest reviews of a buyer in the shop that scoring reads */
export const REVIEWS_PER_BUYER = 200;
/** other buyers rescored at most per batch because a new text matches theirs */
export const MAX_TEMPLATE_NEIGHBOURS = 100;
/** reviewers rescored per transaction when a shop's settings change */
export const RESCORE_PAGE = 500;

export interface ReviewerScore {
  profileId: string;
  riskScore: number;
  riskLevel: RiskLevel;
  status: WatchStatus;
}

/** What the recovery queue reports about a contact with the buyer of a review. */
export interface ContactOutcomeInput {
  reviewId: string;
  kind: ContactOutcomeKind;
  /** when the contact happened */
  at: Date;
  /** what the buyer asked for, in the order's currency */
  demandedAmount?: number | null;
  /** the caller's id of the contact: recording it again replaces its outcome instead of adding one */
  contactId?: string | null;
}

export interface RecordedContactOutcome extends ReviewerScore {
  outcomeId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Problems of a contact outcome handed in by another module (a programming error there, reported like bad input). */
export function contactOutcomeProblems(outcome: ContactOutcomeInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (typeof outcome.reviewId !== 'string' || !UUID.test(outcome.reviewId)) problems.push({ field: 'reviewId', code: 'isUuid', message: 'reviewId must be a UUID' });
  if (!(CONTACT_OUTCOME_KINDS as readonly string[]).includes(outcome.kind)) {
    problems.push({ field: 'kind', code: 'isIn', message: `kind must be one of ${CONTACT_OUTCOME_KINDS.join(', ')}` });
  }
  if (!(outcome.at instanceof Date) || Number.isNaN(outcome.at.getTime())) problems.push({ field: 'at', code: 'isDate', message: 'at must be a valid Date' });
  const amount = outcome.demandedAmount;
  if (amount !== undefined && amount !== null && !(typeof amount === 'number' && Number.isFinite(amount) && amount >= 0 && amount < 1e10)) {
    problems.push({ field: 'demandedAmount', code: 'isAmount', message: 'demandedAmount must be a non-negative amount' });
  }
  const contactId = outcome.contactId;
  if (contactId !== undefined && contactId !== null && !(typeof contactId === 'string' && contactId.length > 0 && contactId.length <= 128)) {
    problems.push({ field: 'contactId', code: 'length', message: 'contactId must be 1 to 128 characters' });
  }
  return problems;
}

/** Medium/bad review texts of the buyers being scored, for the template index. */
function negativeTexts(reviews: Map<string, ScoringReview[]>, config: RiskConfig) {
  const texts: { reviewId: string; owner: string; text: string | null | undefined }[] = [];
  for (const [owner, list] of reviews) {
    for (const review of list) if (review.rating <= config.negativeRatingMax && review.text) texts.push({ reviewId: review.reviewId, owner, text: review.text });
  }
  return texts;
}

/**
 * Other buyers whose texts the batch's new medium/bad reviews repeat: their own template evidence just grew,
 * so they are rescored with the batch (the first poster of a template is otherwise only caught later).
 */
export function templateNeighbours(
  templates: TemplateLookup,
  reviews: Map<string, ScoringReview[]>,
  newReviewIds: ReadonlySet<string>,
  scoring: ReadonlySet<string>,
  config: RiskConfig,
  max = MAX_TEMPLATE_NEIGHBOURS,
): BuyerKey[] {
  const found = new Map<string, BuyerKey>();
  for (const [owner, list] of reviews) {
    for (const review of list) {
      if (!newReviewIds.has(review.reviewId) || review.rating > config.negativeRatingMax || !review.text) continue;
      for (const match of templates.findSimilar(review.text, { excludeOwner: owner, limit: config.signals.template_text.otherBuyersFull + 3 })) {
        if (scoring.has(match.ownerId) || found.has(match.ownerId) || match.ownerId.startsWith('anon:')) continue;
        const colon = match.ownerId.indexOf(':');
        found.set(match.ownerId, { platform: match.ownerId.slice(0, colon), buyerId: match.ownerId.slice(colon + 1) });
        if (found.size >= max) return [...found.values()];
      }
    }
  }
  return [...found.values()];
}

/**
 * Keeps every reviewer's risk score current: as the analysis step 'reviewer-risk' for every analysed batch,
 * after a decision, a contact outcome or a settings change. Scoring is set-based: a handful of statements
 * for a whole batch of buyers, whatever its size.
 */
@Injectable()
export class ReviewerRiskService implements AnalysisStep, OnModuleInit {
  readonly name = 'reviewer-risk';
  readonly order = 100;
  private readonly logger = new Logger(ReviewerRiskService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly steps: AnalysisSteps,
    private readonly settings: ReviewerSettingsService,
    private readonly contexts: ShopContextCache,
  ) {}

  onModuleInit(): void {
    this.steps.register(this);
  }

  async afterAnalysis(manager: EntityManager, batch: AnalyzedBatch): Promise<void> {
    const started = Date.now();
    const settings = await this.settings.load(manager, batch.shopId);
    const profiles = await refreshProfiles(manager, batch.shopId, { reviewIds: batch.reviewIds }, settings.config.negativeRatingMax);
    this.contexts.noteAnalysed(batch.shopId, batch.reviewIds.length);
    if (!profiles.length) return;
    const scored = await this.score(manager, batch.shopId, profiles, settings, new Set(batch.reviewIds));
    const watched = profiles.filter((p) => p.status === 'confirmed').map((p) => p.id);
    if (watched.length) this.logger.log({ msg: 'reviewers on the watchlist posted reviews', shopId: batch.shopId, profileIds: watched });
    this.logger.debug({
      msg: 'reviewers scored',
      shopId: batch.shopId,
      reviewers: scored.length,
      flagged: scored.filter((s) => s.status === 'flagged').length,
      ms: Date.now() - started,
    });
  }

  /** Scores some profiles of a shop again (counts refreshed too), inside the caller's transaction. */
  async rescoreProfiles(manager: EntityManager, shopId: string, profileIds: readonly string[], settings?: ShopRiskSettings): Promise<ReviewerScore[]> {
    const effective = settings ?? (await this.settings.load(manager, shopId));
    const profiles = await refreshProfiles(manager, shopId, { profileIds }, effective.config.negativeRatingMax);
    return this.score(manager, shopId, profiles, effective);
  }

  /**
   * Records what happened when the shop contacted the buyer of a review and rescores that buyer, inside the
   * caller's transaction. Idempotent per `contactId`. Returns null when the review has no buyer id (nobody to
   * score); throws ReviewNotFound for a review that is not the shop's and ValidationFailed for a bad outcome.
   */
  async recordContactOutcome(manager: EntityManager, shopId: string, outcome: ContactOutcomeInput): Promise<RecordedContactOutcome | null> {
    const problems = contactOutcomeProblems(outcome);
    if (problems.length) throw new ValidationFailed(problems, 'The contact outcome is not valid');
    const [review] = await sqlRows<{ buyer_id: string | null }>(manager, `SELECT buyer_id FROM reviews WHERE shop_id = $1 AND id = $2`, [shopId, outcome.reviewId]);
    if (!review) throw new ReviewNotFound(outcome.reviewId);
    if (review.buyer_id === null) return null;
    const settings = await this.settings.load(manager, shopId);
    const [profile] = await refreshProfiles(manager, shopId, { reviewIds: [outcome.reviewId] }, settings.config.negativeRatingMax);
    const [stored] = await sqlRows<{ id: string }>(
      manager,
      `INSERT INTO reviewer_contact_outcomes (shop_id, profile_id, review_id, contact_id, kind, at, demanded_amount)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (shop_id, contact_id) WHERE contact_id IS NOT NULL DO UPDATE SET
         profile_id = EXCLUDED.profile_id, review_id = EXCLUDED.review_id, kind = EXCLUDED.kind, at = EXCLUDED.at,
         demanded_amount = EXCLUDED.demanded_amount
       RETURNING id`,
      [shopId, profile.id, outcome.reviewId, outcome.contactId ?? null, outcome.kind, outcome.at, outcome.demandedAmount ?? null],
    );
    const [scored] = await this.score(manager, shopId, [profile], settings);
    return { outcomeId: stored.id, ...scored };
  }

  /** Scores every reviewer of a shop again with its current settings, a page per transaction (the rescoring job). */
  async rescoreShop(shopId: string): Promise<number> {
    const started = Date.now();
    const settings = await this.settings.load(this.dataSource.manager, shopId);
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    for (;;) {
      const page = await this.dataSource.transaction(async (manager) => {
        const ids = await sqlRows<{ id: string }>(
          manager,
          `SELECT id FROM reviewer_profiles WHERE shop_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
          [shopId, after, RESCORE_PAGE],
        );
        if (ids.length) await this.rescoreProfiles(manager, shopId, ids.map((row) => row.id), settings);
        return ids;
      });
      total += page.length;
      if (page.length < RESCORE_PAGE) break;
      after = page[page.length - 1].id;
    }
    await this.settings.markRescored(shopId, settings.version);
    this.logger.log({ msg: 'reviewers rescored with new settings', shopId, version: settings.version, reviewers: total, ms: Date.now() - started });
    return total;
  }

  private async score(
    manager: EntityManager,
    shopId: string,
    profiles: ScoringProfile[],
    settings: ShopRiskSettings,
    newReviewIds?: ReadonlySet<string>,
  ): Promise<ReviewerScore[]> {
    if (!profiles.length) return [];
    const { config, flagLevel } = settings;
    const scoring = new Map(profiles.map((profile) => [buyerKey(profile.platform, profile.buyerId), profile]));
    const reviews = await buyerReviews(manager, shopId, profiles, REVIEWS_PER_BUYER);
    const shop = await this.contexts.get(manager, shopId, config);
    this.contexts.addTexts(shop, negativeTexts(reviews, config));
    if (newReviewIds) {
      const neighbours = templateNeighbours(shop.templates, reviews, newReviewIds, new Set(scoring.keys()), config);
      const others = await lockOtherProfiles(manager, shopId, neighbours);
      if (others.length) {
        for (const [key, list] of await buyerReviews(manager, shopId, others, REVIEWS_PER_BUYER)) reviews.set(key, list);
        for (const profile of others) scoring.set(buyerKey(profile.platform, profile.buyerId), profile);
      }
    }
    const all = [...scoring.values()];
    const cross = await crossShopActivity(manager, shopId, all, config.negativeRatingMax, config.signals.cross_shop_bad_reviews.windowDays);
    const outcomes = await contactOutcomesOf(manager, shopId, all.map((profile) => profile.id));
    const updates = [...scoring].map(([key, profile]) => {
      const assessment = assessReviewerRisk(
        {
          buyerId: key,
          reviews: reviews.get(key) ?? [],
          crossShop: cross.get(key) ?? null,
          contactOutcomes: outcomes.get(profile.id) ?? [],
          dismissed: profile.dismissedEvidence.map((d) => ({ code: d.code, dismissedAt: new Date(d.dismissedAt) })),
        },
        shop.context,
        config,
      );
      return {
        id: profile.id,
        score: assessment.score,
        level: assessment.level,
        signals: assessment.signals,
        status: watchStatus(profile.decision, assessment.level, flagLevel),
      };
    });
    await writeScores(manager, shopId, updates);
    return updates.map((u) => ({ profileId: u.id, riskScore: u.score, riskLevel: u.level, status: u.status }));
  }
}
