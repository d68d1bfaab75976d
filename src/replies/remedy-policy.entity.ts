import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import type { RemedyPolicy } from './remedy-policy';

/** A shop's remedy policy; a shop without a row uses the defaults. Values left out keep their default. */
@Entity('remedy_policies')
export class RemedyPolicyRow {
  @PrimaryColumn({ type: 'uuid' })
  shopId!: string;

  @OneToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  @Column({ type: 'jsonb' })
  policy!: Partial<RemedyPolicy>;

  @Column({ type: 'varchar', length: 128 })
  updatedBy!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
