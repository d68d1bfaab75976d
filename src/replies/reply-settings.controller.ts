import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, actorLabel, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import type { AuthenticatedShop } from '../shops/shops.service';
import { ReplySettingsResponse, UpdateReplySettingsDto } from './dto/reply-settings.dto';
import { ReplySettingsService } from './reply-settings.service';
import { LeadOnly } from '../shops/roles';

@ApiTags('replies')
@ApiBearerAuth()
@Controller({ path: 'reply-settings', version: '1' })
export class ReplySettingsController {
  constructor(private readonly settings: ReplySettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Reply length limit, automatic drafting and the webhook (the secret is never shown)' })
  @ApiOkResponse({ type: ReplySettingsResponse })
  async get(@CurrentShop() shop: AuthenticatedShop): Promise<ReplySettingsResponse> {
    return this.settings.get(shop.shopId);
  }

  @Put()
  @LeadOnly()
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: an agent; settings are for leads and the integration key' })
  @ApiOperation({ summary: 'Change reply settings: fields left out keep their value, null resets one (a null webhookUrl turns delivery off)' })
  @ApiOkResponse({ type: ReplySettingsResponse })
  async update(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor, @Body() body: UpdateReplySettingsDto): Promise<ReplySettingsResponse> {
    return this.settings.update(shop.shopId, body, actorLabel(actor));
  }
}
