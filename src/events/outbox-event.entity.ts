import { Column, CreateDateColumn, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';

/**
 * The outbox: one row per event, written by the database triggers of migration EventOutbox in the transaction
 * (and the statement) that made the change, and only when some endpoint of the shop subscribes to the type. The
 * payload is the exact JSON body every delivery sends; `id` is the stable event id receivers de-duplicate on.
 */
@Entity('outbox_events')
@Index('ix_outbox_events_shop_created', ['shopId', 'createdAt'])
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** commit-independent creation order; deliveries of one subject follow it */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  /** what the event is in order with: the review (review, case and reply events), the reviewer, the report */
  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
