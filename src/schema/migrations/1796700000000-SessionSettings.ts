import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The admin's session settings (the idle timeout), one row; without it the configuration's
 * SESSION_IDLE_MINUTES applies.
 */
export class SessionSettings1796700000000 implements MigrationInterface {
  name = 'SessionSettings1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "session_settings" (
        "id" smallint NOT NULL,
        "idle_timeout_minutes" integer NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_by" uuid,
        CONSTRAINT "ck_session_settings_idle" CHECK ("idle_timeout_minutes" BETWEEN 5 AND 720),
        CONSTRAINT "ck_session_settings_single_row" CHECK ("id" = 1),
        CONSTRAINT "pk_session_settings" PRIMARY KEY ("id")
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "session_settings"`);
  }
}
