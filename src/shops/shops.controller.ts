import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentShop } from './auth';
import { LeadOnly } from './roles';
import { ApiKeyResponse, CreateApiKeyDto, CreatedApiKeyResponse, ShopResponse, UpdateShopDto } from './dto/api-key.dto';
import { AuthenticatedShop, ShopsService } from './shops.service';

@ApiTags('shop')
@ApiBearerAuth()
@Controller({ version: '1' })
export class ShopsController {
  constructor(private readonly shops: ShopsService) {}

  @Get('shop')
  @ApiOperation({ summary: 'The shop this API key belongs to' })
  @ApiOkResponse({ type: ShopResponse })
  async current(@CurrentShop() shop: AuthenticatedShop): Promise<ShopResponse> {
    return ShopResponse.of(await this.shops.getShop(shop.shopId));
  }

  @Patch('shop')
  @LeadOnly()
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: an agent; settings are for leads and the integration key' })
  @ApiOperation({ summary: "Change the shop's settings: locale (language of reports)" })
  @ApiOkResponse({ type: ShopResponse })
  async update(@CurrentShop() shop: AuthenticatedShop, @Body() body: UpdateShopDto): Promise<ShopResponse> {
    return ShopResponse.of(await this.shops.updateShop(shop.shopId, body));
  }

  @Get('api-keys')
  @LeadOnly()
  @ApiOperation({ summary: "The shop's API keys (never the keys themselves)" })
  @ApiOkResponse({ type: [ApiKeyResponse] })
  async list(@CurrentShop() shop: AuthenticatedShop): Promise<ApiKeyResponse[]> {
    return (await this.shops.listApiKeys(shop.shopId)).map(ApiKeyResponse.of);
  }

  @Post('api-keys')
  @LeadOnly()
  @ApiOperation({ summary: 'Create an API key; the response is the only time the key is shown' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  async create(@CurrentShop() shop: AuthenticatedShop, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyResponse> {
    const { apiKey, key } = await this.shops.createApiKey(shop.shopId, body.name);
    return { ...ApiKeyResponse.of(apiKey), key };
  }

  @Delete('api-keys/:id')
  @LeadOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke an API key; it stops working at once' })
  @ApiOkResponse({ type: ApiKeyResponse })
  async revoke(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<ApiKeyResponse> {
    return ApiKeyResponse.of(await this.shops.revokeApiKey(shop.shopId, id));
  }
}
