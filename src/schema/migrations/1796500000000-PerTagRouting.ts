import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-tag routing index (issue 18): agent_presence's routing index is ordered by rank and idle time
 * without the tag, so a Wuhan call walked every more-idle Putonghua-only agent. agent_tags now carries
 * copies of the presence columns the routing order needs, kept by triggers in the same transaction, and
 * an index (tag, rank_penalty, idle_since, agent_id) over routable agents lets a tagged query start
 * at the best free agent with that tag.
 */
export class PerTagRouting1796500000000 implements MigrationInterface {
  name = 'PerTagRouting1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agent_tags" ADD "presence_state" text`);
    await queryRunner.query(
      `ALTER TABLE "agent_tags" ADD "rank_penalty" integer NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE "agent_tags" ADD "idle_since" TIMESTAMP WITH TIME ZONE`);
    // Presence changed: copy onto the agent's tag rows (only rows that differ, so no-op updates write nothing).
    await queryRunner.query(`
      CREATE FUNCTION agent_presence_to_tags() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE agent_tags SET presence_state = NEW.state, rank_penalty = NEW.rank_penalty, idle_since = NEW.idle_since
         WHERE agent_id = NEW.agent_id
           AND (presence_state IS DISTINCT FROM NEW.state OR rank_penalty <> NEW.rank_penalty
                OR idle_since IS DISTINCT FROM NEW.idle_since);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_agent_presence_to_tags
      AFTER INSERT OR UPDATE OF state, since, until, rank_penalty, idle_since ON agent_presence
      FOR EACH ROW EXECUTE FUNCTION agent_presence_to_tags()`);
    // A tag added to an agent starts with the agent's presence.
    await queryRunner.query(`
      CREATE FUNCTION agent_tags_from_presence() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT p.state, p.rank_penalty, p.idle_since INTO NEW.presence_state, NEW.rank_penalty, NEW.idle_since
          FROM agent_presence p WHERE p.agent_id = NEW.agent_id;
        NEW.rank_penalty := COALESCE(NEW.rank_penalty, 0);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER trg_agent_tags_from_presence BEFORE INSERT ON agent_tags
      FOR EACH ROW EXECUTE FUNCTION agent_tags_from_presence()`);
    await queryRunner.query(`
      UPDATE agent_tags t SET presence_state = p.state, rank_penalty = p.rank_penalty, idle_since = p.idle_since
        FROM agent_presence p WHERE p.agent_id = t.agent_id`);
    await queryRunner.query(`
      CREATE INDEX "ix_agent_tags_routing" ON "agent_tags" ("tag", "rank_penalty", "idle_since", "agent_id")
      WHERE presence_state IN ('available', 'reserved', 'wrap_up', 'break', 'recovery', 'counseling')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_agent_tags_routing"`);
    await queryRunner.query(`DROP TRIGGER trg_agent_tags_from_presence ON agent_tags`);
    await queryRunner.query(`DROP FUNCTION agent_tags_from_presence()`);
    await queryRunner.query(`DROP TRIGGER trg_agent_presence_to_tags ON agent_presence`);
    await queryRunner.query(`DROP FUNCTION agent_presence_to_tags()`);
    await queryRunner.query(`ALTER TABLE "agent_tags" DROP COLUMN "idle_since"`);
    await queryRunner.query(`ALTER TABLE "agent_tags" DROP COLUMN "rank_penalty"`);
    await queryRunner.query(`ALTER TABLE "agent_tags" DROP COLUMN "presence_state"`);
  }
}
