import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const SHOP_LOCALES = ['zh', 'en'] as const;
/** The language of what the service writes for people (reports): Chinese or English. */
export type ShopLocale = (typeof SHOP_LOCALES)[number];

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

  /** language of reports; set with shop:create --locale or PATCH /v1/shop */
  @Column({ type: 'varchar', length: 8, default: 'zh' })
  locale!: ShopLocale;

  /** report thresholds and schedule the shop changed, as stored: reports/report-settings.ts checks and completes them */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  reportSettings!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
