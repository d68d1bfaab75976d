import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';

export const DEFAULT_RECOVERY_SETTINGS = {
  revisionWindowDays: 30,
  firstContactSlaHours: 24,
  maxContactsPerDay: 2,
  maxContactsTotal: 6,
  quietHoursStart: '21:00',
  quietHoursEnd: '09:00',
  highValueOrderAmount: 200,
  bestSellerReviews30d: 20,
} as const;

/** A shop's recovery settings; a shop without a row uses DEFAULT_RECOVERY_SETTINGS. Times are in shops.timezone. */
@Entity('recovery_settings')
export class RecoverySettings {
  @PrimaryColumn({ type: 'uuid' })
  shopId!: string;

  @OneToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  /** days after the review during which the platform lets the buyer change it */
  @Column({ type: 'integer', default: DEFAULT_RECOVERY_SETTINGS.revisionWindowDays })
  revisionWindowDays!: number;

  @Column({ type: 'integer', default: DEFAULT_RECOVERY_SETTINGS.firstContactSlaHours })
  firstContactSlaHours!: number;

  @Column({ type: 'integer', default: DEFAULT_RECOVERY_SETTINGS.maxContactsPerDay })
  maxContactsPerDay!: number;

  @Column({ type: 'integer', default: DEFAULT_RECOVERY_SETTINGS.maxContactsTotal })
  maxContactsTotal!: number;

  /** HH:MM local; start after end means the quiet hours cross midnight; equal means none */
  @Column({ type: 'varchar', length: 5, default: DEFAULT_RECOVERY_SETTINGS.quietHoursStart })
  quietHoursStart!: string;

  @Column({ type: 'varchar', length: 5, default: DEFAULT_RECOVERY_SETTINGS.quietHoursEnd })
  quietHoursEnd!: string;

  /** orders at or above this amount are flagged high-value in the queue */
  @Column({ type: 'numeric', precision: 12, scale: 2, default: DEFAULT_RECOVERY_SETTINGS.highValueOrderAmount })
  highValueOrderAmount!: string;

  /** products with at least this many reviews in 30 days are flagged best-selling in the queue */
  @Column({ type: 'integer', default: DEFAULT_RECOVERY_SETTINGS.bestSellerReviews30d })
  bestSellerReviews30d!: number;

  @Column({ type: 'varchar', length: 128, nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
