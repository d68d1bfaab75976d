import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import { ReplyDraft } from './reply-draft.entity';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One notification of the shop's integration, about a published reply (written in the transaction that
 * publishes it) or a stored report (written when its report_events row is dispatched): the database, not the
 * queue, is the record of what must be delivered (an outbox). Exactly one of reply_id and report_id is set.
 */
@Entity('webhook_deliveries')
@Check('ck_webhook_deliveries_subject', 'num_nonnulls(reply_id, report_id) = 1')
@Index('ix_webhook_deliveries_reply', ['shopId', 'replyId', 'createdAt'])
@Index('ix_webhook_deliveries_report', ['shopId', 'reportId', 'createdAt'], { where: 'report_id IS NOT NULL' })
@Index('ix_webhook_deliveries_due', ['nextAttemptAt'], { where: `status = 'pending'` })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'uuid', nullable: true })
  replyId!: string | null;

  @ManyToOne(() => ReplyDraft, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reply_id' })
  reply?: ReplyDraft;

  @Column({ type: 'uuid', nullable: true })
  reportId!: string | null;

  // named, not imported: reports sits above replies and uses this outbox for its report.created events
  @ManyToOne('Report', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: unknown;

  @Column({ type: 'varchar', length: 40 })
  event!: string;

  @Column({ type: 'varchar', length: 2000 })
  url!: string;

  /** the exact body that is signed and sent, the same on every attempt */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  /** when the next attempt is due; an attempt in flight holds it a lease ahead */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
