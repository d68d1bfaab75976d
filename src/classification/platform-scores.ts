import type { CauseTag, Tag } from '../reviews/taxonomy';
import type { Classification, Evidence } from './review-classifier';

/** The per-dimension scores a platform gives beside the review (Kuaishou, Pinduoduo, Douyin), 1-5. */
export interface PlatformScores {
  qualityScore?: number | null;
  logisticsScore?: number | null;
  serviceScore?: number | null;
  descriptionScore?: number | null;
}

export type ScoreDimension = 'quality' | 'logistics' | 'service' | 'description';

/** a score at or below this (of 5) says the cause outright */
export const LOW_PLATFORM_SCORE = 2;
export const PLATFORM_SCORE_MAX = 5;
/** the confidence of a cause the platform's own score gives */
const SCORE_CONFIDENCE = 0.95;

const DIMENSIONS: readonly { dimension: ScoreDimension; field: keyof PlatformScores; tag: CauseTag }[] = [
  { dimension: 'logistics', field: 'logisticsScore', tag: 'logistics' },
  { dimension: 'quality', field: 'qualityScore', tag: 'quality' },
  { dimension: 'description', field: 'descriptionScore', tag: 'quality' },
  { dimension: 'service', field: 'serviceScore', tag: 'service' },
];

/** Evidence that is not a phrase of the text but a platform's score: `phrase` reads e.g. "logisticsScore 1/5". */
export interface ScoreEvidence extends Evidence {
  source: 'platform_score';
  dimension: ScoreDimension;
  score: number;
  max: number;
}

export function isScoreEvidence(evidence: Evidence): evidence is ScoreEvidence {
  return (evidence as Partial<ScoreEvidence>).source === 'platform_score';
}

/**
 * Adds the causes a platform's low per-dimension score states (logistics 2 of 5 or less: a logistics complaint,
 * whatever the text says), each with the score as its evidence. A text that names no cause ("一般吧") then gets
 * the score's cause instead of `other`; a cause the text names keeps its phrases, and the score is added beside them.
 */
export function withPlatformScores(classification: Classification, scores: PlatformScores): Classification {
  const low = DIMENSIONS.filter(({ field }) => {
    const value = scores[field];
    return typeof value === 'number' && value <= LOW_PLATFORM_SCORE;
  });
  if (!low.length) return classification;
  const tags = classification.tags.filter((tag) => tag !== 'other');
  const confidence: Record<Tag, number> = { ...classification.confidence };
  const evidence: Evidence[] = [...classification.evidence];
  for (const { dimension, field, tag } of low) {
    const score = scores[field] as number;
    if (!tags.includes(tag)) tags.push(tag);
    confidence[tag] = Math.max(confidence[tag] ?? 0, SCORE_CONFIDENCE);
    const scoreEvidence: ScoreEvidence = {
      tag,
      phrase: `${field} ${score}/${PLATFORM_SCORE_MAX}`,
      source: 'platform_score',
      dimension,
      score,
      max: PLATFORM_SCORE_MAX,
    };
    evidence.push(scoreEvidence);
  }
  confidence.other = Math.min(confidence.other ?? 0, 1 - SCORE_CONFIDENCE);
  return { ...classification, tags: orderedTags(tags), confidence, evidence };
}

const TAG_ORDER: readonly Tag[] = ['quality', 'logistics', 'service', 'price', 'other'];
const orderedTags = (tags: Tag[]) => TAG_ORDER.filter((tag) => tags.includes(tag));
