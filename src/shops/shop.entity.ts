import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A tenant: every other row belongs to exactly one shop. */
@Entity('shops')
export class Shop {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** IANA zone in which timestamps without an offset are read */
  @Column({ type: 'varchar', length: 64, default: 'Asia/Shanghai' })
  timezone!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
