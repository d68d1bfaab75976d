import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';

export const OVERRIDE_SUBJECTS = ['reply', 'template'] as const;
export type OverrideSubject = (typeof OVERRIDE_SUBJECTS)[number];

export const OVERRIDE_ACTIONS = ['approve', 'publish', 'activate'] as const;
export type OverrideAction = (typeof OVERRIDE_ACTIONS)[number];

/**
 * A lead let something with a blocking compliance finding through, and why: the audit trail of the guard
 * (append-only; the weekly report counts them).
 */
@Entity('compliance_overrides')
@Index('ix_compliance_overrides_shop_time', ['shopId', 'createdAt'])
@Index('ix_compliance_overrides_subject', ['shopId', 'subjectId', 'createdAt'])
export class ComplianceOverride {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'varchar', length: 12 })
  subjectType!: OverrideSubject;

  @Column({ type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'varchar', length: 12 })
  action!: OverrideAction;

  /** the blocking rules overridden */
  @Column({ type: 'text', array: true })
  ruleIds!: string[];

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'varchar', length: 128 })
  actor!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
