import { isBoolean, isIn, isInt, isURL, matches, maxLength } from 'class-validator';
import { hasAtMostDecimalPlaces } from '../../common/validation/number.validators';
import { hasControlCharacters } from '../../common/validation/text.validators';
import { isTimestamp } from '../../common/time/timestamps';
import { AMOUNT_DECIMALS, reviewInputField, REVIEW_FIELDS, ReviewFieldSpec } from '../review-fields';
import { PLATFORMS } from '../review.types';
import { CURRENCY_CODE, IMAGE_URL_OPTIONS } from './review-input-field.decorator';
import { ReviewInputDto } from './review-input.dto';

/**
 * The batch endpoint's fast path: accepts an item only when it is certainly what ReviewInputDto accepts, with the
 * same class-validator checks called directly (no metadata walk, no error objects) and the same limits (REVIEW_FIELDS).
 * Anything it is not sure of returns null and goes through class-validator, which then produces the error report.
 * So it can only make valid items cheaper, never change what is accepted (review-input.fast-check.spec.ts compares
 * the two).
 */
const REQUIRED = REVIEW_FIELDS.filter((spec) => spec.required).map((spec) => spec.input);

const inRange = (spec: ReviewFieldSpec, value: number) => value >= (spec.min ?? -Infinity) && value <= (spec.max ?? Infinity);
const withinLength = (spec: ReviewFieldSpec, value: string) => spec.maxLength === undefined || maxLength(value, spec.maxLength);

function acceptsField(key: string, value: unknown): boolean {
  const spec = reviewInputField(key);
  // an unknown field is an error class-validator reports, whatever its value
  if (!spec) return false;
  // IsOptional: null and undefined skip every other check of an optional field
  if (value === null || value === undefined) return !spec.required;
  switch (spec.kind) {
    case 'id':
    case 'text':
      return typeof value === 'string' && withinLength(spec, value) && !hasControlCharacters(value) && (!spec.required || value !== '');
    case 'timestamp':
      return typeof value === 'string' && value.length <= 40 && isTimestamp(value);
    case 'platform':
      return isIn(value, PLATFORMS);
    case 'rating':
    case 'integer':
      return isInt(value) && inRange(spec, value as number);
    case 'boolean':
      return isBoolean(value);
    case 'amount':
      return hasAtMostDecimalPlaces(value, AMOUNT_DECIMALS) && inRange(spec, value as number);
    case 'currency':
      return typeof value === 'string' && matches(value, CURRENCY_CODE);
    case 'urls':
      return (
        Array.isArray(value) &&
        value.length <= (spec.maxItems ?? Infinity) &&
        value.every((url) => typeof url === 'string' && withinLength(spec, url) && isURL(url, IMAGE_URL_OPTIONS))
      );
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
