import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Repository } from 'typeorm';
import { FieldProblem, ValidationFailed } from '../common/errors/domain-error';
import { toFieldProblems } from '../common/validation/field-problems';
import { VALIDATION_OPTIONS } from '../common/validation/validation.pipe';
import type { AuthenticatedShop } from '../shops/shops.service';
import { ReviewInputDto } from './dto/review-input.dto';
import { fastAcceptReviewInput } from './dto/review-input.fast-check';
import { IngestItem, IngestOutcome, ReviewIngestService } from './review-ingest.service';
import { normalizeReview } from './review-fields';
import { ReviewRevision } from './review-revision.entity';
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

  async ingestOne(shop: AuthenticatedShop, dto: ReviewInputDto): Promise<{ result: IngestResult; id: string }> {
    const checked = this.normalize(shop, dto);
    if (!checked.ok) throw new ValidationFailed(checked.problems);
    const [outcome] = await this.ingestion.ingest(shop.shopId, [checked.item]);
    return { result: outcome.result, id: outcome.id };
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
    const outcomes: IngestOutcome[] = accepted.length
      ? await this.ingestion.ingest(
          shop.shopId,
          accepted.map((a) => a.item),
        )
      : [];
    outcomes.forEach((outcome, i) => {
      results[accepted[i].index] = { index: accepted[i].index, result: outcome.result, id: outcome.id, revision: outcome.revision };
    });
    return results;
  }

  async revisionsOf(shopId: string, reviewId: string): Promise<ReviewRevision[]> {
    return this.revisions.find({ where: { shopId, reviewId }, order: { revision: 'ASC' } });
  }
}
