import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FieldProblem, ReviewNotFound, ValidationFailed } from '../common/errors/domain-error';
import { sqlRows } from '../database/sql';
import type { AnalysisStep, AnalyzedBatch } from '../reviews/analysis-step';
import { watchStatus } from './reviewer-decisions';
import type { WatchStatus } from './reviewer-profile.entity';
import {
  BuyerHistory,
  BuyerKey,
  buyerHistories,
  buyerKey,
  contactOutcomesOf,
  crossShopActivity,
  ensureProfile,
  lockProfiles,
  ProfileSelection,
  ScoredBuyer,
  ScoringProfile,
  ScoringReview,
  upsertScores,
} from './reviewer-risk.queries';
import { CONTACT_OUTCOME_KINDS, ContactOutcomeKind, RiskLevel, TemplateLookup } from './reviewer-risk.types';
import { ReviewerSettingsService, ShopRiskSettings } from './reviewer-settings.service';
import type { RiskConfig } from './risk-config';
import { assessReviewerRisk } from './risk-scoring';
import { ShopContextCache } from './shop-context.cache';
import { isUuid } from '../common/validation/uuid';

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

/** Problems of a contact outcome handed in by another module (a programming error there, reported like bad input). */
export function contactOutcomeProblems(outcome: ContactOutcomeInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isUuid(outcome.reviewId)) problems.push({ field: 'reviewId', code: 'isUuid', message: 'reviewId must be a UUID' });
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
function negativeTexts(histories: Map<string, BuyerHistory>, config: RiskConfig) {
  const texts: { reviewId: string; owner: string; text: string | null | undefined }[] = [];
  for (const [owner, history] of histories) {
    for (const review of history.reviews)
      if (review.rating <= config.negativeRatingMax && review.text) texts.push({ reviewId: review.reviewId, owner, text: review.text });
  }
  return texts;
}

/**
 * Other buyers whose texts the batch's new medium/bad reviews repeat, when that raises their own template
 * evidence: a text that at most `otherBuyersFull` other buyers wrote before (beyond that they are all at full
 * strength already, and a generic complaint shared by hundreds would drag them all in). Without this, the
 * first posters of a template would only be caught at their next review.
 */
export function templateNeighbours(
  templates: TemplateLookup,
  reviews: ReadonlyMap<string, { reviews: readonly ScoringReview[] }>,
  newReviewIds: ReadonlySet<string>,
  scoring: ReadonlySet<string>,
  config: RiskConfig,
  max = MAX_TEMPLATE_NEIGHBOURS,
): BuyerKey[] {
  const full = config.signals.template_text.otherBuyersFull;
  const found = new Map<string, BuyerKey>();
  for (const [owner, history] of reviews) {
    for (const review of history.reviews) {
      if (!newReviewIds.has(review.reviewId) || review.rating > config.negativeRatingMax || !review.text) continue;
      const authors = new Set(templates.findSimilar(review.text, { excludeOwner: owner, limit: full + 3 }).map((match) => match.ownerId));
      if (authors.size > full) continue;
      for (const author of authors) {
        if (scoring.has(author) || found.has(author) || author.startsWith('anon:')) continue;
        const colon = author.indexOf(':');
        found.set(author, { platform: author.slice(0, colon), buyerId: author.slice(colon + 1) });
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
export class ReviewerRiskService implements AnalysisStep {
  readonly name = 'reviewer-risk';
  private readonly logger = new Logger(ReviewerRiskService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: ReviewerSettingsService,
    private readonly contexts: ShopContextCache,
  ) {}

  async afterAnalysis(manager: EntityManager, batch: AnalyzedBatch): Promise<void> {
    const started = Date.now();
    const settings = await this.settings.load(manager, batch.shopId);
    this.contexts.noteAnalysed(batch.shopId, batch.reviewIds.length);
    const scored = await this.score(manager, batch.shopId, { reviewIds: batch.reviewIds }, settings);
    if (!scored.length) return;
    const watched = scored.filter((s) => s.status === 'confirmed').map((s) => s.profileId);
    if (watched.length) this.logger.log({ msg: 'watchlisted reviewers scored', shopId: batch.shopId, profileIds: watched });
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
    return this.score(manager, shopId, { profileIds }, settings ?? (await this.settings.load(manager, shopId)));
  }

  /**
   * Records what happened when the shop contacted the buyer of a review and rescores that buyer, inside the
   * caller's transaction. Idempotent per `contactId`. Returns null when the review has no buyer id (nobody to
   * score); throws ReviewNotFound for a review that is not the shop's and ValidationFailed for a bad outcome.
   */
  async recordContactOutcome(manager: EntityManager, shopId: string, outcome: ContactOutcomeInput): Promise<RecordedContactOutcome | null> {
    const problems = contactOutcomeProblems(outcome);
    if (problems.length) throw new ValidationFailed(problems, 'The contact outcome is not valid');
    const [review] = await sqlRows<{ platform: string; buyer_id: string | null }>(
      manager,
      `SELECT platform, buyer_id FROM reviews WHERE shop_id = $1 AND id = $2`,
      [shopId, outcome.reviewId],
    );
    if (!review) throw new ReviewNotFound(outcome.reviewId);
    if (review.buyer_id === null) return null;
    const profileId = await ensureProfile(manager, shopId, { platform: review.platform, buyerId: review.buyer_id });
    const [stored] = await sqlRows<{ id: string }>(
      manager,
      `INSERT INTO reviewer_contact_outcomes (shop_id, profile_id, review_id, contact_id, kind, at, demanded_amount)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (shop_id, contact_id) WHERE contact_id IS NOT NULL DO UPDATE SET
         profile_id = EXCLUDED.profile_id, review_id = EXCLUDED.review_id, kind = EXCLUDED.kind, at = EXCLUDED.at,
         demanded_amount = EXCLUDED.demanded_amount
       RETURNING id`,
      [shopId, profileId, outcome.reviewId, outcome.contactId ?? null, outcome.kind, outcome.at, outcome.demandedAmount ?? null],
    );
    const [scored] = await this.rescoreProfiles(manager, shopId, [profileId]);
    return { outcomeId: stored.id, ...scored };
  }

  /** Scores every reviewer of a shop again with its current settings, a page per transaction (the rescoring job). */
  async rescoreShop(shopId: string): Promise<number> {
    const started = Date.now();
    const settings = await this.settings.load(this.dataSource.manager, shopId);
    // keyset on the shop's unique (platform, buyer_id) index
    let after = { platform: '', buyerId: '' };
    let total = 0;
    for (;;) {
      const page = await this.dataSource.transaction(async (manager) => {
        const rows = await sqlRows<{ id: string; platform: string; buyer_id: string }>(
          manager,
          `SELECT id, platform, buyer_id FROM reviewer_profiles WHERE shop_id = $1 AND (platform, buyer_id) > ($2, $3)
           ORDER BY platform, buyer_id LIMIT $4`,
          [shopId, after.platform, after.buyerId, RESCORE_PAGE],
        );
        if (rows.length)
          await this.rescoreProfiles(
            manager,
            shopId,
            rows.map((row) => row.id),
            settings,
          );
        return rows;
      });
      total += page.length;
      if (page.length < RESCORE_PAGE) break;
      const last = page[page.length - 1];
      after = { platform: last.platform, buyerId: last.buyer_id };
    }
    await this.settings.markRescored(shopId, settings.version);
    this.logger.log({ msg: 'reviewers rescored with new settings', shopId, version: settings.version, reviewers: total, ms: Date.now() - started });
    return total;
  }

  /**
   * Scores the buyers of a batch's reviews (and, for a batch, the buyers its new texts affect) or some profiles,
   * and writes counts, scores and status: 5-7 statements whatever the number of buyers.
   */
  private async score(
    manager: EntityManager,
    shopId: string,
    target: { reviewIds: readonly string[] } | ProfileSelection,
    settings: ShopRiskSettings,
  ): Promise<ReviewerScore[]> {
    const { config, flagLevel } = settings;
    const perBuyer = (selection: { reviewIds: readonly string[] } | { keys: readonly BuyerKey[] }) =>
      buyerHistories(manager, shopId, selection, REVIEWS_PER_BUYER, config.negativeRatingMax);
    let histories: Map<string, BuyerHistory>;
    let locked: ScoringProfile[];
    if ('reviewIds' in target) {
      histories = await perBuyer(target);
      locked = await lockProfiles(manager, shopId, { keys: [...histories.values()] });
    } else {
      locked = await lockProfiles(manager, shopId, target);
      histories = await perBuyer({ keys: locked });
    }
    const profiles = new Map(locked.map((profile) => [buyerKey(profile.platform, profile.buyerId), profile]));
    const keys = new Map<string, BuyerKey>([...locked, ...histories.values()].map((buyer) => [buyerKey(buyer.platform, buyer.buyerId), buyer]));
    if (!keys.size) return [];

    // a flag set by analysing reviews is dated by the buyer's latest review among them (the report's period basis);
    // one set by anything else (a neighbour's text, a contact outcome, new settings) by its own time
    const flagReviewAt = new Map<string, Date>();
    if ('reviewIds' in target) {
      const analysed = new Set(target.reviewIds);
      for (const [key, history] of histories) {
        const times = history.reviews.filter((r) => analysed.has(r.reviewId)).map((r) => r.reviewedAt.getTime());
        const at = times.length ? new Date(Math.max(...times)) : history.lastReviewedAt;
        if (at) flagReviewAt.set(key, at);
      }
    }

    const shop = await this.contexts.get(manager, shopId, config);
    this.contexts.addTexts(shop, negativeTexts(histories, config));
    if ('reviewIds' in target) {
      const neighbours = templateNeighbours(shop.templates, histories, new Set(target.reviewIds), new Set(keys.keys()), config);
      const others = await lockProfiles(manager, shopId, { keys: neighbours }, true);
      if (others.length) {
        for (const [key, history] of await perBuyer({ keys: others })) histories.set(key, history);
        for (const profile of others) {
          const key = buyerKey(profile.platform, profile.buyerId);
          profiles.set(key, profile);
          keys.set(key, profile);
        }
      }
    }
    const buyers = [...keys.values()];
    const cross = await crossShopActivity(manager, shopId, buyers, config.negativeRatingMax, config.signals.cross_shop_bad_reviews.windowDays);
    const outcomes = await contactOutcomesOf(
      manager,
      shopId,
      [...profiles.values()].map((profile) => profile.id),
    );

    const scored: ScoredBuyer[] = [...keys].map(([key, buyer]) => {
      const profile = profiles.get(key);
      const history = histories.get(key);
      const assessment = assessReviewerRisk(
        {
          buyerId: key,
          reviews: history?.reviews ?? [],
          crossShop: cross.get(key) ?? null,
          contactOutcomes: profile ? (outcomes.get(profile.id) ?? []) : [],
          dismissed: (profile?.dismissedEvidence ?? []).map((d) => ({ code: d.code, dismissedAt: new Date(d.dismissedAt) })),
        },
        shop.context,
        config,
      );
      return {
        platform: buyer.platform,
        buyerId: buyer.buyerId,
        nick: history?.nick ?? null,
        reviewCount: history?.reviewCount ?? 0,
        negativeCount: history?.negativeCount ?? 0,
        firstReviewedAt: history?.firstReviewedAt ?? null,
        lastReviewedAt: history?.lastReviewedAt ?? null,
        score: assessment.score,
        level: assessment.level,
        signals: assessment.signals,
        status: watchStatus(profile?.decision ?? null, assessment.level, flagLevel),
        flagReviewAt: flagReviewAt.get(key) ?? null,
      };
    });
    const ids = await upsertScores(manager, shopId, scored);
    return scored.map((buyer) => ({
      profileId: ids.get(buyerKey(buyer.platform, buyer.buyerId)) as string,
      riskScore: buyer.score,
      riskLevel: buyer.level,
      status: buyer.status,
    }));
  }
}
