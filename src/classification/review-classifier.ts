import { Grade, gradeOf } from '../reviews/review.types';
import { complaintWeight, mentionWeight } from './cause-model';
import { isContentWord } from './clause-features';
import { BaseModel, readReview, ReviewReading, ShopModel, shippedModel, shopLogits, subTagRuleLogits } from './classifier-model';
import { sigmoid } from './linear-model';
import { RuleHit } from './review-analyzer';
import { CAUSE_TAGS, CauseTag, parentTag, SUB_TAGS, SubTag, Tag } from '../reviews/taxonomy';

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
const QUANTITY = /^[0-9０-９一二两三四五六七八九十百千万几半]/;

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

/**
 * A rule's phrase widened to whole words of the clause it came from: the rules match characters, and "刚买就降" must
 * read "刚买就降价了". Words are the clause's jieba words; English phrases already end on word boundaries.
 */
function wholeWords(phrase: string, hit: RuleHit, reading: ReviewReading): string {
  const { analysis } = reading;
  const clause = analysis.clauses[hit.clause];
  if (!clause) return phrase;
  const { text, starts, ends } = analysis.tokens;
  const clauseStart = starts[clause.from] ?? 0;
  const clauseText = text.slice(clauseStart, ends[clause.to - 1] ?? clauseStart);
  const at = clauseText.indexOf(phrase);
  if (at < 0) return phrase;
  // the clause's words were cut when it was read: walk them through its text instead of cutting it again
  const words = reading.scored.clauses.find((features) => features.from === clause.from)?.words ?? [];
  let from = at;
  let to = at + phrase.length;
  let position = 0;
  for (const word of words) {
    const start = clauseText.indexOf(word.surface, position);
    if (start < 0) continue;
    const end = start + word.surface.length;
    if (start < at && end > at) from = start;
    if (start < to && end > to) to = end;
    position = end;
    if (start >= to) break;
  }
  return clauseText.slice(from, to).trim();
}

function ruleEvidence(tag: CauseTag, hits: readonly RuleHit[], reading: ReviewReading): Evidence[] {
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  const ordered = [...hits.filter((hit) => !hit.weak), ...hits.filter((hit) => hit.weak)];
  for (const hit of ordered) {
    if (hit.tag !== tag || !hit.phrase) continue;
    const phrase = wholeWords(hit.phrase, hit, reading);
    if (seen.has(phrase)) continue;
    seen.add(phrase);
    evidence.push(hit.subTag ? { tag, subTag: hit.subTag, phrase } : { tag, phrase });
    if (evidence.length >= MAX_EVIDENCE_PER_TAG) break;
  }
  return evidence;
}

/**
 * Root causes of one review, multi-label. The shipped model reads each clause (jieba words, English words, the rules'
 * findings): what it mentions and whether it complains; a cause is tagged when a complaining clause names it, quality
 * when a complaining clause names something that is no delivery, service or price. A shop layer, when given, adds
 * what that shop's staff taught. Good reviews only get a cause that a rule states outright, never a guess.
 */
export function classify(input: ClassifyInput, models: ClassifierModels = {}): Classification {
  const base = models.base ?? shippedModel();
  const shop = models.shop;
  const modelVersion = shop ? `${base.version}+${shop.version}` : base.version;
  const rating = typeof input.rating === 'number' && Number.isFinite(input.rating) ? input.rating : undefined;
  const grade = rating === undefined ? undefined : gradeOf(rating);
  const text = input.text ?? '';
  if (!text.trim()) return emptyResult(grade, modelVersion);

  const reading = readReview(base, text, { forceSimplified: input.lang === 'zh-Hant' });
  const { analysis } = reading;
  if (!analysis.tokens.units.length) return emptyResult(grade, modelVersion);
  const tagLogits = [...reading.margins];
  const subLogits = subTagRuleLogits(analysis);
  if (shop) {
    const fromShop = shopLogits(shop, reading);
    CAUSE_TAGS.forEach((_, l) => (tagLogits[l] = (tagLogits[l] ?? 0) + (fromShop[l] ?? 0)));
    SUB_TAGS.forEach((_, s) => (subLogits[s] = (subLogits[s] ?? 0) + (fromShop[SHOP_SUB_OFFSET + s] ?? 0)));
  }

  const probabilities = tagLogits.map(sigmoid);
  // a good review's cause must be said outright and about something ("物流太慢"), not a bare "凑合"
  const stated = new Set(analysis.hits.filter((hit) => !hit.weak && !hit.unanchored).map((hit) => hit.tag));
  const tags = CAUSE_TAGS.filter((tag, l) => (probabilities[l] ?? 0) >= TAG_THRESHOLD && (grade !== 'good' || stated.has(tag)));
  const subTags = SUB_TAGS.filter((sub, s) => sigmoid(subLogits[s] ?? 0) >= TAG_THRESHOLD && tags.includes(parentTag(sub)));

  const evidence: Evidence[] = [];
  for (const tag of tags) {
    const fromRules = ruleEvidence(tag, analysis.hits, reading);
    evidence.push(...(fromRules.length ? fromRules : modelEvidence(tag, reading, base, shop)));
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

/**
 * When no rule spoke for a tag, the evidence is the word of the deciding clause (every clause when a shop's layer
 * decided) that names the cause most for the base model and the shop's layer together: a whole jieba word or English
 * word as written, never a particle or a pronoun.
 */
function modelEvidence(tag: CauseTag, reading: ReviewReading, base: BaseModel, shop: ShopModel | undefined): Evidence[] {
  const t = CAUSE_TAGS.indexOf(tag);
  const c = tag === 'quality' && reading.qualityClause >= 0 ? reading.qualityClause : (reading.scored.bestClause[t] ?? -1);
  const clauses = c >= 0 && reading.scored.clauses[c] ? [reading.scored.clauses[c]] : reading.scored.clauses;
  let best: { phrase: string; weight: number } | undefined;
  let complaint: { phrase: string; weight: number } | undefined;
  for (const clause of clauses) {
    for (const word of clause.words) {
      // a count ("三箱", "一圈", "几次") says how many, never what went wrong
      if (!isContentWord(word) || QUANTITY.test(word.surface)) continue;
      const feature = `w:${word.key}`;
      const weight = mentionWeight(base.cause, feature, tag) + (shop?.layer.weights.get(feature)?.[t] ?? 0);
      if (!best || weight > best.weight) best = { phrase: word.surface, weight };
      const complains = complaintWeight(base.cause, feature);
      if (!complaint || complains > complaint.weight) complaint = { phrase: word.surface, weight: complains };
    }
  }
  // a product fault in words that name no part ("走久了脚底疼"): the word that complains most is what a person reads
  if (tag === 'quality' && best && best.weight <= 0 && complaint && complaint.weight > 0) best = complaint;
  return best ? [{ tag, phrase: best.phrase }] : [];
}
