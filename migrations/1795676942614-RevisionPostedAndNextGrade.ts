import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two facts of a revision reports otherwise had to look up per row: the posting time of the replaced version
 * (reviewed_at, in the snapshot as text until now) and the grade of the version that replaced it
 * (next_grade: the next revision's grade, or the review's own for its latest revision).
 */
export class RevisionPostedAndNextGrade1795676942614 implements MigrationInterface {
  name = 'RevisionPostedAndNextGrade1795676942614';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "review_revisions" ADD "reviewed_at" timestamptz');
    await queryRunner.query('ALTER TABLE "review_revisions" ADD "next_grade" character varying(8)');
    // no revision may be written between the backfill and the column becoming required
    await queryRunner.query('LOCK TABLE "review_revisions" IN SHARE ROW EXCLUSIVE MODE');
    await queryRunner.query(`
      UPDATE "review_revisions" rv SET
        reviewed_at = NULLIF(rv.snapshot->>'reviewedAt', '')::timestamptz,
        next_grade = coalesce(
          (SELECT n.grade FROM review_revisions n WHERE n.review_id = rv.review_id AND n.revision = rv.revision + 1),
          (SELECT r.grade FROM reviews r WHERE r.id = rv.review_id))`);
    await queryRunner.query('ALTER TABLE "review_revisions" ALTER COLUMN "next_grade" SET NOT NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "review_revisions" DROP COLUMN "next_grade"');
    await queryRunner.query('ALTER TABLE "review_revisions" DROP COLUMN "reviewed_at"');
  }
}
