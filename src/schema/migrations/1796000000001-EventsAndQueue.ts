import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live event stream (events, numbered in commit order by events_seq) with a trigger that turns
 * every presence change into events; the call queue; hostile callers by keyed hash; stranded-call
 * alerts; agents' contact; teams' maxHostilePerHour and maxCallMinutes.
 */
export class EventsAndQueue1796000000001 implements MigrationInterface {
  name = 'EventsAndQueue1796000000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "events" (
                "id" BIGSERIAL NOT NULL,
                "seq" bigint,
                "type" text NOT NULL,
                "team_id" uuid,
                "agent_id" uuid,
                "audience" text array NOT NULL,
                "payload" jsonb NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_events" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_events_at" ON "events" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_events_unsequenced" ON "events" ("id")
            WHERE seq IS NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_events_seq" ON "events" ("seq")
        `);
    await queryRunner.query(`
            CREATE TABLE "queued_calls" (
                "call_id" text NOT NULL,
                "kind" text NOT NULL DEFAULT 'call',
                "status" text NOT NULL,
                "priority" smallint NOT NULL DEFAULT '0',
                "dialect" text,
                "min_proficiency" smallint,
                "skills" text array NOT NULL DEFAULT '{}',
                "fallback" jsonb NOT NULL DEFAULT '[]',
                "caller_hash" text,
                "flagged_caller" boolean NOT NULL DEFAULT false,
                "enqueued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "excluded_agent_ids" uuid array NOT NULL DEFAULT '{}',
                "reservation_id" uuid,
                "agent_id" uuid,
                "team_id" uuid,
                "offer_expires_at" TIMESTAMP WITH TIME ZONE,
                "offered_at" TIMESTAMP WITH TIME ZONE,
                "connected_at" TIMESTAMP WITH TIME ZONE,
                "ended_at" TIMESTAMP WITH TIME ZONE,
                "last_event_at" TIMESTAMP WITH TIME ZONE,
                "status_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_queued_calls" PRIMARY KEY ("call_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_queued_calls_caller" ON "queued_calls" ("caller_hash")
            WHERE caller_hash IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_queued_calls_connected" ON "queued_calls" ("agent_id")
            WHERE status = 'connected'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_queued_calls_offer_expiry" ON "queued_calls" ("offer_expires_at")
            WHERE status = 'offered'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_queued_calls_waiting" ON "queued_calls" ("priority", "enqueued_at")
            WHERE status = 'queued'
        `);
    await queryRunner.query(`
            CREATE TABLE "hostile_callers" (
                "caller_hash" text NOT NULL,
                "last_hostile_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_hostile_callers" PRIMARY KEY ("caller_hash")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_hostile_callers_last" ON "hostile_callers" ("last_hostile_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "stranded_call_alerts" (
                "call_id" text NOT NULL,
                "agent_id" uuid NOT NULL,
                "team_id" uuid,
                "alerted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "resolved_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_stranded_call_alerts" PRIMARY KEY ("call_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "agents"
            ADD "contact" text
        `);
    await queryRunner.query(`ALTER TABLE "reservations" ADD "decision_reason" text`);
    await queryRunner.query(`
            CREATE INDEX "ix_queued_calls_flagged_agent" ON "queued_calls" ("agent_id", "offered_at")
            WHERE flagged_caller
        `);
    await queryRunner.query(
      `CREATE INDEX "ix_queued_calls_enqueued" ON "queued_calls" ("enqueued_at")`,
    );
    await queryRunner.query(`
            ALTER TABLE "team_settings"
            ADD "max_hostile_per_hour" integer NOT NULL DEFAULT '2'
        `);
    await queryRunner.query(`
            ALTER TABLE "team_settings"
            ADD "max_call_minutes" integer NOT NULL DEFAULT '60'
        `);
    // Commit order for the live stream: the sequencer (events-bus.ts) numbers committed events.
    await queryRunner.query(`CREATE SEQUENCE "events_seq"`);
    // Every presence change is an event, written by the same statement that changes it. Towards anyone
    // but the agent, a counselling session is not_ready/private (no until): the true state goes only
    // to the agent's own audience.
    await queryRunner.query(`
            CREATE FUNCTION events_presence_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
              a record;
              body jsonb;
            BEGIN
              IF TG_OP = 'UPDATE' AND NEW.state IS NOT DISTINCT FROM OLD.state AND NEW.reason IS NOT DISTINCT FROM OLD.reason
                 AND NEW.until IS NOT DISTINCT FROM OLD.until AND NEW.since IS NOT DISTINCT FROM OLD.since THEN
                RETURN NULL;
              END IF;
              SELECT team_id, external_id, contact INTO a FROM agents WHERE id = NEW.agent_id;
              body := jsonb_build_object('agentId', NEW.agent_id, 'externalId', a.external_id, 'state', NEW.state,
                                         'since', NEW.since, 'until', NEW.until, 'reason', NEW.reason);
              IF NEW.state = 'counseling' THEN
                INSERT INTO events (type, team_id, agent_id, audience, payload, at)
                VALUES ('presence.changed', a.team_id, NEW.agent_id, '{agent}', body, NEW.since),
                       ('presence.changed', a.team_id, NEW.agent_id, '{team,router}',
                        body || jsonb_build_object('state', 'not_ready', 'reason', 'private', 'until', NULL), NEW.since);
              ELSE
                INSERT INTO events (type, team_id, agent_id, audience, payload, at)
                VALUES ('presence.changed', a.team_id, NEW.agent_id, '{agent,team,router}', body, NEW.since);
              END IF;
              IF NEW.state = 'available' AND (TG_OP = 'INSERT' OR OLD.state <> 'available') THEN
                INSERT INTO events (type, team_id, agent_id, audience, payload, at)
                VALUES ('agent.freed', a.team_id, NEW.agent_id, '{router}',
                        jsonb_build_object('agentId', NEW.agent_id, 'externalId', a.external_id, 'contact', a.contact), NEW.since);
              END IF;
              PERFORM pg_notify('shiftwell_events', '');
              RETURN NULL;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER trg_agent_presence_events AFTER INSERT OR UPDATE ON agent_presence
            FOR EACH ROW EXECUTE FUNCTION events_presence_changed()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER trg_agent_presence_events ON agent_presence`);
    await queryRunner.query(`DROP FUNCTION events_presence_changed()`);
    await queryRunner.query(`DROP SEQUENCE "events_seq"`);
    await queryRunner.query(`
            ALTER TABLE "team_settings" DROP COLUMN "max_call_minutes"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_settings" DROP COLUMN "max_hostile_per_hour"
        `);
    await queryRunner.query(`
            ALTER TABLE "agents" DROP COLUMN "contact"
        `);
    await queryRunner.query(`ALTER TABLE "reservations" DROP COLUMN "decision_reason"`);
    await queryRunner.query(`
            DROP TABLE "stranded_call_alerts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_hostile_callers_last"
        `);
    await queryRunner.query(`
            DROP TABLE "hostile_callers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_queued_calls_waiting"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_queued_calls_offer_expiry"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_queued_calls_connected"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_queued_calls_caller"
        `);
    await queryRunner.query(`
            DROP TABLE "queued_calls"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_events_seq"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_events_unsequenced"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_events_at"
        `);
    await queryRunner.query(`
            DROP TABLE "events"
        `);
  }
}
