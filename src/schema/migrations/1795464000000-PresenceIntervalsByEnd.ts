import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Window reads of presence history ("intervals overlapping [from, to)") filtered by
 * `started_at < to` walked an agent's whole history; by the interval's end (open = infinity) they
 * walk only the window.
 */
export class PresenceIntervalsByEnd1795464000000 implements MigrationInterface {
  name = 'PresenceIntervalsByEnd1795464000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "ix_presence_intervals_agent_end" ON "presence_intervals"
            ("agent_id", (COALESCE("ended_at", 'infinity'::timestamptz)))
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_presence_intervals_agent_end"`);
  }
}
