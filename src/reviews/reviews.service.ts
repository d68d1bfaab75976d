import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import { FieldProblem, ReviewNotFound, ValidationFailed } from '../common/errors/domain-error';
import { decodeCursor, encodeCursor, Page } from '../common/pagination/cursor';
import { toInstant } from '../common/time/timestamps';
import { toFieldProblems } from '../common/validation/field-problems';
import { VALIDATION_OPTIONS } from '../common/validation/validation.pipe';
import { ReviewerProfile } from '../reviewers/reviewer-profile.entity';
import type { AuthenticatedShop } from '../shops/shops.service';
import { ListReviewsQuery } from './dto/list-reviews.query';
import { ReviewInputDto } from './dto/review-input.dto';
import { fastAcceptReviewInput } from './dto/review-input.fast-check';
import { IngestItem, IngestOutcome, ReviewIngestService } from './review-ingest.service';
import { normalizeReview } from './review-fields';
import { ReviewRevision } from './review-revision.entity';
import { Review } from './review.entity';
import type { IngestResult } from './review.types';

export interface ItemResult {
  index: number;
  result: IngestResult;
  id?: string;
  revision?: number;
  errors?: FieldProblem[];
}

export type CheckedItem = { ok: true; item: IngestItem } | { ok: false; problems: FieldProblem[] };

@Injectable()
export class ReviewsService {
  constructor(
    @InjectRepository(Review) private readonly reviews: Repository<Review>,
    @InjectRepository(ReviewRevision) private readonly revisions: Repository<ReviewRevision>,
    private readonly ingestion: ReviewIngestService,
  ) {}

  /** Validates and normalises one raw item; problems carry `path` as their field prefix. */
  check(shop: AuthenticatedShop, raw: unknown, path: string, now = new Date()): CheckedItem {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { ok: false, problems: [{ field: path, code: 'isObject', message: `${path} must be an object` }] };
    }
    const fast = fastAcceptReviewInput(raw);
    if (fast) return this.normalize(shop, fast, path, now);
    const dto = plainToInstance(ReviewInputDto, raw);
    const errors = validateSync(dto, VALIDATION_OPTIONS);
    if (errors.length) return { ok: false, problems: toFieldProblems(errors, path) };
    return this.normalize(shop, dto, path, now);
  }

  normalize(shop: AuthenticatedShop, dto: ReviewInputDto, path = '', now = new Date()): CheckedItem {
    const normalized = normalizeReview(dto, shop.timezone, now, path);
    return normalized.ok ? { ok: true, item: { fields: normalized.fields } } : normalized;
  }

  async ingestOne(shop: AuthenticatedShop, dto: ReviewInputDto): Promise<{ result: IngestResult; review: Review }> {
    const checked = this.normalize(shop, dto);
    if (!checked.ok) throw new ValidationFailed(checked.problems);
    const [outcome] = await this.ingestion.ingest(shop.shopId, [checked.item]);
    return { result: outcome.result, review: await this.get(shop.shopId, outcome.id) };
  }

  async ingestBatch(shop: AuthenticatedShop, items: unknown[]): Promise<ItemResult[]> {
    const now = new Date();
    const results: ItemResult[] = new Array(items.length);
    const accepted: { index: number; item: IngestItem }[] = [];
    items.forEach((raw, index) => {
      const checked = this.check(shop, raw, `items[${index}]`, now);
      if (checked.ok) accepted.push({ index, item: checked.item });
      else results[index] = { index, result: 'rejected', errors: checked.problems };
    });
    const outcomes: IngestOutcome[] = accepted.length ? await this.ingestion.ingest(shop.shopId, accepted.map((a) => a.item)) : [];
    outcomes.forEach((outcome, i) => {
      results[accepted[i].index] = { index: accepted[i].index, result: outcome.result, id: outcome.id, revision: outcome.revision };
    });
    return results;
  }

  /** Reviews come with their buyer's reviewer profile (risk, watchlist): one row per review, the key is unique. */
  private withReviewer(qb: SelectQueryBuilder<Review>): SelectQueryBuilder<Review> {
    return qb.leftJoinAndMapOne('r.reviewer', ReviewerProfile, 'rp', 'rp.shopId = r.shopId AND rp.platform = r.platform AND rp.buyerId = r.buyerId');
  }

  async get(shopId: string, id: string): Promise<Review> {
    const review = await this.withReviewer(this.reviews.createQueryBuilder('r'))
      .where('r.shopId = :shopId AND r.id = :id', { shopId, id })
      .getOne();
    if (!review) throw new ReviewNotFound(id);
    return review;
  }

  async revisionsOf(shopId: string, reviewId: string): Promise<ReviewRevision[]> {
    return this.revisions.find({ where: { shopId, reviewId }, order: { revision: 'ASC' } });
  }

  /** Newest reviews first, keyset-paginated on (reviewed_at, id). */
  async list(shop: AuthenticatedShop, query: ListReviewsQuery): Promise<Page<Review>> {
    const limit = query.limit ?? 50;
    const qb = this.withReviewer(this.reviews.createQueryBuilder('r')).where('r.shopId = :shopId', { shopId: shop.shopId });
    if (query.grade) qb.andWhere('r.grade = :grade', { grade: query.grade });
    if (query.rating) qb.andWhere('r.rating = :rating', { rating: query.rating });
    if (query.platform) qb.andWhere('r.platform = :platform', { platform: query.platform });
    if (query.productId) qb.andWhere('r.productId = :productId', { productId: query.productId });
    if (query.buyerId) qb.andWhere('r.buyerId = :buyerId', { buyerId: query.buyerId });
    if (query.status) qb.andWhere('r.analysisStatus = :status', { status: query.status });
    if (query.tag) qb.andWhere(':tag = ANY(r.tags)', { tag: query.tag });
    if (query.subTag) qb.andWhere(':subTag = ANY(r.subTags)', { subTag: query.subTag });
    if (query.reviewerStatus) qb.andWhere('rp.status = :reviewerStatus', { reviewerStatus: query.reviewerStatus });
    if (query.reviewerLevel) qb.andWhere('rp.riskLevel = :reviewerLevel', { reviewerLevel: query.reviewerLevel });
    const from = query.reviewedFrom ? toInstant(query.reviewedFrom, shop.timezone) : null;
    const to = query.reviewedTo ? toInstant(query.reviewedTo, shop.timezone) : null;
    if (from && to && from >= to) {
      throw new ValidationFailed([{ field: 'reviewedTo', code: 'dateOrder', message: 'reviewedTo must be after reviewedFrom' }]);
    }
    if (from) qb.andWhere('r.reviewedAt >= :from', { from });
    if (to) qb.andWhere('r.reviewedAt < :to', { to });
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      qb.andWhere(
        new Brackets((w) =>
          w.where('r.reviewedAt < :cursorAt', { cursorAt: cursor.at }).orWhere('(r.reviewedAt = :cursorAt AND r.id < :cursorId)', { cursorId: cursor.id }),
        ),
      );
    }
    // limit, not take: the join is one-to-one, so TypeORM's two-query pagination for joins is not needed
    const rows = await qb.orderBy('r.reviewedAt', 'DESC').addOrderBy('r.id', 'DESC').limit(limit + 1).getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.reviewedAt.toISOString(), id: last.id }) : null,
    };
  }
}
