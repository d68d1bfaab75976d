import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/page.query';
import { IsTimestamp } from '../../common/validation/timestamp.validator';
import { NoControlCharacters } from '../../common/validation/text.validators';
import { SUBSCRIBABLE_EVENT_TYPES } from '../event-catalogue';
import { EVENT_DELIVERY_STATUSES } from '../event-delivery.entity';
import type { EventDelivery, EventDeliveryStatus } from '../event-delivery.entity';
import { SUBSCRIPTION_STATUSES } from '../event-subscription.entity';
import type { EventSubscription, SubscriptionStatus } from '../event-subscription.entity';

/** the longest a rotated-out secret keeps signing */
export const MAX_OVERLAP_SECONDS = 7 * 24 * 3600;
export const DEFAULT_OVERLAP_SECONDS = 24 * 3600;

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateEventSubscriptionDto {
  @ApiProperty({ type: String, format: 'uri', maxLength: 2000, example: 'https://erp.example.com/hooks/reviews' })
  @IsUrl(URL_OPTIONS, { message: '$property must be an http(s) URL' })
  @MaxLength(2000)
  @IsString()
  url!: string;

  @ApiProperty({
    type: [String],
    enum: SUBSCRIBABLE_EVENT_TYPES,
    example: ['case.opened', 'case.revised'],
    description: 'event types of the catalogue (docs/events.md), or `*` for every type',
  })
  @IsIn(SUBSCRIBABLE_EVENT_TYPES, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(SUBSCRIBABLE_EVENT_TYPES.length)
  @ArrayMinSize(1)
  @IsArray()
  eventTypes!: string[];

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true })
  @IsOptional()
  @NoControlCharacters()
  @MaxLength(200)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    minLength: 16,
    maxLength: 256,
    writeOnly: true,
    description: 'the shared secret to sign with; generated (and returned once) when left out',
  })
  @IsOptional()
  @NoControlCharacters()
  @MaxLength(256)
  @MinLength(16)
  @IsString()
  secret?: string;
}

/** PATCH: fields left out keep their value. `status: active` enables a disabled endpoint again (its pending deliveries follow, in order). */
export class UpdateEventSubscriptionDto {
  @ApiPropertyOptional({ type: String, format: 'uri', maxLength: 2000 })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: '$property must be an http(s) URL' })
  @MaxLength(2000)
  @IsString()
  url?: string;

  @ApiPropertyOptional({ type: [String], enum: SUBSCRIBABLE_EVENT_TYPES })
  @IsOptional()
  @IsIn(SUBSCRIBABLE_EVENT_TYPES, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(SUBSCRIBABLE_EVENT_TYPES.length)
  @ArrayMinSize(1)
  @IsArray()
  eventTypes?: string[];

  @ApiPropertyOptional({ type: String, maxLength: 200, nullable: true })
  @IsOptional()
  @NoControlCharacters()
  @MaxLength(200)
  @IsString()
  description?: string | null;

  @ApiPropertyOptional({ enum: SUBSCRIPTION_STATUSES })
  @IsOptional()
  @IsIn(SUBSCRIPTION_STATUSES)
  status?: SubscriptionStatus;
}

export class RotateSecretDto {
  @ApiPropertyOptional({
    type: String,
    minLength: 16,
    maxLength: 256,
    writeOnly: true,
    description: 'the new secret; generated (and returned once) when left out',
  })
  @IsOptional()
  @NoControlCharacters()
  @MaxLength(256)
  @MinLength(16)
  @IsString()
  secret?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_OVERLAP_SECONDS,
    default: DEFAULT_OVERLAP_SECONDS,
    description: 'how long the old secret keeps signing too (0: at once only the new one)',
  })
  @IsOptional()
  @Min(0)
  @Max(MAX_OVERLAP_SECONDS)
  @IsInt()
  overlapSeconds?: number;
}

/** One event again (`eventId`), or every event of the endpoint's types created in [from, to). */
export class RedeliverDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'the event to deliver again' })
  @ValidateIf((o: RedeliverDto) => o.from === undefined && o.to === undefined)
  @IsUUID()
  eventId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'with `to`: events created from this time' })
  @ValidateIf((o: RedeliverDto) => o.eventId === undefined)
  @IsTimestamp()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'with `from`: events created before this time' })
  @ValidateIf((o: RedeliverDto) => o.eventId === undefined)
  @IsTimestamp()
  @IsString()
  to?: string;
}

export class DeliveriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: EVENT_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(EVENT_DELIVERY_STATUSES)
  status?: EventDeliveryStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'deliveries of one event' })
  @IsOptional()
  @IsUUID()
  eventId?: string;
}

/** The newest row of an endpoint's delivery log, so a list of endpoints shows whether each is getting through. */
export class LastDeliveryResponse {
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: EVENT_DELIVERY_STATUSES }) status!: EventDeliveryStatus;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: "the endpoint's last HTTP status" }) lastStatusCode!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(d: LastDelivery): LastDeliveryResponse {
    return {
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    };
  }
}

export type LastDelivery = Pick<EventDelivery, 'eventType' | 'status' | 'attempts' | 'lastStatusCode' | 'lastError' | 'lastAttemptAt' | 'createdAt'>;

export class EventSubscriptionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ type: [String] }) eventTypes!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: SUBSCRIPTION_STATUSES }) status!: SubscriptionStatus;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the notice: why the endpoint was disabled (by a person, or after persistent failure)' })
  disabledReason!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) disabledAt!: string | null;
  @ApiProperty({ type: 'integer', description: 'failed attempts since the last success' }) consecutiveFailures!: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'until when the previous secret also signs (a rotation in progress)' })
  previousSecretExpiresAt!: string | null;
  @ApiPropertyOptional({
    type: LastDeliveryResponse,
    nullable: true,
    description: 'the newest delivery of its log (null before the first); `consecutiveFailures` says whether attempts are failing',
  })
  lastDelivery!: LastDeliveryResponse | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(s: EventSubscription, last: LastDelivery | null = null): EventSubscriptionResponse {
    const overlap = s.previousSecretExpiresAt && s.previousSecretExpiresAt.getTime() > Date.now() ? s.previousSecretExpiresAt.toISOString() : null;
    return {
      id: s.id,
      url: s.url,
      eventTypes: s.eventTypes,
      description: s.description,
      status: s.status,
      disabledReason: s.disabledReason,
      disabledAt: s.disabledAt?.toISOString() ?? null,
      consecutiveFailures: s.consecutiveFailures,
      previousSecretExpiresAt: overlap,
      lastDelivery: last ? LastDeliveryResponse.of(last) : null,
      createdBy: s.createdBy,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}

/** Returned by create and rotate only: the secret is shown this once. */
export class EventSubscriptionWithSecretResponse extends EventSubscriptionResponse {
  @ApiProperty({ description: 'the signing secret; store it now, it is never shown again' }) secret!: string;
}

export class EventSubscriptionListResponse {
  @ApiProperty({ type: [EventSubscriptionResponse] }) items!: EventSubscriptionResponse[];
}

export class EventDeliveryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'the stable event id (X-RRS-Event-Id; the body `id`)' }) eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: EVENT_DELIVERY_STATUSES }) status!: EventDeliveryStatus;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: "the endpoint's last HTTP status" }) lastStatusCode!: number | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'how long the last attempt took, in ms' }) lastLatencyMs!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true }) lastError!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'when a pending delivery is tried next' }) nextAttemptAt!:
    string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'who asked for this redelivery; null for the original delivery' }) redeliveredBy!:
    string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;

  static of(d: EventDelivery): EventDeliveryResponse {
    return {
      id: d.id,
      eventId: d.eventId,
      eventType: d.eventType,
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastLatencyMs: d.lastLatencyMs,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      redeliveredBy: d.redeliveredBy,
      createdAt: d.createdAt.toISOString(),
    };
  }
}

export class EventDeliveryPageResponse {
  @ApiProperty({ type: [EventDeliveryResponse], description: 'newest first' }) items!: EventDeliveryResponse[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
}

export class RedeliveryResponse {
  @ApiProperty({ type: 'integer', description: 'deliveries created' }) deliveries!: number;
}
