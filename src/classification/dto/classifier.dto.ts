import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SUB_TAGS, TAGS } from '../../reviews/taxonomy';
import type { SubTag, Tag } from '../../reviews/taxonomy';

export class CorrectTagsDto {
  @ApiProperty({ enum: TAGS, isArray: true, description: 'The right root causes; ["other"] when the text names none' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TAGS.length)
  @IsIn(TAGS, { each: true })
  tags!: Tag[];

  @ApiPropertyOptional({ enum: SUB_TAGS, isArray: true, description: 'Sub-tags; each must belong to one of the tags' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SUB_TAGS.length)
  @IsIn(SUB_TAGS, { each: true })
  subTags?: SubTag[];
}

export class ReclassifyDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 3650, default: 90, description: 'Reviews posted in the last N days' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  sinceDays?: number;
}

export class ModelMetricsResponse {
  @ApiProperty({ description: 'corrected reviews the accuracies are measured on' })
  evaluatedOn!: number;

  @ApiProperty({ description: 'share of corrected reviews the shipped model tagged exactly right (tags and sub-tags)' })
  baseAccuracy!: number;

  @ApiProperty({ description: 'the same for the shop model, cross-validated (never scored on what it trained on)' })
  shopAccuracy!: number;
}

export class BaseModelResponse {
  @ApiProperty()
  version!: string;
}

export class ShopModelResponse {
  @ApiProperty()
  version!: string;

  @ApiProperty({ description: 'the shipped model it was trained on top of' })
  baseVersion!: string;

  @ApiProperty({ description: 'false when it was trained on an older shipped model: retraining is due' })
  active!: boolean;

  @ApiProperty()
  correctionsUsed!: number;

  @ApiProperty()
  trainedUpTo!: string;

  @ApiProperty()
  trainedAt!: string;

  @ApiProperty({ type: ModelMetricsResponse })
  metrics!: ModelMetricsResponse;
}

export class CorrectionCountsResponse {
  @ApiProperty()
  total!: number;

  @ApiProperty({ description: 'corrections made after the shop model in use was trained' })
  sinceTraining!: number;

  @ApiProperty({ description: 'RETRAIN_AFTER_CORRECTIONS: new corrections that start a retraining by themselves' })
  retrainAfter!: number;
}

export class ClassifierResponse {
  @ApiProperty({ description: 'the version new classifications of this shop get' })
  version!: string;

  @ApiProperty({ type: BaseModelResponse })
  base!: BaseModelResponse;

  @ApiPropertyOptional({ type: ShopModelResponse, nullable: true })
  shop!: ShopModelResponse | null;

  @ApiProperty({ type: CorrectionCountsResponse })
  corrections!: CorrectionCountsResponse;

  @ApiPropertyOptional({ type: ModelMetricsResponse, nullable: true, description: 'accuracy on the corrections; null when there are none' })
  accuracy!: ModelMetricsResponse | null;
}

export class JobAcceptedResponse {
  @ApiProperty({ example: 'retrain-classifier' })
  job!: string;

  @ApiProperty({ example: 'queued' })
  status!: string;
}
