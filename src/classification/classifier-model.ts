import { createHash } from 'node:crypto';
import { CorpusExample, trainingCorpus } from './corpus/training-corpus';
import { addLogits, LinearLayer, LinearLayerJson, layerFromJson, layerToJson, trainLayer, TrainingExample } from './linear-model';
import { analyzeReview, ReviewAnalysis } from './review-analyzer';
import { reviewFeatures } from './review-features';
import { CAUSE_TAGS, CauseTag, SUB_TAGS, SubTag, Tag } from './taxonomy';

/** The shipped model: one logistic layer over rule and n-gram features, one output per cause tag. */
export interface BaseModel {
  kind: 'base';
  version: string;
  layer: LinearLayer;
}

/**
 * A shop's layer on top of the shipped model, learnt from its staff's corrections. Its logits add to the base
 * ones for tags and to the rule prior for sub-tags, so it only has to learn where the shop disagrees.
 */
export interface ShopModel {
  kind: 'shop';
  version: string;
  baseVersion: string;
  corrections: number;
  layer: LinearLayer;
}

export interface BaseModelJson {
  kind: 'base';
  version: string;
  layer: LinearLayerJson;
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

const RULE_FEATURE = /^[RUWN]:/;
const NGRAM_L2 = 1e-2;

const TAGGED_FEATURE = /^[RUWNP]:([a-z]+)(\.)?/;

/**
 * A rule finding speaks for its own cause only, so causes stay independent and reviews can carry several. The base
 * model weighs findings per cause, not per sub-tag: the corpus is too small to say that a smell complaint is surer
 * than a broken one. Sub-tag findings stay features for shop layers, which may learn that one is another cause.
 */
function ownTagOnly(feature: string, label: number): boolean {
  const match = TAGGED_FEATURE.exec(feature);
  if (!match) return true;
  return match[1] === CAUSE_TAGS[label] && match[2] === undefined;
}

/**
 * Finding a complaint never lowers its cause; praising or negating it never raises it. Words only add evidence:
 * a clause about delivery must not argue against a quality complaint in the next one.
 */
function monotone(feature: string): 1 | -1 | 0 {
  const kind = feature.charAt(0);
  if (feature.charAt(1) !== ':') return 0;
  if (kind === 'R' || kind === 'U' || kind === 'W') return 1;
  if (kind === 'N' || kind === 'P') return -1;
  return 0;
}

function hashVersion(prefix: string, payload: unknown): string {
  return `${prefix}-${createHash('sha256').update(JSON.stringify(payload)).digest('hex').slice(0, 12)}`;
}

function featuresOf(text: string): { analysis: ReviewAnalysis; features: string[]; values: number[] } {
  const analysis = analyzeReview(text);
  const { names, values } = reviewFeatures(analysis);
  return { analysis, features: names, values };
}

function tagTargets(tags: readonly Tag[]): number[] {
  return CAUSE_TAGS.map((tag) => (tags.includes(tag) ? 1 : 0));
}

export function trainBaseModel(corpus: readonly CorpusExample[] = trainingCorpus()): BaseModel {
  const examples: TrainingExample[] = corpus.map((example) => {
    const { features, values } = featuresOf(example.text);
    return { features, values, targets: tagTargets(example.tags) };
  });
  const layer = trainLayer(examples, {
    labels: CAUSE_TAGS,
    epochs: 30,
    learningRate: 0.4,
    l2: 1e-4,
    l2For: (feature) => (feature.startsWith('g:') ? NGRAM_L2 : 1e-4),
    seed: 20240601,
    minCount: 2,
    allowed: ownTagOnly,
    sign: monotone,
    // Rule features explain the hand-written corpus almost alone; hiding them now and then makes the n-grams learn too.
    dropout: { rate: 0.2, applies: (feature) => RULE_FEATURE.test(feature) },
  });
  const json = layerToJson(layer);
  return { kind: 'base', version: hashVersion('base', json), layer: layerFromJson(json) };
}

let shipped: BaseModel | undefined;

/** The shipped model, trained from the shipped corpus on first use (deterministic, so always the same version). */
export function shippedModel(): BaseModel {
  shipped ??= trainBaseModel();
  return shipped;
}

export function baseLogits(model: BaseModel, features: readonly string[], values?: readonly number[]): number[] {
  const logits = CAUSE_TAGS.map(() => 0);
  addLogits(model.layer, features, values, logits);
  return logits;
}

/** Sub-tag logits before any shop layer: the rules' word. */
export function subTagRuleLogits(analysis: ReviewAnalysis): number[] {
  const named = new Set(analysis.hits.map((hit) => hit.subTag).filter((sub): sub is SubTag => sub !== undefined));
  return SUB_TAGS.map((sub) => (named.has(sub) ? SUB_TAG_RULE_LOGIT : -SUB_TAG_RULE_LOGIT));
}

export function trainShopModel(base: BaseModel, corrections: readonly Correction[]): ShopModel {
  const examples: TrainingExample[] = corrections.map((correction) => {
    const { analysis, features, values } = featuresOf(correction.text);
    const causeTags = correction.tags.filter((tag): tag is CauseTag => tag !== 'other');
    return {
      features,
      values,
      targets: [...tagTargets(causeTags), ...SUB_TAGS.map((sub) => (correction.subTags.includes(sub) ? 1 : 0))],
      offsets: [...baseLogits(base, features, values), ...subTagRuleLogits(analysis)],
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

export function baseModelToJson(model: BaseModel): BaseModelJson {
  return { kind: 'base', version: model.version, layer: layerToJson(model.layer) };
}

export function shopModelToJson(model: ShopModel): ShopModelJson {
  return { kind: 'shop', version: model.version, baseVersion: model.baseVersion, corrections: model.corrections, layer: layerToJson(model.layer) };
}

function parse(json: string | object): Record<string, unknown> {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  if (typeof value !== 'object' || value === null) throw new Error('model JSON must be an object');
  return value as Record<string, unknown>;
}

export function baseModelFromJson(json: string | BaseModelJson): BaseModel {
  const value = parse(json);
  if (value.kind !== 'base' || typeof value.version !== 'string') throw new Error('not a base model');
  const layer = layerFromJson(value.layer as LinearLayerJson);
  if (layer.labels.join() !== CAUSE_TAGS.join()) throw new Error('base model labels do not match the tag taxonomy');
  return { kind: 'base', version: value.version, layer };
}

export function shopModelFromJson(json: string | ShopModelJson): ShopModel {
  const value = parse(json);
  if (value.kind !== 'shop' || typeof value.version !== 'string' || typeof value.baseVersion !== 'string') throw new Error('not a shop model');
  const layer = layerFromJson(value.layer as LinearLayerJson);
  if (layer.labels.join() !== SHOP_LABELS.join()) throw new Error('shop model labels do not match the tag taxonomy');
  return { kind: 'shop', version: value.version, baseVersion: value.baseVersion, corrections: Number(value.corrections ?? 0), layer };
}
