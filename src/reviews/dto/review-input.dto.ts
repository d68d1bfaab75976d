import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import { PLATFORMS } from '../review.types';
import type { Platform } from '../review.types';

export const REVIEW_TEXT_MAX = 10_000;
const ID_MAX = 128;

/**
 * A review as a shop backend or another service sends it. One problem is reported per field, the most
 * basic one (toFieldProblems): "rating must be an integer" rather than "rating must not be greater than 5".
 */
export class ReviewInputDto {
  @ApiProperty({ enum: PLATFORMS, example: 'taobao' })
  @IsIn(PLATFORMS)
  @IsDefined({ message: '$property is required' })
  platform!: Platform;

  @ApiProperty({ description: 'The review id on the platform; with platform, the idempotency key', example: 'TB-1029384756' })
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  @NoControlCharacters()
  @IsString()
  @IsDefined({ message: '$property is required' })
  externalId!: string;

  @ApiPropertyOptional({ example: '6523109' })
  @IsOptional()
  @MaxLength(ID_MAX)
  @NoControlCharacters()
  @IsString()
  productId?: string;

  @ApiPropertyOptional({ example: '6523109-black-L' })
  @IsOptional()
  @MaxLength(ID_MAX)
  @NoControlCharacters()
  @IsString()
  sku?: string;

  @ApiPropertyOptional({ example: '纯棉短袖T恤' })
  @IsOptional()
  @MaxLength(500)
  @NoControlCharacters()
  @IsString()
  productName?: string;

  @ApiPropertyOptional({ example: '318812223344556' })
  @IsOptional()
  @MaxLength(ID_MAX)
  @NoControlCharacters()
  @IsString()
  orderId?: string;

  @ApiPropertyOptional({ description: 'Stable buyer id on the platform', example: 'b-77120' })
  @IsOptional()
  @MaxLength(ID_MAX)
  @NoControlCharacters()
  @IsString()
  buyerId?: string;

  @ApiPropertyOptional({ description: 'Display name (personal data: never logged)', example: 't***8' })
  @IsOptional()
  @MaxLength(ID_MAX)
  @NoControlCharacters()
  @IsString()
  buyerNick?: string;

  @ApiProperty({ minimum: 1, maximum: 5, description: '1-2 bad, 3 medium, 4-5 good' })
  @Min(1)
  @Max(5)
  @IsInt()
  @IsDefined({ message: '$property is required' })
  rating!: number;

  @ApiPropertyOptional({ maxLength: REVIEW_TEXT_MAX, example: '物流太慢了，等了一个星期' })
  @IsOptional()
  @MaxLength(REVIEW_TEXT_MAX)
  @NoControlCharacters()
  @IsString()
  content?: string;

  @ApiPropertyOptional({ type: [String], description: 'Photo URLs (at most 50)' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  @MaxLength(2048, { each: true })
  @IsArray()
  images?: string[];

  @ApiPropertyOptional({ description: 'Number of photos when the URLs are not sent' })
  @IsOptional()
  @Min(0)
  @Max(1000)
  @IsInt()
  imageCount?: number;

  @ApiPropertyOptional({ description: 'The review has a video' })
  @IsOptional()
  @IsBoolean()
  hasVideo?: boolean;

  @ApiPropertyOptional({ example: 89.9 })
  @IsOptional()
  @Min(0)
  @Max(999_999_999)
  @IsDecimal(2)
  orderAmount?: number;

  @ApiPropertyOptional({ description: 'ISO 4217; defaults to CNY on taobao, tmall, jd and pdd', example: 'CNY' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY or USD' })
  currency?: string;

  @ApiPropertyOptional({ example: '2026-11-01T09:12:00+08:00' })
  @IsOptional()
  @IsTimestamp()
  orderedAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimestamp()
  shippedAt?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimestamp()
  deliveredAt?: string;

  @ApiProperty({ description: 'Without an offset, read in the shop time zone', example: '2026-11-05 20:31:00' })
  @IsTimestamp()
  @IsDefined({ message: '$property is required' })
  reviewedAt!: string;

  @ApiPropertyOptional({ example: '中通快递' })
  @IsOptional()
  @MaxLength(64)
  @NoControlCharacters()
  @IsString()
  carrier?: string;

  @ApiPropertyOptional({ description: 'The customer-service agent who served the buyer', example: '小美' })
  @IsOptional()
  @MaxLength(64)
  @NoControlCharacters()
  @IsString()
  serviceAgent?: string;

  @ApiPropertyOptional({ description: 'Follow-up review text (追评)' })
  @IsOptional()
  @MaxLength(REVIEW_TEXT_MAX)
  @NoControlCharacters()
  @IsString()
  followUpContent?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimestamp()
  followUpAt?: string;
}
