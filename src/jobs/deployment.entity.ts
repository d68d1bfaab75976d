import { CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row, written by its migration: the identity of this deployment's database. Processes write it into Redis
 * beside their queues (QUEUE_PREFIX) and compare: two deployments sharing one Redis database and prefix would
 * take each other's jobs and find no rows for them.
 */
@Entity('deployment')
export class Deployment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
