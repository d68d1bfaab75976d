import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import type { Platform } from '../reviews/review.types';
import type { RiskLevel, RiskSignal, SignalCode, WatchStatus } from './reviewer-risk.types';

// declared with the risk types, which the console shares; here for the entity's importers
export { WATCH_STATUSES } from './reviewer-risk.types';
export type { WatchStatus } from './reviewer-risk.types';

/** A person's decision still in force (not undone by a reopen). */
export const EFFECTIVE_DECISIONS = ['confirmed', 'dismissed'] as const;
export type EffectiveDecision = (typeof EFFECTIVE_DECISIONS)[number];

/** A DismissedEvidence as stored in JSON (ISO timestamp). */
export interface StoredDismissal {
  code: SignalCode;
  dismissedAt: string;
}

/** One buyer as seen by one shop: behaviour over time, the current risk score and a person's decision. */
@Entity('reviewer_profiles')
@Unique('uq_reviewer_profiles_buyer', ['shopId', 'platform', 'buyerId'])
@Index('ix_reviewer_profiles_shop_risk', ['shopId', 'riskLevel', 'riskScore'])
@Index('ix_reviewer_profiles_shop_status', ['shopId', 'status'])
@Index('ix_reviewer_profiles_shop_flagged_review', ['shopId', 'flaggedReviewAt'], { where: 'flagged_review_at IS NOT NULL' })
export class ReviewerProfile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'varchar', length: 16 })
  platform!: Platform;

  @Column({ type: 'varchar', length: 128 })
  buyerId!: string;

  /** the nick of the buyer's latest review */
  @Column({ type: 'varchar', length: 128, nullable: true })
  buyerNick!: string | null;

  @Column({ type: 'integer', default: 0 })
  reviewCount!: number;

  /** medium and bad reviews */
  @Column({ type: 'integer', default: 0 })
  negativeReviewCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  firstReviewedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastReviewedAt!: Date | null;

  /** 0-100 */
  @Column({ type: 'real', default: 0 })
  riskScore!: number;

  @Column({ type: 'varchar', length: 8, default: 'low' })
  riskLevel!: RiskLevel;

  /** the signals behind the score, strongest first */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  signals!: RiskSignal[];

  @Column({ type: 'timestamptz', nullable: true })
  scoredAt!: Date | null;

  @Column({ type: 'varchar', length: 12, default: 'none' })
  status!: WatchStatus;

  /** when the status last became flagged (kept after a decision): a decision made since is about this flag */
  @Column({ type: 'timestamptz', nullable: true })
  flaggedAt!: Date | null;

  /**
   * the posting time of the review that got the buyer flagged last (their latest review in the analysed batch), or
   * the flag's own time when no review did (a contact outcome, new settings): the weekly report counts the buyers
   * flagged in its period by it, like the reviews, so a review synced a day late still flags in its own week and an
   * old week regenerated later still finds them
   */
  @Column({ type: 'timestamptz', nullable: true })
  flaggedReviewAt!: Date | null;

  /**
   * The confirm or dismiss in force (null: none, or undone). With the score it decides `status`: confirmed stays
   * confirmed, otherwise the score can flag, otherwise a dismissal shows as dismissed.
   */
  @Column({ type: 'varchar', length: 12, nullable: true })
  decision!: EffectiveDecision | null;

  /** kinds of evidence a person dismissed for this buyer, and when: the scorer discounts what they already saw */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  dismissedEvidence!: StoredDismissal[];

  /** the last confirm or dismiss: who, when and why */
  @Column({ type: 'varchar', length: 128, nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  decisionReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
