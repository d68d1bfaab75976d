import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Review } from '../reviews/review.entity';
import { Shop } from '../shops/shop.entity';
import { ReviewerProfile } from './reviewer-profile.entity';
import type { ContactOutcomeKind } from './reviewer-risk.types';

/**
 * What happened when the shop contacted a buyer about a review (fed by the recovery queue through
 * ReviewerRiskService.recordContactOutcome). Only the facts the risk signals need; the contact itself
 * (channel, note, who called) belongs to the recovery queue's contact log, referenced by `contactId`.
 */
@Entity('reviewer_contact_outcomes')
@Index('ix_reviewer_contact_outcomes_profile', ['shopId', 'profileId', 'at'])
@Index('uq_reviewer_contact_outcomes_contact', ['shopId', 'contactId'], { unique: true, where: 'contact_id IS NOT NULL' })
export class ReviewerContactOutcome {
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

  @Column({ type: 'uuid' })
  reviewId!: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id' })
  review?: Review;

  /** the caller's id of the contact: recording the same contact again updates this row instead of adding one */
  @Column({ type: 'varchar', length: 128, nullable: true })
  contactId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  kind!: ContactOutcomeKind;

  /** when the contact happened */
  @Column({ type: 'timestamptz' })
  at!: Date;

  /** what the buyer asked for, in the order's currency, when they named an amount */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  demandedAmount!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
