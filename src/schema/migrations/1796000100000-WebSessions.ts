import { MigrationInterface, QueryRunner } from 'typeorm';

/** Browser sessions (refresh credential behind the cookies) and calendar subscription tokens. */
export class WebSessions1796000100000 implements MigrationInterface {
  name = 'WebSessions1796000100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "web_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "token_version" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "last_active_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_web_sessions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_web_sessions_user" ON "web_sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_web_sessions_token_hash" ON "web_sessions" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "calendar_feeds" (
                "agent_id" uuid NOT NULL,
                "token_hash" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_calendar_feeds" PRIMARY KEY ("agent_id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_calendar_feeds_token_hash" ON "calendar_feeds" ("token_hash")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_calendar_feeds_token_hash"
        `);
    await queryRunner.query(`
            DROP TABLE "calendar_feeds"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_web_sessions_token_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_web_sessions_user"
        `);
    await queryRunner.query(`
            DROP TABLE "web_sessions"
        `);
  }
}
