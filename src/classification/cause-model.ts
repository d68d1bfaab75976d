import { createHash } from 'node:crypto';
import functionWords from './resources/function-words.json';
import userDictionary from './resources/zh-user-dict.json';
import { ClauseFeatures, clauseFeatures, FeatureOptions, isDescribingFeature, namesSomething } from './clause-features';
import { LinearLayer, sigmoid, trainLayer, TrainingExample } from './linear-model';
import { ReviewAnalysis } from './review-analyzer';
import { CAUSE_TAGS, CauseTag } from '../reviews/taxonomy';

/**
 * The shipped root-cause model. Two logistic layers read each clause:
 * - mention: does the clause speak of the product, the delivery, the service, the price (praise or complaint alike);
 * - complaint: does the clause complain.
 * A review's score for a cause is the best clause's P(mention) x P(complaint); a calibrated threshold per cause
 * decides. Both layers share one feature table, 5 weights a feature (4 mentions, then complaint).
 */
/** How clause probabilities become tags; calibrated on a source the layers did not learn from. */
export interface DecisionParams {
  /** A cause is tagged when its review score reaches this. */
  thresholds: Record<CauseTag, number>;
  /** A clause complains from this P(complaint) on ... */
  complaint: number;
  /** ... and a complaining clause that mentions no delivery, service or price this much is about the product. */
  residualMention: number;
  /** Share of the review's complaint score a clause that is not praise borrows. */
  borrow: number;
  /** A clause names delivery, service or price only through a feature (a word, a pair, a rule finding) that alone
   * weighs at least this for it: "货", "家" or "里面" nudge but name nothing, and evidence must be readable. */
  causeWordWeight: number;
  /** What a clause that neither praises nor is known to complain counts as complaint: a cause named in words of
   * unknown sentiment ("客服高冷") is more likely a complaint than not in a review that says it at all. */
  unknownComplaint: number;
}

export interface CauseModel extends DecisionParams {
  version: string;
  options: FeatureOptions;
  bias: Float64Array;
  weights: Map<string, Float64Array>;
}

export interface CauseModelJson {
  kind: 'cause-model';
  version: string;
  options: FeatureOptions;
  decision: DecisionParams;
  /** Hash of the word lists the features were made with (resources/zh-user-dict.json, function-words.json). */
  vocabulary: string;
  /** What the weights were learnt from and how they measured; informational. */
  trainedOn: Record<string, unknown>;
  /**
   * Hash of the tags today's code gives the probe reviews with these weights (behaviour-fingerprint.ts): a change to
   * the rules or the scoring that moves a tag needs a retrained file, so the version changes and reviews are reclassified.
   */
  behaviour?: string;
  bias: number[];
  /** Feature names, in the order of the weight rows. */
  features: string[];
  /** LABELS.length weights per feature, row after row. */
  weights: number[];
}

export const MODEL_LABELS = [...CAUSE_TAGS, 'complaint', 'praise'] as const;
const WIDTH = MODEL_LABELS.length;
const COMPLAINT = CAUSE_TAGS.length;
const PRAISE = COMPLAINT + 1;
const QUALITY = CAUSE_TAGS.indexOf('quality');

export interface ReviewScores {
  clauses: ClauseFeatures[];
  /** Per clause: P(mention) of each cause, then P(complaint) with what it borrows from the review. */
  clauseProbabilities: Float64Array[];
  /** Per clause: its own P(complaint). */
  ownComplaint: number[];
  /** Per cause: the best clause's P(mention) x P(complaint). */
  scores: number[];
  /** Per cause: index in `clauses` of that best clause, -1 without clauses. */
  bestClause: number[];
  /** The highest P(complaint) of any clause. */
  complaint: number;
}

export function scoreReview(model: CauseModel, analysis: ReviewAnalysis): ReviewScores {
  const clauses = clauseFeatures(analysis, model.options);
  const scores = CAUSE_TAGS.map(() => 0);
  const bestClause = CAUSE_TAGS.map(() => -1);
  let complaint = 0;
  const clauseProbabilities = clauses.map((clause) => {
    const z = Float64Array.from(model.bias);
    for (const name of clause.names) {
      const row = model.weights.get(name);
      if (!row) continue;
      for (let l = 0; l < WIDTH; l++) z[l] = (z[l] ?? 0) + (row[l] ?? 0);
    }
    for (let l = 0; l < WIDTH; l++) z[l] = sigmoid(z[l] ?? 0);
    complaint = Math.max(complaint, z[COMPLAINT] ?? 0);
    return z;
  });
  const ownComplaint = clauseProbabilities.map((p) => p[COMPLAINT] ?? 0);
  clauseProbabilities.forEach((p, c) => {
    // a clause the rules call praise keeps its own complaint score; any other borrows part of the review's, so
    // "客服高冷" in a complaining review counts though the model does not know "高冷"
    const notPraise = clauses[c]!.names.includes('C-') ? 0 : 1 - (p[PRAISE] ?? 0);
    const q = Math.max(p[COMPLAINT] ?? 0, notPraise * Math.max(model.borrow * complaint, model.unknownComplaint));
    p[COMPLAINT] = q;
    const named = namedCauses(model, clauses[c]!.names);
    for (let t = 0; t < COMPLAINT; t++) {
      if (t !== QUALITY && !named[t]) p[t] = 0;
      const s = (p[t] ?? 0) * q;
      if (s > (scores[t] ?? 0)) {
        scores[t] = s;
        bestClause[t] = c;
      }
    }
  });
  return { clauses, clauseProbabilities, ownComplaint, scores, bestClause, complaint };
}

function namedCauses(model: CauseModel, names: readonly string[]): boolean[] {
  const named = CAUSE_TAGS.map(() => false);
  for (const name of names) {
    const row = model.weights.get(name);
    if (!row) continue;
    for (let t = 0; t < COMPLAINT; t++) if ((row[t] ?? 0) >= model.causeWordWeight) named[t] = true;
  }
  return named;
}

/** The weight of a feature for a cause's mention, for evidence. */
export function mentionWeight(model: CauseModel, feature: string, tag: CauseTag): number {
  return model.weights.get(feature)?.[CAUSE_TAGS.indexOf(tag)] ?? 0;
}

/** The weight of a feature for a complaint, for evidence of a product fault in words that name no part. */
export function complaintWeight(model: CauseModel, feature: string): number {
  return model.weights.get(feature)?.[COMPLAINT] ?? 0;
}

export function causeModelFromJson(json: CauseModelJson): CauseModel {
  if (json.kind !== 'cause-model' || json.bias.length !== WIDTH || json.weights.length !== json.features.length * WIDTH) {
    throw new Error('not a cause model: bias or weights do not match the labels');
  }
  const version = causeModelVersion(json);
  if (version !== json.version) throw new Error(`cause model ${json.version} does not match its content (${version})`);
  if (json.vocabulary !== vocabularyHash()) {
    throw new Error(`cause model ${json.version} was trained with other word lists than resources/ holds: npm run train:classifier`);
  }
  const weights = new Map<string, Float64Array>();
  json.features.forEach((feature, f) => weights.set(feature, Float64Array.from(json.weights.slice(f * WIDTH, (f + 1) * WIDTH))));
  return {
    version: json.version,
    options: json.options,
    ...json.decision,
    bias: Float64Array.from(json.bias),
    weights,
  };
}

/** The word lists features are made with: a model is only valid with the lists it was trained with. */
export function vocabularyHash(): string {
  return createHash('sha256')
    .update(JSON.stringify([userDictionary, functionWords]))
    .digest('hex')
    .slice(0, 12);
}

/** The hash of everything that decides a classification: a different model always gets a different version. */
export function causeModelVersion(json: Omit<CauseModelJson, 'version' | 'trainedOn'>): string {
  const payload = JSON.stringify([json.options, json.decision, json.vocabulary, json.bias, json.features, json.weights, json.behaviour ?? null]);
  return `base-${createHash('sha256').update(payload).digest('hex').slice(0, 12)}`;
}

/** One clause to learn from: which causes it mentions (null: unknown) and whether it complains (null: unknown). */
export interface ClauseExample {
  names: readonly string[];
  /** What the mention layer reads, when not all of `names` (opinion words left out). */
  mentionNames?: readonly string[];
  mentions: readonly number[] | null;
  complaint: number | null;
  /** Whether it praises (null: unknown). */
  praise: number | null;
  weight?: number;
}

export interface TrainedLayers {
  bias: number[];
  features: string[];
  weights: number[];
}

const RULE_DROPOUT = 0.6;
const isRuleFeature = (feature: string): boolean => /^(?:[RNU]:|C[+-]$)/.test(feature);

export const TRAINING = { epochs: 8, learningRate: 0.2, l2: 1e-4, minCount: 2, seed: 20261207 } as const;

/** Trains both layers and merges them into one feature table, features sorted, so the output is byte-stable. */
export function trainLayers(examples: readonly ClauseExample[], complaintWeight: number): TrainedLayers {
  const mentionExamples: TrainingExample[] = examples
    .filter((e) => e.mentions !== null)
    .map((e) => ({ features: e.mentionNames ?? e.names, targets: e.mentions ?? [], weight: e.weight ?? 1 }));
  const complaintExamples: TrainingExample[] = examples
    .filter((e) => e.complaint !== null)
    .map((e) => ({ features: e.names, targets: [e.complaint ?? 0], weight: (e.weight ?? 1) * (e.complaint ? complaintWeight : 1) }));
  const praiseExamples: TrainingExample[] = examples
    .filter((e) => e.praise !== null)
    .map((e) => ({ features: e.names, targets: [e.praise ?? 0], weight: e.weight ?? 1 }));
  // the rules' findings explain much of the corpus alone; hiding them now and then makes the words learn too
  const mention = trainLayer(mentionExamples, {
    labels: CAUSE_TAGS,
    ...TRAINING,
    dropout: { rate: RULE_DROPOUT, applies: isRuleFeature },
    allowed: (feature) => !isDescribingFeature(feature),
  });
  const complaint = trainLayer(complaintExamples, { labels: ['complaint'], ...TRAINING, seed: TRAINING.seed + 1 });
  const praise = trainLayer(praiseExamples, { labels: ['praise'], ...TRAINING, seed: TRAINING.seed + 2 });
  return mergeLayers(mention, complaint, praise);
}

function mergeLayers(mention: LinearLayer, complaint: LinearLayer, praise: LinearLayer): TrainedLayers {
  const features = [...new Set([...mention.weights.keys(), ...complaint.weights.keys(), ...praise.weights.keys()])].sort();
  const weights: number[] = [];
  for (const feature of features) {
    const m = mention.weights.get(feature);
    weights.push(...CAUSE_TAGS.map((_, l) => m?.[l] ?? 0), complaint.weights.get(feature)?.[0] ?? 0, praise.weights.get(feature)?.[0] ?? 0);
  }
  return { bias: [...mention.bias, complaint.bias[0] ?? 0, praise.bias[0] ?? 0], features, weights };
}

// scores below 1 % are all "no": clamping them keeps margins within what a shop's layer can learn to overturn
const MARGIN_FLOOR = 0.01;

function logit(p: number): number {
  const clamped = Math.min(1 - MARGIN_FLOOR, Math.max(MARGIN_FLOOR, p));
  return Math.log(clamped / (1 - clamped));
}

/**
 * Each cause's margin over its threshold, as a logit (a cause is tagged from 0 up), so a shop's layer can add to it.
 * Quality is what a complaint is about when it is not delivery, service or price: a clause's own complaint score
 * times the share its other causes leave, so a product fault said in words no lexicon lists ("打印机老卡纸") counts,
 * and a clause about the courier does not.
 */
export function causeMargins(model: CauseModel, scored: ReviewScores): { margins: number[]; qualityScore: number; qualityClause: number } {
  const margins = CAUSE_TAGS.map((tag, t) => logit(scored.scores[t] ?? 0) - logit(model.thresholds[tag]));
  let qualityClause = -1;
  let quality = 0;
  // with no other cause, a clause that names something and does not praise is a product complaint in words the
  // model does not know: "`other` only when the review names no cause"
  const otherCause = margins.some((margin, t) => t !== QUALITY && margin >= 0);
  scored.clauseProbabilities.forEach((p, c) => {
    if (!namesSomething(scored.clauses[c]!.words)) return;
    let other = 0;
    for (let t = 0; t < COMPLAINT; t++) if (t !== QUALITY) other = Math.max(other, p[t] ?? 0);
    const own = scored.ownComplaint[c] ?? 0;
    // beside another cause, a clause counts for quality only when it names the product ("差了五十" after "降价了" does not)
    // a product fault the rules read outright ("the screen died") counts whatever else the clause says
    const stated = scored.clauses[c]!.names.includes('R:quality') ? 1 : 0;
    const share = Math.max(otherCause ? 0 : 1 - other, (p[QUALITY] ?? 0) * model.residualMention, stated);
    const notPraise = scored.clauses[c]!.names.includes('C-') ? 0 : 1 - (p[PRAISE] ?? 0);
    const score = Math.max(own, otherCause ? 0 : notPraise * model.unknownComplaint) * share;
    if (score > quality) {
      quality = score;
      qualityClause = c;
    }
  });
  // a review that complains in a bare verdict ("很差") and names the product elsewhere without complaining there
  // ("很差，粘上好几块白色的东西") still has a cause; a review of verdicts alone ("差评") has none
  if (!otherCause && quality < model.thresholds.quality) {
    const verdict = Math.max(0, ...scored.ownComplaint);
    let named = -1;
    scored.clauses.forEach((clause, c) => {
      if (namesSomething(clause.words) && (named < 0 || (scored.clauseProbabilities[c]?.[QUALITY] ?? 0) > (scored.clauseProbabilities[named]?.[QUALITY] ?? 0)))
        named = c;
    });
    if (named >= 0 && verdict >= model.complaint && verdict > quality) {
      quality = verdict;
      qualityClause = named;
    }
  }
  margins[QUALITY] = logit(quality) - logit(model.thresholds.quality);
  return { margins, qualityScore: quality, qualityClause };
}
