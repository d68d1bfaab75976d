import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the buyer first promised to revise (the earliest contact with outcome promised_revision), kept on the case
 * like first_contacted_at, so the report's funnel counts promises without reading the contacts.
 */
export class CaseFirstPromisedAt1795677833446 implements MigrationInterface {
  name = 'CaseFirstPromisedAt1795677833446';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "recovery_cases" ADD "first_promised_at" timestamptz');
    // no contact may be logged between the backfill and the service keeping the column
    await queryRunner.query('LOCK TABLE "recovery_contacts" IN SHARE ROW EXCLUSIVE MODE');
    await queryRunner.query(`
      UPDATE "recovery_cases" c SET first_promised_at = p.at
      FROM (SELECT case_id, min(at) AS at FROM recovery_contacts WHERE outcome = 'promised_revision' GROUP BY case_id) p
      WHERE p.case_id = c.id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "recovery_cases" DROP COLUMN "first_promised_at"');
  }
}
