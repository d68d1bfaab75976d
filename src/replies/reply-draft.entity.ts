import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Review } from '../reviews/review.entity';
import { Shop } from '../shops/shop.entity';
import type { DraftRemedy, OutreachStep } from './reply-composer';
import type { Cause, ReplyKind, ReplyLanguage, ReplyStatus, Severity } from './reply.types';

/**
 * A drafted reply to a review and its way through draft -> edited -> approved -> published. A review has
 * one current reply (is_current); redrafting keeps the earlier ones as history.
 */
@Entity('reply_drafts')
@Index('uq_reply_drafts_current', ['reviewId'], { unique: true, where: 'is_current' })
@Index('ix_reply_drafts_review', ['shopId', 'reviewId', 'createdAt'])
@Index('ix_reply_drafts_product', ['shopId', 'productKey', 'createdAt', 'id'])
@Index('ix_reply_drafts_shop_status', ['shopId', 'status', 'createdAt', 'id'])
export class ReplyDraft {
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

  /** the revision of the review the draft was written for */
  @Column({ type: 'integer' })
  reviewRevision!: number;

  /** the product's id (or name): recent replies on a product are what variation looks at */
  @Column({ type: 'varchar', length: 500, default: '' })
  productKey!: string;

  @Column({ type: 'boolean', default: true })
  isCurrent!: boolean;

  @Column({ type: 'varchar', length: 12 })
  kind!: ReplyKind;

  @Column({ type: 'varchar', length: 12, default: 'draft' })
  status!: ReplyStatus;

  @Column({ type: 'varchar', length: 8 })
  language!: ReplyLanguage;

  /** the 3F parts; null for a thank-you, or once the whole text was edited freely */
  @Column({ type: 'text', nullable: true })
  feel!: string | null;

  @Column({ type: 'text', nullable: true })
  felt!: string | null;

  @Column({ type: 'text', nullable: true })
  found!: string | null;

  /** the public reply as it will be published */
  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'integer' })
  maxLength!: number;

  @Column({ type: 'boolean', default: false })
  shortened!: boolean;

  /** the private script's steps (its numbered text is derived when read) */
  @Column({ type: 'jsonb', nullable: true })
  outreach!: { steps: OutreachStep[] } | null;

  @Column({ type: 'jsonb', nullable: true })
  remedy!: DraftRemedy | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  causes!: Cause[];

  @Column({ type: 'varchar', length: 8, nullable: true })
  severity!: Severity | null;

  /** the reviewer was flagged high-risk when the draft was written */
  @Column({ type: 'boolean', default: false })
  highRisk!: boolean;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  templateIds!: string[];

  @Column({ type: 'varchar', length: 128 })
  createdBy!: string;

  @Column({ type: 'varchar', length: 128, nullable: true })
  editedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  approvedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  publishedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
