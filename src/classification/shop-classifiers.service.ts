import { PlatformScores, withPlatformScores } from './platform-scores';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { sqlRows } from '../database/sql';
import { BaseModel, Correction, ShopModel, shippedModel, shopModelFromJson, shopModelToJson, trainShopModel } from './classifier-model';
import { ModelMetrics } from './classifier-model.entity';
import { classify, Classification, ClassifierModels } from './review-classifier';
import { isSubTag, isTag, SubTag, Tag } from '../reviews/taxonomy';

/** How long a process trusts its cached shop model before looking for a newer one (other processes retrain). */
const MODEL_CACHE_MS = 30_000;
const CV_FOLDS = 5;

export interface ClassifiableText extends PlatformScores {
  content: string;
  followUpContent?: string | null;
  rating?: number | null;
  language?: string | null;
}

export interface StoredShopModel {
  id: string;
  version: string;
  baseVersion: string;
  correctionsUsed: number;
  trainedUpTo: Date;
  metrics: ModelMetrics;
  createdAt: Date;
}

export interface TrainingOutcome {
  trained: boolean;
  /** why nothing was trained */
  reason?: 'no_corrections';
  model?: StoredShopModel;
}

interface CachedModel {
  loadedAt: number;
  model: ShopModel | null;
  stored: StoredShopModel | null;
}

interface ModelRow {
  id: string;
  version: string;
  base_version: string;
  model: unknown;
  corrections_used: number;
  trained_up_to: Date;
  metrics: ModelMetrics;
  created_at: Date;
}

/** The text the classifier reads for a review: the review and its follow-up (追评). */
export function classifierText(review: ClassifiableText): string {
  return review.followUpContent ? `${review.content}\n${review.followUpContent}` : review.content;
}

/**
 * Each shop's classifier: the shipped model plus, once its staff corrected enough reviews, the shop's own layer
 * trained from those corrections. Training is deterministic: the same corrections give the same model version.
 */
@Injectable()
export class ShopClassifiers {
  private readonly logger = new Logger(ShopClassifiers.name);
  private readonly cache = new Map<string, CachedModel>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loads the shipped model and jieba now rather than on the first review (about half a second). */
  warmUp(): BaseModel {
    const model = shippedModel();
    classify({ text: '预热 warm-up' }, { base: model });
    return model;
  }

  async modelsFor(shopId: string): Promise<ClassifierModels> {
    const cached = await this.cached(shopId);
    return cached.model ? { base: shippedModel(), shop: cached.model } : { base: shippedModel() };
  }

  classifyWith(models: ClassifierModels, review: ClassifiableText): Classification {
    // a platform's low per-dimension score states the cause outright, beside what the text says
    return withPlatformScores(classify({ text: classifierText(review), rating: review.rating, lang: review.language }, models), review);
  }

  /** The version new classifications of this shop get. */
  async currentVersion(shopId: string): Promise<string> {
    const models = await this.modelsFor(shopId);
    const base = models.base ?? shippedModel();
    return models.shop ? `${base.version}+${models.shop.version}` : base.version;
  }

  /** The newest stored shop model, also when it was trained on an older shipped model and is not used. */
  async latest(shopId: string): Promise<StoredShopModel | null> {
    return (await this.cached(shopId, true)).stored;
  }

  /** The corrections training uses: the latest correction of each review, with the review's current text. */
  async trainingCorrections(shopId: string): Promise<{ corrections: Array<Correction & { reviewId: string; at: Date }>; upTo: string | null }> {
    // upTo keeps the database's microseconds: a JS Date would round the newest correction below itself
    const rows = await sqlRows<{
      review_id: string;
      tags: string[];
      sub_tags: string[];
      created_at: Date;
      up_to: string;
      content: string;
      follow_up_content: string | null;
    }>(
      this.dataSource,
      `SELECT DISTINCT ON (c.review_id) c.review_id, c.tags, c.sub_tags, c.created_at, (max(c.created_at) OVER ())::text AS up_to,
         r.content, r.follow_up_content
       FROM tag_corrections c JOIN reviews r ON r.id = c.review_id AND r.shop_id = c.shop_id
       WHERE c.shop_id = $1
       ORDER BY c.review_id, c.created_at DESC`,
      [shopId],
    );
    const corrections = rows
      .map((row) => ({
        reviewId: row.review_id,
        at: row.created_at,
        text: classifierText({ content: row.content, followUpContent: row.follow_up_content }),
        tags: row.tags.filter(isTag) as Tag[],
        subTags: row.sub_tags.filter(isSubTag) as SubTag[],
      }))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.reviewId.localeCompare(b.reviewId));
    return { corrections, upTo: rows[0]?.up_to ?? null };
  }

  /**
   * Trains the shop's layer from all its corrections and stores it; the newest stored model is the one used.
   * Its metrics are cross-validated, so the accuracy shown is on corrections the model did not train on.
   */
  async retrain(shopId: string): Promise<TrainingOutcome> {
    const started = Date.now();
    const { corrections, upTo } = await this.trainingCorrections(shopId);
    if (!corrections.length || !upTo) return { trained: false, reason: 'no_corrections' };
    const base = shippedModel();
    const model = trainShopModel(base, corrections);
    const metrics = evaluateOnCorrections(base, corrections);
    const [row] = await sqlRows<ModelRow>(
      this.dataSource,
      `INSERT INTO classifier_models (shop_id, version, base_version, model, corrections_used, trained_up_to, metrics)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, version, base_version, model, corrections_used, trained_up_to, metrics, created_at`,
      [shopId, model.version, model.baseVersion, JSON.stringify(shopModelToJson(model)), corrections.length, upTo, JSON.stringify(metrics)],
    );
    const stored = toStored(row!);
    this.cache.set(shopId, { loadedAt: Date.now(), model, stored });
    this.logger.log({ msg: 'shop classifier trained', shopId, version: model.version, corrections: corrections.length, ms: Date.now() - started });
    return { trained: true, model: stored };
  }

  /** Staff corrections of this shop, and how many came after the model in use was trained. */
  async correctionCounts(shopId: string): Promise<{ total: number; sinceTraining: number }> {
    // compared in SQL: trained_up_to keeps microseconds that a JS Date would lose
    const [row] = await sqlRows<{ total: string; since: string }>(
      this.dataSource,
      `SELECT count(*) AS total, count(*) FILTER (WHERE m.trained_up_to IS NULL OR c.created_at > m.trained_up_to) AS since
       FROM tag_corrections c
       LEFT JOIN (SELECT trained_up_to FROM classifier_models WHERE shop_id = $1 AND base_version = $2 ORDER BY created_at DESC LIMIT 1) m ON true
       WHERE c.shop_id = $1`,
      [shopId, shippedModel().version],
    );
    return { total: Number(row?.total ?? 0), sinceTraining: Number(row?.since ?? 0) };
  }

  /**
   * Shops whose classifier is due: at least `threshold` corrections since their model was trained, or a model
   * trained on an older shipped model. Lets workers catch up on retraining jobs lost with Redis.
   */
  async shopsDueForTraining(threshold: number, limit = 100): Promise<string[]> {
    const rows = await sqlRows<{ shop_id: string }>(
      this.dataSource,
      `WITH latest AS (
         SELECT DISTINCT ON (shop_id) shop_id, trained_up_to, base_version FROM classifier_models ORDER BY shop_id, created_at DESC
       )
       SELECT c.shop_id
       FROM tag_corrections c LEFT JOIN latest m ON m.shop_id = c.shop_id
       GROUP BY c.shop_id, m.trained_up_to, m.base_version
       HAVING count(*) FILTER (WHERE m.trained_up_to IS NULL OR m.base_version <> $2 OR c.created_at > m.trained_up_to) >= $1
          OR (m.base_version IS NOT NULL AND m.base_version <> $2)
       LIMIT $3`,
      [threshold, shippedModel().version, limit],
    );
    return rows.map((row) => row.shop_id);
  }

  /**
   * Shops with recent reviews the model tagged with another shipped model than the current one (a new model was
   * deployed): their reclassification is due. Staff tags are left out, as the reclassification leaves them.
   */
  async shopsWithOutdatedTags(sinceDays: number, limit = 100): Promise<string[]> {
    const rows = await sqlRows<{ shop_id: string }>(
      this.dataSource,
      `SELECT DISTINCT shop_id FROM reviews
       WHERE analysis_status = 'done' AND tag_source IS DISTINCT FROM 'staff' AND classifier_version IS NOT NULL
         AND split_part(classifier_version, '+', 1) <> $1 AND reviewed_at >= now() - make_interval(days => $2)
       LIMIT $3`,
      [shippedModel().version, sinceDays, limit],
    );
    return rows.map((row) => row.shop_id);
  }

  private async cached(shopId: string, fresh = false): Promise<CachedModel> {
    const hit = this.cache.get(shopId);
    if (hit && !fresh && Date.now() - hit.loadedAt < MODEL_CACHE_MS) return hit;
    const started = Date.now();
    const [row] = await sqlRows<ModelRow>(
      this.dataSource,
      `SELECT id, version, base_version, model, corrections_used, trained_up_to, metrics, created_at
       FROM classifier_models WHERE shop_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [shopId],
    );
    let model: ShopModel | null = null;
    const stored = row ? toStored(row) : null;
    if (row && row.base_version === shippedModel().version) {
      model = hit?.model?.version === row.version ? hit.model : shopModelFromJson(row.model as never);
    }
    // a retraining that finished while this query ran may have cached a model this query did not see: keep it
    const meanwhile = this.cache.get(shopId);
    if (meanwhile && meanwhile !== hit && meanwhile.loadedAt >= started && isNewer(meanwhile.stored, stored)) return meanwhile;
    const entry = { loadedAt: Date.now(), model, stored };
    this.cache.set(shopId, entry);
    return entry;
  }
}

function isNewer(a: StoredShopModel | null, b: StoredShopModel | null): boolean {
  return !!a && (!b || a.createdAt.getTime() > b.createdAt.getTime());
}

function toStored(row: ModelRow): StoredShopModel {
  return {
    id: row.id,
    version: row.version,
    baseVersion: row.base_version,
    correctionsUsed: row.corrections_used,
    trainedUpTo: row.trained_up_to,
    metrics: row.metrics,
    createdAt: row.created_at,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

/** A correction counts as right when the tags and the sub-tags both match exactly. */
function exactMatch(result: Classification, correction: Correction): boolean {
  return sameSet(result.tags, correction.tags) && sameSet(result.subTags, correction.subTags);
}

/**
 * Accuracy of the shipped model and of the shop layer on the shop's corrections. The shop layer is scored by
 * k-fold cross-validation (leave-one-out below k examples), so it is never scored on what it trained on.
 */
export function evaluateOnCorrections(base: BaseModel, corrections: readonly Correction[]): ModelMetrics {
  const n = corrections.length;
  if (!n) return { evaluatedOn: 0, baseAccuracy: 0, shopAccuracy: 0 };
  const baseRight = corrections.filter((c) => exactMatch(classify({ text: c.text }, { base }), c)).length;
  const folds = Math.min(CV_FOLDS, n);
  let shopRight = 0;
  for (let fold = 0; fold < folds; fold++) {
    const train = corrections.filter((_, i) => i % folds !== fold);
    const test = corrections.filter((_, i) => i % folds === fold);
    const shop = train.length ? trainShopModel(base, train) : undefined;
    shopRight += test.filter((c) => exactMatch(classify({ text: c.text }, { base, shop }), c)).length;
  }
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { evaluatedOn: n, baseAccuracy: round(baseRight / n), shopAccuracy: round(shopRight / n) };
}
