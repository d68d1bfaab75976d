import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export interface ModelMetrics {
  /** corrections the model was evaluated on */
  evaluatedOn: number;
  /** share of corrected reviews whose tags the shipped model got exactly right */
  baseAccuracy: number;
  /** the same for the shop model, cross-validated so it is not scored on what it trained on */
  shopAccuracy: number;
}

/** A shop's own classifier, trained from its corrections on top of the shipped model. The newest one is used. */
@Entity('classifier_models')
@Index('ix_classifier_models_shop_created', ['shopId', 'createdAt'])
export class ClassifierModel {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  shopId!: string;

  @Column({ type: 'varchar', length: 80 })
  version!: string;

  @Column({ type: 'varchar', length: 80 })
  baseVersion!: string;

  @Column({ type: 'jsonb' })
  model!: unknown;

  @Column({ type: 'integer' })
  correctionsUsed!: number;

  /** the newest correction the training saw: later ones count towards the next retraining */
  @Column({ type: 'timestamptz' })
  trainedUpTo!: Date;

  @Column({ type: 'jsonb' })
  metrics!: ModelMetrics;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
