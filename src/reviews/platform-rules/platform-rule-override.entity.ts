import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Shop } from '../../shops/shop.entity';
import type { Platform } from '../review.types';
import type { PlatformRules } from './platform-rules';

/** A shop's own values for some of one platform's rules (platform-rules.ts), with where they come from. */
@Entity('platform_rule_overrides')
export class PlatformRuleOverrideRow {
  @PrimaryColumn({ type: 'uuid' })
  shopId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  platform!: Platform;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  /** only the rules the shop set */
  @Column({ type: 'jsonb' })
  rules!: Partial<PlatformRules>;

  /** where the shop's values come from (its contract with the platform, a newer rule) */
  @Column({ type: 'varchar', length: 500 })
  source!: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
