import { MigrationInterface, QueryRunner } from 'typeorm';

/** Human callbacks: the callbacks table, callback timing on queued items, team retry delay and share cap. */
export class Callbacks1796100000000 implements MigrationInterface {
  name = 'Callbacks1796100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "callbacks" (
        "callback_id" text NOT NULL,
        "queue_id" text NOT NULL,
        "status" text NOT NULL DEFAULT 'open',
        "dialect" text,
        "team_id" uuid,
        "dial_target" text,
        "not_before" TIMESTAMP WITH TIME ZONE NOT NULL,
        "not_after" TIMESTAMP WITH TIME ZONE NOT NULL,
        "attempts" integer NOT NULL DEFAULT '0',
        "first_attempt_at" TIMESTAMP WITH TIME ZONE,
        "last_attempt_at" TIMESTAMP WITH TIME ZONE,
        "last_result" text,
        "reached_at" TIMESTAMP WITH TIME ZONE,
        "closed_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_callbacks" PRIMARY KEY ("callback_id")
      )`);
    await q.query(
      `CREATE INDEX "ix_callbacks_status_window" ON "callbacks" ("status", "not_after")`,
    );
    await q.query(`CREATE INDEX "ix_callbacks_not_before" ON "callbacks" ("not_before")`);
    await q.query(`ALTER TABLE "queued_calls" ADD "ready_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "queued_calls" ADD "urgent_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "queued_calls" ADD "give_up_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "ix_queued_calls_offered" ON "queued_calls" ("offered_at")`);
    await q.query(
      `ALTER TABLE "team_settings" ADD "callback_retry_minutes" integer NOT NULL DEFAULT '15'`,
    );
    await q.query(
      `ALTER TABLE "team_settings" ADD "callback_max_share" real NOT NULL DEFAULT '0.3'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "team_settings" DROP COLUMN "callback_max_share"`);
    await q.query(`ALTER TABLE "team_settings" DROP COLUMN "callback_retry_minutes"`);
    await q.query(`DROP INDEX "public"."ix_queued_calls_offered"`);
    await q.query(`ALTER TABLE "queued_calls" DROP COLUMN "give_up_at"`);
    await q.query(`ALTER TABLE "queued_calls" DROP COLUMN "urgent_at"`);
    await q.query(`ALTER TABLE "queued_calls" DROP COLUMN "ready_at"`);
    await q.query(`DROP INDEX "public"."ix_callbacks_not_before"`);
    await q.query(`DROP INDEX "public"."ix_callbacks_status_window"`);
    await q.query(`DROP TABLE "callbacks"`);
  }
}
