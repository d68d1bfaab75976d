import { createHash } from 'node:crypto';
import { CauseModel, causeMargins, CauseModelJson, causeModelFromJson, ReviewScores, scoreReview } from './cause-model';
import shippedJson from './resources/cause-model.json';
import { LinearLayer, LinearLayerJson, layerFromJson, layerToJson, trainLayer, TrainingExample } from './linear-model';
import { analyzeReview, ReviewAnalysis } from './review-analyzer';
import { CAUSE_TAGS, CauseTag, SUB_TAGS, SubTag, Tag } from '../reviews/taxonomy';

/**
 * The shipped model: the cause model trained by `npm run train:classifier` (resources/cause-model.json, committed with
 * its version hash), read per clause. See cause-model.ts.
 */
export interface BaseModel {
  kind: 'base';
  version: string;
  cause: CauseModel;
}

/**
 * A shop's layer on top of the shipped model, learnt from its staff's corrections. Its logits add to the base
 * margins for tags and to the rule prior for sub-tags, so it only has to learn where the shop disagrees.
 */
export interface ShopModel {
  kind: 'shop';
  version: string;
  baseVersion: string;
  corrections: number;
  layer: LinearLayer;
}

export interface ShopModelJson {
  kind: 'shop';
  version: string;
  baseVersion: string;
  corrections: number;
  layer: LinearLayerJson;
}

export interface Correction {
  text: string;
  tags: readonly Tag[];
  subTags: readonly SubTag[];
}

export const SHOP_LABELS: readonly string[] = [...CAUSE_TAGS, ...SUB_TAGS];

/** Logit a sub-tag gets from the rules alone: clearly on when a rule named it, clearly off otherwise. */
export const SUB_TAG_RULE_LOGIT = 3;

function hashVersion(prefix: string, payload: unknown): string {
  return `${prefix}-${createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 12)}`;
}

/** What the shipped model and a shop layer read of one text. */
export interface ReviewReading {
  analysis: ReviewAnalysis;
  scored: ReviewScores;
  /** Per cause, the base model's margin over its threshold (a logit; tagged from 0 up). */
  margins: number[];
  /** The clause that made quality, -1 when none did. */
  qualityClause: number;
}

export function readReview(base: BaseModel, text: string, options: { forceSimplified?: boolean } = {}): ReviewReading {
  const analysis = analyzeReview(text, options);
  const scored = scoreReview(base.cause, analysis);
  const { margins, qualityClause } = causeMargins(base.cause, scored);
  return { analysis, scored, margins, qualityClause };
}

/** Loads and checks a cause model: its version must be the hash of its content. */
export function baseModelFromCauseJson(json: CauseModelJson): BaseModel {
  const cause = causeModelFromJson(json);
  return { kind: 'base', version: cause.version, cause };
}

let shipped: BaseModel | undefined;

/** The shipped model, read from resources/cause-model.json on first use. */
export function shippedModel(): BaseModel {
  shipped ??= baseModelFromCauseJson(shippedJson as unknown as CauseModelJson);
  return shipped;
}

/** Sub-tag logits before any shop layer: the rules' word. */
export function subTagRuleLogits(analysis: ReviewAnalysis): number[] {
  const named = new Set(analysis.hits.map((hit) => hit.subTag).filter((sub): sub is SubTag => sub !== undefined));
  return SUB_TAGS.map((sub) => (named.has(sub) ? SUB_TAG_RULE_LOGIT : -SUB_TAG_RULE_LOGIT));
}

/**
 * What a shop's layer reads: the words and rule findings of the clauses, plus the units (characters, English stems)
 * and unit pairs of every clause that is not pure praise. A handful of corrections rarely share a jieba word
 * ("化了", "化成", "化得") but do share characters, and a shop's layer learns from a handful.
 */
export function shopFeatures(reading: ReviewReading): string[] {
  const names = new Set<string>();
  for (const clause of reading.scored.clauses) for (const name of clause.names) names.add(name);
  const { units } = reading.analysis.tokens;
  for (const clause of reading.analysis.clauses) {
    if (clause.praise) continue;
    for (let i = clause.from; i < clause.to; i++) {
      names.add(`g:${units[i] ?? ''}`);
      if (i + 1 < clause.to) names.add(`g:${units[i] ?? ''}|${units[i + 1] ?? ''}`);
    }
  }
  return [...names];
}

/** A shop layer's logits for a review: what `addLogits` over `shopFeatures` gives, without listing every feature. */
export function shopLogits(shop: ShopModel, reading: ReviewReading): number[] {
  const out = [...shop.layer.bias];
  const seen = new Set<string>();
  const add = (name: string): void => {
    const row = shop.layer.weights.get(name);
    if (!row || seen.has(name)) return;
    seen.add(name);
    for (let l = 0; l < row.length; l++) out[l] = (out[l] ?? 0) + (row[l] ?? 0);
  };
  for (const clause of reading.scored.clauses) for (const name of clause.names) add(name);
  const { units } = reading.analysis.tokens;
  for (const clause of reading.analysis.clauses) {
    if (clause.praise) continue;
    for (let i = clause.from; i < clause.to; i++) {
      add(`g:${units[i] ?? ''}`);
      if (i + 1 < clause.to) add(`g:${units[i] ?? ''}|${units[i + 1] ?? ''}`);
    }
  }
  return out;
}

function tagTargets(tags: readonly Tag[]): number[] {
  return CAUSE_TAGS.map((tag) => (tags.includes(tag) ? 1 : 0));
}

export function trainShopModel(base: BaseModel, corrections: readonly Correction[]): ShopModel {
  const examples: TrainingExample[] = corrections.map((correction) => {
    const reading = readReview(base, correction.text);
    const { analysis, margins } = reading;
    const causeTags = correction.tags.filter((tag): tag is CauseTag => tag !== 'other');
    return {
      features: shopFeatures(reading),
      targets: [...tagTargets(causeTags), ...SUB_TAGS.map((sub) => (correction.subTags.includes(sub) ? 1 : 0))],
      offsets: [...margins, ...subTagRuleLogits(analysis)],
    };
  });
  const layer = trainLayer(examples, {
    labels: SHOP_LABELS,
    epochs: 30,
    learningRate: 0.3,
    l2: 1e-3,
    seed: 7,
    fixedBias: true,
  });
  const json = layerToJson(layer);
  const payload = { baseVersion: base.version, corrections: corrections.length, layer: json };
  return {
    kind: 'shop',
    version: hashVersion('shop', payload),
    baseVersion: base.version,
    corrections: corrections.length,
    layer: layerFromJson(json),
  };
}

export function shopModelToJson(model: ShopModel): ShopModelJson {
  return { kind: 'shop', version: model.version, baseVersion: model.baseVersion, corrections: model.corrections, layer: layerToJson(model.layer) };
}

function parse(json: string | object): Record<string, unknown> {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (typeof value !== 'object' || value === null) throw new Error('model JSON must be an object');
  return value as Record<string, unknown>;
}

export function shopModelFromJson(json: string | ShopModelJson): ShopModel {
  const value = parse(json);
  if (value.kind !== 'shop' || typeof value.version !== 'string' || typeof value.baseVersion !== 'string') throw new Error('not a shop model');
  const layer = layerFromJson(value.layer as LinearLayerJson);
  if (layer.labels.join() !== SHOP_LABELS.join()) throw new Error('shop model labels do not match the tag taxonomy');
  return { kind: 'shop', version: value.version, baseVersion: value.baseVersion, corrections: Number(value.corrections ?? 0), layer };
}
