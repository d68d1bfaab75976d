import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsDecimal } from '../../common/validation/number.validators';
import { NoControlCharacters } from '../../common/validation/text.validators';
import { PLATFORMS } from '../../reviews/review.types';
import type { Platform } from '../../reviews/review.types';
import { EVIDENCE_FORMATS, EVIDENCE_LANGUAGES } from '../evidence-pack';
import type { EvidenceFormat, EvidenceLanguage } from '../evidence-pack';
import { WATCH_STATUSES } from '../reviewer-profile.entity';
import type { WatchStatus } from '../reviewer-profile.entity';
import { FLAG_LEVELS } from '../reviewer-risk-settings.entity';
import type { FlagLevel } from '../reviewer-risk-settings.entity';
import { RISK_LEVELS } from '../reviewer-risk.types';
import type { RiskLevel } from '../reviewer-risk.types';
import { PageQuery } from '../../common/pagination/page.query';

export class ListReviewersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RISK_LEVELS })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  level?: RiskLevel;

  @ApiPropertyOptional({ enum: WATCH_STATUSES, description: 'flagged: waits for a person; confirmed: the watchlist' })
  @IsOptional()
  @IsIn(WATCH_STATUSES)
  status?: WatchStatus;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'riskScore at least' })
  @IsOptional()
  @Type(() => Number)
  @IsDecimal(2)
  @Min(0)
  @Max(100)
  minScore?: number;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  buyerId?: string;
}

export class EvidenceQuery {
  @ApiPropertyOptional({ enum: EVIDENCE_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(EVIDENCE_FORMATS)
  format?: EvidenceFormat;

  @ApiPropertyOptional({ enum: EVIDENCE_LANGUAGES, description: 'Default: the first of zh/en in Accept-Language, else zh' })
  @IsOptional()
  @IsIn(EVIDENCE_LANGUAGES)
  lang?: EvidenceLanguage;
}

export class DecisionBody {
  @ApiProperty({ description: 'Why: what the person checked (chat logs, photos, calls). Kept in the decision history.', maxLength: 2000 })
  @Matches(/\S/, { message: '$property must not be blank' })
  @NoControlCharacters()
  @MaxLength(2000)
  @IsNotEmpty()
  @IsString()
  @IsDefined({ message: '$property is required' })
  reason!: string;
}

export class ReviewerSettingsBody {
  @ApiPropertyOptional({ enum: FLAG_LEVELS, default: 'high', description: 'Risk level from which a reviewer is flagged for a person' })
  @IsOptional()
  @IsIn(FLAG_LEVELS)
  flagLevel?: FlagLevel;

  @ApiPropertyOptional({
    type: Object,
    description: 'Partial risk configuration merged onto the defaults, e.g. {"levels":{"high":75},"signals":{"bad_review_burst":{"windowDays":3}}}',
  })
  @IsOptional()
  @IsObject()
  override?: Record<string, unknown>;
}
