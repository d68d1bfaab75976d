import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { parseTimestampParts } from '../common/time/timestamps';
import { DEFAULT_RISK_CONFIG, RiskConfig } from './risk-config';
import { assessReviewerRisk } from './risk-scoring';
import type { ReviewerReview } from './reviewer-risk.types';
import { buildShopRiskContext } from './shop-risk-context';
import { TextTemplateIndex } from './text-template-index';

/**
 * `reviewer-risk`: review history as JSON lines in, one risk line per buyer out, for evaluating the scoring on
 * history exported from elsewhere. All lines are read first because the product statistics and the template
 * index need every review; then buyers are scored one by one in the order they first appeared.
 *
 * Input line: {"reviewId","buyerId","productId","rating","reviewedAt","text"?,"imageCount"?,"deliveredAt"?,"orderAmount"?}
 * (also read when present: followUpText, hasVideo, orderedAt, tags). Timestamps without an offset are read as UTC.
 */

export interface ReviewerRiskRunOptions {
  config?: RiskConfig;
  /** where the count of skipped lines goes */
  errors?: NodeJS.WritableStream;
}

export interface ReviewerRiskRunSummary {
  reviews: number;
  buyers: number;
  skipped: number;
}

interface ParsedLine {
  buyerId: string;
  review: ReviewerReview;
}

type Json = Record<string, unknown>;

function idOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function dateOf(value: unknown): Date | null {
  if (typeof value === 'string') {
    const parts = parseTimestampParts(value);
    if (!parts) return null;
    const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond);
    return new Date(utc - (parts.offsetMinutes ?? 0) * 60_000);
  }
  // epoch seconds or milliseconds
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return new Date(value < 1e11 ? value * 1000 : value);
  return null;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The review of one input line, or the reason it cannot be used. */
export function parseReviewLine(line: string, lineNumber: number): ParsedLine | string {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'not a JSON object';
  const json = row as Json;
  const buyerId = idOf(json.buyerId);
  if (!buyerId) return 'buyerId missing';
  const rating = numberOf(json.rating);
  if (rating === null || rating < 1 || rating > 5) return 'rating must be a number from 1 to 5';
  const reviewedAt = dateOf(json.reviewedAt);
  if (!reviewedAt) return 'reviewedAt missing or not a timestamp';
  const tags = Array.isArray(json.tags) ? json.tags.filter((tag): tag is string => typeof tag === 'string') : null;
  return {
    buyerId,
    review: {
      reviewId: idOf(json.reviewId) ?? `line-${lineNumber}`,
      productId: idOf(json.productId),
      rating,
      reviewedAt,
      orderedAt: dateOf(json.orderedAt),
      deliveredAt: dateOf(json.deliveredAt),
      orderAmount: numberOf(json.orderAmount),
      text: textOf(json.text),
      followUpText: textOf(json.followUpText),
      imageCount: numberOf(json.imageCount),
      hasVideo: json.hasVideo === true,
      tags,
    },
  };
}

async function write(output: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!output.write(chunk)) await once(output, 'drain');
}

export async function runReviewerRisk(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  options: ReviewerRiskRunOptions = {},
): Promise<ReviewerRiskRunSummary> {
  const config = options.config ?? DEFAULT_RISK_CONFIG;
  const errors = options.errors ?? process.stderr;
  const byBuyer = new Map<string, ReviewerReview[]>();
  const all: ReviewerReview[] = [];
  const templates = new TextTemplateIndex({ similarity: config.signals.template_text.similarity, minLength: config.signals.template_text.minLength });
  let skipped = 0;
  let firstProblem = '';
  let lineNumber = 0;

  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const parsed = parseReviewLine(line, lineNumber);
    if (typeof parsed === 'string') {
      skipped++;
      if (!firstProblem) firstProblem = `line ${lineNumber}: ${parsed}`;
      continue;
    }
    const { buyerId, review } = parsed;
    all.push(review);
    const reviews = byBuyer.get(buyerId);
    if (reviews) reviews.push(review);
    else byBuyer.set(buyerId, [review]);
    if (review.text && review.rating <= config.negativeRatingMax) templates.add(review.reviewId, buyerId, review.text);
  }

  const context = buildShopRiskContext(all, templates, config.negativeRatingMax);
  for (const [buyerId, reviews] of byBuyer) {
    const { score, level, signals } = assessReviewerRisk({ buyerId, reviews }, context, config);
    await write(output, `${JSON.stringify({ buyerId, score, level, signals })}\n`);
  }
  if (skipped) errors.write(`reviewer-risk: skipped ${skipped} bad line(s), first at ${firstProblem}\n`);
  return { reviews: all.length, buyers: byBuyer.size, skipped };
}
