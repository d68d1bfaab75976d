import { isBoolean, isIn, isInt, isURL, matches, maxLength } from 'class-validator';
import { hasAtMostDecimalPlaces } from '../../common/validation/number.validators';
import { hasControlCharacters } from '../../common/validation/text.validators';
import { isTimestamp } from '../../common/time/timestamps';
import { PLATFORMS } from '../review.types';
import { REVIEW_TEXT_MAX, ReviewInputDto } from './review-input.dto';

/**
 * The batch endpoint's fast path: accepts an item only when it is certainly what ReviewInputDto accepts, with the
 * same class-validator checks called directly (no metadata walk, no error objects). Anything it is not sure of
 * returns null and goes through class-validator, which then produces the error report. So it can only make
 * valid items cheaper, never change what is accepted (review-input.fast-check.spec.ts compares the two).
 */
const TEXT_LIMITS: Readonly<Record<string, number>> = {
  externalId: 128,
  productId: 128,
  sku: 128,
  productName: 500,
  orderId: 128,
  buyerId: 128,
  buyerNick: 128,
  content: REVIEW_TEXT_MAX,
  carrier: 64,
  serviceAgent: 64,
  followUpContent: REVIEW_TEXT_MAX,
};
const TIMESTAMPS = new Set(['orderedAt', 'shippedAt', 'deliveredAt', 'reviewedAt', 'followUpAt']);
const REQUIRED = ['platform', 'externalId', 'rating', 'reviewedAt'] as const;
const URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'] };
const CURRENCY = /^[A-Z]{3}$/;

const KNOWN = new Set([...Object.keys(TEXT_LIMITS), ...TIMESTAMPS, 'platform', 'rating', 'imageCount', 'hasVideo', 'orderAmount', 'currency', 'images']);

function acceptsField(key: string, value: unknown): boolean {
  // an unknown field is an error class-validator reports, whatever its value
  if (!KNOWN.has(key)) return false;
  // IsOptional: null and undefined skip every other check of an optional field
  if (value === null || value === undefined) return !(REQUIRED as readonly string[]).includes(key);
  const limit = TEXT_LIMITS[key];
  if (limit !== undefined) {
    return typeof value === 'string' && maxLength(value, limit) && !hasControlCharacters(value) && (key !== 'externalId' || value !== '');
  }
  if (TIMESTAMPS.has(key)) return typeof value === 'string' && value.length <= 40 && isTimestamp(value);
  switch (key) {
    case 'platform':
      return isIn(value, PLATFORMS);
    case 'rating':
      return isInt(value) && (value as number) >= 1 && (value as number) <= 5;
    case 'imageCount':
      return isInt(value) && (value as number) >= 0 && (value as number) <= 1000;
    case 'hasVideo':
      return isBoolean(value);
    case 'orderAmount':
      return hasAtMostDecimalPlaces(value, 2) && (value as number) >= 0 && (value as number) <= 999_999_999;
    case 'currency':
      return typeof value === 'string' && matches(value, CURRENCY);
    case 'images':
      return Array.isArray(value) && value.length <= 50 && value.every((url) => typeof url === 'string' && maxLength(url, 2048) && isURL(url, URL_OPTIONS));
    default:
      return false;
  }
}

export function fastAcceptReviewInput(raw: object): ReviewInputDto | null {
  const record = raw as Record<string, unknown>;
  for (const key of REQUIRED) if (record[key] === undefined || record[key] === null) return null;
  for (const key in record) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    if (!acceptsField(key, record[key])) return null;
  }
  return Object.assign(new ReviewInputDto(), record);
}
