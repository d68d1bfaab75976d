import { createHash } from 'node:crypto';
import { FieldProblem } from '../common/errors/domain-error';
import { toInstant } from '../common/time/timestamps';
import type { ReviewInputDto } from './dto/review-input.dto';
import { gradeOf, Grade, Platform } from './review.types';

/** The stored, canonical form of an ingested review: what is hashed, compared and kept in revisions. */
export interface ReviewFields {
  platform: Platform;
  externalId: string;
  productId: string | null;
  sku: string | null;
  productName: string | null;
  orderId: string | null;
  buyerId: string | null;
  buyerNick: string | null;
  rating: number;
  content: string;
  imageUrls: string[];
  imageCount: number;
  hasVideo: boolean;
  /** decimal string with two places, e.g. "89.90" */
  orderAmount: string | null;
  currency: string | null;
  orderedAt: string | null;
  shippedAt: string | null;
  deliveredAt: string | null;
  reviewedAt: string;
  carrier: string | null;
  serviceAgent: string | null;
  followUpContent: string | null;
  followUpAt: string | null;
}

export const REVIEW_FIELD_NAMES: readonly (keyof ReviewFields)[] = [
  'platform',
  'externalId',
  'productId',
  'sku',
  'productName',
  'orderId',
  'buyerId',
  'buyerNick',
  'rating',
  'content',
  'imageUrls',
  'imageCount',
  'hasVideo',
  'orderAmount',
  'currency',
  'orderedAt',
  'shippedAt',
  'deliveredAt',
  'reviewedAt',
  'carrier',
  'serviceAgent',
  'followUpContent',
  'followUpAt',
];

const DOMESTIC_PLATFORMS: readonly Platform[] = ['taobao', 'tmall', 'jd', 'pdd'];
/** a review stamped further in the future than this is a clock or data error */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

export type NormalizeResult = { ok: true; fields: ReviewFields; grade: Grade } | { ok: false; problems: FieldProblem[] };

/** JSON null in an optional field means the same as leaving the field out (validation let it through). */
function withoutNulls(input: ReviewInputDto): ReviewInputDto {
  const copy: Record<string, unknown> = { ...input };
  for (const key of Object.keys(copy)) if (copy[key] === null) delete copy[key];
  return copy as unknown as ReviewInputDto;
}

function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Turns a validated input into canonical fields and checks what single-field validation cannot:
 * the order of the timeline and timestamps in the future.
 */
export function normalizeReview(validated: ReviewInputDto, timeZone: string, now: Date, path = ''): NormalizeResult {
  const input = withoutNulls(validated);
  const problems: FieldProblem[] = [];
  const field = (name: string) => (path === '' ? name : `${path}.${name}`);
  const instant = (name: keyof ReviewInputDto, value: string | undefined): string | null => {
    if (value === undefined) return null;
    const date = toInstant(value, timeZone);
    if (!date) {
      problems.push({ field: field(name), code: 'isTimestamp', message: `${field(name)} is not a real date-time` });
      return null;
    }
    return date.toISOString();
  };

  const imageUrls = (input.images ?? []).map((url) => url.trim());
  const fields: ReviewFields = {
    platform: input.platform,
    externalId: input.externalId.trim(),
    productId: text(input.productId),
    sku: text(input.sku),
    productName: text(input.productName),
    orderId: text(input.orderId),
    buyerId: text(input.buyerId),
    buyerNick: text(input.buyerNick),
    rating: input.rating,
    content: (input.content ?? '').trim(),
    imageUrls,
    imageCount: Math.max(input.imageCount ?? 0, imageUrls.length),
    hasVideo: input.hasVideo ?? false,
    orderAmount: input.orderAmount === undefined ? null : input.orderAmount.toFixed(2),
    currency: input.currency ?? (input.orderAmount !== undefined && DOMESTIC_PLATFORMS.includes(input.platform) ? 'CNY' : null),
    orderedAt: instant('orderedAt', input.orderedAt),
    shippedAt: instant('shippedAt', input.shippedAt),
    deliveredAt: instant('deliveredAt', input.deliveredAt),
    reviewedAt: instant('reviewedAt', input.reviewedAt) ?? '',
    carrier: text(input.carrier),
    serviceAgent: text(input.serviceAgent),
    followUpContent: text(input.followUpContent),
    followUpAt: instant('followUpAt', input.followUpAt),
  };

  if (fields.externalId === '') {
    problems.push({ field: field('externalId'), code: 'isNotEmpty', message: `${field('externalId')} must not be blank` });
  }
  if (fields.orderAmount !== null && fields.currency === null) {
    problems.push({ field: field('currency'), code: 'required', message: `${field('currency')} is required with orderAmount on platform ${fields.platform}` });
  }
  const notBefore = (later: keyof ReviewFields, earlier: keyof ReviewFields) => {
    const a = fields[later];
    const b = fields[earlier];
    if (typeof a === 'string' && typeof b === 'string' && a !== '' && Date.parse(a) < Date.parse(b)) {
      problems.push({ field: field(later), code: 'dateOrder', message: `${field(later)} is before ${field(earlier)}` });
    }
  };
  notBefore('shippedAt', 'orderedAt');
  notBefore('deliveredAt', 'shippedAt');
  notBefore('deliveredAt', 'orderedAt');
  notBefore('reviewedAt', 'orderedAt');
  notBefore('followUpAt', 'reviewedAt');
  for (const name of ['orderedAt', 'shippedAt', 'deliveredAt', 'reviewedAt', 'followUpAt'] as const) {
    const value = fields[name];
    if (value && Date.parse(value) > now.getTime() + FUTURE_TOLERANCE_MS) {
      problems.push({ field: field(name), code: 'inFuture', message: `${field(name)} is in the future` });
    }
  }

  if (problems.length) return { ok: false, problems };
  return { ok: true, fields, grade: gradeOf(fields.rating) };
}

export function hashReviewFields(fields: ReviewFields): string {
  const canonical = REVIEW_FIELD_NAMES.map((name) => fields[name]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export function changedFieldNames(before: ReviewFields, after: ReviewFields): string[] {
  return REVIEW_FIELD_NAMES.filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}
