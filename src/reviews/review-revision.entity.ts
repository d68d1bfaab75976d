import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Review } from './review.entity';
import type { Grade, TagEvidence } from './review.types';
import type { ReviewFields } from './review-fields';

/**
 * A version of a review that a later ingestion replaced. A bad review revised to a good one is
 * how a recovery shows up, so rating and grade are columns, not only part of the snapshot.
 */
@Entity('review_revisions')
@Index('ix_review_revisions_review', ['reviewId', 'revision'], { unique: true })
// reports find the revisions replaced after a period's end by shop and time
@Index('ix_review_revisions_shop_replaced', ['shopId', 'replacedAt'])
export class ReviewRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @Column({ type: 'uuid' })
  reviewId!: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id' })
  review?: Review;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'varchar', length: 8 })
  grade!: Grade;

  /** the posting time of this version (snapshot.reviewedAt); null only if a snapshot lacked it */
  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** the grade of the version that replaced this one: reports add up grade changes without reading the review */
  @Column({ type: 'varchar', length: 8 })
  nextGrade!: Grade;

  /** all ingested fields of this version */
  @Column({ type: 'jsonb' })
  snapshot!: ReviewFields;

  /**
   * The root-cause tags this version carried when it was replaced (tags are not ingested fields, so they
   * are not in the snapshot); null for revisions recorded before tags were kept. Reports count a review
   * by its version at the end of their period, tags included.
   */
  @Column({ type: 'text', array: true, nullable: true })
  tags!: string[] | null;

  @Column({ type: 'text', array: true, nullable: true })
  subTags!: string[] | null;

  @Column({ type: 'jsonb', nullable: true })
  tagEvidence!: TagEvidence[] | null;

  /** fields that differ in the version that replaced this one */
  @Column({ type: 'text', array: true })
  changedFields!: string[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  replacedAt!: Date;
}
