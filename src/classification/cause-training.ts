import { ClauseFeatures, clauseFeatures, FeatureOptions } from './clause-features';
import {
  vocabularyHash,
  causeMargins,
  CauseModelJson,
  causeModelFromJson,
  causeModelVersion,
  ClauseExample,
  DecisionParams,
  scoreReview,
  trainLayers,
} from './cause-model';
import { CorpusExample } from './corpus/training-corpus';
import { analyzeReview } from './review-analyzer';
import { normalizeReviewText } from './review-tokenizer';
import { segmentWords } from './word-segmenter';
import { CAUSE_TAGS, CauseTag, isCauseTag } from '../reviews/taxonomy';

/** A review labelled aspect by aspect (the train files of ../shared/eval). */
export interface AspectReview {
  text: string;
  aspects: ReadonlyArray<{ tag: string | null; polarity: string; aspect: string | null; opinion: string | null }>;
}

/** A review labelled with its causes only (the hand-written corpus, the held-out files). */
export interface TaggedReview {
  text: string;
  tags: readonly string[];
}

export const DEFAULT_DECISION: DecisionParams = {
  thresholds: { quality: 0.5, logistics: 0.5, service: 0.5, price: 0.5 },
  complaint: 0.5,
  residualMention: 0.5,
  borrow: 0.5,
  causeWordWeight: 0,
  unknownComplaint: 0.5,
};

// clauses nobody annotated are mostly plain statements, but annotators skip some opinions too: they count less
const UNANNOTATED_WEIGHT = 0.3;

function clauseRange(features: ClauseFeatures, starts: readonly number[], ends: readonly number[]): [number, number] {
  return [starts[features.from] ?? 0, ends[features.to - 1] ?? 0];
}

/** An opinion word names its cause when this share of its uses with a cause has one cause ("便宜": price). */
const NAMING_SHARE = 0.95;
const NAMING_MIN_USES = 5;

const termKeys = (term: string | null, options: FeatureOptions): string[] =>
  term ? segmentWords(normalizeReviewText(term), options.stemmer).map((word) => word.key) : [];

/**
 * Opinion words that name their cause: over all aspect-labelled reviews, nearly all their uses are of one cause
 * ("便宜", "实惠"). The others ("快", "很好", "给力") say how something is, not what it is.
 */
export function namingOpinionWords(reviews: readonly AspectReview[], options: FeatureOptions): Set<string> {
  const uses = new Map<string, Map<string, number>>();
  for (const review of reviews) {
    for (const aspect of review.aspects) {
      if (!aspect.tag) continue;
      for (const key of termKeys(aspect.opinion, options)) {
        const perTag = uses.get(key) ?? new Map<string, number>();
        perTag.set(aspect.tag, (perTag.get(aspect.tag) ?? 0) + 1);
        uses.set(key, perTag);
      }
    }
  }
  const naming = new Set<string>();
  for (const [key, perTag] of uses) {
    const counts = [...perTag.values()];
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (total >= NAMING_MIN_USES && Math.max(...counts) >= NAMING_SHARE * total) naming.add(key);
  }
  return naming;
}

/**
 * Keys of the words annotators marked as opinions, never as aspect terms in this review, that do not name a cause
 * ("挺快", "很好"): they say how something is, not what it is, so a mention is learnt from the rest of the clause
 * ("发货速度", "送到"), and "开机很慢" does not read as a delivery.
 */
function opinionWords(review: AspectReview, options: FeatureOptions, naming: ReadonlySet<string>): Set<string> {
  const aspects = new Set(review.aspects.flatMap((aspect) => termKeys(aspect.aspect, options)));
  return new Set(review.aspects.flatMap((aspect) => termKeys(aspect.opinion, options)).filter((key) => !aspects.has(key) && !naming.has(key)));
}

/** A word feature of an opinion word, or a pair of two. */
function isOpinionFeature(name: string, opinion: ReadonlySet<string>): boolean {
  const kind = name.slice(0, 2);
  if (kind === 'w:' || kind === 'n:') return opinion.has(name.slice(2));
  if (kind !== 'b:') return false;
  const [left, right] = name.slice(2).split('|');
  return opinion.has(left ?? '') && opinion.has(right ?? '');
}

/** Clause examples of an aspect-labelled review: each aspect term or opinion word marks the clause it is in. */
export function aspectClauseExamples(review: AspectReview, options: FeatureOptions, naming: ReadonlySet<string> = new Set()): ClauseExample[] {
  const analysis = analyzeReview(review.text);
  const clauses = clauseFeatures(analysis, options);
  const { text, starts, ends } = analysis.tokens;
  const ranges = clauses.map((clause) => clauseRange(clause, starts, ends));
  const mentions = clauses.map(() => CAUSE_TAGS.map(() => 0));
  const polarity = clauses.map(() => ({ negative: false, positive: false, annotated: false }));
  const opinionOnly = opinionWords(review, options, naming);
  for (const aspect of review.aspects) {
    for (const term of [aspect.aspect, aspect.opinion]) {
      if (!term) continue;
      const at = text.indexOf(normalizeReviewText(term).trim());
      if (at < 0) continue;
      const c = ranges.findIndex(([start, end]) => at >= start && at < end);
      if (c < 0) continue;
      const state = polarity[c]!;
      state.annotated = true;
      if (aspect.polarity === 'negative') state.negative = true;
      if (aspect.polarity === 'positive') state.positive = true;
      if (aspect.tag && isCauseTag(aspect.tag)) mentions[c]![CAUSE_TAGS.indexOf(aspect.tag)] = 1;
    }
  }
  return clauses.map((clause, c) => {
    const state = polarity[c]!;
    return {
      names: clause.names,
      mentionNames: opinionOnly.size ? clause.names.filter((name) => !isOpinionFeature(name, opinionOnly)) : clause.names,
      // an unannotated clause may still name a cause ("问了客服"): nothing is learnt from it about mentions
      mentions: state.annotated ? mentions[c]! : null,
      complaint: state.negative ? 1 : 0,
      praise: state.positive && !state.negative ? 1 : 0,
      weight: state.annotated ? 1 : UNANNOTATED_WEIGHT,
    };
  });
}

/**
 * Clause examples of a review labelled with its causes only. A cause goes to the clauses where the rules found it,
 * or to the only clause; when the rules found it nowhere in a longer review, its clauses teach nothing about
 * mentions. Praise and negated complaints are mentions that do not complain.
 */
export function taggedClauseExamples(review: TaggedReview, options: FeatureOptions): ClauseExample[] {
  const analysis = analyzeReview(review.text);
  const clauses = clauseFeatures(analysis, options);
  const tags = review.tags.filter(isCauseTag);
  const clauseIndex = clauses.map((clause) => analysis.clauses.findIndex((c) => c.from === clause.from && c.to === clause.to));
  const mentions = clauses.map(() => CAUSE_TAGS.map(() => 0));
  const complaint: Array<number | null> = clauses.map((_, c) => {
    const summary = analysis.clauses[clauseIndex[c] ?? -1];
    if (!tags.length) return 0;
    if (clauses.length === 1) return 1;
    return summary?.complaint ? 1 : summary?.praise ? 0 : null;
  });
  for (const hit of analysis.negated) {
    const c = clauseIndex.indexOf(hit.clause);
    if (c >= 0) mentions[c]![CAUSE_TAGS.indexOf(hit.tag)] = 1;
  }
  let unknownMentions = false;
  for (const tag of tags) {
    const t = CAUSE_TAGS.indexOf(tag);
    let found = false;
    for (const hit of analysis.hits) {
      const c = clauseIndex.indexOf(hit.clause);
      if (hit.tag === tag && c >= 0) {
        mentions[c]![t] = 1;
        complaint[c] = 1;
        found = true;
      }
    }
    if (found) continue;
    if (clauses.length === 1) mentions[0]![t] = 1;
    // which clause names it is unknown: nothing is learnt about mentions from this review's clauses but the praise
    else unknownMentions = true;
  }
  return clauses.map((clause, c) => {
    const summary = analysis.clauses[clauseIndex[c] ?? -1];
    const praise = complaint[c] === 1 ? 0 : summary?.praise ? 1 : null;
    return { names: clause.names, mentions: unknownMentions && praise !== 1 ? null : mentions[c]!, complaint: complaint[c] ?? null, praise };
  });
}

export interface TrainingSources {
  aspectReviews: readonly AspectReview[];
  corpus: readonly CorpusExample[];
}

export interface TrainSettings {
  options: FeatureOptions;
  /** How much more a complaining clause counts than a plain one (complaints are rare in the aspect files). */
  complaintWeight: number;
}

/** Trains the layers; thresholds start at 0.5 and are set by calibration. */
export function trainCauseModel(
  sources: TrainingSources,
  settings: TrainSettings,
  decision: DecisionParams = DEFAULT_DECISION,
  trainedOn: Record<string, unknown> = {},
): CauseModelJson {
  const examples: ClauseExample[] = [];
  const naming = namingOpinionWords(sources.aspectReviews, settings.options);
  for (const review of sources.aspectReviews) examples.push(...aspectClauseExamples(review, settings.options, naming));
  for (const example of sources.corpus) examples.push(...taggedClauseExamples({ text: example.text, tags: example.tags }, settings.options));
  const layers = trainLayers(examples, settings.complaintWeight);
  const body = { kind: 'cause-model' as const, options: settings.options, decision, vocabulary: vocabularyHash(), ...layers };
  return { ...body, version: causeModelVersion(body), trainedOn };
}

/** Scores of every cause for each review, for calibration: the model must not have seen these reviews. */
export function causeScores(json: CauseModelJson, reviews: readonly TaggedReview[]): Array<{ scores: number[]; quality: number; gold: Set<CauseTag> }> {
  const model = causeModelFromJson(json);
  return reviews.map((review) => {
    const scored = scoreReview(model, analyzeReview(review.text));
    return { scores: scored.scores, quality: causeMargins(model, scored).qualityScore, gold: new Set(review.tags.filter(isCauseTag)) };
  });
}
