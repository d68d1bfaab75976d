import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlatformRules1796672275501 implements MigrationInterface {
  name = 'PlatformRules1796672275501';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "platform_rule_overrides" ("shop_id" uuid NOT NULL, "platform" character varying(16) NOT NULL, "rules" jsonb NOT NULL, "source" character varying(500) NOT NULL, "updated_by" character varying(128), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d246884d6706a15cfd797460f6f" PRIMARY KEY ("shop_id", "platform"))',
    );
    await queryRunner.query(
      'ALTER TABLE "platform_rule_overrides" ADD CONSTRAINT "FK_3a19ea1b2834501e0eefddfcc76" FOREIGN KEY ("shop_id") REFERENCES "shops"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "platform_rule_overrides" DROP CONSTRAINT "FK_3a19ea1b2834501e0eefddfcc76"');
    await queryRunner.query('DROP TABLE "platform_rule_overrides"');
  }
}
