import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, ValidateNested } from 'class-validator';
import { PageQuery } from '../../common/pagination/page.query';
import { SUBJECT_TYPES } from '../alert-detector';
import type { AlertCause, AlertSettings, SubjectType, SubjectTypeSettings } from '../alert-detector';
import { ALERT_STATUSES } from '../alert.entity';
import type { AlertStatus } from '../alert.entity';
import type { ShopAlertSettings } from '../alert-settings.service';
import type { AlertView } from '../alerts.service';

const CAUSES = ['any', 'quality', 'logistics', 'service', 'price'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export class AlertsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALERT_STATUSES, description: 'open (the rate is still up) or resolved' })
  @IsOptional()
  @IsIn(ALERT_STATUSES)
  status?: AlertStatus;

  @ApiPropertyOptional({ enum: SUBJECT_TYPES })
  @IsOptional()
  @IsIn(SUBJECT_TYPES)
  subjectType?: SubjectType;
}

export class AlertCusumResponse {
  @ApiProperty() statistic!: number;
  @ApiProperty({ description: 'the decision interval' }) h!: number;
  @ApiProperty({ description: "a medium/bad review's step (a good one's is -1)" }) m!: number;
  @ApiProperty() signalled!: boolean;
}

export class AlertEvidenceResponse {
  @ApiProperty() windowHours!: number;
  @ApiProperty({ description: "the window's reviews (the last windowHours, at most the subject type's windowReviews)" }) windowReviews!: number;
  @ApiProperty({ description: "the window's medium/bad reviews for the alert's cause" }) windowBad!: number;
  @ApiProperty({ description: "the window's reviews revised after they were posted: every review counts as it stands now" }) revisedReviews!: number;
  @ApiProperty({ description: "the subject's reviews before the window, within the baseline" }) historyReviews!: number;
  @ApiProperty() historyBad!: number;
  @ApiProperty({ description: "the subject's usual rate: its history shrunk toward the shop's prior (posterior mean)" }) baselineRate!: number;
  @ApiProperty({ description: 'P(at least windowBad medium/bad reviews among windowReviews) under the baseline' }) probability!: number;
  @ApiPropertyOptional({ type: AlertCusumResponse, nullable: true }) cusum!: AlertCusumResponse | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: "the window's medium/bad reviews per cause tag" }) causeMix!: Record<
    string,
    number
  >;
  @ApiProperty({ type: [String], description: "up to five of the window's latest medium/bad reviews for the cause" }) sampleReviewIds!: string[];
  @ApiProperty({ description: 'when the detector last decided' }) decidedAt!: string;
}

export class AlertResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SUBJECT_TYPES }) subjectType!: SubjectType;
  @ApiProperty({ description: "the product id (sku), the carrier's or agent's name, * for the whole shop" }) subject!: string;
  @ApiProperty({ enum: CAUSES, description: 'any: all medium/bad reviews; a cause tag: those carrying it' }) cause!: AlertCause;
  @ApiProperty({ enum: ALERT_STATUSES }) status!: AlertStatus;
  @ApiProperty({ enum: ['beta-binomial', 'cusum'], description: 'the test that opened it' }) method!: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ description: 'when the first medium/bad review of the window that opened it was posted' }) firstBadAt!: string;
  @ApiProperty({ description: 'openedAt - firstBadAt, in hours' }) hoursToDetection!: number;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) resolvedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) acknowledgedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) acknowledgedBy!: string | null;
  @ApiProperty({ type: AlertEvidenceResponse }) evidence!: AlertEvidenceResponse;
  @ApiProperty({ type: [String], description: "an open alert's open recovery cases (its medium/bad reviews for the cause), to answer as one known problem" })
  caseIds!: string[];

  static of(a: AlertView): AlertResponse {
    return {
      ...a,
      openedAt: a.openedAt.toISOString(),
      firstBadAt: a.firstBadAt.toISOString(),
      hoursToDetection: Math.round(((a.openedAt.getTime() - a.firstBadAt.getTime()) / 3_600_000) * 10) / 10,
      updatedAt: a.updatedAt.toISOString(),
      resolvedAt: iso(a.resolvedAt),
      acknowledgedAt: iso(a.acknowledgedAt),
    };
  }
}

export class AlertPageResponse {
  @ApiProperty({ type: [AlertResponse] }) items!: AlertResponse[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

/** A subject type's settings in a PUT: fields left out return to their defaults. Bounds: docs/alerts.md. */
export class SubjectTypeSettingsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
  @ApiPropertyOptional({ description: 'alert when the tail probability is below this (1e-9 to 0.1)' }) @IsOptional() @IsNumber() threshold?: number;
  @ApiPropertyOptional({ description: 'the window: the last windowHours hours (1-720) ...' }) @IsOptional() @IsInt() windowHours?: number;
  @ApiPropertyOptional({ description: '... at most the last windowReviews reviews (5-10000)' }) @IsOptional() @IsInt() windowReviews?: number;
  @ApiPropertyOptional({ description: '... and at least the last windowMinReviews, however old (0-10000)' }) @IsOptional() @IsInt() windowMinReviews?: number;
}

export class SubjectSettingsDto {
  @ApiPropertyOptional({ type: SubjectTypeSettingsDto }) @IsOptional() @ValidateNested() @Type(() => SubjectTypeSettingsDto) sku?: SubjectTypeSettingsDto;
  @ApiPropertyOptional({ type: SubjectTypeSettingsDto }) @IsOptional() @ValidateNested() @Type(() => SubjectTypeSettingsDto) carrier?: SubjectTypeSettingsDto;
  @ApiPropertyOptional({ type: SubjectTypeSettingsDto }) @IsOptional() @ValidateNested() @Type(() => SubjectTypeSettingsDto) agent?: SubjectTypeSettingsDto;
  @ApiPropertyOptional({ type: SubjectTypeSettingsDto }) @IsOptional() @ValidateNested() @Type(() => SubjectTypeSettingsDto) shop?: SubjectTypeSettingsDto;
}

/** PUT /v1/alerts/settings: the shop's override of the defaults; what is left out returns to its default. */
export class AlertSettingsDto {
  @ApiPropertyOptional({ description: 'alert only with at least this many medium/bad reviews in the window (1-50)' }) @IsOptional() @IsInt() minBad?: number;
  @ApiPropertyOptional({ description: 'days of history for the prior and each baseline (14-180)' }) @IsOptional() @IsInt() baselineDays?: number;
  @ApiPropertyOptional({ description: "resolve once the window's tail probability is back above this (0.001-0.9)" })
  @IsOptional()
  @IsNumber()
  resolveAbove?: number;
  @ApiPropertyOptional({ description: "the CUSUM's out-of-control rate as a multiple of the baseline (1.5-10)" })
  @IsOptional()
  @IsNumber()
  cusumMultiple?: number;
  @ApiPropertyOptional({ description: "the CUSUM's in-control average run length in days of the subject's volume (0: no CUSUM)" })
  @IsOptional()
  @IsInt()
  cusumArlDays?: number;
  @ApiPropertyOptional({ type: SubjectSettingsDto }) @IsOptional() @ValidateNested() @Type(() => SubjectSettingsDto) subjects?: SubjectSettingsDto;
}

export class SubjectTypeSettingsResponse implements SubjectTypeSettings {
  @ApiProperty() enabled!: boolean;
  @ApiProperty() threshold!: number;
  @ApiProperty() windowHours!: number;
  @ApiProperty() windowReviews!: number;
  @ApiProperty() windowMinReviews!: number;
}

export class SubjectSettingsResponse {
  @ApiProperty({ type: SubjectTypeSettingsResponse }) sku!: SubjectTypeSettingsResponse;
  @ApiProperty({ type: SubjectTypeSettingsResponse }) carrier!: SubjectTypeSettingsResponse;
  @ApiProperty({ type: SubjectTypeSettingsResponse }) agent!: SubjectTypeSettingsResponse;
  @ApiProperty({ type: SubjectTypeSettingsResponse }) shop!: SubjectTypeSettingsResponse;
}

export class AlertSettingsResponse {
  @ApiProperty() minBad!: number;
  @ApiProperty() baselineDays!: number;
  @ApiProperty() resolveAbove!: number;
  @ApiProperty() cusumMultiple!: number;
  @ApiProperty() cusumArlDays!: number;
  @ApiProperty({ description: "a subject's CUSUM runs on between decisions; a process without its state starts it over this many latest reviews (fixed)" })
  cusumReviews!: number;
  @ApiProperty({ type: SubjectSettingsResponse }) subjects!: SubjectSettingsResponse;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the shop changed from the defaults (the last PUT)' }) override!: Record<
    string,
    unknown
  >;
  @ApiPropertyOptional({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) updatedAt!: string | null;

  static of(s: ShopAlertSettings): AlertSettingsResponse {
    const settings: AlertSettings = s.settings;
    return { ...settings, override: s.override, updatedBy: s.updatedBy, updatedAt: iso(s.updatedAt) };
  }
}
