import { MigrationInterface, QueryRunner } from 'typeorm';

/** The deployment's identity (one row), which processes compare with the one stored beside their queues in Redis. */
export class Deployment1795680000000 implements MigrationInterface {
  name = 'Deployment1795680000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "deployment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ee1f952fc81f37c6fea69c2e248" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('INSERT INTO "deployment" DEFAULT VALUES');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "deployment"');
  }
}
