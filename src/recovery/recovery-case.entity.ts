import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Review } from '../reviews/review.entity';
import type { Grade, Platform } from '../reviews/review.types';
import { Shop } from '../shops/shop.entity';
import { StaffMember } from '../shops/staff-member.entity';
import type { CaseStatus } from './recovery.types';

/**
 * The recovery of one medium/bad review. Besides the workflow fields it keeps the columns the daily
 * queue sorts by (deadline day, grade, urgency, order amount, product popularity), so the queue is an
 * index scan with a LIMIT; the ordered and sweep indexes live in the migration (TypeORM cannot declare
 * DESC NULLS LAST or these predicates).
 */
@Entity('recovery_cases')
@Index('uq_recovery_cases_open_review', ['reviewId'], {
  unique: true,
  where: `status IN ('new', 'contacting', 'awaiting_revision', 'escalated')`,
})
@Index('ix_recovery_cases_review', ['reviewId'])
@Index('ix_recovery_cases_shop_opened', ['shopId', 'openedAt', 'id'])
@Index('ix_recovery_cases_shop_reviewed', ['shopId', 'reviewedAt'])
@Index('ix_recovery_cases_queue', { synchronize: false })
@Index('ix_recovery_cases_queue_assignee', { synchronize: false })
@Index('ix_recovery_cases_queue_buyer', { synchronize: false })
@Index('ix_recovery_cases_follow_up_sweep', { synchronize: false })
@Index('ix_recovery_cases_first_contact_sweep', { synchronize: false })
@Index('ix_recovery_cases_deadline_sweep', { synchronize: false })
export class RecoveryCase {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'uuid' })
  reviewId!: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id' })
  review?: Review;

  @Column({ type: 'varchar', length: 20 })
  status!: CaseStatus;

  /** the review's grade now: medium or bad */
  @Column({ type: 'varchar', length: 8 })
  grade!: Grade;

  /** 0 bad, 1 medium: bad comes first */
  @Column({ type: 'smallint' })
  gradeRank!: number;

  @Column({ type: 'varchar', length: 16 })
  platform!: Platform;

  @Column({ type: 'varchar', length: 128, nullable: true })
  buyerId!: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  productId!: string | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  orderAmount!: string | null;

  /** reviews of the same product in the 30 days before the case opened: how well it sells */
  @Column({ type: 'integer', default: 0 })
  productRecentReviews!: number;

  @Column({ type: 'timestamptz' })
  reviewedAt!: Date;

  /** the end of the platform's change window: reviewedAt + the shop's revision window when the case opened (a later change of the setting does not move it) */
  @Column({ type: 'timestamptz' })
  revisionDeadlineAt!: Date;

  /** the local date (shop's time zone) of revisionDeadlineAt: the queue's first sort key */
  @Column({ type: 'date' })
  deadlineDay!: string;

  /** openedAt + the shop's first-contact SLA */
  @Column({ type: 'timestamptz' })
  firstContactDueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  firstContactedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  firstContactStaffId!: string | null;

  /** the earliest contact in which the buyer promised to revise (reports count promises by it) */
  @Column({ type: 'timestamptz', nullable: true })
  firstPromisedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastContactAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  contactCount!: number;

  /** when someone must look at the case again: a promised revision date or a call-back */
  @Column({ type: 'timestamptz', nullable: true })
  followUpDueAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  promisedRevisionAt!: Date | null;

  @Column({ type: 'integer', default: 0 })
  missedPromises!: number;

  /** 0 follow-up due, 1 first contact overdue, 2 other; null: not in the daily queue (see URGENCY) */
  @Column({ type: 'smallint', nullable: true })
  queueUrgency!: number | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne(() => StaffMember, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: StaffMember | null;

  @Column({ type: 'timestamptz', nullable: true })
  assignedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;

  /** when the case reached revised, closed_unrevised or dismissed */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revisedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
