import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';

export const DEFAULT_REPLY_MAX_LENGTH = 500;

/**
 * Which analysed reviews get a draft by themselves: none, medium and bad ones (the recovery work), or all.
 * Medium and bad by default: the drafts are written by a job behind the analysis, so they cost ingestion nothing
 * (see docs/api/replies.md).
 */
export const AUTO_DRAFT_MODES = ['off', 'negative', 'all'] as const;
export type AutoDraftMode = (typeof AUTO_DRAFT_MODES)[number];
export const DEFAULT_AUTO_DRAFT: AutoDraftMode = 'negative';

/** How a shop's replies are drafted and delivered; a shop without a row uses the defaults. */
@Entity('reply_settings')
export class ReplySettings {
  @PrimaryColumn({ type: 'uuid' })
  shopId!: string;

  @OneToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  /** the platform's reply length limit, in characters */
  @Column({ type: 'integer', default: DEFAULT_REPLY_MAX_LENGTH })
  maxLength!: number;

  /** which reviews get a draft as soon as they have been analysed */
  @Column({ type: 'varchar', length: 8, default: DEFAULT_AUTO_DRAFT })
  autoDraft!: AutoDraftMode;

  /** where published replies are delivered; null: publishing only records */
  /** a public reply may name a gift or coupon (off by default: the remedy is arranged privately) */
  @Column({ type: 'boolean', default: false })
  giftsInPublicReplies!: boolean;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  webhookUrl!: string | null;

  /** the shared secret deliveries are signed with; never returned by the API */
  @Column({ type: 'varchar', length: 256, nullable: true })
  webhookSecret!: string | null;

  @Column({ type: 'varchar', length: 128 })
  updatedBy!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
