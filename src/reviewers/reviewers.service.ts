import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Page } from '../common/pagination/cursor';
import { Review } from '../reviews/review.entity';
import { ShopsService } from '../shops/shops.service';
import { ListReviewersQuery } from './dto/reviewer-queries.dto';
import { ReviewerSettingsResponse } from './dto/reviewer-response.dto';
import { buildEvidencePack, EvidenceLanguage, EvidencePack } from './evidence-pack';
import { ReviewerContactOutcome } from './reviewer-contact-outcome.entity';
import { decodeScoreCursor, encodeScoreCursor } from './reviewer-cursor';
import { ReviewerDecision } from './reviewer-decision.entity';
import { ReviewerNotFound } from './reviewer-errors';
import { ReviewerProfile } from './reviewer-profile.entity';
import { ReviewerSettingsService } from './reviewer-settings.service';
import { DEFAULT_RISK_CONFIG } from './risk-config';

/** reviews of the buyer shown with a profile / put in an evidence pack */
export const DETAIL_REVIEWS = 200;
export const EVIDENCE_REVIEWS = 500;

export interface ReviewerDetail {
  profile: ReviewerProfile;
  decisions: ReviewerDecision[];
  outcomes: ReviewerContactOutcome[];
  reviews: Review[];
}

/** Reading reviewers: the list by risk, one reviewer with everything behind the score, the evidence pack. */
@Injectable()
export class ReviewersService {
  constructor(
    @InjectRepository(ReviewerProfile) private readonly profiles: Repository<ReviewerProfile>,
    @InjectRepository(ReviewerDecision) private readonly decisions: Repository<ReviewerDecision>,
    @InjectRepository(ReviewerContactOutcome) private readonly outcomes: Repository<ReviewerContactOutcome>,
    @InjectRepository(Review) private readonly reviews: Repository<Review>,
    private readonly shops: ShopsService,
    private readonly settings: ReviewerSettingsService,
  ) {}

  /** Highest risk first, keyset-paginated on (riskScore, id). */
  async list(shopId: string, query: ListReviewersQuery): Promise<Page<ReviewerProfile>> {
    const limit = query.limit ?? 50;
    const qb = this.profiles.createQueryBuilder('p').where('p.shopId = :shopId', { shopId });
    if (query.level) qb.andWhere('p.riskLevel = :level', { level: query.level });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.minScore !== undefined) qb.andWhere('p.riskScore >= CAST(:minScore AS real)', { minScore: query.minScore });
    if (query.platform) qb.andWhere('p.platform = :platform', { platform: query.platform });
    if (query.buyerId) qb.andWhere('p.buyerId = :buyerId', { buyerId: query.buyerId });
    if (query.cursor) {
      const cursor = decodeScoreCursor(query.cursor);
      qb.andWhere('(p.riskScore, p.id) < (CAST(:cursorScore AS real), CAST(:cursorId AS uuid))', { cursorScore: cursor.score, cursorId: cursor.id });
    }
    const rows = await qb
      .orderBy('p.riskScore', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeScoreCursor({ score: Number(last.riskScore), id: last.id }) : null };
  }

  async get(shopId: string, id: string): Promise<ReviewerProfile> {
    const profile = await this.profiles.findOneBy({ shopId, id });
    if (!profile) throw new ReviewerNotFound(id);
    return profile;
  }

  async detail(shopId: string, id: string, reviewLimit = DETAIL_REVIEWS): Promise<ReviewerDetail> {
    const profile = await this.get(shopId, id);
    const [decisions, outcomes, reviews] = await Promise.all([
      this.decisions.find({ where: { shopId, profileId: id }, order: { decidedAt: 'ASC', id: 'ASC' } }),
      this.outcomes.find({ where: { shopId, profileId: id }, order: { at: 'ASC', id: 'ASC' } }),
      this.reviews.find({
        where: { shopId, platform: profile.platform, buyerId: profile.buyerId },
        order: { reviewedAt: 'DESC', id: 'DESC' },
        take: reviewLimit,
      }),
    ]);
    return { profile, decisions, outcomes, reviews };
  }

  async decision(shopId: string, id: string): Promise<ReviewerDecision | null> {
    return this.decisions.findOne({ where: { shopId, id } });
  }

  async evidencePack(shopId: string, id: string, lang: EvidenceLanguage, now = new Date()): Promise<EvidencePack> {
    const { profile, decisions, outcomes, reviews } = await this.detail(shopId, id, EVIDENCE_REVIEWS);
    const shop = await this.shops.getShop(shopId);
    return buildEvidencePack({
      shop: { id: shop.id, name: shop.name, timezone: shop.timezone },
      profile,
      reviews,
      decisions,
      outcomes,
      lang,
      generatedAt: now,
    });
  }

  async settingsView(shopId: string): Promise<ReviewerSettingsResponse> {
    const settings = await this.settings.load(this.profiles.manager, shopId);
    return {
      flagLevel: settings.flagLevel,
      override: settings.override,
      effective: settings.config,
      defaults: DEFAULT_RISK_CONFIG,
      version: settings.version,
      rescoring: settings.rescoredVersion < settings.version,
      updatedBy: settings.updatedBy,
      updatedAt: settings.updatedAt ? settings.updatedAt.toISOString() : null,
    };
  }
}
