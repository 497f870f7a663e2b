import { MigrationInterface, QueryRunner } from 'typeorm';

/** btree_gist lets exclusion constraints mix equality (agent, counsellor) with range overlap. */
export class EnableExtensions1795430000000 implements MigrationInterface {
  name = 'EnableExtensions1795430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS btree_gist');
  }
}
