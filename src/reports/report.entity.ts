import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import type { ReportKind } from './report-period';
import type { ReportData } from './report.types';

export const REPORT_TRIGGERS = ['scheduled', 'request', 'regenerate'] as const;
/** scheduled: the Monday job; request: first asked for over the API; regenerate: asked for again with regenerate=true */
export type ReportTrigger = (typeof REPORT_TRIGGERS)[number];

/**
 * An immutable snapshot of a report: generated once, never updated (a trigger in the migration refuses
 * UPDATE). Regenerating writes a new row; reads return the newest row of a period.
 */
@Entity('reports')
@Index('ix_reports_shop_period', ['shopId', 'kind', 'periodStart', 'periodEnd', 'generatedAt'])
@Index('ix_reports_shop_generated', ['shopId', 'generatedAt', 'id'])
// at most one scheduled report per shop and week, however many workers run the schedule
@Index('uq_reports_scheduled', ['shopId', 'kind', 'periodStart'], { unique: true, where: `"trigger" = 'scheduled'` })
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'varchar', length: 8 })
  kind!: ReportKind;

  /** ISO week label of a weekly report (2026-W47) */
  @Column({ type: 'varchar', length: 8, nullable: true })
  week!: string | null;

  @Column({ type: 'timestamptz' })
  periodStart!: Date;

  /** exclusive */
  @Column({ type: 'timestamptz' })
  periodEnd!: Date;

  /** the shop's time zone when the report was generated: it defines the local days of the period */
  @Column({ type: 'varchar', length: 64 })
  timezone!: string;

  @Column({ type: 'varchar', length: 12 })
  trigger!: ReportTrigger;

  /** who asked: an actor label, or `scheduler` */
  @Column({ type: 'varchar', length: 128 })
  requestedBy!: string;

  @Column({ type: 'varchar', length: 16 })
  generatorVersion!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  generatedAt!: Date;

  @Column({ type: 'integer' })
  durationMs!: number;

  /** every section's data, as the JSON format returns it; other formats are rendered from it */
  @Column({ type: 'jsonb' })
  data!: ReportData;
}
