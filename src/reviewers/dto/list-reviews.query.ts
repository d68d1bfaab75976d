import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SUB_TAGS, TAGS } from '../../reviews/taxonomy';
import type { SubTag, Tag } from '../../reviews/taxonomy';
import { IsTimestamp } from '../../common/validation/timestamp.validator';
import { ANALYSIS_STATUSES, GRADES, PLATFORMS } from '../../reviews/review.types';
import type { AnalysisStatus, Grade, Platform } from '../../reviews/review.types';
import { WATCH_STATUSES } from '../reviewer-profile.entity';
import type { WatchStatus } from '../reviewer-profile.entity';
import { RISK_LEVELS } from '../reviewer-risk.types';
import type { RiskLevel } from '../reviewer-risk.types';
import { PageQuery } from '../../common/pagination/page.query';

export class ListReviewsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: GRADES })
  @IsOptional()
  @IsIn(GRADES)
  grade?: Grade;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional({ enum: PLATFORMS })
  @IsOptional()
  @IsIn(PLATFORMS)
  platform?: Platform;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  productId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  buyerId?: string;

  @ApiPropertyOptional({ description: 'reviewedAt on or after' })
  @IsOptional()
  @IsTimestamp()
  reviewedFrom?: string;

  @ApiPropertyOptional({ description: 'reviewedAt before' })
  @IsOptional()
  @IsTimestamp()
  reviewedTo?: string;

  @ApiPropertyOptional({ enum: ANALYSIS_STATUSES, description: 'Analysis status' })
  @IsOptional()
  @IsIn(ANALYSIS_STATUSES)
  status?: AnalysisStatus;

  @ApiPropertyOptional({ enum: TAGS, description: 'Root-cause tag' })
  @IsOptional()
  @IsIn(TAGS)
  tag?: Tag;

  @ApiPropertyOptional({ enum: SUB_TAGS, description: 'Root-cause sub-tag' })
  @IsOptional()
  @IsIn(SUB_TAGS)
  subTag?: SubTag;

  @ApiPropertyOptional({ enum: WATCH_STATUSES, description: "The buyer's reviewer status: confirmed lists the watchlist's reviews" })
  @IsOptional()
  @IsIn(WATCH_STATUSES)
  reviewerStatus?: WatchStatus;

  @ApiPropertyOptional({ enum: RISK_LEVELS, description: "The buyer's reviewer risk level" })
  @IsOptional()
  @IsIn(RISK_LEVELS)
  reviewerLevel?: RiskLevel;
}
