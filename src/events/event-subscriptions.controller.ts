import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ParseIdPipe } from '../common/validation/parse-id.pipe';
import { Actor, actorLabel, CurrentActor } from '../shops/actor';
import { CurrentShop } from '../shops/auth';
import { LeadOnly } from '../shops/roles';
import type { AuthenticatedShop } from '../shops/shops.service';
import {
  CreateEventSubscriptionDto,
  DeliveriesQuery,
  EventDeliveryPageResponse,
  EventDeliveryResponse,
  EventSubscriptionListResponse,
  EventSubscriptionResponse,
  EventSubscriptionWithSecretResponse,
  RedeliverDto,
  RedeliveryResponse,
  RotateSecretDto,
  UpdateEventSubscriptionDto,
} from './dto/event-subscription.dto';
import type { EventSubscription } from './event-subscription.entity';
import { EventSubscriptionsService } from './event-subscriptions.service';

/** The shop's event endpoints (docs/events.md): an integration's configuration, so leads and the integration key only. */
@ApiTags('events')
@ApiBearerAuth()
@Controller({ path: 'event-subscriptions', version: '1' })
export class EventSubscriptionsController {
  constructor(private readonly subscriptions: EventSubscriptionsService) {}

  @Post()
  @LeadOnly()
  @ApiOperation({ summary: 'Subscribe an endpoint to event types; the response shows its signing secret, once' })
  @ApiCreatedResponse({ type: EventSubscriptionWithSecretResponse })
  async create(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Body() body: CreateEventSubscriptionDto,
  ): Promise<EventSubscriptionWithSecretResponse> {
    const { subscription, secret } = await this.subscriptions.create(shop.shopId, body, actorLabel(actor));
    return { ...EventSubscriptionResponse.of(subscription), secret };
  }

  @Get()
  @LeadOnly()
  @ApiOperation({ summary: "The shop's event endpoints, oldest first (secrets are never shown)" })
  @ApiOkResponse({ type: EventSubscriptionListResponse })
  async list(@CurrentShop() shop: AuthenticatedShop): Promise<EventSubscriptionListResponse> {
    const items = await this.subscriptions.list(shop.shopId);
    const last = await this.subscriptions.lastDeliveries(
      shop.shopId,
      items.map((s) => s.id),
    );
    return { items: items.map((s) => EventSubscriptionResponse.of(s, last.get(s.id))) };
  }

  @Get(':id')
  @LeadOnly()
  @ApiOperation({ summary: 'One event endpoint: its types, status and, when disabled, why' })
  @ApiOkResponse({ type: EventSubscriptionResponse })
  @ApiNotFoundResponse({ description: 'EVENT_SUBSCRIPTION_NOT_FOUND' })
  async get(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<EventSubscriptionResponse> {
    return this.withLastDelivery(shop.shopId, await this.subscriptions.get(shop.shopId, id));
  }

  @Patch(':id')
  @LeadOnly()
  @ApiOperation({
    summary: 'Change the URL, types or description; status active enables a disabled endpoint (what waited is delivered in order), disabled pauses it',
  })
  @ApiOkResponse({ type: EventSubscriptionResponse })
  @ApiNotFoundResponse({ description: 'EVENT_SUBSCRIPTION_NOT_FOUND' })
  async update(
    @CurrentShop() shop: AuthenticatedShop,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: UpdateEventSubscriptionDto,
  ): Promise<EventSubscriptionResponse> {
    return this.withLastDelivery(shop.shopId, await this.subscriptions.update(shop.shopId, id, body));
  }

  @Delete(':id')
  @LeadOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint with its delivery log; its pending deliveries are dropped' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'EVENT_SUBSCRIPTION_NOT_FOUND' })
  async remove(@CurrentShop() shop: AuthenticatedShop, @Param('id', new ParseIdPipe()) id: string): Promise<void> {
    await this.subscriptions.remove(shop.shopId, id);
  }

  @Post(':id/rotate-secret')
  @LeadOnly()
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the signing secret; the old one keeps signing too for overlapSeconds (default a day), shown once' })
  @ApiOkResponse({ type: EventSubscriptionWithSecretResponse })
  @ApiNotFoundResponse({ description: 'EVENT_SUBSCRIPTION_NOT_FOUND' })
  async rotate(
    @CurrentShop() shop: AuthenticatedShop,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: RotateSecretDto,
  ): Promise<EventSubscriptionWithSecretResponse> {
    const { subscription, secret } = await this.subscriptions.rotate(shop.shopId, id, body);
    return { ...(await this.withLastDelivery(shop.shopId, subscription)), secret };
  }

  @Get(':id/deliveries')
  @LeadOnly()
  @ApiOperation({ summary: "The endpoint's delivery log, newest first: status, attempts, last response code and latency" })
  @ApiOkResponse({ type: EventDeliveryPageResponse })
  @ApiNotFoundResponse({ description: 'EVENT_SUBSCRIPTION_NOT_FOUND' })
  async deliveries(
    @CurrentShop() shop: AuthenticatedShop,
    @Param('id', new ParseIdPipe()) id: string,
    @Query() query: DeliveriesQuery,
  ): Promise<EventDeliveryPageResponse> {
    const page = await this.subscriptions.deliveries(shop.shopId, id, query);
    return { items: page.items.map(EventDeliveryResponse.of), nextCursor: page.nextCursor };
  }

  @Post(':id/redeliver')
  @LeadOnly()
  @ApiOperation({ summary: 'Deliver one event (eventId) or every subscribed event created in [from, to) again, with the same event ids' })
  @ApiCreatedResponse({ type: RedeliveryResponse })
  @ApiNotFoundResponse({ description: 'EVENT_SUBSCRIPTION_NOT_FOUND or EVENT_NOT_FOUND' })
  async redeliver(
    @CurrentShop() shop: AuthenticatedShop,
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIdPipe()) id: string,
    @Body() body: RedeliverDto,
  ): Promise<RedeliveryResponse> {
    return { deliveries: await this.subscriptions.redeliver(shop.shopId, shop.timezone, id, body, actorLabel(actor)) };
  }

  private async withLastDelivery(shopId: string, subscription: EventSubscription): Promise<EventSubscriptionResponse> {
    const last = await this.subscriptions.lastDeliveries(shopId, [subscription.id]);
    return EventSubscriptionResponse.of(subscription, last.get(subscription.id));
  }
}
