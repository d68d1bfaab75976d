import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, actorLabel, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import type { AuthenticatedShop } from '../shops/shops.service';
import { CorrectiveActionsService } from './corrective-actions.service';
import { CorrectiveActionPageResponse, CorrectiveActionResponse, CreateCorrectiveActionDto, ListCorrectiveActionsQuery } from './dto/compliance.dto';

@ApiTags('compliance')
@ApiBearerAuth()
@Controller({ path: 'actions', version: '1' })
export class CorrectiveActionsController {
  constructor(private readonly actions: CorrectiveActionsService) {}

  @Post()
  @ApiOperation({
    summary: 'Record a corrective action (what changed, for which cause, product or carrier, since when)',
    description:
      'Drafts state as done only what is recorded here: a review of that cause (and product, carrier) gets "自<date>起，<what>。" / "Since <date>, <what>." as its found sentence. ' +
      'The weekly report lists the actions in effect.',
  })
  @ApiCreatedResponse({ type: CorrectiveActionResponse })
  @ApiBadRequestResponse({
    description: 'VALIDATION_FAILED: scopeRequired, subTagOfTag, unknownSubTag, isDate, notInFuture, or a blocking compliance rule id on what',
  })
  async create(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Body() body: CreateCorrectiveActionDto,
  ): Promise<CorrectiveActionResponse> {
    return this.actions.create(shop.shopId, body, actorLabel(actor));
  }

  @Get()
  @ApiOperation({ summary: 'The corrective actions, newest recorded first' })
  @ApiOkResponse({ type: CorrectiveActionPageResponse })
  async list(@CurrentShop() shop: AuthenticatedShop, @Query() query: ListCorrectiveActionsQuery): Promise<CorrectiveActionPageResponse> {
    return this.actions.list(shop.shopId, query);
  }
}
