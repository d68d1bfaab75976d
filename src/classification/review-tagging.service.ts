import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sqlRows } from '../database/sql';
import type { ClassifierModels } from './review-classifier';
import { ClassifiableText, ShopClassifiers } from './shop-classifiers.service';

const RECLASSIFY_BATCH = 1_000;

/** A review's classification as stored on its row. */
export interface StoredTags {
  id: string;
  revision: number;
  tags: string[];
  subTags: string[];
  confidence: Record<string, number>;
  evidence: Array<{ tag: string; subTag?: string; phrase: string }>;
  version: string;
}

export interface ReclassifySummary {
  examined: number;
  changed: number;
  version: string;
}

/**
 * Writes classifier output onto reviews. Staff tags (tag_source = 'staff') are a person's decision and are never
 * overwritten by a model; everything else carries the version of the model that produced it.
 */
@Injectable()
export class ReviewTagging {
  private readonly logger = new Logger(ReviewTagging.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly classifiers: ShopClassifiers,
  ) {}

  classifyAll(models: ClassifierModels, reviews: ReadonlyArray<ClassifiableText & { id: string; revision: number }>): StoredTags[] {
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

  /** Stores classifications for the given revisions; returns the ids whose tags or sub-tags changed. */
  async store(db: DataSource | EntityManager, shopId: string, rows: StoredTags[]): Promise<string[]> {
    if (!rows.length) return [];
    const changed = await sqlRows<{ id: string; changed: boolean }>(
      db,
      `WITH x AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS x(id uuid, revision integer, tags text[], "subTags" text[], confidence jsonb, evidence jsonb, version text)
       ), old AS (
         SELECT r.id, r.tags, r.sub_tags FROM reviews r JOIN x ON x.id = r.id WHERE r.shop_id = $1
       )
       UPDATE reviews r SET tags = x.tags, sub_tags = x."subTags", tag_confidence = x.confidence, tag_evidence = x.evidence,
         tag_source = 'model', classifier_version = x.version, classified_at = now()
       FROM x JOIN old ON old.id = x.id
       WHERE r.shop_id = $1 AND r.id = x.id AND r.revision = x.revision AND r.tag_source IS DISTINCT FROM 'staff'
       RETURNING r.id, (old.tags IS DISTINCT FROM x.tags OR old.sub_tags IS DISTINCT FROM x."subTags") AS changed`,
      [shopId, JSON.stringify(rows)],
    );
    return changed.filter((row) => row.changed).map((row) => row.id);
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
      const rows = await sqlRows<{ id: string; revision: number; content: string; follow_up_content: string | null; rating: number; language: string | null }>(
        this.dataSource,
        `SELECT id, revision, content, follow_up_content, rating, language FROM reviews
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
        rows.map((row) => ({ id: row.id, revision: row.revision, content: row.content, followUpContent: row.follow_up_content, rating: row.rating, language: row.language })),
      );
      changed += (await this.store(this.dataSource, shopId, tagged)).length;
    }
    this.logger.log({ msg: 'reviews reclassified', shopId, examined, changed, version, ms: Date.now() - started });
    return { examined, changed, version };
  }
}
