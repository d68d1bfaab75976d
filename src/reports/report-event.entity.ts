import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Report } from './report.entity';

export const REPORT_EVENT_TYPES = ['report.created'] as const;
export type ReportEventType = (typeof REPORT_EVENT_TYPES)[number];

/**
 * Outbox of report events, written in the transaction that stores the report: a webhook dispatcher
 * claims undispatched rows (FOR UPDATE SKIP LOCKED), delivers them and sets dispatched_at, so no
 * announcement is lost with a crash or with Redis. The payload carries ids and counts, no personal data.
 */
@Entity('report_events')
@Index('ix_report_events_undispatched', ['createdAt'], { where: 'dispatched_at IS NULL' })
export class ReportEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  shopId!: string;

  @Column({ type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => Report, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Report;

  @Column({ type: 'varchar', length: 40 })
  type!: ReportEventType;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt!: Date | null;
}
