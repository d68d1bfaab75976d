import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from './shop.entity';
import { StaffMember } from './staff-member.entity';

/** Only a SHA-256 of the key is stored; the key itself is shown once, when it is created. */
@Entity('api_keys')
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** a staff member's key acts as that person; null: the shop's integration key, with lead authority */
  @Index('ix_api_keys_staff')
  @Column({ type: 'uuid', nullable: true })
  staffId!: string | null;

  @ManyToOne(() => StaffMember, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id' })
  staff?: StaffMember;

  /** the first characters of the key, enough for a person to tell keys apart */
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64 })
  keyHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
