import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { NoControlCharacters } from '../../common/validation/text.validators';
import { OUTREACH_STEPS, outreachText } from '../reply-composer';
import type { DraftRemedy, OutreachStepName } from '../reply-composer';
import type { ReplyDraft } from '../reply-draft.entity';
import { REMEDY_KINDS } from '../remedy-policy';
import type { RemedyKind } from '../remedy-policy';
import { REPLY_KINDS, REPLY_LANGUAGES, REPLY_STATUSES, SEVERITIES } from '../reply.types';
import type { Cause, ReplyKind, ReplyLanguage, ReplyStatus, Severity } from '../reply.types';
import type { WebhookDelivery, WebhookDeliveryStatus } from '../webhook-delivery.entity';
import { WEBHOOK_DELIVERY_STATUSES } from '../webhook-delivery.entity';
import { PageQuery } from '../../common/pagination/page.query';
import { ComplianceFindingResponse, ComplianceOverrideDto } from '../../compliance/dto/compliance.dto';
import type { LocatedFinding } from '../../compliance/compliance-check';

const PART_MAX = 2_000;
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** Approve or publish: a lead may let blocking compliance findings through with a reason. */
export class ReplyActionDto {
  @ApiPropertyOptional({
    type: ComplianceOverrideDto,
    description: 'leads only: approve or publish despite blocking compliance findings; the reason is kept in the audit history',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ComplianceOverrideDto)
  complianceOverride?: ComplianceOverrideDto;
}

export class CreateReplyDto {
  @ApiPropertyOptional({ enum: REPLY_LANGUAGES, description: 'write in this language instead of the review’s' })
  @IsOptional()
  @IsIn(REPLY_LANGUAGES)
  language?: ReplyLanguage;
}

/** Edit the 3F parts (the text is joined again) or the whole text (the parts are then cleared). */
export class EditReplyDto {
  @ApiPropertyOptional({ maxLength: PART_MAX })
  @IsOptional()
  @MaxLength(PART_MAX)
  @MinLength(1)
  @NoControlCharacters()
  @IsString()
  feel?: string;

  @ApiPropertyOptional({ maxLength: PART_MAX })
  @IsOptional()
  @MaxLength(PART_MAX)
  @MinLength(1)
  @NoControlCharacters()
  @IsString()
  felt?: string;

  @ApiPropertyOptional({ maxLength: PART_MAX })
  @IsOptional()
  @MaxLength(PART_MAX)
  @MinLength(1)
  @NoControlCharacters()
  @IsString()
  found?: string;

  @ApiPropertyOptional({ maxLength: PART_MAX * 3, description: 'the whole public text; cannot be combined with feel, felt or found' })
  @IsOptional()
  @MaxLength(PART_MAX * 3)
  @MinLength(1)
  @NoControlCharacters()
  @IsString()
  text?: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListRepliesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REPLY_STATUSES })
  @IsOptional()
  @IsIn(REPLY_STATUSES)
  status?: ReplyStatus;

  @ApiPropertyOptional({ enum: REPLY_KINDS })
  @IsOptional()
  @IsIn(REPLY_KINDS)
  kind?: ReplyKind;

  @ApiPropertyOptional({ default: true, description: 'only the current reply of each review' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  current?: boolean;
}

export class OutreachStepResponse {
  @ApiProperty({ enum: OUTREACH_STEPS }) step!: OutreachStepName;
  @ApiProperty({ description: 'what staff do and why' }) goal!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'what to say' }) say!: string | null;
}

export class OutreachResponse {
  @ApiProperty({ type: [OutreachStepResponse] }) steps!: OutreachStepResponse[];
  @ApiProperty({ description: 'the steps as one numbered text' }) text!: string;
}

export class CauseResponse {
  @ApiProperty() tag!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) subTag!: string | null;
}

class RemedyCoreResponse {
  @ApiProperty({ enum: REMEDY_KINDS }) kind!: RemedyKind;
  @ApiProperty({ type: CauseResponse, description: 'the cause the remedy answers' }) cause!: Cause;
  @ApiPropertyOptional({ type: Number, nullable: true }) couponAmount!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) giftValue!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) refundDifferenceUpTo!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) returnWindowDays!: number | null;
  @ApiProperty() sellerPaysReturnShipping!: boolean;
  @ApiProperty() currency!: string;
  @ApiProperty() compensationCost!: number;
  @ApiProperty() needsLeadApproval!: boolean;
  @ApiProperty({ type: [String], description: 'overLimit, healthOrAuthenticity, highRisk' }) approvalReasons!: string[];
}

export class RemedyResponse extends RemedyCoreResponse {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'as the public reply says it (no amounts)' }) publicText!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'as staff say it, with amounts' }) privateText!: string | null;
  @ApiProperty({ description: 'why this remedy was chosen' }) reason!: string;
  @ApiProperty({ type: Object, description: 'causes, severity, orderAmount, sameProblemBuyers, widespread, highRisk' }) basis!: DraftRemedy['basis'];
  @ApiPropertyOptional({ type: RemedyCoreResponse, nullable: true, description: 'high-risk reviewer: what the policy would otherwise offer' })
  withheld!: DraftRemedy['withheld'];
}

export class DeliveryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() event!: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) lastStatusCode!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastAttemptAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'pending: when the next attempt is due' }) nextAttemptAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) deliveredAt!: string | null;
  @ApiProperty() createdAt!: string;

  static of(delivery: WebhookDelivery): DeliveryResponse {
    return {
      id: delivery.id,
      event: delivery.event,
      status: delivery.status,
      attempts: delivery.attempts,
      lastStatusCode: delivery.lastStatusCode,
      lastError: delivery.lastError,
      lastAttemptAt: iso(delivery.lastAttemptAt),
      nextAttemptAt: delivery.status === 'pending' ? iso(delivery.nextAttemptAt) : null,
      deliveredAt: iso(delivery.deliveredAt),
      createdAt: delivery.createdAt.toISOString(),
    };
  }
}

export class ReplyResponse {
  @ApiProperty() id!: string;
  @ApiProperty() reviewId!: string;
  @ApiProperty({ description: 'the review revision the draft was written for' }) reviewRevision!: number;
  @ApiProperty({ description: 'the review has changed since: consider a redraft' }) outdated!: boolean;
  @ApiProperty({ description: 'the current reply of the review (the others are history)' }) current!: boolean;
  @ApiProperty({ enum: REPLY_KINDS }) kind!: ReplyKind;
  @ApiProperty({ enum: REPLY_STATUSES }) status!: ReplyStatus;
  @ApiProperty({ enum: REPLY_LANGUAGES }) language!: ReplyLanguage;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Feel: this buyer’s feeling about this problem' }) feel!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Felt: taken seriously, others felt it too; no excuses' }) felt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Found: what was found and done, and the remedy' }) found!: string | null;
  @ApiProperty({ description: 'the public reply, joined' }) text!: string;
  @ApiProperty({ description: 'characters, as platforms count them' }) length!: number;
  @ApiProperty() maxLength!: number;
  @ApiProperty({ description: 'sentences were shortened or left out to meet maxLength' }) shortened!: boolean;
  @ApiPropertyOptional({ type: OutreachResponse, nullable: true, description: 'the private phone/IM script' }) outreach!: OutreachResponse | null;
  @ApiPropertyOptional({ type: RemedyResponse, nullable: true }) remedy!: RemedyResponse | null;
  @ApiProperty({ type: [CauseResponse] }) causes!: Cause[];
  @ApiPropertyOptional({ enum: SEVERITIES, nullable: true }) severity!: Severity | null;
  @ApiProperty({ description: 'the reviewer was flagged high-risk when drafted' }) highRisk!: boolean;
  @ApiProperty({ type: [String], description: 'built-in (builtin:…) and shop template ids used' }) templateIds!: string[];
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) editedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) editedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) approvedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) approvedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) publishedBy!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) publishedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) supersededAt!: string | null;
  @ApiProperty({ type: [DeliveryResponse], description: 'webhook deliveries of the published reply, newest first' }) deliveries!: DeliveryResponse[];
  @ApiProperty({
    type: [ComplianceFindingResponse],
    description:
      'compliance findings on the text, the outreach lines and the remedy wording, blocking first (docs/compliance.md); a blocking one stops approve and publish (409 COMPLIANCE_BLOCKED) unless a lead overrides',
  })
  findings!: ComplianceFindingResponse[];

  static of(reply: ReplyDraft, reviewRevision: number, deliveries: WebhookDelivery[] = [], findings: LocatedFinding[] = []): ReplyResponse {
    return {
      id: reply.id,
      reviewId: reply.reviewId,
      reviewRevision: reply.reviewRevision,
      outdated: reply.reviewRevision < reviewRevision,
      current: reply.isCurrent,
      kind: reply.kind,
      status: reply.status,
      language: reply.language,
      feel: reply.feel,
      felt: reply.felt,
      found: reply.found,
      text: reply.text,
      length: [...reply.text].length,
      maxLength: reply.maxLength,
      shortened: reply.shortened,
      outreach: reply.outreach ? { steps: reply.outreach.steps, text: outreachText(reply.language, reply.outreach.steps) } : null,
      remedy: reply.remedy,
      causes: reply.causes,
      severity: reply.severity,
      highRisk: reply.highRisk,
      templateIds: reply.templateIds,
      createdBy: reply.createdBy,
      createdAt: reply.createdAt.toISOString(),
      editedBy: reply.editedBy,
      editedAt: iso(reply.editedAt),
      approvedBy: reply.approvedBy,
      approvedAt: iso(reply.approvedAt),
      publishedBy: reply.publishedBy,
      publishedAt: iso(reply.publishedAt),
      supersededAt: iso(reply.supersededAt),
      deliveries: deliveries.map(DeliveryResponse.of),
      findings,
    };
  }
}

/** The seller's reply already posted on the platform (imported with the review). */
export class PlatformReplyResponse {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "the reply's text; null when the platform says the seller replied without exporting it (Douyin 商家是否回复 是)",
  })
  text!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) at!: string | null;
}

export class ReviewRepliesResponse {
  @ApiPropertyOptional({
    type: PlatformReplyResponse,
    nullable: true,
    description: 'The seller already replied on the platform: no automatic draft is written; POST a draft to write one anyway',
  })
  platformReply!: PlatformReplyResponse | null;
  @ApiPropertyOptional({ type: ReplyResponse, nullable: true }) current!: ReplyResponse | null;
  @ApiProperty({ type: [ReplyResponse], description: 'earlier replies of the review, newest first' }) history!: ReplyResponse[];
}

export class ReplyPageResponse {
  @ApiProperty({ type: [ReplyResponse] }) items!: ReplyResponse[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}
