import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { NoControlCharacters } from '../../common/validation/text.validators';
import { PLATFORMS } from '../review.types';
import type { Platform } from '../review.types';
import type { EffectivePlatformRules, PlatformRuleName } from './platform-rules';
import { PLATFORM_RULE_NAMES } from './platform-rules';

export class PlatformRulesValues {
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Days from the review during which a public reply may be posted; null: no limit' })
  replyWindowDays!: number | null;
  @ApiProperty({ description: 'A follow-up (追评) closes the reply window (Tmall)' }) replyClosedByFollowUp!: boolean;
  @ApiProperty({ description: 'A reply answers the first review only, not the follow-up (Kuaishou)' }) replyFirstReviewOnly!: boolean;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Most characters of a public reply on the platform' }) replyMaxLength!: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Days from the review during which the buyer may add a follow-up' })
  followUpWindowDays!: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'Days from the review during which the buyer may change it' }) revisionWindowDays!:
    number | null;
}

export class PlatformRulesResponse {
  @ApiProperty({ enum: PLATFORMS }) platform!: Platform;
  @ApiProperty({ description: 'Version of the shipped rules table', example: '2026-12-07.2' }) version!: string;
  @ApiProperty({ type: PlatformRulesValues }) rules!: PlatformRulesValues;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Where each rule that is set comes from' })
  sources!: Partial<Record<PlatformRuleName, string>>;
  @ApiProperty({ enum: PLATFORM_RULE_NAMES, isArray: true, description: "The rules the shop's override sets" }) overridden!: PlatformRuleName[];

  static of(effective: EffectivePlatformRules): PlatformRulesResponse {
    return {
      platform: effective.platform,
      version: effective.version,
      rules: { ...effective.rules },
      sources: effective.sources,
      overridden: effective.overridden,
    };
  }
}

export class PlatformRulesListResponse {
  @ApiProperty({ type: [PlatformRulesResponse] }) items!: PlatformRulesResponse[];
}

const DAYS_MAX = 3650;

/** A shop's override of some rules of one platform: rules left out keep the platform's value, null means "no limit". */
export class PlatformRulesOverrideDto {
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: DAYS_MAX })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(DAYS_MAX)
  replyWindowDays?: number | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() replyClosedByFollowUp?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() replyFirstReviewOnly?: boolean;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 20, maximum: 5000 })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(20)
  @Max(5000)
  replyMaxLength?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: DAYS_MAX })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(DAYS_MAX)
  followUpWindowDays?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: DAYS_MAX })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(DAYS_MAX)
  revisionWindowDays?: number | null;

  @ApiProperty({ description: "Where the shop's values come from (its agreement with the platform, a newer rule)", example: 'Tmall merchant notice 2027-01' })
  @IsString()
  @IsNotEmpty()
  @NoControlCharacters()
  @MaxLength(500)
  source!: string;
}

export class PlatformParam {
  @ApiProperty({ enum: PLATFORMS })
  @IsIn(PLATFORMS)
  platform!: Platform;
}
