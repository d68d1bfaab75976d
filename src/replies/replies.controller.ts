import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { Actor, actorLabel, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import type { AuthenticatedShop } from '../shops/shops.service';
import { ComplianceOverridesResponse } from '../compliance/dto/compliance.dto';
import { CreateReplyDto, EditReplyDto, ListRepliesQuery, ReplyActionDto, ReplyPageResponse, ReplyResponse, ReviewRepliesResponse } from './dto/reply.dto';
import { RepliesService } from './replies.service';

@ApiTags('replies')
@ApiBearerAuth()
@Controller({ version: '1' })
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Post('reviews/:id/replies')
  @ApiOperation({
    summary: 'Draft (or redraft) the reply to a review',
    description:
      'A 3F reply (feel, felt, found, separately and joined), the private outreach script and the suggested remedy with its reason for a ' +
      'medium/bad review; a short thank-you for a good one. The draft becomes the current reply; the one it replaces stays in the history.',
  })
  @ApiCreatedResponse({ type: ReplyResponse })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  async draft(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) reviewId: string,
    @Body() body: CreateReplyDto,
  ): Promise<ReplyResponse> {
    return this.replies.draft(shop.shopId, reviewId, body, actorLabel(actor));
  }

  @Get('reviews/:id/replies')
  @ApiOperation({
    summary: 'The current reply of a review and its history, with webhook deliveries',
    description: 'An analysed medium or bad review without any reply gets its automatic draft on the spot, unless the shop set autoDraft off.',
  })
  @ApiOkResponse({ type: ReviewRepliesResponse })
  @ApiNotFoundResponse({ description: 'REVIEW_NOT_FOUND' })
  async forReview(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) reviewId: string): Promise<ReviewRepliesResponse> {
    return this.replies.forReview(shop.shopId, reviewId);
  }

  @Get('replies')
  @ApiOperation({ summary: 'Replies, newest first: the current reply of each review unless current=false; filter by status and kind' })
  @ApiOkResponse({ type: ReplyPageResponse })
  async list(@CurrentShop() shop: AuthenticatedShop, @Query() query: ListRepliesQuery): Promise<ReplyPageResponse> {
    return this.replies.list(shop.shopId, query);
  }

  @Get('replies/:id')
  @ApiOperation({ summary: 'One reply' })
  @ApiOkResponse({ type: ReplyResponse })
  @ApiNotFoundResponse({ description: 'REPLY_NOT_FOUND' })
  async get(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<ReplyResponse> {
    return this.replies.get(shop.shopId, id);
  }

  @Patch('replies/:id')
  @ApiOperation({
    summary: 'Edit a draft: feel, felt and found (joined again) or the whole text',
    description:
      'Edited text is held to the rules of a draft: no blame, no personal data, no placeholder, the length limit, no compensation for a high-risk reviewer.',
  })
  @ApiOkResponse({ type: ReplyResponse })
  @ApiBadRequestResponse({
    description:
      'VALIDATION_FAILED, or REPLY_RULE_VIOLATION with the field and the rule (blamesBuyer, personalData, unfilledPlaceholder, compensationForHighRisk, tooLong)',
  })
  @ApiConflictResponse({ description: 'INVALID_REPLY_TRANSITION: the reply is approved, published or superseded' })
  async edit(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: EditReplyDto,
  ): Promise<ReplyResponse> {
    return this.replies.edit(shop.shopId, id, body, actorLabel(actor));
  }

  @Post('replies/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve a draft or an edited reply',
    description:
      'The text, the outreach lines and the remedy wording are checked against the compliance rules (docs/compliance.md). A blocking finding answers 409 ' +
      'COMPLIANCE_BLOCKED with the findings, unless a lead sends complianceOverride with a reason (kept in GET /v1/replies/{id}/overrides and counted in the weekly report).',
  })
  @ApiOkResponse({ type: ReplyResponse })
  @ApiBadRequestResponse({ description: 'REPLY_RULE_VIOLATION: e.g. the reviewer has been flagged high-risk since the draft offered compensation' })
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: complianceOverride sent with an agent’s key' })
  @ApiConflictResponse({ description: 'INVALID_REPLY_TRANSITION, or COMPLIANCE_BLOCKED: errors[] name the field, the rule (code) and the span' })
  async approve(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: ReplyActionDto,
  ): Promise<ReplyResponse> {
    return this.replies.approve(shop.shopId, id, actor, body);
  }

  @Post('replies/:id/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record an approved reply as published and notify the shop’s webhook',
    description:
      'The delivery is signed (X-RRS-Signature) and retried with backoff; its status is in `deliveries`. The compliance rules are checked again: findings a lead ' +
      'overrode at the approval pass, new blocking ones answer 409 COMPLIANCE_BLOCKED unless a lead sends complianceOverride. The platform rules (GET /v1/platform-rules) ' +
      'are checked too: past the platform’s reply window (Tmall and Kuaishou 30 days from the review, Tmall not after a 追评) 409 REPLY_WINDOW_CLOSED, ' +
      'longer than the platform takes (Taobao/Tmall 500 characters) 409 REPLY_TOO_LONG.',
  })
  @ApiOkResponse({ type: ReplyResponse })
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: complianceOverride sent with an agent’s key' })
  @ApiConflictResponse({
    description: 'INVALID_REPLY_TRANSITION: only an approved reply can be published; COMPLIANCE_BLOCKED; REPLY_WINDOW_CLOSED; REPLY_TOO_LONG',
  })
  async publish(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: ReplyActionDto,
  ): Promise<ReplyResponse> {
    return this.replies.publish(shop.shopId, id, actor, body);
  }

  @Get('replies/:id/overrides')
  @ApiOperation({ summary: 'The compliance overrides of a reply (who let which blocking rules through, when and why), newest first' })
  @ApiOkResponse({ type: ComplianceOverridesResponse })
  @ApiNotFoundResponse({ description: 'REPLY_NOT_FOUND' })
  async overrides(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<ComplianceOverridesResponse> {
    return ComplianceOverridesResponse.of(await this.replies.overrides(shop.shopId, id));
  }

  @Post('replies/:id/redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver a published reply to the webhook again' })
  @ApiOkResponse({ type: ReplyResponse })
  @ApiConflictResponse({ description: 'INVALID_REPLY_TRANSITION (not published) or WEBHOOK_NOT_CONFIGURED' })
  async redeliver(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<ReplyResponse> {
    return this.replies.redeliver(shop.shopId, id);
  }
}
