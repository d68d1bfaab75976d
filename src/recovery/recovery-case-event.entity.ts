import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import { RecoveryCase } from './recovery-case.entity';

export const CASE_EVENT_ACTIONS = [
  'opened',
  'status',
  'auto_revised',
  'promise_missed',
  'window_passed',
  'claimed',
  'assigned',
  'reassigned',
  'unassigned',
  'contact',
  'policy_override',
] as const;
export type CaseEventAction = (typeof CASE_EVENT_ACTIONS)[number];

/** The audit log of a case: who (actorLabel, or system:*), when, from which status to which, and why. */
@Entity('recovery_case_events')
@Index('ix_recovery_case_events_case', ['caseId', 'at'])
export class RecoveryCaseEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => RecoveryCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  recoveryCase?: RecoveryCase;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at!: Date;

  @Column({ type: 'varchar', length: 128 })
  actor!: string;

  @Column({ type: 'varchar', length: 20 })
  action!: CaseEventAction;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  toStatus!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** e.g. the assignee, the contact id, the time a revision took */
  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;
}
