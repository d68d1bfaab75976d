import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDecimal } from '../../common/validation/number.validators';
import { NoControlCharacters } from '../../common/validation/text.validators';
import { IsTimestamp } from '../../common/validation/timestamp.validator';
import { AMOUNT_DECIMALS, reviewInputField, ReviewFieldSpec } from '../review-fields';
import { PLATFORMS } from '../review.types';

export const CURRENCY_CODE = /^[A-Z]{3}$/;
export const IMAGE_URL_OPTIONS = { require_protocol: true, protocols: ['http', 'https'] };

const limit = (spec: ReviewFieldSpec, key: 'maxLength' | 'maxItems' | 'min' | 'max'): number => {
  const value = spec[key];
  if (value === undefined) throw new Error(`review field ${spec.input} declares no ${key}`);
  return value;
};

/** The checks of a field in the order class-validator reports them: presence, type, then form. */
function checks(spec: ReviewFieldSpec): PropertyDecorator[] {
  const presence = spec.required ? IsDefined({ message: '$property is required' }) : IsOptional();
  switch (spec.kind) {
    case 'platform':
      return [presence, IsIn(PLATFORMS)];
    case 'id':
    case 'text':
      return [presence, IsString(), NoControlCharacters(), MaxLength(limit(spec, 'maxLength')), ...(spec.required ? [IsNotEmpty()] : [])];
    case 'rating':
    case 'integer':
      return [presence, IsInt(), Max(limit(spec, 'max')), Min(limit(spec, 'min'))];
    case 'amount':
      return [presence, IsDecimal(AMOUNT_DECIMALS), Max(limit(spec, 'max')), Min(limit(spec, 'min'))];
    case 'boolean':
      return [presence, IsBoolean()];
    case 'urls':
      return [
        presence,
        IsArray(),
        MaxLength(limit(spec, 'maxLength'), { each: true }),
        IsUrl(IMAGE_URL_OPTIONS, { each: true }),
        ArrayMaxSize(limit(spec, 'maxItems')),
      ];
    case 'currency':
      return [presence, Matches(CURRENCY_CODE, { message: 'currency must be an ISO 4217 code such as CNY or USD' })];
    case 'timestamp':
      return [presence, IsTimestamp()];
  }
}

/**
 * A property of ReviewInputDto checked as REVIEW_FIELDS declares it (required or not, limits); `api` documents it
 * in openapi.json.
 */
export function ReviewInputField(api: ApiPropertyOptions = {}): PropertyDecorator {
  return (target, key) => {
    const spec = reviewInputField(String(key));
    if (!spec) throw new Error(`ReviewInputDto.${String(key)} is not declared in REVIEW_FIELDS`);
    applyDecorators(...checks(spec), spec.required ? ApiProperty(api) : ApiPropertyOptional(api))(target, key);
  };
}
