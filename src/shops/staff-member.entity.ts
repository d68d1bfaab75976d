import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from './shop.entity';

export const STAFF_ROLES = ['lead', 'agent'] as const;
/** lead: manages staff, assigns cases, may override the contact policy; agent: claims and works cases */
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A person of a shop who works recovery cases; identified on requests by a staff API key. */
@Entity('staff_members')
@Index('ix_staff_members_shop', ['shopId', 'createdAt'])
export class StaffMember {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 8 })
  role!: StaffRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  /** a deactivated member's keys stop working at once; their history stays */
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;
}
