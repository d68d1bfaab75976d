import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import { ReviewerProfile } from './reviewer-profile.entity';
import type { DecisionAction, RiskLevel, SignalCode, WatchStatus } from './reviewer-risk.types';

// declared with the risk types, which the console shares; here for the entity's importers
export { DECISION_ACTIONS } from './reviewer-risk.types';
export type { DecisionAction } from './reviewer-risk.types';

/**
 * The history of people's decisions on a reviewer, append-only: confirm (watchlist), dismiss (the flag was
 * wrong) and reopen (undoes the latest confirm or dismiss still in force). The profile carries the outcome.
 */
@Entity('reviewer_decisions')
@Index('ix_reviewer_decisions_profile', ['shopId', 'profileId', 'decidedAt'])
export class ReviewerDecision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'uuid' })
  profileId!: string;

  @ManyToOne(() => ReviewerProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id' })
  profile?: ReviewerProfile;

  @Column({ type: 'varchar', length: 12 })
  action!: DecisionAction;

  @Column({ type: 'text' })
  reason!: string;

  /** the risk signals the person saw when deciding; a dismissal covers exactly these kinds of evidence */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  evidenceCodes!: SignalCode[];

  @Column({ type: 'real' })
  riskScore!: number;

  @Column({ type: 'varchar', length: 8 })
  riskLevel!: RiskLevel;

  @Column({ type: 'varchar', length: 12 })
  fromStatus!: WatchStatus;

  @Column({ type: 'varchar', length: 12 })
  toStatus!: WatchStatus;

  /** for a reopen: the confirm or dismiss it undid */
  @Column({ type: 'uuid', nullable: true })
  revertsId!: string | null;

  /** actorLabel() of who decided */
  @Column({ type: 'varchar', length: 128 })
  decidedBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  decidedAt!: Date;
}
