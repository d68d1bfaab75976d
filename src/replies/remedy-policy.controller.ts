import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, actorLabel, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import type { AuthenticatedShop } from '../shops/shops.service';
import { RemedyPolicyResponse, UpdateRemedyPolicyDto } from './dto/remedy-policy.dto';
import { RemedyPolicyService } from './remedy-policy.service';
import { LeadOnly } from '../shops/roles';

@ApiTags('replies')
@ApiBearerAuth()
@Controller({ path: 'remedy-policy', version: '1' })
export class RemedyPolicyController {
  constructor(private readonly policies: RemedyPolicyService) {}

  @Get()
  @ApiOperation({ summary: 'The shop’s remedy policy, defaults included' })
  @ApiOkResponse({ type: RemedyPolicyResponse })
  async get(@CurrentShop() shop: AuthenticatedShop): Promise<RemedyPolicyResponse> {
    return this.policies.get(shop.shopId);
  }

  @Put()
  @LeadOnly()
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: an agent; settings are for leads and the integration key' })
  @ApiOperation({ summary: 'Change the remedy policy: fields left out keep their value, null resets one to its default' })
  @ApiOkResponse({ type: RemedyPolicyResponse })
  async update(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor, @Body() body: UpdateRemedyPolicyDto): Promise<RemedyPolicyResponse> {
    return this.policies.update(shop.shopId, body, actorLabel(actor));
  }
}
