import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlRows } from '../database/sql';
import { ModelTags, storeModelTags } from '../reviews/review-analysis-writes';
import type { ClassifierModels } from './review-classifier';
import { ClassifiableText, ShopClassifiers } from './shop-classifiers.service';

const RECLASSIFY_BATCH = 1_000;

export interface ReclassifySummary {
  examined: number;
  changed: number;
  version: string;
}

/**
 * Classifies reviews with a shop's models, and classifies recent reviews again after a retraining. The tags are
 * written by reviews/review-analysis-writes.ts, which holds the rule that a model never replaces a person's tags.
 */
@Injectable()
export class ReviewTagging {
  private readonly logger = new Logger(ReviewTagging.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly classifiers: ShopClassifiers,
  ) {}

  classifyAll(models: ClassifierModels, reviews: ReadonlyArray<ClassifiableText & { id: string; revision: number }>): ModelTags[] {
    return reviews.map((review) => {
      const result = this.classifiers.classifyWith(models, review);
      return {
        id: review.id,
        revision: review.revision,
        tags: result.tags,
        subTags: result.subTags,
        confidence: result.confidence,
        evidence: result.evidence,
        version: result.modelVersion,
      };
    });
  }

  /**
   * Classifies again, with the shop's current model, the reviews of the last `sinceDays` days whose tags came
   * from another model version. Idempotent: a second run finds nothing left to do.
   */
  async reclassify(shopId: string, sinceDays: number): Promise<ReclassifySummary> {
    const started = Date.now();
    const models = await this.classifiers.modelsFor(shopId);
    const version = await this.classifiers.currentVersion(shopId);
    let afterId = '00000000-0000-0000-0000-000000000000';
    let examined = 0;
    let changed = 0;
    for (;;) {
      const rows = await sqlRows<{
        id: string;
        revision: number;
        content: string;
        follow_up_content: string | null;
        rating: number;
        language: string | null;
        quality_score: number | null;
        logistics_score: number | null;
        service_score: number | null;
        description_score: number | null;
      }>(
        this.dataSource,
        `SELECT id, revision, content, follow_up_content, rating, language, quality_score, logistics_score, service_score, description_score FROM reviews
         WHERE shop_id = $1 AND id > $2 AND analysis_status = 'done' AND tag_source IS DISTINCT FROM 'staff'
           AND classifier_version IS DISTINCT FROM $3 AND reviewed_at >= now() - make_interval(days => $4)
         ORDER BY id LIMIT $5`,
        [shopId, afterId, version, sinceDays, RECLASSIFY_BATCH],
      );
      if (!rows.length) break;
      afterId = rows[rows.length - 1]!.id;
      examined += rows.length;
      const tagged = this.classifyAll(
        models,
        rows.map((row) => ({
          id: row.id,
          revision: row.revision,
          content: row.content,
          followUpContent: row.follow_up_content,
          rating: row.rating,
          language: row.language,
          qualityScore: row.quality_score,
          logisticsScore: row.logistics_score,
          serviceScore: row.service_score,
          descriptionScore: row.description_score,
        })),
      );
      changed += (await storeModelTags(this.dataSource, shopId, tagged)).length;
    }
    this.logger.log({ msg: 'reviews reclassified', shopId, examined, changed, version, ms: Date.now() - started });
    return { examined, changed, version };
  }
}
