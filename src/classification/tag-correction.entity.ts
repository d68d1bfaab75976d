import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Review } from '../reviews/review.entity';

/** A staff correction of a review's tags: the training data of the shop's own model. */
@Entity('tag_corrections')
@Index('ix_tag_corrections_shop_created', ['shopId', 'createdAt'])
export class TagCorrection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @Index()
  @Column({ type: 'uuid' })
  reviewId!: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id' })
  review?: Review;

  @Column({ type: 'text', array: true })
  tags!: string[];

  @Column({ type: 'text', array: true })
  subTags!: string[];

  /** what the classifier said before the correction */
  @Column({ type: 'text', array: true })
  previousTags!: string[];

  @Column({ type: 'text', array: true })
  previousSubTags!: string[];

  @Column({ type: 'varchar', length: 80, nullable: true })
  previousVersion!: string | null;

  /** who corrected it: a staff id or name as the calling system knows them */
  @Column({ type: 'varchar', length: 128 })
  correctedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
