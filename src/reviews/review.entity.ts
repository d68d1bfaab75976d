import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import type { Language } from '../text/language';
import { maxLengthOf } from './review-fields';
import type { AnalysisStatus, Grade, Platform, TagEvidence, TagSource } from './review.types';

@Entity('reviews')
@Unique('uq_reviews_shop_platform_external', ['shopId', 'platform', 'externalId'])
// (shop_id, reviewed_at, id) INCLUDE (grade) lives in the migration: TypeORM cannot declare INCLUDE. Lists page
// on it; reports count a period's grades from it without reading the table (index-only)
@Index('ix_reviews_shop_reviewed', { synchronize: false })
@Index('ix_reviews_shop_buyer', ['shopId', 'buyerId'])
// the same buyer in other shops (reviewer risk counts their medium/bad reviews there)
@Index('ix_reviews_platform_buyer', ['platform', 'buyerId'])
// a SKU's, a carrier's and an agent's latest reviews: early warning (alerts/) reads each subject's recent reviews by time
@Index('ix_reviews_shop_product', ['shopId', 'productId', 'reviewedAt'])
@Index('ix_reviews_shop_carrier', ['shopId', 'carrier', 'reviewedAt'], { where: 'carrier IS NOT NULL' })
@Index('ix_reviews_shop_agent', ['shopId', 'serviceAgent', 'reviewedAt'], { where: 'service_agent IS NOT NULL' })
@Index('ix_reviews_analysis_pending', ['analysisEnqueuedAt'], { where: `analysis_status = 'pending'` })
// medium and bad reviews by when they were analysed: the reply-draft sweep reads a time range of it, and a drafting
// job the last second of it (is the shop's import still running?); one entry per analysis of a medium/bad review
@Index('ix_reviews_negative_analyzed', ['analyzedAt'], { where: `grade <> 'good' AND analyzed_at IS NOT NULL` })
// medium and bad reviews by posting time: a report reads the complaints of two periods from it
@Index('ix_reviews_shop_negative', ['shopId', 'reviewedAt'], { where: `grade <> 'good'` })
// GIN indexes on tags and sub_tags live in the migration: TypeORM cannot declare them
@Index('ix_reviews_tags', { synchronize: false })
@Index('ix_reviews_sub_tags', { synchronize: false })
export class Review {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'varchar', length: 16 })
  platform!: Platform;

  @Column({ type: 'varchar', length: maxLengthOf('externalId') })
  externalId!: string;

  @Column({ type: 'varchar', length: maxLengthOf('productId'), nullable: true })
  productId!: string | null;

  @Column({ type: 'varchar', length: maxLengthOf('sku'), nullable: true })
  sku!: string | null;

  @Column({ type: 'varchar', length: maxLengthOf('productName'), nullable: true })
  productName!: string | null;

  @Column({ type: 'varchar', length: maxLengthOf('orderId'), nullable: true })
  orderId!: string | null;

  @Column({ type: 'varchar', length: maxLengthOf('buyerId'), nullable: true })
  buyerId!: string | null;

  @Column({ type: 'varchar', length: maxLengthOf('buyerNick'), nullable: true })
  buyerNick!: string | null;

  @Column({ type: 'smallint' })
  rating!: number;

  @Column({ type: 'varchar', length: 8 })
  grade!: Grade;

  @Column({ type: 'text', default: '' })
  content!: string;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  imageUrls!: string[];

  @Column({ type: 'integer', default: 0 })
  imageCount!: number;

  @Column({ type: 'boolean', default: false })
  hasVideo!: boolean;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  orderAmount!: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  orderedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  shippedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'timestamptz' })
  reviewedAt!: Date;

  @Column({ type: 'varchar', length: maxLengthOf('carrier'), nullable: true })
  carrier!: string | null;

  @Column({ type: 'varchar', length: maxLengthOf('serviceAgent'), nullable: true })
  serviceAgent!: string | null;

  @Column({ type: 'text', nullable: true })
  followUpContent!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  followUpAt!: Date | null;

  /** the platform's per-dimension scores, 1-5, where it gives them */
  @Column({ type: 'smallint', nullable: true })
  qualityScore!: number | null;

  @Column({ type: 'smallint', nullable: true })
  logisticsScore!: number | null;

  @Column({ type: 'smallint', nullable: true })
  serviceScore!: number | null;

  @Column({ type: 'smallint', nullable: true })
  descriptionScore!: number | null;

  /** the seller's public reply already on the platform */
  @Column({ type: 'text', nullable: true })
  sellerReply!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sellerReplyAt!: Date | null;

  @Column({ type: 'boolean', nullable: true })
  anonymous!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  autoReview!: boolean | null;

  /** the platform's fraud (cheat) judgement and open complaint: reviewer-risk signals */
  @Column({ type: 'boolean', nullable: true })
  platformCheat!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  platformComplaint!: boolean | null;

  @Column({ type: 'smallint', nullable: true })
  videoCount!: number | null;

  /** the platform says the seller replied, whether or not the reply's text came (repliedOnPlatform in review-fields) */
  @Column({ type: 'boolean', nullable: true })
  sellerReplied!: boolean | null;

  /** detected by the analysis job */
  @Column({ type: 'varchar', length: 8, nullable: true })
  language!: Language | null;

  /** SHA-256 of the ingested fields: equal hash means an unchanged review */
  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  /** 1 when created, +1 for every change; earlier versions are in review_revisions */
  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'varchar', length: 8, default: 'pending' })
  analysisStatus!: AnalysisStatus;

  /** the revision the last finished analysis looked at */
  @Column({ type: 'integer', nullable: true })
  analyzedRevision!: number | null;

  @Column({ type: 'integer', default: 0 })
  analysisAttempts!: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  analysisError!: string | null;

  /** when the analysis was last handed to the queue; the sweeper re-enqueues overdue ones */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  analysisEnqueuedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  analyzedAt!: Date | null;

  /** root-cause tags: the classifier's, or the staff's once corrected (tagSource) */
  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags!: string[];

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  subTags!: string[];

  @Column({ type: 'jsonb', nullable: true })
  tagConfidence!: Record<string, number> | null;

  /** the phrases that triggered each tag */
  @Column({ type: 'jsonb', nullable: true })
  tagEvidence!: TagEvidence[] | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  tagSource!: TagSource | null;

  /** the model that produced the tags (base or shop model version) */
  @Column({ type: 'varchar', length: 80, nullable: true })
  classifierVersion!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  classifiedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
