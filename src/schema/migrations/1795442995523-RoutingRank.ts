import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Index-driven routing: rank_penalty (over-cap, hostile calls) and idle_since, with a partial index
 * in ranking order, so a reservation stops at the first free match instead of sorting every candidate.
 * idle_since is kept by a trigger, so every writer of agent_presence keeps it right.
 */
export class RoutingRank1795442995523 implements MigrationInterface {
  name = 'RoutingRank1795442995523';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "agent_presence" ADD "rank_penalty" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(
      `ALTER TABLE "agent_presence" ADD "idle_since" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(`
      CREATE FUNCTION agent_presence_idle_since() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.idle_since := CASE WHEN NEW.state = 'available' THEN NEW.since ELSE NEW.until END;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_agent_presence_idle_since BEFORE INSERT OR UPDATE OF state, since, until ON agent_presence
      FOR EACH ROW EXECUTE FUNCTION agent_presence_idle_since()`);
    await queryRunner.query(`UPDATE agent_presence SET since = since`);
    await queryRunner.query(`
      CREATE INDEX "ix_agent_presence_routing" ON "agent_presence" ("rank_penalty", "idle_since", "agent_id")
      WHERE state IN ('available', 'reserved', 'wrap_up', 'break', 'recovery', 'counseling')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_agent_presence_routing"`);
    await queryRunner.query(`DROP TRIGGER trg_agent_presence_idle_since ON agent_presence`);
    await queryRunner.query(`DROP FUNCTION agent_presence_idle_since()`);
    await queryRunner.query(`ALTER TABLE "agent_presence" DROP COLUMN "idle_since"`);
    await queryRunner.query(`ALTER TABLE "agent_presence" DROP COLUMN "rank_penalty"`);
  }
}
