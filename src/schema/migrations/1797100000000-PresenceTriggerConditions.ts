import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The presence triggers fire only when what they copy changed. The load refresh rewrites every
 * agent's load figures after each call and used to enter both PL/pgSQL functions just to find
 * nothing to do; a WHEN condition is checked without calling them.
 */
export class PresenceTriggerConditions1797100000000 implements MigrationInterface {
  name = 'PresenceTriggerConditions1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_agent_presence_events ON agent_presence`);
    await queryRunner.query(`
      CREATE TRIGGER trg_agent_presence_events_insert AFTER INSERT ON agent_presence
      FOR EACH ROW EXECUTE FUNCTION events_presence_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER trg_agent_presence_events AFTER UPDATE ON agent_presence
      FOR EACH ROW WHEN (NEW.state IS DISTINCT FROM OLD.state OR NEW.reason IS DISTINCT FROM OLD.reason
                         OR NEW.until IS DISTINCT FROM OLD.until OR NEW.since IS DISTINCT FROM OLD.since)
      EXECUTE FUNCTION events_presence_changed()`);
    await queryRunner.query(`DROP TRIGGER trg_agent_presence_to_tags ON agent_presence`);
    await queryRunner.query(`
      CREATE TRIGGER trg_agent_presence_to_tags_insert AFTER INSERT ON agent_presence
      FOR EACH ROW EXECUTE FUNCTION agent_presence_to_tags()`);
    await queryRunner.query(`
      CREATE TRIGGER trg_agent_presence_to_tags
      AFTER UPDATE OF state, since, until, rank_penalty, idle_since ON agent_presence
      FOR EACH ROW WHEN (NEW.state IS DISTINCT FROM OLD.state OR NEW.rank_penalty IS DISTINCT FROM OLD.rank_penalty
                         OR NEW.idle_since IS DISTINCT FROM OLD.idle_since)
      EXECUTE FUNCTION agent_presence_to_tags()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_agent_presence_to_tags ON agent_presence`);
    await queryRunner.query(`DROP TRIGGER trg_agent_presence_to_tags_insert ON agent_presence`);
    await queryRunner.query(`
      CREATE TRIGGER trg_agent_presence_to_tags
      AFTER INSERT OR UPDATE OF state, since, until, rank_penalty, idle_since ON agent_presence
      FOR EACH ROW EXECUTE FUNCTION agent_presence_to_tags()`);
    await queryRunner.query(`DROP TRIGGER trg_agent_presence_events ON agent_presence`);
    await queryRunner.query(`DROP TRIGGER trg_agent_presence_events_insert ON agent_presence`);
    await queryRunner.query(`
      CREATE TRIGGER trg_agent_presence_events AFTER INSERT OR UPDATE ON agent_presence
      FOR EACH ROW EXECUTE FUNCTION events_presence_changed()`);
  }
}
