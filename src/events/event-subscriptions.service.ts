import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NotFound, ValidationFailed } from '../common/errors/domain-error';
import { outboundUrlMessage, outboundUrlProblem } from '../common/net/outbound-address';
import { cursorAfterRow, decodeCursor, Page } from '../common/pagination/cursor';
import { toInstant } from '../common/time/timestamps';
import { AppConfig } from '../config/app-config';
import { sqlRows } from '../database/sql';
import {
  CreateEventSubscriptionDto,
  DEFAULT_OVERLAP_SECONDS,
  DeliveriesQuery,
  LastDelivery,
  RedeliverDto,
  RotateSecretDto,
  UpdateEventSubscriptionDto,
} from './dto/event-subscription.dto';
import { EventDelivery } from './event-delivery.entity';
import { EventSubscription } from './event-subscription.entity';

/** endpoints per shop: enough for a few services, few enough that each event's fan-out stays small */
export const MAX_SUBSCRIPTIONS_PER_SHOP = 20;
/** the longest range one redelivery may cover */
const MAX_REDELIVERY_DAYS = 31;

export class SubscriptionNotFound extends NotFound {
  constructor(id: string) {
    super('event_subscription', id);
  }
}

export class EventNotFound extends NotFound {
  constructor(id: string) {
    super('event', id);
  }
}

/** A new signing secret: 32 random bytes, prefixed so a leaked one is recognisable. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** A shop's event endpoints: create, change, rotate the secret, delete; their delivery log and redelivery. */
@Injectable()
export class EventSubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  private get repo() {
    return this.dataSource.getRepository(EventSubscription);
  }

  list(shopId: string): Promise<EventSubscription[]> {
    return this.repo.find({ where: { shopId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The newest delivery of each endpoint's log (ix_event_deliveries_log read backwards, one row each). */
  async lastDeliveries(shopId: string, ids: string[]): Promise<Map<string, LastDelivery>> {
    if (!ids.length) return new Map();
    const rows = await sqlRows<{
      subscription_id: string;
      event_type: string;
      status: LastDelivery['status'];
      attempts: number;
      last_status_code: number | null;
      last_error: string | null;
      last_attempt_at: Date | null;
      created_at: Date;
    }>(
      this.dataSource,
      `SELECT s.id AS subscription_id, d.event_type, d.status, d.attempts, d.last_status_code, d.last_error, d.last_attempt_at, d.created_at
       FROM event_subscriptions s
       CROSS JOIN LATERAL (SELECT * FROM event_deliveries x WHERE x.subscription_id = s.id ORDER BY x.created_at DESC LIMIT 1) d
       WHERE s.shop_id = $1 AND s.id = ANY($2::uuid[])`,
      [shopId, ids],
    );
    return new Map(
      rows.map((r) => [
        r.subscription_id,
        {
          eventType: r.event_type,
          status: r.status,
          attempts: r.attempts,
          lastStatusCode: r.last_status_code,
          lastError: r.last_error,
          lastAttemptAt: r.last_attempt_at,
          createdAt: r.created_at,
        },
      ]),
    );
  }

  async get(shopId: string, id: string): Promise<EventSubscription> {
    const found = await this.repo.findOneBy({ shopId, id });
    if (!found) throw new SubscriptionNotFound(id);
    return found;
  }

  async create(shopId: string, dto: CreateEventSubscriptionDto, actor: string): Promise<{ subscription: EventSubscription; secret: string }> {
    this.checkUrl(dto.url);
    const secret = dto.secret ?? newSecret();
    const subscription = await this.dataSource.transaction(async (manager) => {
      // serialises creations of one shop so the limit holds
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('event_subscriptions'), hashtext($1))`, [shopId]);
      const count = await manager.countBy(EventSubscription, { shopId });
      if (count >= MAX_SUBSCRIPTIONS_PER_SHOP) {
        throw new ValidationFailed([
          { field: 'url', code: 'tooManySubscriptions', message: `a shop has at most ${MAX_SUBSCRIPTIONS_PER_SHOP} event endpoints` },
        ]);
      }
      const row = manager.create(EventSubscription, {
        shopId,
        url: dto.url,
        eventTypes: normaliseTypes(dto.eventTypes),
        description: dto.description ?? null,
        secret,
        createdBy: actor,
      });
      return manager.save(row);
    });
    return { subscription, secret };
  }

  async update(shopId: string, id: string, dto: UpdateEventSubscriptionDto): Promise<EventSubscription> {
    const current = await this.get(shopId, id);
    if (dto.url !== undefined) this.checkUrl(dto.url);
    const enabling = dto.status === 'active' && current.status === 'disabled';
    const disabling = dto.status === 'disabled' && current.status === 'active';
    await this.repo.update(
      { shopId, id },
      {
        ...(dto.url !== undefined ? { url: dto.url } : {}),
        ...(dto.eventTypes !== undefined ? { eventTypes: normaliseTypes(dto.eventTypes) } : {}),
        ...(dto.description !== undefined ? { description: dto.description } : {}),
        ...(enabling ? { status: 'active' as const, disabledAt: null, disabledReason: null, consecutiveFailures: 0 } : {}),
        ...(disabling ? { status: 'disabled' as const, disabledAt: new Date(), disabledReason: 'disabled by a person' } : {}),
      },
    );
    if (enabling) {
      // what waited while it was disabled is due now, in order
      await this.dataSource.query(`UPDATE event_deliveries SET next_attempt_at = now() WHERE subscription_id = $1 AND status = 'pending'`, [id]);
    }
    return this.get(shopId, id);
  }

  async rotate(shopId: string, id: string, dto: RotateSecretDto): Promise<{ subscription: EventSubscription; secret: string }> {
    const current = await this.get(shopId, id);
    const secret = dto.secret ?? newSecret();
    const overlap = dto.overlapSeconds ?? DEFAULT_OVERLAP_SECONDS;
    if (secret === current.secret) {
      throw new ValidationFailed([{ field: 'secret', code: 'sameSecret', message: 'secret must differ from the current one' }]);
    }
    await this.repo.update(
      { shopId, id },
      {
        secret,
        previousSecret: overlap > 0 ? current.secret : null,
        previousSecretExpiresAt: overlap > 0 ? new Date(Date.now() + overlap * 1000) : null,
      },
    );
    return { subscription: await this.get(shopId, id), secret };
  }

  /** Deletes the endpoint and its delivery log; pending deliveries are dropped with it. */
  async remove(shopId: string, id: string): Promise<void> {
    const result = await this.repo.delete({ shopId, id });
    if (!result.affected) throw new SubscriptionNotFound(id);
  }

  /** The endpoint's delivery log, newest first. */
  async deliveries(shopId: string, id: string, query: DeliveriesQuery): Promise<Page<EventDelivery>> {
    await this.get(shopId, id);
    const limit = query.limit ?? 50;
    const qb = this.dataSource
      .getRepository(EventDelivery)
      .createQueryBuilder('d')
      .where('d.shopId = :shopId AND d.subscriptionId = :id', { shopId, id })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .take(limit + 1);
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.eventId) qb.andWhere('d.eventId = :eventId', { eventId: query.eventId });
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      qb.andWhere('(d.createdAt, d.id) < (:at, :cursorId)', { at: cursor.at, cursorId: cursor.id });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? await cursorAfterRow(this.dataSource, 'event_deliveries', 'created_at', items[items.length - 1].id) : null;
    return { items, nextCursor };
  }

  /**
   * New deliveries (same event ids, same bodies) of one event or of every event in [from, to) that the endpoint
   * subscribes to; they follow the endpoint's order like any other. Returns how many were created.
   */
  async redeliver(shopId: string, timezone: string, id: string, dto: RedeliverDto, actor: string): Promise<number> {
    const subscription = await this.get(shopId, id);
    const types = subscription.eventTypes;
    if (dto.eventId) {
      const rows = await sqlRows<{ id: string }>(
        this.dataSource,
        `INSERT INTO event_deliveries (shop_id, subscription_id, event_id, event_type, event_seq, subject_id, redelivered_by)
         SELECT e.shop_id, $2, e.id, e.type, e.seq, e.subject_id, $4 FROM outbox_events e
         WHERE e.shop_id = $1 AND e.id = $3 AND ('*' = ANY($5::text[]) OR e.type::text = ANY($5::text[]))
         RETURNING id`,
        [shopId, id, dto.eventId, actor, types],
      );
      if (!rows.length) throw new EventNotFound(dto.eventId);
      return rows.length;
    }
    const from = this.instant(dto.from ?? '', timezone, 'from');
    const to = this.instant(dto.to ?? '', timezone, 'to');
    if (to <= from) throw new ValidationFailed([{ field: 'to', code: 'range', message: 'to must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_REDELIVERY_DAYS * 86_400_000) {
      throw new ValidationFailed([{ field: 'to', code: 'range', message: `a redelivery covers at most ${MAX_REDELIVERY_DAYS} days` }]);
    }
    const rows = await sqlRows<{ n: string }>(
      this.dataSource,
      `WITH created AS (
         INSERT INTO event_deliveries (shop_id, subscription_id, event_id, event_type, event_seq, subject_id, redelivered_by)
         SELECT e.shop_id, $2, e.id, e.type, e.seq, e.subject_id, $5 FROM outbox_events e
         WHERE e.shop_id = $1 AND e.created_at >= $3 AND e.created_at < $4 AND ('*' = ANY($6::text[]) OR e.type::text = ANY($6::text[]))
         ORDER BY e.seq
         RETURNING 1)
       SELECT count(*) AS n FROM created`,
      [shopId, id, from, to, actor, types],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Without an offset a time is the shop's, as everywhere in the API. */
  private instant(text: string, timezone: string, field: string): Date {
    const instant = toInstant(text, timezone);
    if (!instant) throw new ValidationFailed([{ field, code: 'isTimestamp', message: `${field} must be a timestamp` }]);
    return instant;
  }

  private checkUrl(url: string): void {
    const problem = outboundUrlProblem(url, this.config.env.webhookAllowInternal);
    if (problem) throw new ValidationFailed([{ field: 'url', code: 'outboundUrl', message: outboundUrlMessage('url', problem) }]);
  }
}

/** `*` alone stands for every type; listing it with others says nothing more. */
function normaliseTypes(types: string[]): string[] {
  return types.includes('*') ? ['*'] : [...types].sort();
}
