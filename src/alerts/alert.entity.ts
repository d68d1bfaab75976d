import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import type { AlertCause, DetectionMethod, SubjectType } from './alert-detector';

export const ALERT_STATUSES = ['open', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** What the detector saw when it last decided on the alert (docs/alerts.md, "Evidence"). */
export interface AlertEvidence {
  /** the window: its reviews, and the medium/bad ones for the alert's cause */
  windowHours: number;
  windowReviews: number;
  windowBad: number;
  /** the window's reviews that were revised after they were first posted (counted as they stand now) */
  revisedReviews: number;
  /** the subject's own history before the window, and its rate shrunk toward the shop's prior */
  historyReviews: number;
  historyBad: number;
  baselineRate: number;
  /** P(at least windowBad bad among windowReviews | the subject's posterior predictive) */
  probability: number;
  cusum: { statistic: number; h: number; m: number; signalled: boolean } | null;
  /** the window's medium/bad reviews by cause tag (a review may carry several) */
  causeMix: Record<string, number>;
  /** up to five of the window's latest medium/bad reviews for the cause */
  sampleReviewIds: string[];
  decidedAt: string;
}

/**
 * An early-warning alert: a subject (a SKU, a carrier, a service agent or the whole shop) whose medium/bad reviews
 * for a cause rose. At most one open alert per shop, subject and cause (a partial unique index); the detector
 * updates its evidence as reviews arrive and resolves it once the rate is back. A person acknowledges it.
 */
@Entity('alerts')
@Index('uq_alerts_open_subject', ['shopId', 'subjectType', 'subject', 'cause'], { unique: true, where: `status = 'open'` })
@Index('ix_alerts_shop_opened', ['shopId', 'openedAt', 'id'])
export class Alert {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'varchar', length: 8 })
  subjectType!: SubjectType;

  /** the product id (sku), the carrier's or agent's name, '*' for the whole shop */
  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'varchar', length: 16 })
  cause!: AlertCause;

  @Column({ type: 'varchar', length: 8, default: 'open' })
  status!: AlertStatus;

  /** the test that opened it */
  @Column({ type: 'varchar', length: 16 })
  method!: DetectionMethod;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  openedAt!: Date;

  /** when the first medium/bad review of the window that opened it was posted: the time to detection runs from it */
  @Column({ type: 'timestamptz' })
  firstBadAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  acknowledgedBy!: string | null;

  @Column({ type: 'jsonb' })
  evidence!: AlertEvidence;
}
