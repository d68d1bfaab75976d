import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, actorLabel, CurrentActor } from './actor';
import { CurrentShop } from './auth';
import { MeResponse } from './dto/me.dto';
import { hasLeadAuthority } from './roles';
import { AuthenticatedShop, ShopsService } from './shops.service';

@ApiTags('shop')
@ApiBearerAuth()
@Controller({ version: '1' })
export class MeController {
  constructor(private readonly shops: ShopsService) {}

  @Get('me')
  @ApiOperation({ summary: 'Who this API key acts as: the staff member (id, name, role) or the shop’s integration, and the shop' })
  @ApiOkResponse({ type: MeResponse })
  async me(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor): Promise<MeResponse> {
    return MeResponse.of(actor, actorLabel(actor), hasLeadAuthority(actor), await this.shops.getShop(shop.shopId));
  }
}
