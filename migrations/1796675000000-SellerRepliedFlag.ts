import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform's own "seller already replied" flag (Douyin 商家是否回复, Kuaishou replied), kept apart from the
 * reply's text: an export may say 是 and leave 回复内容 empty. Null for reviews imported before (not given).
 * Nothing to backfill: the content hash counts the flag only when true, so old reviews hash as before.
 */
export class SellerRepliedFlag1796675000000 implements MigrationInterface {
  name = 'SellerRepliedFlag1796675000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reviews" ADD "seller_replied" boolean');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reviews" DROP COLUMN "seller_replied"');
  }
}
