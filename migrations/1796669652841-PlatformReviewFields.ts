import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fields platforms give beside the review (issue 16): per-dimension scores, the seller's existing reply, flags, videos. */
export class PlatformReviewFields1796669652841 implements MigrationInterface {
  name = 'PlatformReviewFields1796669652841';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reviews" ADD "quality_score" smallint');
    await queryRunner.query('ALTER TABLE "reviews" ADD "logistics_score" smallint');
    await queryRunner.query('ALTER TABLE "reviews" ADD "service_score" smallint');
    await queryRunner.query('ALTER TABLE "reviews" ADD "description_score" smallint');
    await queryRunner.query('ALTER TABLE "reviews" ADD "seller_reply" text');
    await queryRunner.query('ALTER TABLE "reviews" ADD "seller_reply_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "reviews" ADD "anonymous" boolean');
    await queryRunner.query('ALTER TABLE "reviews" ADD "auto_review" boolean');
    await queryRunner.query('ALTER TABLE "reviews" ADD "platform_cheat" boolean');
    await queryRunner.query('ALTER TABLE "reviews" ADD "platform_complaint" boolean');
    await queryRunner.query('ALTER TABLE "reviews" ADD "video_count" smallint');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of [
      'video_count',
      'platform_complaint',
      'platform_cheat',
      'auto_review',
      'anonymous',
      'seller_reply_at',
      'seller_reply',
      'description_score',
      'service_score',
      'logistics_score',
      'quality_score',
    ]) {
      await queryRunner.query(`ALTER TABLE "reviews" DROP COLUMN "${column}"`);
    }
  }
}
