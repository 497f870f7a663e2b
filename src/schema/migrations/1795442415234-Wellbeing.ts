import { MigrationInterface, QueryRunner } from 'typeorm';

export class Wellbeing1795442415234 implements MigrationInterface {
  name = 'Wellbeing1795442415234';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "actor" text NOT NULL,
                "action" text NOT NULL,
                "subject_type" text NOT NULL,
                "subject_id" text,
                "details" jsonb NOT NULL DEFAULT '{}',
                CONSTRAINT "pk_audit_log" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at")
        `);
    await queryRunner.query(`
            CREATE TABLE "break_bookings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agent_id" uuid NOT NULL,
                "team_id" uuid,
                "kind" text NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL DEFAULT 'booked',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ex_break_bookings_overlap" EXCLUDE USING gist (
                    "agent_id" WITH =,
                    tstzrange("starts_at", "ends_at") WITH &&
                )
                WHERE (status = 'booked'),
                    CONSTRAINT "pk_break_bookings" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_break_bookings_team" ON "break_bookings" ("team_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "hostile_reports" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "call_id" text NOT NULL,
                "agent_id" uuid NOT NULL,
                "reported_by" uuid NOT NULL,
                "source" text NOT NULL,
                "severity" smallint NOT NULL,
                "note" text,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_hostile_reports" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_hostile_reports_call" ON "hostile_reports" ("call_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "wellbeing_alerts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "team_id" uuid,
                "agent_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "dedupe_key" text NOT NULL,
                "details" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "acknowledged_at" TIMESTAMP WITH TIME ZONE,
                "acknowledged_by" uuid,
                CONSTRAINT "pk_wellbeing_alerts" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_wellbeing_alerts_team" ON "wellbeing_alerts" ("team_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_wellbeing_alerts_dedupe" ON "wellbeing_alerts" ("dedupe_key")
        `);
    await queryRunner.query(`
            CREATE TABLE "wellbeing_grants" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "source_id" text NOT NULL,
                "agent_id" uuid NOT NULL,
                "team_id" uuid,
                "severity" smallint,
                "call_ended_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "minimum_seconds" integer NOT NULL,
                "granted_seconds" integer NOT NULL,
                "effective_seconds" integer NOT NULL,
                CONSTRAINT "pk_wellbeing_grants" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_wellbeing_grants_team" ON "wellbeing_grants" ("team_id", "granted_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_wellbeing_grants_agent" ON "wellbeing_grants" ("agent_id", "call_ended_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_wellbeing_grants_source" ON "wellbeing_grants" ("kind", "source_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "wellbeing_offers" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agent_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "source_call_id" text NOT NULL,
                "status" text NOT NULL DEFAULT 'open',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_wellbeing_offers" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_wellbeing_offers_source" ON "wellbeing_offers" ("agent_id", "source_call_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "wellbeing_policies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "scope" text NOT NULL,
                "scope_id" uuid NOT NULL,
                "settings" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_by" text NOT NULL,
                CONSTRAINT "pk_wellbeing_policies" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_wellbeing_policies_scope" ON "wellbeing_policies" ("scope", "scope_id")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."uq_wellbeing_policies_scope"
        `);
    await queryRunner.query(`
            DROP TABLE "wellbeing_policies"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_wellbeing_offers_source"
        `);
    await queryRunner.query(`
            DROP TABLE "wellbeing_offers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_wellbeing_grants_source"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_wellbeing_grants_agent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_wellbeing_grants_team"
        `);
    await queryRunner.query(`
            DROP TABLE "wellbeing_grants"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_wellbeing_alerts_dedupe"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_wellbeing_alerts_team"
        `);
    await queryRunner.query(`
            DROP TABLE "wellbeing_alerts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_hostile_reports_call"
        `);
    await queryRunner.query(`
            DROP TABLE "hostile_reports"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_break_bookings_team"
        `);
    await queryRunner.query(`
            DROP TABLE "break_bookings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_audit_log_at"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
  }
}
