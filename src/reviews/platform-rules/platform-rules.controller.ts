import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, actorLabel, CurrentActor } from '../../shops/actor';
import { CurrentShop } from '../../shops/auth';
import { LeadOnly } from '../../shops/roles';
import type { AuthenticatedShop } from '../../shops/shops.service';
import { PLATFORMS } from '../review.types';
import { PlatformParam, PlatformRulesListResponse, PlatformRulesOverrideDto, PlatformRulesResponse } from './platform-rules.dto';
import { PlatformRulesService } from './platform-rules.service';

@ApiTags('platform-rules')
@ApiBearerAuth()
@Controller({ path: 'platform-rules', version: '1' })
export class PlatformRulesController {
  constructor(private readonly rules: PlatformRulesService) {}

  @Get()
  @ApiOperation({
    summary: "Each platform's rules as the shop works by them: reply window and length, follow-up and change windows, with their sources",
    description: "The shipped table (versioned) with the shop's overrides over it; `overridden` names the rules the shop set.",
  })
  @ApiOkResponse({ type: PlatformRulesListResponse })
  async list(@CurrentShop() shop: AuthenticatedShop): Promise<PlatformRulesListResponse> {
    const all = await this.rules.forShop(shop.shopId);
    return { items: PLATFORMS.map((platform) => PlatformRulesResponse.of(all[platform])) };
  }

  @Get(':platform')
  @ApiOperation({ summary: "One platform's rules for the shop" })
  @ApiOkResponse({ type: PlatformRulesResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: not a platform' })
  async get(@CurrentShop() shop: AuthenticatedShop, @Param() params: PlatformParam): Promise<PlatformRulesResponse> {
    return PlatformRulesResponse.of(await this.rules.forPlatform(shop.shopId, params.platform));
  }

  @Put(':platform')
  @LeadOnly()
  @ApiOperation({
    summary: "Override some of a platform's rules for this shop, with their source",
    description:
      'Rules left out keep their value (the shipped one, or an earlier override); null means no limit. The queue, drafts and publishing follow the result at once.',
  })
  @ApiOkResponse({ type: PlatformRulesResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: an agent; rules are for leads and the integration key' })
  async override(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param() params: PlatformParam,
    @Body() body: PlatformRulesOverrideDto,
  ): Promise<PlatformRulesResponse> {
    return PlatformRulesResponse.of(await this.rules.override(shop.shopId, params.platform, body, actorLabel(actor)));
  }

  @Delete(':platform')
  @LeadOnly()
  @ApiOperation({ summary: "Drop the shop's override: the platform's shipped rules apply again" })
  @ApiOkResponse({ type: PlatformRulesResponse })
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN' })
  async clear(@CurrentShop() shop: AuthenticatedShop, @Param() params: PlatformParam): Promise<PlatformRulesResponse> {
    return PlatformRulesResponse.of(await this.rules.clear(shop.shopId, params.platform));
  }
}
