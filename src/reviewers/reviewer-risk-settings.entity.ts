import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import type { RiskConfigOverride } from './risk-config';

export const FLAG_LEVELS = ['medium', 'high'] as const;
export type FlagLevel = (typeof FLAG_LEVELS)[number];
export const DEFAULT_FLAG_LEVEL: FlagLevel = 'high';

/**
 * A shop's reviewer-risk settings: the override of the default weights and thresholds, and the level from which
 * a reviewer is flagged for a person to look at. No row: the defaults. `version` goes up with every change and
 * `rescoredVersion` follows once every reviewer of the shop has been scored again with it.
 */
@Entity('reviewer_risk_settings')
export class ReviewerRiskSettings {
  @PrimaryColumn({ type: 'uuid' })
  shopId!: string;

  @OneToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'varchar', length: 8, default: DEFAULT_FLAG_LEVEL })
  flagLevel!: FlagLevel;

  /** validated by validateRiskConfigOverride before it is stored */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  override!: RiskConfigOverride;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'integer', default: 0 })
  rescoredVersion!: number;

  /** when a rescoring job was last handed to the queue; the sweeper re-enqueues one that got lost */
  @Column({ type: 'timestamptz', nullable: true })
  rescoreEnqueuedAt!: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
