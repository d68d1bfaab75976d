import { Module } from '@nestjs/common';
import { DeliverEventsProcessor } from './deliver-events.processor';
import { EventDeliveryService } from './event-delivery.service';
import { EventRetentionService } from './event-retention.service';
import { EventSubscriptionsController } from './event-subscriptions.controller';
import { EventSubscriptionsService } from './event-subscriptions.service';
import { EventWorkers } from './event-workers.service';

/**
 * The event catalogue's subscriptions and delivery. The outbox itself is written by database triggers in the
 * transactions of the modules that change things (migration EventTriggers), so no module calls this one to announce.
 */
@Module({
  controllers: [EventSubscriptionsController],
  providers: [EventSubscriptionsService, EventDeliveryService, EventRetentionService, DeliverEventsProcessor, EventWorkers],
  exports: [EventWorkers, EventDeliveryService],
})
export class EventsModule {}
