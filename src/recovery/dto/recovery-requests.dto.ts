import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { TAGS } from '../../reviews/taxonomy';
import type { Tag } from '../../reviews/taxonomy';
import { IsDecimal } from '../../common/validation/number.validators';
import { IsOptionalNotNull } from '../../common/validation/presence.validators';
import { NoControlCharacters } from '../../common/validation/text.validators';
import { IsTimestamp } from '../../common/validation/timestamp.validator';
import { CASE_STATUSES, COMPENSATION_TYPES, CONTACT_CHANNELS, CONTACT_OUTCOMES } from '../recovery.types';
import type { CaseStatus, CompensationType, ContactChannel, ContactOutcome } from '../recovery.types';
import { PageQuery } from '../../common/pagination/page.query';

const ASSIGNEE = /^(me|unassigned|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

export class QueueQuery {
  @ApiPropertyOptional({ description: 'me, unassigned or a staff id' })
  @IsOptional()
  @Matches(ASSIGNEE, { message: 'assignee must be me, unassigned or a staff id' })
  assignee?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 10, description: 'size of the separate high-risk list' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  highRiskLimit?: number;

  @ApiPropertyOptional({ enum: ['bad', 'medium'], description: 'only cases of this grade' })
  @IsOptional()
  @IsIn(['bad', 'medium'])
  grade?: 'bad' | 'medium';

  @ApiPropertyOptional({ enum: TAGS, description: 'only cases whose review carries this root-cause tag' })
  @IsOptional()
  @IsIn(TAGS)
  tag?: Tag;

  @ApiPropertyOptional({ description: 'only cases of this product' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  productId?: string;
}

export class UpdateSettingsDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 180,
    default: 30,
    description: 'days the platform lets a buyer change a review; applies to cases opened after the change, open cases keep their deadline',
  })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(180)
  revisionWindowDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 720, default: 24 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(720)
  firstContactSlaHours?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 2 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(20)
  maxContactsPerDay?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 6 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(100)
  maxContactsTotal?: number;

  @ApiPropertyOptional({ example: '21:00', description: 'HH:MM in the shop time zone' })
  @IsOptionalNotNull()
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'quietHoursStart must be a time HH:MM (00:00-23:59)' })
  quietHoursStart?: string;

  @ApiPropertyOptional({ example: '09:00', description: 'HH:MM; equal to the start means no quiet hours' })
  @IsOptionalNotNull()
  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'quietHoursEnd must be a time HH:MM (00:00-23:59)' })
  quietHoursEnd?: string;

  @ApiPropertyOptional({ minimum: 0, default: 200 })
  @IsOptionalNotNull()
  @IsDecimal(2)
  @Min(0)
  @Max(100_000_000)
  highValueOrderAmount?: number;

  @ApiPropertyOptional({ minimum: 1, default: 20 })
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  bestSellerReviews30d?: number;
}

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'one status or several separated by commas', example: 'new,contacting' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : value,
  )
  @IsArray()
  @ArrayMaxSize(CASE_STATUSES.length)
  @IsIn(CASE_STATUSES, { each: true })
  status?: CaseStatus[];

  @ApiPropertyOptional({ description: 'me, unassigned or a staff id' })
  @IsOptional()
  @Matches(ASSIGNEE, { message: 'assignee must be me, unassigned or a staff id' })
  assignee?: string;

  @ApiPropertyOptional({ enum: ['bad', 'medium'] })
  @IsOptional()
  @IsIn(['bad', 'medium'])
  grade?: 'bad' | 'medium';

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  reviewId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  productId?: string;

  @ApiPropertyOptional({ description: 'opened on or after' })
  @IsOptional()
  @IsTimestamp()
  openedFrom?: string;

  @ApiPropertyOptional({ description: 'opened before' })
  @IsOptional()
  @IsTimestamp()
  openedTo?: string;
}

export class AssignDto {
  @ApiProperty()
  @IsUUID()
  staffId!: string;
}

export class ReassignDto {
  @ApiProperty({ type: String, nullable: true, description: 'null leaves the case unassigned' })
  @ValidateIf((_o, value) => value !== null)
  @IsUUID()
  staffId!: string | null;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @NoControlCharacters()
  reason?: string;
}

export class BulkAssignDto {
  @ApiProperty({ type: [String], maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true })
  caseIds!: string[];

  @ApiProperty()
  @IsUUID()
  staffId!: string;
}

export class TransitionDto {
  @ApiProperty({ enum: CASE_STATUSES })
  @IsIn(CASE_STATUSES)
  status!: CaseStatus;

  @ApiPropertyOptional({ maxLength: 1000, description: 'required for escalated, closed_unrevised and dismissed' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @NoControlCharacters()
  reason?: string;
}

export class CompensationDto {
  @ApiProperty({ enum: COMPENSATION_TYPES })
  @IsIn(COMPENSATION_TYPES)
  type!: CompensationType;

  @ApiPropertyOptional({ minimum: 0 })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(100_000_000)
  amount?: number;

  @ApiPropertyOptional({ default: 'CNY' })
  @IsOptional()
  @Matches(/^[A-Za-z]{3}$/, { message: 'currency must be a 3-letter code' })
  currency?: string;

  @ApiPropertyOptional({
    default: false,
    description:
      'true refuses the contact with 422 COMPENSATION_CONDITIONAL: a compensation may never depend on the buyer changing or removing the review (16 CFR 465.4; AUCL art. 8)',
  })
  @IsOptional()
  @IsBoolean()
  conditionalOnReview?: boolean;
}

export class PolicyOverrideDto {
  @ApiProperty({ maxLength: 500, description: 'why the contact policy is overridden (leads only)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @NoControlCharacters()
  reason!: string;
}

export class LogContactDto {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiProperty({ enum: CONTACT_OUTCOMES })
  @IsIn(CONTACT_OUTCOMES)
  outcome!: ContactOutcome;

  @ApiPropertyOptional({ description: 'when the contact happened (default now); without an offset, in the shop time zone' })
  @IsOptional()
  @IsTimestamp()
  at?: string;

  @ApiPropertyOptional({ type: CompensationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CompensationDto)
  compensation?: CompensationDto;

  @ApiPropertyOptional({ minimum: 0, description: 'what the buyer demanded' })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(100_000_000)
  demandedAmount?: number;

  @ApiPropertyOptional({ description: 'required with promised_revision: a date (by the end of that day) or a timestamp' })
  @IsOptional()
  @IsTimestamp()
  promisedRevisionAt?: string;

  @ApiPropertyOptional({ description: 'when to call back' })
  @IsOptional()
  @IsTimestamp()
  nextFollowUpAt?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @NoControlCharacters()
  note?: string;

  @ApiPropertyOptional({ type: PolicyOverrideDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PolicyOverrideDto)
  override?: PolicyOverrideDto;
}

export class FiguresQuery {
  @ApiPropertyOptional({ description: 'start of the period (default 30 days before `to`)' })
  @IsOptional()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ description: 'end of the period, exclusive (default now)' })
  @IsOptional()
  @IsTimestamp()
  to?: string;
}

export class ContactPolicyQuery {
  @ApiPropertyOptional({ description: 'the moment to check (default now); without an offset, in the shop time zone' })
  @IsOptional()
  @IsTimestamp()
  at?: string;
}
