import { Grade, gradeOf } from '../reviews/review.types';
import { BaseModel, baseLogits, SHOP_LABELS, ShopModel, shippedModel, subTagRuleLogits } from './classifier-model';
import { addLogits, sigmoid } from './linear-model';
import { analyzeReview, RuleHit } from './review-analyzer';
import { reviewFeatures } from './review-features';
import { CAUSE_TAGS, CauseTag, parentTag, SUB_TAGS, SubTag, Tag } from './taxonomy';

export interface ClassifyInput {
  text: string | null | undefined;
  /** 1-5 stars; decides the grade. */
  rating?: number | null;
  /** A language hint (zh, zh-Hans, zh-Hant, en); the text is read the same way whatever it says. */
  lang?: string | null;
}

export interface Evidence {
  tag: CauseTag;
  subTag?: SubTag;
  phrase: string;
}

export interface Classification {
  grade?: Grade;
  tags: Tag[];
  subTags: SubTag[];
  /** Probability of each cause; `other` is the probability that none applies. */
  confidence: Record<Tag, number>;
  evidence: Evidence[];
  modelVersion: string;
}

export interface ClassifierModels {
  base?: BaseModel;
  shop?: ShopModel;
}

export const TAG_THRESHOLD = 0.5;
const MAX_EVIDENCE_PER_TAG = 3;
const SHOP_SUB_OFFSET = CAUSE_TAGS.length;

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function emptyResult(grade: Grade | undefined, modelVersion: string): Classification {
  return {
    ...(grade ? { grade } : {}),
    tags: ['other'],
    subTags: [],
    confidence: { quality: 0, logistics: 0, service: 0, price: 0, other: 1 },
    evidence: [],
    modelVersion,
  };
}

function ruleEvidence(tag: CauseTag, hits: readonly RuleHit[]): Evidence[] {
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  const ordered = [...hits.filter((hit) => !hit.weak), ...hits.filter((hit) => hit.weak)];
  for (const hit of ordered) {
    if (hit.tag !== tag || !hit.phrase || seen.has(hit.phrase)) continue;
    seen.add(hit.phrase);
    evidence.push(hit.subTag ? { tag, subTag: hit.subTag, phrase: hit.phrase } : { tag, phrase: hit.phrase });
    if (evidence.length >= MAX_EVIDENCE_PER_TAG) break;
  }
  return evidence;
}

/**
 * Root causes of one review, multi-label. The rules read the clauses (negation, contrast, who did what); the linear
 * model weighs their findings with the words around them; a shop layer, when given, adds what that shop's staff taught.
 * Good reviews only get a cause that a rule states outright ("东西不错就是物流太慢" is logistics), never a guess.
 */
export function classify(input: ClassifyInput, models: ClassifierModels = {}): Classification {
  const base = models.base ?? shippedModel();
  const shop = models.shop;
  const modelVersion = shop ? `${base.version}+${shop.version}` : base.version;
  const rating = typeof input.rating === 'number' && Number.isFinite(input.rating) ? input.rating : undefined;
  const grade = rating === undefined ? undefined : gradeOf(rating);
  const text = input.text ?? '';
  if (!text.trim()) return emptyResult(grade, modelVersion);

  const analysis = analyzeReview(text, { forceSimplified: input.lang === 'zh-Hant' });
  if (!analysis.tokens.units.length) return emptyResult(grade, modelVersion);
  const features = reviewFeatures(analysis);
  const tagLogits = baseLogits(base, features.names, features.values);
  const subLogits = subTagRuleLogits(analysis);
  if (shop) {
    const shopLogits = SHOP_LABELS.map(() => 0);
    addLogits(shop.layer, features.names, features.values, shopLogits);
    CAUSE_TAGS.forEach((_, l) => (tagLogits[l] = (tagLogits[l] ?? 0) + (shopLogits[l] ?? 0)));
    SUB_TAGS.forEach((_, s) => (subLogits[s] = (subLogits[s] ?? 0) + (shopLogits[SHOP_SUB_OFFSET + s] ?? 0)));
  }

  const probabilities = tagLogits.map(sigmoid);
  // a good review's cause must be said outright and about something ("物流太慢"), not a bare "凑合"
  const stated = new Set(analysis.hits.filter((hit) => !hit.weak && !hit.unanchored).map((hit) => hit.tag));
  const tags = CAUSE_TAGS.filter((tag, l) => (probabilities[l] ?? 0) >= TAG_THRESHOLD && (grade !== 'good' || stated.has(tag)));
  const subTags = SUB_TAGS.filter((sub, s) => sigmoid(subLogits[s] ?? 0) >= TAG_THRESHOLD && tags.includes(parentTag(sub)));

  const evidence: Evidence[] = [];
  for (const tag of tags) {
    const fromRules = ruleEvidence(tag, analysis.hits);
    evidence.push(...(fromRules.length ? fromRules : modelEvidence(tag, features, base, shop)));
  }

  const noCause = probabilities.reduce((product, p) => product * (1 - p), 1);
  const confidence: Record<Tag, number> = {
    quality: round3(probabilities[0] ?? 0),
    logistics: round3(probabilities[1] ?? 0),
    service: round3(probabilities[2] ?? 0),
    price: round3(probabilities[3] ?? 0),
    // a good review can have no tag with a likely cause (left out for being unstated): "other" is then at least 1 - max
    other: round3(tags.length ? noCause : Math.max(noCause, 1 - Math.max(...probabilities))),
  };

  return {
    ...(grade ? { grade } : {}),
    tags: tags.length ? tags : ['other'],
    subTags,
    confidence,
    evidence,
    modelVersion,
  };
}

/** When no rule spoke for a tag, the words that pushed the model there most are its evidence. */
function modelEvidence(tag: CauseTag, features: ReturnType<typeof reviewFeatures>, base: BaseModel, shop: ShopModel | undefined): Evidence[] {
  const index = CAUSE_TAGS.indexOf(tag);
  const scored: Array<{ phrase: string; weight: number }> = [];
  for (const [f, name] of features.names.entries()) {
    const weight = ((base.layer.weights.get(name)?.[index] ?? 0) + (shop?.layer.weights.get(name)?.[index] ?? 0)) * (features.values[f] ?? 1);
    if (weight <= 0) continue;
    const phrase = features.phraseOf(name);
    if (phrase) scored.push({ phrase, weight });
  }
  scored.sort((a, b) => b.weight - a.weight || a.phrase.localeCompare(b.phrase));
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  for (const { phrase } of scored) {
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    evidence.push({ tag, phrase });
    if (evidence.length >= 2) break;
  }
  return evidence;
}
