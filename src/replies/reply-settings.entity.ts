import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';

export const DEFAULT_REPLY_MAX_LENGTH = 500;

/**
 * Which analysed reviews get a draft by themselves: none, medium and bad ones (the recovery work), or all.
 * Off by default: a draft costs several times what storing and analysing a review does, in the analysis
 * transaction (see the README).
 */
export const AUTO_DRAFT_MODES = ['off', 'negative', 'all'] as const;
export type AutoDraftMode = (typeof AUTO_DRAFT_MODES)[number];

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
  @Column({ type: 'varchar', length: 8, default: 'off' })
  autoDraft!: AutoDraftMode;

  /** where published replies are delivered; null: publishing only records */
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
