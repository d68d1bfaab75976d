import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDecimal } from '../../common/validation/number.validators';
import { NoControlCharacters } from '../../common/validation/text.validators';
import type { CouponTier, RemedyPolicy } from '../remedy-policy';

export class CouponTierDto {
  @ApiProperty({ description: 'orders of at least this amount get this coupon', example: 100 })
  @Min(0)
  @Max(1_000_000)
  @IsDecimal(2)
  @IsDefined({ message: '$property is required' })
  minOrderAmount!: number;

  @ApiProperty({ example: 10 })
  @Min(0)
  @Max(10_000)
  @IsDecimal(2)
  @IsDefined({ message: '$property is required' })
  amount!: number;
}

/**
 * PUT /v1/remedy-policy: fields left out keep their value; `null` resets a field to its default.
 */
export class UpdateRemedyPolicyDto {
  @ApiPropertyOptional({ type: String, nullable: true, pattern: '^[A-Z]{3}$', example: 'CNY', description: 'ISO 4217 code of every amount of the policy' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be a three-letter currency code such as CNY' })
  @IsString()
  currency?: string | null;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 30,
    example: '定制帆布袋',
    nullable: true,
    description: 'the apology gift, in Chinese; default 小礼物',
  })
  @IsOptional()
  @MaxLength(30)
  @MinLength(1)
  @NoControlCharacters()
  @IsString()
  giftNameZh?: string | null;

  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: 40,
    example: 'canvas tote bag',
    nullable: true,
    description: 'the apology gift, in English; default "small gift"',
  })
  @IsOptional()
  @MaxLength(40)
  @MinLength(1)
  @NoControlCharacters()
  @IsString()
  giftNameEn?: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 10_000, example: 10, description: 'what the gift costs the shop' })
  @IsOptional()
  @Min(0)
  @Max(10_000)
  @IsDecimal(2)
  giftValue?: number | null;

  @ApiPropertyOptional({
    type: [CouponTierDto],
    nullable: true,
    minItems: 1,
    maxItems: 10,
    description: 'coupon by order amount; the lowest tier also applies below its amount',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CouponTierDto)
  @ArrayMaxSize(10)
  @ArrayMinSize(1)
  @IsArray()
  couponTiers?: CouponTierDto[] | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 1_000_000, example: 0, description: 'minimum spend of the coupon; 0: none' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  @IsDecimal(2)
  couponMinSpend?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 0,
    maximum: 10_000,
    example: 5,
    description: 'a price difference up to this is refunded directly',
  })
  @IsOptional()
  @Min(0)
  @Max(10_000)
  @IsDecimal(2)
  priceDifferenceRefundLimit?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 0,
    maximum: 60,
    example: 7,
    description: 'the no-reason return window restated for fit and taste',
  })
  @IsOptional()
  @Min(0)
  @Max(60)
  @IsInt()
  returnWindowDays?: number | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true, example: true })
  @IsOptional()
  @IsBoolean()
  sellerPaysReturnShipping?: boolean | null;

  @ApiPropertyOptional({ type: Boolean, nullable: true, example: true })
  @IsOptional()
  @IsBoolean()
  freeReplacementForIsolatedDefect?: boolean | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    minimum: 2,
    maximum: 10_000,
    example: 3,
    description:
      'buyers of a product reporting the same quality problem that make it widespread; high-risk reviewers (flagged, confirmed, or scored high and not dismissed) do not count',
  })
  @IsOptional()
  @Min(2)
  @Max(10_000)
  @IsInt()
  widespreadThreshold?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 365, example: 30 })
  @IsOptional()
  @Min(1)
  @Max(365)
  @IsInt()
  widespreadWindowDays?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 1_000_000, example: 50, description: 'compensation above this needs a lead' })
  @IsOptional()
  @Min(0)
  @Max(1_000_000)
  @IsDecimal(2)
  leadApprovalAbove?: number | null;
}

export class RemedyPolicyResponse implements RemedyPolicy {
  @ApiProperty() currency!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) giftNameZh!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) giftNameEn!: string | null;
  @ApiProperty() giftValue!: number;
  @ApiProperty({ type: [CouponTierDto] }) couponTiers!: CouponTier[];
  @ApiProperty() couponMinSpend!: number;
  @ApiProperty() priceDifferenceRefundLimit!: number;
  @ApiProperty({ type: 'integer' }) returnWindowDays!: number;
  @ApiProperty() sellerPaysReturnShipping!: boolean;
  @ApiProperty() freeReplacementForIsolatedDefect!: boolean;
  @ApiProperty({ type: 'integer' }) widespreadThreshold!: number;
  @ApiProperty({ type: 'integer' }) widespreadWindowDays!: number;
  @ApiProperty() leadApprovalAbove!: number;
  @ApiProperty({ type: [String], description: 'fields that have the default value' }) defaults!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}
