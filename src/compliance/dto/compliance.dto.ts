import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TAGS } from '../../reviews/taxonomy';
import { PageQuery } from '../../common/pagination/page.query';
import { NoControlCharacters } from '../../common/validation/text.validators';
import type { LocatedFinding } from '../compliance-check';
import { FINDING_SEVERITIES } from '../compliance-rules';
import type { FindingSeverity } from '../compliance-rules';
import type { ComplianceOverride } from '../compliance-override.entity';
import { OVERRIDE_ACTIONS, OVERRIDE_SUBJECTS } from '../compliance-override.entity';
import type { CorrectiveAction } from '../corrective-action.entity';

export class ComplianceFindingResponse implements LocatedFinding {
  @ApiProperty({ description: 'where: text, feel, felt, found, outreach.steps[5].say, remedy.privateText, note …', example: 'text' }) field!: string;
  @ApiProperty({ description: 'the rule (docs/compliance.md)', example: 'compensation-for-review' }) ruleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: FINDING_SEVERITIES, description: 'block: cannot be approved, published or activated without a lead’s override' })
  severity!: FindingSeverity;
  @ApiProperty({ description: 'start of the span in the field’s text (UTF-16 offset)' }) start!: number;
  @ApiProperty({ description: 'end of the span (exclusive)' }) end!: number;
  @ApiProperty({ description: 'the text of the span' }) excerpt!: string;
  @ApiProperty() explanation!: string;
  @ApiProperty({ description: 'the regulation or platform rule' }) source!: string;
  @ApiProperty({ description: 'a compliant way to say it' }) rewrite!: string;
}

export class ComplianceOverrideDto {
  @ApiProperty({ maxLength: 500, description: 'why a lead lets the blocking findings through; kept in the audit history and counted in the weekly report' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @NoControlCharacters()
  reason!: string;
}

export class CreateCorrectiveActionDto {
  @ApiProperty({ maxLength: 200, description: 'what changed, as a reply may say it ("仓库出库前逐件扫码核对", "every parcel is scanned before dispatch")' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @NoControlCharacters()
  what!: string;

  @ApiPropertyOptional({ enum: TAGS, description: 'the cause it answers' })
  @IsOptional()
  @IsIn(TAGS)
  tag?: string;

  @ApiPropertyOptional({ description: 'a sub-tag of tag (quality/defect_broken …)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  subTag?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'the product (its id as reviews carry it, or its name)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @NoControlCharacters()
  productKey?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @NoControlCharacters()
  carrier?: string;

  @ApiProperty({ example: '2026-11-30', description: 'the day it took effect (YYYY-MM-DD), not in the future' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'since must be a date YYYY-MM-DD' })
  since!: string;
}

export class ListCorrectiveActionsQuery extends PageQuery {}

export class CorrectiveActionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() what!: string;
  @ApiProperty({ enum: ['zh', 'en'], description: 'the language of what (from its script)' }) language!: 'zh' | 'en';
  @ApiPropertyOptional({ type: String, nullable: true }) tag!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) subTag!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) productKey!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) carrier!: string | null;
  @ApiProperty({ example: '2026-11-30' }) since!: string;
  @ApiProperty({ type: [ComplianceFindingResponse], description: 'the rules a reply quoting it would break (warnings only: a blocking one is refused)' })
  findings!: ComplianceFindingResponse[];
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;

  static of(action: CorrectiveAction, findings: LocatedFinding[]): CorrectiveActionResponse {
    return {
      id: action.id,
      what: action.what,
      language: action.language,
      tag: action.tag,
      subTag: action.subTag,
      productKey: action.productKey,
      carrier: action.carrier,
      since: action.since,
      findings,
      createdBy: action.createdBy,
      createdAt: action.createdAt.toISOString(),
    };
  }
}

export class CorrectiveActionPageResponse {
  @ApiProperty({ type: [CorrectiveActionResponse] }) items!: CorrectiveActionResponse[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'pass as cursor for the next page' }) nextCursor!: string | null;
}

export class ComplianceOverrideResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: OVERRIDE_SUBJECTS }) subjectType!: string;
  @ApiProperty() subjectId!: string;
  @ApiProperty({ enum: OVERRIDE_ACTIONS }) action!: string;
  @ApiProperty({ type: [String], description: 'the blocking rules let through' }) ruleIds!: string[];
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'the lead: staff:<id> or api:<key id>' }) actor!: string;
  @ApiProperty() createdAt!: string;
}

export class ComplianceOverridesResponse {
  @ApiProperty({ type: [ComplianceOverrideResponse] }) items!: ComplianceOverrideResponse[];

  static of(rows: ComplianceOverride[]): ComplianceOverridesResponse {
    return {
      items: rows.map((o) => ({
        id: o.id,
        subjectType: o.subjectType,
        subjectId: o.subjectId,
        action: o.action,
        ruleIds: o.ruleIds,
        reason: o.reason,
        actor: o.actor,
        createdAt: o.createdAt.toISOString(),
      })),
    };
  }
}
