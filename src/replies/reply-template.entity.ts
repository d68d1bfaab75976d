import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Shop } from '../shops/shop.entity';
import type { ReplyLanguage, ReplyPart } from './reply.types';

/**
 * A shop's own wording for one slot of a reply: a part for a tag and sub-tag in a language. A slot with
 * templates uses them instead of the built-in library; the composer picks among them as among built-in variants.
 */
@Entity('reply_templates')
@Index('ix_reply_templates_shop_slot', ['shopId', 'language', 'part'])
export class ReplyTemplate {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @ManyToOne(() => Shop, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shop_id' })
  shop?: Shop;

  /** null: any tag */
  @Column({ type: 'varchar', length: 16, nullable: true })
  tag!: string | null;

  /** null: any sub-tag of the tag */
  @Column({ type: 'varchar', length: 32, nullable: true })
  subTag!: string | null;

  @Column({ type: 'varchar', length: 8 })
  language!: ReplyLanguage;

  @Column({ type: 'varchar', length: 24 })
  part!: ReplyPart;

  @Column({ type: 'text' })
  text!: string;

  /** an inactive template is kept but never used */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'varchar', length: 128 })
  createdBy!: string;

  @Column({ type: 'varchar', length: 128 })
  updatedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
