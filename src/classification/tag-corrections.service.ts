import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldProblem, ReviewNotFound, ValidationFailed } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { sqlRows } from '../database/sql';
import { storeStaffTags } from '../reviews/review-analysis-writes';
import { JobQueue } from '../jobs/job-queue';
import type { Review } from '../reviews/review.entity';
import type { TagEvidence } from '../reviews/review.types';
import { Actor, actorLabel } from '../shops/actor';
import { ShopClassifiers } from './shop-classifiers.service';
import { CAUSE_TAGS, parentTag, SubTag, Tag, TAGS } from '../reviews/taxonomy';
import { errorForLog } from '../common/errors/error-for-log';

export interface TagsCorrection {
  tags: Tag[];
  subTags?: SubTag[];
}

/** Tags in taxonomy order, sub-tags checked against them. Throws ValidationFailed with the field at fault. */
export function normaliseCorrection(input: TagsCorrection): { tags: Tag[]; subTags: SubTag[] } {
  const tags = TAGS.filter((tag) => input.tags.includes(tag));
  const subTags = [...new Set(input.subTags ?? [])];
  const problems: FieldProblem[] = [];
  if (tags.includes('other') && tags.length > 1) {
    problems.push({ field: 'tags', code: 'otherIsExclusive', message: '"other" means no cause: it cannot go with quality, logistics, service or price' });
  }
  subTags.forEach((sub, i) => {
    if (!tags.includes(parentTag(sub))) {
      problems.push({ field: `subTags[${i}]`, code: 'subTagWithoutTag', message: `${sub} belongs to ${parentTag(sub)}, which is not among the tags` });
    }
  });
  if (problems.length) throw new ValidationFailed(problems);
  return { tags, subTags: subTags.sort() };
}

/**
 * A person's correction of a review's tags: it replaces the tags at once (staff tags are never overwritten by a
 * model), is kept as training data for the shop's classifier, and starts a retraining when enough have piled up.
 */
@Injectable()
export class TagCorrectionsService {
  private readonly logger = new Logger(TagCorrectionsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly classifiers: ShopClassifiers,
    private readonly jobs: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async correct(shopId: string, reviewId: string, input: TagsCorrection, actor: Actor): Promise<Review> {
    const { tags, subTags } = normaliseCorrection(input);
    const review = await this.dataSource.transaction(async (manager) => {
      const [current] = await sqlRows<{ tags: string[]; sub_tags: string[]; tag_evidence: TagEvidence[] | null; classifier_version: string | null }>(
        manager,
        'SELECT tags, sub_tags, tag_evidence, classifier_version FROM reviews WHERE shop_id = $1 AND id = $2 FOR UPDATE',
        [shopId, reviewId],
      );
      if (!current) throw new ReviewNotFound(reviewId);
      await manager.query(
        `INSERT INTO tag_corrections (shop_id, review_id, tags, sub_tags, previous_tags, previous_sub_tags, previous_version, corrected_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [shopId, reviewId, tags, subTags, current.tags, current.sub_tags, current.classifier_version, actorLabel(actor)],
      );
      const confidence = Object.fromEntries(TAGS.map((tag) => [tag, tags.includes(tag) ? 1 : 0]));
      // the phrases the model found stay as evidence where the person agreed with the tag
      const evidence = (current.tag_evidence ?? []).filter((e) => tags.includes(e.tag as Tag) && (!e.subTag || subTags.includes(e.subTag as SubTag)));
      await storeStaffTags(manager, shopId, reviewId, { tags, subTags, confidence, evidence });
      return manager.getRepository<Review>('Review').findOneByOrFail({ shopId, id: reviewId });
    });
    this.logger.log({ msg: 'tags corrected', shopId, reviewId, causes: tags.filter((t) => (CAUSE_TAGS as readonly string[]).includes(t)).length });
    await this.retrainIfDue(shopId);
    return review;
  }

  /** Enqueues one retraining per shop once RETRAIN_AFTER_CORRECTIONS corrections came after the last one. */
  private async retrainIfDue(shopId: string): Promise<void> {
    const { sinceTraining } = await this.classifiers.correctionCounts(shopId);
    if (sinceTraining < this.config.env.retrainAfterCorrections) return;
    try {
      await this.jobs.add('retrain-classifier', [{ shopId }], { jobId: `retrain-classifier-${shopId}` });
    } catch (error) {
      // the correction is stored; the workers' sweep finds shops that are due and enqueues them again
      this.logger.warn({ msg: 'could not enqueue retraining', shopId, err: errorForLog(error) });
    }
  }
}
