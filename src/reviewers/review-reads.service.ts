import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import { ReviewNotFound, ValidationFailed } from '../common/errors/domain-error';
import { decodeCursor, encodeCursor, Page } from '../common/pagination/cursor';
import { toInstant } from '../common/time/timestamps';
import { Review } from '../reviews/review.entity';
import type { AuthenticatedShop } from '../shops/shops.service';
import { ListReviewsQuery } from './dto/list-reviews.query';
import { ReviewerProfile } from './reviewer-profile.entity';

/** A review as staff read it: with its buyer's reviewer profile (risk, watchlist), joined when read. */
export type ReviewWithReviewer = Review & { reviewer?: ReviewerProfile | null };

/** Reads reviews with their buyer's reviewer risk: reviewers/ sees both tables, reviews/ does not see this one. */
@Injectable()
export class ReviewReadsService {
  constructor(@InjectRepository(Review) private readonly reviews: Repository<Review>) {}

  /** Reviews come with their buyer's reviewer profile (risk, watchlist): one row per review, the key is unique. */
  private withReviewer(qb: SelectQueryBuilder<Review>): SelectQueryBuilder<ReviewWithReviewer> {
    return qb.leftJoinAndMapOne('r.reviewer', ReviewerProfile, 'rp', 'rp.shopId = r.shopId AND rp.platform = r.platform AND rp.buyerId = r.buyerId');
  }

  async get(shopId: string, id: string): Promise<ReviewWithReviewer> {
    const review = await this.withReviewer(this.reviews.createQueryBuilder('r')).where('r.shopId = :shopId AND r.id = :id', { shopId, id }).getOne();
    if (!review) throw new ReviewNotFound(id);
    return review;
  }

  /** Newest reviews first, keyset-paginated on (reviewed_at, id). */
  async list(shop: AuthenticatedShop, query: ListReviewsQuery): Promise<Page<ReviewWithReviewer>> {
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
    const rows = await qb
      .orderBy('r.reviewedAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.reviewedAt.toISOString(), id: last.id }) : null,
    };
  }
}
