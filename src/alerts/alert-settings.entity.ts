import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';

/** A shop's change to the detector's defaults (DEFAULT_ALERT_SETTINGS); no row: the defaults. */
@Entity('alert_settings')
export class AlertSettingsRow {
  @PrimaryColumn({ type: 'uuid' })
  shopId!: string;

  @OneToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  /** validated by resolveAlertSettings before it is stored */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  override!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 128, nullable: true })
  updatedBy!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
