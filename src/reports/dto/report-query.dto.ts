import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, registerDecorator, ValidationOptions } from 'class-validator';
import { isLocalDate, parseIsoWeek, ReportKind } from '../report-period';
import { DEFAULT_REPORT_SETTINGS, SETTING_LIMITS } from '../report-settings';
import type { ReportSettings, ReportSettingsOverrides } from '../report-settings';
import { REPORT_LANGS, ReportLang } from '../report-text';
import { REPORT_FORMATS, ReportFormat } from '../report.types';

const REPORT_KINDS: readonly ReportKind[] = ['weekly', 'range'];

function stringRule(name: string, message: string, test: (value: string) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (object, propertyName) => {
      registerDecorator({
        name,
        target: object.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: { validate: (value: unknown) => typeof value === 'string' && value.length <= 20 && test(value) },
      });
    };
}

/** An ISO week that exists: 2026-W47 (W53 only in years that have one). */
export const IsIsoWeek = stringRule('isIsoWeek', '$property must be an ISO week such as 2026-W47', (value) => parseIsoWeek(value) !== null);

/** A calendar date YYYY-MM-DD. */
export const IsLocalDate = stringRule('isLocalDate', '$property must be a date such as 2026-11-16', isLocalDate);

/** Query booleans: true/false/1/0 only; anything else fails validation instead of reading as false. */
const toBoolean = ({ value }: { value: unknown }) => {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};

export class ReportFormatQuery {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;

  @ApiPropertyOptional({ enum: REPORT_LANGS, description: "Language of csv, md and html; default: the shop's locale" })
  @IsOptional()
  @IsIn(REPORT_LANGS)
  lang?: ReportLang;
}

export class WeeklyReportQuery extends ReportFormatQuery {
  @ApiPropertyOptional({ example: '2026-W47', description: "ISO week in the shop's time zone; default: the last completed week" })
  @IsOptional()
  @IsIsoWeek()
  week?: string;

  @ApiPropertyOptional({ description: 'Generate a new snapshot even when one is stored', default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  regenerate?: boolean;
}

export class ReportsQuery extends ReportFormatQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-11-01',
    description: 'With `to`: a report of these local days (both included). Without: list stored reports',
  })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-11-30' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ description: 'With from/to: generate a new snapshot even when one is stored', default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  regenerate?: boolean;

  @ApiPropertyOptional({ enum: REPORT_KINDS, description: 'Listing: only weekly or only range reports' })
  @IsOptional()
  @IsIn(REPORT_KINDS)
  kind?: ReportKind;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, description: 'Listing: page size' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Listing: nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

const limit = (key: keyof typeof SETTING_LIMITS) => SETTING_LIMITS[key];

/** Only the settings sent change; `null` puts one back to its default. */
export class UpdateReportSettingsDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: limit('actionMinComplaints').min,
    maximum: limit('actionMinComplaints').max,
    example: DEFAULT_REPORT_SETTINGS.actionMinComplaints,
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(limit('actionMinComplaints').min)
  @Max(limit('actionMinComplaints').max)
  actionMinComplaints?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: limit('tableRows').min,
    maximum: limit('tableRows').max,
    example: DEFAULT_REPORT_SETTINGS.tableRows,
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(limit('tableRows').min)
  @Max(limit('tableRows').max)
  tableRows?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: limit('quotesPerCause').min,
    maximum: limit('quotesPerCause').max,
    example: DEFAULT_REPORT_SETTINGS.quotesPerCause,
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(limit('quotesPerCause').min)
  @Max(limit('quotesPerCause').max)
  quotesPerCause?: number | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: limit('quoteMaxChars').min,
    maximum: limit('quoteMaxChars').max,
    example: DEFAULT_REPORT_SETTINGS.quoteMaxChars,
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(limit('quoteMaxChars').min)
  @Max(limit('quoteMaxChars').max)
  quoteMaxChars?: number | null;

  @ApiPropertyOptional({ type: Boolean, example: true, nullable: true, description: "Generate last week's report every Monday" })
  @IsOptional()
  @IsBoolean()
  scheduleEnabled?: boolean | null;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: limit('scheduleHour').min,
    maximum: limit('scheduleHour').max,
    example: DEFAULT_REPORT_SETTINGS.scheduleHour,
    nullable: true,
    description: 'Local hour on Monday (shop time zone)',
  })
  @IsOptional()
  @IsInt()
  @Min(limit('scheduleHour').min)
  @Max(limit('scheduleHour').max)
  scheduleHour?: number | null;
}

export class ReportResponse {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null when the period has not ended: such a report is not stored' })
  id!: string | null;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-W47' }) week!: string | null;
  @ApiProperty({ format: 'date', example: '2026-11-16', description: 'first local day' }) from!: string;
  @ApiProperty({ format: 'date', example: '2026-11-22', description: 'last local day (included)' }) to!: string;
  @ApiProperty({ format: 'date-time' }) periodStart!: string;
  @ApiProperty({ format: 'date-time', description: 'exclusive' }) periodEnd!: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timezone!: string;
  @ApiPropertyOptional({ type: String, nullable: true, enum: ['scheduled', 'request', 'regenerate'] }) trigger!: string | null;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty() generatorVersion!: string;
  @ApiProperty({ description: 'false: generated for this request only (the period has not ended)' }) stored!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Every section; see docs/api/reports.md' }) data!: Record<string, unknown>;
}

export class ReportListItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind!: ReportKind;
  @ApiPropertyOptional({ type: String, nullable: true }) week!: string | null;
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty({ format: 'date-time' }) periodStart!: string;
  @ApiProperty({ format: 'date-time' }) periodEnd!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ enum: ['scheduled', 'request', 'regenerate'] }) trigger!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty() generatorVersion!: string;
  @ApiProperty({ type: 'integer' }) reviews!: number;
  @ApiProperty({ type: 'integer', description: 'medium + bad' }) negative!: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) negativeRate!: number | null;
}

export class ReportPageResponse {
  @ApiProperty({ type: [ReportListItem] }) items!: ReportListItem[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ReportSettingsResponse {
  @ApiProperty({ type: 'object', additionalProperties: true, description: "What reports use: the defaults overlaid with the shop's changes" })
  settings!: ReportSettings;
  @ApiProperty({ type: 'object', additionalProperties: true }) defaults!: ReportSettings;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Only what the shop changed' }) overrides!: ReportSettingsOverrides;
}
