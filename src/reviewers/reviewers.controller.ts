import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { ReviewResponse } from './dto/review-response.dto';
import { Actor, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import type { AuthenticatedShop } from '../shops/shops.service';
import { DecisionBody, EvidenceQuery, ListReviewersQuery, ReviewerSettingsBody } from './dto/reviewer-queries.dto';
import {
  ContactOutcomeResponse,
  DecisionResponse,
  ReviewerDecisionResponse,
  ReviewerDetailResponse,
  ReviewerPageResponse,
  ReviewerResponse,
  ReviewerSettingsResponse,
} from './dto/reviewer-response.dto';
import { chooseLanguage, EvidencePack } from './evidence-pack';
import { EVIDENCE_HTML_CSP, renderEvidenceHtml, renderEvidenceMarkdown } from './evidence-render';
import type { DecisionAction } from './reviewer-decision.entity';
import { ReviewerDecisionsService } from './reviewer-decisions.service';
import { ReviewerSettingsService } from './reviewer-settings.service';
import { ReviewersService } from './reviewers.service';
import { LeadOnly } from '../shops/roles';

@ApiTags('reviewers')
@ApiBearerAuth()
@Controller({ path: 'reviewers', version: '1' })
export class ReviewersController {
  constructor(
    private readonly reviewers: ReviewersService,
    private readonly decisions: ReviewerDecisionsService,
    private readonly settings: ReviewerSettingsService,
  ) {}

  // declared before ':id': Express matches routes in order, so /settings is never read as a reviewer id
  @Get('settings')
  @ApiOperation({ summary: 'The reviewer-risk weights and thresholds in effect for this shop, the override and the defaults' })
  @ApiOkResponse({ type: ReviewerSettingsResponse })
  async getSettings(@CurrentShop() shop: AuthenticatedShop): Promise<ReviewerSettingsResponse> {
    return this.reviewers.settingsView(shop.shopId);
  }

  @Put('settings')
  @LeadOnly()
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: an agent; settings are for leads and the integration key' })
  @ApiOperation({
    summary: "Replace the shop's reviewer-risk settings; every reviewer is scored again in the background",
    description:
      'The override is partial: what it leaves out keeps its default. A bad value is a 400 naming the field, e.g. override.signals.bad_review_burst.windowDays.',
  })
  @ApiOkResponse({ type: ReviewerSettingsResponse })
  async putSettings(
    @CurrentShop() shop: AuthenticatedShop,
    @Body() body: ReviewerSettingsBody,
    @CurrentActor() actor: Actor,
  ): Promise<ReviewerSettingsResponse> {
    await this.settings.replace(shop.shopId, body, actor);
    return this.reviewers.settingsView(shop.shopId);
  }

  @Get()
  @ApiOperation({ summary: 'Reviewers, highest risk first, with filters (level, status, minScore...) and cursor pagination' })
  @ApiOkResponse({ type: ReviewerPageResponse })
  async list(@CurrentShop() shop: AuthenticatedShop, @Query() query: ListReviewersQuery): Promise<ReviewerPageResponse> {
    const page = await this.reviewers.list(shop.shopId, query);
    return { items: page.items.map(ReviewerResponse.of), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: "One reviewer: score, signals with explanations, decisions, contact outcomes and the buyer's reviews here" })
  @ApiOkResponse({ type: ReviewerDetailResponse })
  @ApiNotFoundResponse({ description: 'REVIEWER_NOT_FOUND' })
  async get(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<ReviewerDetailResponse> {
    const { profile, decisions, outcomes, reviews } = await this.reviewers.detail(shop.shopId, id);
    return {
      ...ReviewerResponse.of(profile),
      dismissedEvidence: profile.dismissedEvidence,
      decisions: decisions.map(ReviewerDecisionResponse.of),
      contactOutcomes: outcomes.map(ContactOutcomeResponse.of),
      reviews: reviews.map(ReviewResponse.of),
    };
  }

  @Get(':id/evidence')
  @ApiOperation({
    summary: "Evidence pack for a platform's dispute team: reviews with order timelines, signals, contact log, decisions",
    description:
      'format=json (default), md (Markdown) or html (one self-contained page). lang=zh|en; by default the first of them in Accept-Language, else zh.',
  })
  @ApiProduces('application/json', 'text/markdown', 'text/html')
  @ApiOkResponse({ description: 'The pack in the requested format', schema: { type: 'object', additionalProperties: true } })
  @ApiNotFoundResponse({ description: 'REVIEWER_NOT_FOUND' })
  async evidence(
    @CurrentShop() shop: AuthenticatedShop,
    @Param('id', new ParseIdPipe()) id: string,
    @Query() query: EvidenceQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EvidencePack | string> {
    const pack = await this.reviewers.evidencePack(shop.shopId, id, chooseLanguage(query.lang, acceptLanguage));
    const format = query.format ?? 'json';
    response.setHeader('Content-Language', pack.language === 'zh' ? 'zh-CN' : 'en');
    response.setHeader('Vary', 'Accept-Language');
    if (format === 'json') return pack;
    response.setHeader('Content-Disposition', `inline; filename="evidence-${id}.${format}"`);
    if (format === 'md') {
      response.type('text/markdown; charset=utf-8');
      return renderEvidenceMarkdown(pack);
    }
    response.setHeader('Content-Security-Policy', EVIDENCE_HTML_CSP);
    response.type('text/html; charset=utf-8');
    return renderEvidenceHtml(pack);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: "Confirm a professional bad-reviewer: the buyer goes on the shop's watchlist and their reviews show as flagged" })
  @ApiOkResponse({ type: DecisionResponse })
  @ApiConflictResponse({ description: 'REVIEWER_ALREADY_CONFIRMED' })
  async confirm(
    @CurrentShop() shop: AuthenticatedShop,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: DecisionBody,
    @CurrentActor() actor: Actor,
  ): Promise<DecisionResponse> {
    return this.decide(shop, id, 'confirm', body, actor);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dismiss a flag: the evidence seen so far no longer counts for this buyer; new evidence still can' })
  @ApiOkResponse({ type: DecisionResponse })
  @ApiConflictResponse({ description: 'REVIEWER_ALREADY_DISMISSED, REVIEWER_CONFIRMED (reopen first)' })
  async dismiss(
    @CurrentShop() shop: AuthenticatedShop,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: DecisionBody,
    @CurrentActor() actor: Actor,
  ): Promise<DecisionResponse> {
    return this.decide(shop, id, 'dismiss', body, actor);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Undo the latest confirm or dismiss still in force (a lead or the integration)' })
  @ApiOkResponse({ type: DecisionResponse })
  @ApiConflictResponse({ description: 'REVIEWER_NOT_DECIDED' })
  @ApiForbiddenResponse({ description: 'REVIEWER_REOPEN_FORBIDDEN: agents cannot undo decisions' })
  async reopen(
    @CurrentShop() shop: AuthenticatedShop,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: DecisionBody,
    @CurrentActor() actor: Actor,
  ): Promise<DecisionResponse> {
    return this.decide(shop, id, 'reopen', body, actor);
  }

  private async decide(shop: AuthenticatedShop, id: string, action: DecisionAction, body: DecisionBody, actor: Actor): Promise<DecisionResponse> {
    const result = await this.decisions.decide(shop.shopId, id, action, body.reason.trim(), actor);
    const [profile, decision] = await Promise.all([this.reviewers.get(shop.shopId, id), this.reviewers.decision(shop.shopId, result.decisionId)]);
    if (!decision) throw new Error(`decision ${result.decisionId} vanished`);
    return { decision: ReviewerDecisionResponse.of(decision), reviewer: ReviewerResponse.of(profile) };
  }
}
