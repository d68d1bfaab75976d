import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import { RecoveryCase } from './recovery-case.entity';
import type { CompensationType, ContactChannel, ContactOutcome } from './recovery.types';

/** One attempt to reach the buyer of a case, and what came of it. */
@Entity('recovery_contacts')
@Index('ix_recovery_contacts_case', ['caseId', 'at'])
@Index('ix_recovery_contacts_shop_at', ['shopId', 'at'])
export class RecoveryContact {
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

  @Column({ type: 'uuid' })
  reviewId!: string;

  /** when the contact happened */
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 8 })
  channel!: ContactChannel;

  @Column({ type: 'varchar', length: 24 })
  outcome!: ContactOutcome;

  /** who made the contact (actorLabel) and the staff member, when there is one */
  @Column({ type: 'varchar', length: 128 })
  actor!: string;

  @Column({ type: 'uuid', nullable: true })
  staffId!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  compensationType!: CompensationType | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  compensationAmount!: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  compensationCurrency!: string | null;

  /** what the buyer asked for, when they demanded compensation */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true })
  demandedAmount!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  promisedRevisionAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  nextFollowUpAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** set when a lead logged the contact against the contact policy */
  @Column({ type: 'text', nullable: true })
  policyOverrideReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
