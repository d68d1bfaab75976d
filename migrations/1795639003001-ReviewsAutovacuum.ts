import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * reviews grows in bursts (imports, batch ingestion): analyse and vacuum it after 2% / 5% of its
 * rows changed instead of PostgreSQL's 10% / 20%, so query plans follow a shop's growth.
 */
export class ReviewsAutovacuum1795639003001 implements MigrationInterface {
  name = 'ReviewsAutovacuum1795639003001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "reviews" SET (autovacuum_analyze_scale_factor = 0.02, autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_threshold = 1000)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reviews" RESET (autovacuum_analyze_scale_factor, autovacuum_vacuum_scale_factor, autovacuum_analyze_threshold)');
  }
}
