import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ComplianceFindingResponse, ComplianceOverrideDto } from '../../compliance/dto/compliance.dto';
import type { LocatedFinding } from '../../compliance/compliance-check';
import { SUB_TAGS, TAGS } from '../../reviews/taxonomy';
import { NoControlCharacters } from '../../common/validation/text.validators';
import { PLACEHOLDERS } from '../reply-placeholders';
import type { ReplyTemplate } from '../reply-template.entity';
import { REPLY_LANGUAGES, REPLY_PARTS } from '../reply.types';
import type { ReplyLanguage, ReplyPart } from '../reply.types';
import { IsOptionalNotNull } from '../../common/validation/presence.validators';

export const TEMPLATE_TEXT_MAX = 300;
const PLACEHOLDER_LIST = PLACEHOLDERS.map((p) => `{${p}}`).join(', ');

export class CreateReplyTemplateDto {
  @ApiProperty({ enum: REPLY_PARTS, example: 'feel' })
  @IsIn(REPLY_PARTS)
  @IsDefined({ message: '$property is required' })
  part!: ReplyPart;

  @ApiProperty({ enum: REPLY_LANGUAGES, example: 'zh-Hans' })
  @IsIn(REPLY_LANGUAGES)
  @IsDefined({ message: '$property is required' })
  language!: ReplyLanguage;

  @ApiPropertyOptional({ enum: TAGS, nullable: true, description: 'null or left out: any tag (required null for thank_you)' })
  @IsOptional()
  @IsIn(TAGS)
  tag?: string | null;

  @ApiPropertyOptional({ enum: SUB_TAGS, nullable: true, description: 'a sub-tag of `tag`; null: any sub-tag' })
  @IsOptional()
  @IsIn(SUB_TAGS)
  subTag?: string | null;

  @ApiProperty({
    example: '{buyer}，让您等了这么久，{shop}真的很抱歉。',
    description: `The wording, up to ${TEMPLATE_TEXT_MAX} characters. Placeholders: ${PLACEHOLDER_LIST} ({remedy} in remedy templates only); [ ... ] is an optional segment, left out when a placeholder inside it has no value.`,
  })
  @MaxLength(TEMPLATE_TEXT_MAX)
  @IsNotEmpty()
  @NoControlCharacters()
  @IsString()
  @IsDefined({ message: '$property is required' })
  text!: string;

  @ApiPropertyOptional({
    default: true,
    description:
      'a template with a blocking compliance finding cannot be active (409 COMPLIANCE_BLOCKED) unless a lead overrides; save it inactive to keep working on it',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: ComplianceOverrideDto,
    description: 'leads only: keep the template active despite blocking compliance findings; the reason is kept in the audit history',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComplianceOverrideDto)
  complianceOverride?: ComplianceOverrideDto;
}

export class UpdateReplyTemplateDto {
  @ApiPropertyOptional({ enum: REPLY_PARTS })
  @IsOptionalNotNull()
  @IsIn(REPLY_PARTS)
  part?: ReplyPart;

  @ApiPropertyOptional({ enum: REPLY_LANGUAGES })
  @IsOptionalNotNull()
  @IsIn(REPLY_LANGUAGES)
  language?: ReplyLanguage;

  @ApiPropertyOptional({ enum: TAGS, nullable: true })
  @IsOptional()
  @IsIn(TAGS)
  tag?: string | null;

  @ApiPropertyOptional({ enum: SUB_TAGS, nullable: true })
  @IsOptional()
  @IsIn(SUB_TAGS)
  subTag?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @MaxLength(TEMPLATE_TEXT_MAX)
  @IsNotEmpty()
  @NoControlCharacters()
  @IsString()
  text?: string;

  @ApiPropertyOptional()
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: ComplianceOverrideDto,
    description: 'leads only: keep the template active despite blocking compliance findings; the reason is kept in the audit history',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComplianceOverrideDto)
  complianceOverride?: ComplianceOverrideDto;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListReplyTemplatesQuery {
  @ApiPropertyOptional({ enum: REPLY_PARTS })
  @IsOptional()
  @IsIn(REPLY_PARTS)
  part?: ReplyPart;

  @ApiPropertyOptional({ enum: REPLY_LANGUAGES })
  @IsOptional()
  @IsIn(REPLY_LANGUAGES)
  language?: ReplyLanguage;

  @ApiPropertyOptional({ enum: TAGS })
  @IsOptional()
  @IsIn(TAGS)
  tag?: string;

  @ApiPropertyOptional({ enum: SUB_TAGS })
  @IsOptional()
  @IsIn(SUB_TAGS)
  subTag?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;
}

export class ReplyTemplateResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: REPLY_PARTS }) part!: ReplyPart;
  @ApiProperty({ enum: REPLY_LANGUAGES }) language!: ReplyLanguage;
  @ApiPropertyOptional({ type: String, nullable: true }) tag!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) subTag!: string | null;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String] }) placeholders!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty() createdBy!: string;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: [ComplianceFindingResponse], description: 'compliance findings on the text (docs/compliance.md)' })
  findings!: ComplianceFindingResponse[];

  static of(template: ReplyTemplate, placeholders: string[], findings: LocatedFinding[]): ReplyTemplateResponse {
    return {
      id: template.id,
      part: template.part,
      language: template.language,
      tag: template.tag,
      subTag: template.subTag,
      text: template.text,
      placeholders,
      active: template.active,
      createdBy: template.createdBy,
      updatedBy: template.updatedBy,
      createdAt: template.createdAt.toISOString(),
      updatedAt: template.updatedAt.toISOString(),
      findings,
    };
  }
}

export class ReplyTemplateListResponse {
  @ApiProperty({ type: [ReplyTemplateResponse] }) items!: ReplyTemplateResponse[];
}

/** The shop's template filters without `active` (built-ins are always in use), in Chinese unless asked otherwise. */
export class BuiltinTemplatesQuery extends OmitType(ListReplyTemplatesQuery, ['active', 'language'] as const) {
  @ApiPropertyOptional({ enum: REPLY_LANGUAGES, default: 'zh-Hans' })
  @IsOptional()
  @IsIn(REPLY_LANGUAGES)
  language?: ReplyLanguage;
}

export class BuiltinTemplateResponse {
  @ApiProperty({ example: 'builtin:zh-Hans:causes.logistics/slow_delivery.feel:0' }) id!: string;
  @ApiProperty({ enum: REPLY_PARTS }) part!: ReplyPart;
  @ApiProperty({ enum: REPLY_LANGUAGES }) language!: ReplyLanguage;
  @ApiPropertyOptional({ type: String, nullable: true }) tag!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) subTag!: string | null;
  @ApiProperty({ enum: ['single', 'multi', 'widespread', 'high_risk', 'short'], description: 'when the composer uses it' }) situation!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [ComplianceFindingResponse], description: 'compliance findings (the built-in library has no blocking one)' })
  findings!: ComplianceFindingResponse[];
}

export class BuiltinTemplateListResponse {
  @ApiProperty({ type: [BuiltinTemplateResponse] }) items!: BuiltinTemplateResponse[];
}
