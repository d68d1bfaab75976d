import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import { EventSubscription } from './event-subscription.entity';
import { OutboxEvent } from './outbox-event.entity';

export const EVENT_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type EventDeliveryStatus = (typeof EVENT_DELIVERY_STATUSES)[number];

/**
 * One event to one endpoint: written with the event (the trigger fans out to the shop's subscriptions) or by a
 * redelivery; the endpoint's delivery log (status, attempts, last response code and latency).
 */
@Entity('event_deliveries')
@Index('ix_event_deliveries_due', ['subscriptionId', 'nextAttemptAt'], { where: `status = 'pending'` })
@Index('ix_event_deliveries_order', ['subscriptionId', 'subjectId', 'eventSeq', 'seq'], { where: `status = 'pending'` })
// the endpoint's queue in event order (pickDue)
@Index('ix_event_deliveries_queue', ['subscriptionId', 'eventSeq', 'seq'], { where: `status = 'pending'` })
@Index('ix_event_deliveries_log', ['subscriptionId', 'createdAt'])
@Index('ix_event_deliveries_event', ['eventId'])
export class EventDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'uuid' })
  subscriptionId!: string;

  @ManyToOne(() => EventSubscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: EventSubscription;

  @Column({ type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => OutboxEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: OutboxEvent;

  @Column({ type: 'varchar', length: 40 })
  eventType!: string;

  @Column({ type: 'bigint' })
  eventSeq!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status!: EventDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ type: 'integer', nullable: true })
  lastLatencyMs!: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  /** who asked for it again (null: the original delivery) */
  @Column({ type: 'varchar', length: 128, nullable: true })
  redeliveredBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
