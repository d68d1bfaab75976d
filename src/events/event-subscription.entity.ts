import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';

export const SUBSCRIPTION_STATUSES = ['active', 'disabled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/**
 * One endpoint of a shop's integration and the event types it wants. Deliveries are signed with `secret` and,
 * until `previousSecretExpiresAt`, also with `previousSecret` (rotation without a gap). A disabled endpoint keeps
 * receiving deliveries into its log, attempted again once it is enabled.
 */
@Entity('event_subscriptions')
@Index('ix_event_subscriptions_shop', ['shopId', 'createdAt'])
export class EventSubscription {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  /** event names of the catalogue, or `*` for all */
  @Column({ type: 'text', array: true })
  eventTypes!: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  /** never returned by the API after it was created or rotated */
  @Column({ type: 'varchar', length: 256 })
  secret!: string;

  @Column({ type: 'varchar', length: 256, nullable: true })
  previousSecret!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status!: SubscriptionStatus;

  /** why it was disabled: by a person, or after persistent failure (the notice) */
  @Column({ type: 'varchar', length: 300, nullable: true })
  disabledReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  /** failed attempts since the last success */
  @Column({ type: 'integer', default: 0 })
  consecutiveFailures!: number;

  /** one delivery run per endpoint at a time (order per review): the run holds this lease */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'varchar', length: 128 })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
