import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { CurrentShop } from './auth';
import { ApiKeyResponse } from './dto/api-key.dto';
import { CreatedStaffKeyResponse, CreateStaffDto, CreateStaffKeyDto, StaffResponse } from './dto/staff.dto';
import { LeadOnly } from './roles';
import type { AuthenticatedShop } from './shops.service';
import { StaffService } from './staff.service';

@ApiTags('staff')
@ApiBearerAuth()
@Controller({ path: 'staff', version: '1' })
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @ApiOperation({ summary: 'The staff members of the shop, active and deactivated' })
  @ApiOkResponse({ type: [StaffResponse] })
  async list(@CurrentShop() shop: AuthenticatedShop): Promise<StaffResponse[]> {
    return (await this.staff.list(shop.shopId)).map(StaffResponse.of);
  }

  @Post()
  @LeadOnly()
  @ApiOperation({ summary: 'Add a staff member (lead or agent); leads and the integration key only' })
  @ApiCreatedResponse({ type: StaffResponse })
  @ApiForbiddenResponse({ description: 'ROLE_FORBIDDEN: an agent key' })
  async create(@CurrentShop() shop: AuthenticatedShop, @Body() body: CreateStaffDto): Promise<StaffResponse> {
    return StaffResponse.of(await this.staff.create(shop.shopId, body.name, body.role));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One staff member' })
  @ApiOkResponse({ type: StaffResponse })
  async get(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<StaffResponse> {
    return StaffResponse.of(await this.staff.get(shop.shopId, id));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @LeadOnly()
  @ApiOperation({ summary: 'Deactivate a staff member: their keys stop working at once (401); their cases stay assigned until reassigned' })
  @ApiOkResponse({ type: StaffResponse })
  async deactivate(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<StaffResponse> {
    return StaffResponse.of(await this.staff.deactivate(shop.shopId, id));
  }

  @Post(':id/api-keys')
  @LeadOnly()
  @ApiOperation({ summary: 'Issue an API key that acts as this staff member; the response is the only time the key is shown' })
  @ApiCreatedResponse({ type: CreatedStaffKeyResponse })
  async createKey(
    @CurrentShop() shop: AuthenticatedShop,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: CreateStaffKeyDto,
  ): Promise<CreatedStaffKeyResponse> {
    const { apiKey, key } = await this.staff.createKey(shop.shopId, id, body.name);
    return { ...ApiKeyResponse.of(apiKey), key };
  }
}
