import { MigrationInterface, QueryRunner } from 'typeorm';

/** A site's weekly opening hours (callbacks are promised and offered only while it is open); NULL = always open. */
export class SiteOpeningHours1796800000000 implements MigrationInterface {
  name = 'SiteOpeningHours1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" ADD "opening_hours" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sites" DROP COLUMN "opening_hours"`);
  }
}
