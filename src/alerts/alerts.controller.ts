import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { Actor, actorLabel, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import { LeadOnly } from '../shops/roles';
import type { AuthenticatedShop } from '../shops/shops.service';
import { AlertSettingsService } from './alert-settings.service';
import { AlertsService } from './alerts.service';
import { AlertPageResponse, AlertResponse, AlertSettingsDto, AlertSettingsResponse, AlertsQuery } from './dto/alert.dto';

/** Early-warning alerts (docs/api/alerts.md, docs/alerts.md). */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller({ path: 'alerts', version: '1' })
export class AlertsController {
  constructor(
    private readonly alerts: AlertsService,
    private readonly settings: AlertSettingsService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The shop's alerts, newest first, with their evidence and (open ones) their open cases" })
  @ApiOkResponse({ type: AlertPageResponse })
  async list(@CurrentShop() shop: AuthenticatedShop, @Query() query: AlertsQuery): Promise<AlertPageResponse> {
    const page = await this.alerts.list(shop.shopId, query);
    return { items: page.items.map(AlertResponse.of), nextCursor: page.nextCursor };
  }

  @Get('settings')
  @ApiOperation({ summary: "The shop's early-warning settings: the defaults with its changes" })
  @ApiOkResponse({ type: AlertSettingsResponse })
  async getSettings(@CurrentShop() shop: AuthenticatedShop): Promise<AlertSettingsResponse> {
    return AlertSettingsResponse.of(await this.settings.load(shop.shopId));
  }

  @Put('settings')
  @LeadOnly()
  @ApiOperation({ summary: 'Replace the settings (leads and the integration key): what is left out returns to its default' })
  @ApiOkResponse({ type: AlertSettingsResponse })
  async putSettings(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor, @Body() body: AlertSettingsDto): Promise<AlertSettingsResponse> {
    return AlertSettingsResponse.of(await this.settings.replace(shop.shopId, toPlain(body), actor));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert' })
  @ApiOkResponse({ type: AlertResponse })
  @ApiNotFoundResponse({ description: 'ALERT_NOT_FOUND' })
  async get(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<AlertResponse> {
    return AlertResponse.of(await this.alerts.get(shop.shopId, id));
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'A person has seen the alert (the first acknowledgement stands); it stays open until the rate is back' })
  @ApiOkResponse({ type: AlertResponse })
  @ApiNotFoundResponse({ description: 'ALERT_NOT_FOUND' })
  async acknowledge(@CurrentShop() shop: AuthenticatedShop, @CurrentActor() actor: Actor, @Param('id', new ParseIdPipe()) id: string): Promise<AlertResponse> {
    return AlertResponse.of(await this.alerts.acknowledge(shop.shopId, id, actorLabel(actor)));
  }
}

/** the DTO instance as plain data, without the keys class-transformer left undefined */
function toPlain(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
