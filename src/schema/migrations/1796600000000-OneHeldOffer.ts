import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The database itself refuses a second undecided offer: one held reservation per agent and one per
 * call. Deferred to commit, because the hold statement lapses an agent's expired offer and inserts the
 * new one in the same statement.
 */
export class OneHeldOffer1796600000000 implements MigrationInterface {
  name = 'OneHeldOffer1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "reservations" ADD CONSTRAINT "ex_reservations_one_held_per_agent"
        EXCLUDE USING btree ("agent_id" WITH =) WHERE ("status" = 'held') DEFERRABLE INITIALLY DEFERRED`);
    await queryRunner.query(`
      ALTER TABLE "reservations" ADD CONSTRAINT "ex_reservations_one_held_per_call"
        EXCLUDE USING btree ("call_id" WITH =) WHERE ("status" = 'held') DEFERRABLE INITIALLY DEFERRED`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "reservations" DROP CONSTRAINT "ex_reservations_one_held_per_call"`,
    );
    await queryRunner.query(
      `ALTER TABLE "reservations" DROP CONSTRAINT "ex_reservations_one_held_per_agent"`,
    );
  }
}
