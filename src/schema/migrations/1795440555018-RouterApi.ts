import { MigrationInterface, QueryRunner } from 'typeorm';

export class RouterApi1795440555018 implements MigrationInterface {
  name = 'RouterApi1795440555018';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "call_events" (
                "event_id" text NOT NULL,
                "type" text NOT NULL,
                "call_id" text NOT NULL,
                "agent_id" uuid NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_call_events" PRIMARY KEY ("event_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_call_events_call" ON "call_events" ("call_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "calls" (
                "call_id" text NOT NULL,
                "agent_id" uuid NOT NULL,
                "answered_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "duration_seconds" integer,
                "hostile_severity" smallint,
                "hostile_source" text,
                "hostile_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_calls" PRIMARY KEY ("call_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_calls_agent_ended" ON "calls" ("agent_id", "ended_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_calls_agent_answered" ON "calls" ("agent_id", "answered_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "agent_presence" (
                "agent_id" uuid NOT NULL,
                "state" text NOT NULL DEFAULT 'offline',
                "since" TIMESTAMP WITH TIME ZONE NOT NULL,
                "until" TIMESTAMP WITH TIME ZONE,
                "reason" text,
                "return_state" text NOT NULL DEFAULT 'available',
                "consecutive_lapses" integer NOT NULL DEFAULT '0',
                "reservation_id" uuid,
                "current_call_id" text,
                "last_event_at" TIMESTAMP WITH TIME ZONE,
                "load_calls" integer NOT NULL DEFAULT '0',
                "load_hostile" integer NOT NULL DEFAULT '0',
                "load_occupancy" real NOT NULL DEFAULT '0',
                "load_as_of" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_agent_presence" PRIMARY KEY ("agent_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_agent_presence_until" ON "agent_presence" ("until")
            WHERE until IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_agent_presence_state" ON "agent_presence" ("state")
        `);
    await queryRunner.query(`
            CREATE TABLE "presence_intervals" (
                "id" BIGSERIAL NOT NULL,
                "agent_id" uuid NOT NULL,
                "state" text NOT NULL,
                "reason" text,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_presence_intervals" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_presence_intervals_open" ON "presence_intervals" ("agent_id")
            WHERE ended_at IS NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_presence_intervals_agent_started" ON "presence_intervals" ("agent_id", "started_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "scheduled_states" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agent_id" uuid NOT NULL,
                "state" text NOT NULL,
                "reason" text,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE,
                "duration_seconds" integer,
                "status" text NOT NULL DEFAULT 'pending',
                "source_kind" text NOT NULL,
                "source_id" text NOT NULL,
                "activated_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_scheduled_states" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_scheduled_states_live" ON "scheduled_states" ("agent_id", "starts_at")
            WHERE status IN ('pending', 'active')
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_scheduled_states_source" ON "scheduled_states" ("source_kind", "source_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "reservations" (
                "id" uuid NOT NULL,
                "call_id" text NOT NULL,
                "agent_id" uuid NOT NULL,
                "status" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "criteria" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "pk_reservations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reservations_call" ON "reservations" ("call_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_reservations_held_expiry" ON "reservations" ("expires_at")
            WHERE status = 'held'
        `);
    await queryRunner.query(`
            CREATE TABLE "team_settings" (
                "team_id" uuid NOT NULL,
                "wrap_up_seconds" integer NOT NULL DEFAULT '30',
                "occupancy_cap" real NOT NULL DEFAULT '0.85',
                "routing_order" text NOT NULL DEFAULT 'wellbeing',
                "stale_after_seconds" integer NOT NULL DEFAULT '7200',
                "reservation_ttl_seconds" integer NOT NULL DEFAULT '20',
                CONSTRAINT "pk_team_settings" PRIMARY KEY ("team_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_presence"
            ADD CONSTRAINT "fk_agent_presence_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "presence_intervals"
            ADD CONSTRAINT "fk_presence_intervals_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "scheduled_states"
            ADD CONSTRAINT "fk_scheduled_states_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "team_settings"
            ADD CONSTRAINT "fk_team_settings_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Never two live holds for one agent or one call. Deferred, so one statement may lapse an old
    // hold and place a new one; checked at commit whatever the number of replicas.
    await queryRunner.query(`
            ALTER TABLE "reservations" ADD CONSTRAINT "ex_reservations_live_agent"
            EXCLUDE USING btree ("agent_id" WITH =) WHERE (status = 'held') DEFERRABLE INITIALLY DEFERRED
        `);
    await queryRunner.query(`
            ALTER TABLE "reservations" ADD CONSTRAINT "ex_reservations_live_call"
            EXCLUDE USING btree ("call_id" WITH =) WHERE (status = 'held') DEFERRABLE INITIALLY DEFERRED
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "reservations" DROP CONSTRAINT "ex_reservations_live_call"`,
    );
    await queryRunner.query(
      `ALTER TABLE "reservations" DROP CONSTRAINT "ex_reservations_live_agent"`,
    );
    await queryRunner.query(`
            ALTER TABLE "team_settings" DROP CONSTRAINT "fk_team_settings_team"
        `);
    await queryRunner.query(`
            ALTER TABLE "scheduled_states" DROP CONSTRAINT "fk_scheduled_states_agent"
        `);
    await queryRunner.query(`
            ALTER TABLE "presence_intervals" DROP CONSTRAINT "fk_presence_intervals_agent"
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_presence" DROP CONSTRAINT "fk_agent_presence_agent"
        `);
    await queryRunner.query(`
            DROP TABLE "team_settings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reservations_held_expiry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_reservations_call"
        `);
    await queryRunner.query(`
            DROP TABLE "reservations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_scheduled_states_source"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_scheduled_states_live"
        `);
    await queryRunner.query(`
            DROP TABLE "scheduled_states"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_presence_intervals_agent_started"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_presence_intervals_open"
        `);
    await queryRunner.query(`
            DROP TABLE "presence_intervals"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_agent_presence_state"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_agent_presence_until"
        `);
    await queryRunner.query(`
            DROP TABLE "agent_presence"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_calls_agent_answered"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_calls_agent_ended"
        `);
    await queryRunner.query(`
            DROP TABLE "calls"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_call_events_call"
        `);
    await queryRunner.query(`
            DROP TABLE "call_events"
        `);
  }
}
