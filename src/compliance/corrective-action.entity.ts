import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';

/**
 * Something the shop changed because of reviews (what, for which cause, product or carrier, since when). A
 * draft's "found" part states as done only what is recorded here; the weekly report lists them.
 */
@Entity('corrective_actions')
@Index('ix_corrective_actions_shop_since', ['shopId', 'since', 'id'])
export class CorrectiveAction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  /** as a reply may say it, in the shop's words */
  @Column({ type: 'text' })
  what!: string;

  /** 'zh' or 'en': the language `what` is written in (a reply in the other language does not quote it) */
  @Column({ type: 'varchar', length: 2 })
  language!: 'zh' | 'en';

  @Column({ type: 'varchar', length: 16, nullable: true })
  tag!: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  subTag!: string | null;

  /** the product's id (or name) as reviews carry it */
  @Column({ type: 'varchar', length: 500, nullable: true })
  productKey!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  carrier!: string | null;

  /** the day it took effect (YYYY-MM-DD) */
  @Column({ type: 'date' })
  since!: string;

  @Column({ type: 'varchar', length: 128 })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
