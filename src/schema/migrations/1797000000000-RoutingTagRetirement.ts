import { MigrationInterface, QueryRunner } from 'typeorm';

/** A routing tag can be retired: kept on the agents who have it, no longer assigned to anyone new. */
export class RoutingTagRetirement1797000000000 implements MigrationInterface {
  name = 'RoutingTagRetirement1797000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "routing_tags" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "routing_tags" DROP COLUMN "retired_at"`);
  }
}
