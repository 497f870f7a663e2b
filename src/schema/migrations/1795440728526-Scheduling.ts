import { MigrationInterface, QueryRunner } from 'typeorm';

export class Scheduling1795440728526 implements MigrationInterface {
  name = 'Scheduling1795440728526';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "team_forecasts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "team_id" uuid NOT NULL,
                "dialect" text NOT NULL DEFAULT '',
                "interval_start" TIMESTAMP WITH TIME ZONE NOT NULL,
                "interval_minutes" integer NOT NULL,
                "calls" double precision NOT NULL,
                "aht_seconds" double precision NOT NULL,
                CONSTRAINT "PK_4ab9793bec40bb4e6e3f6c0dd04" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_team_forecasts_interval" ON "team_forecasts" ("team_id", "dialect", "interval_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "team_planning_settings" (
                "team_id" uuid NOT NULL,
                "target_service_level" double precision NOT NULL DEFAULT '0.8',
                "target_answer_seconds" integer NOT NULL DEFAULT '20',
                "shrinkage" double precision NOT NULL DEFAULT '0.3',
                "max_occupancy" double precision,
                "hostile_call_rate" double precision NOT NULL DEFAULT '0.05',
                "recovery_minutes_per_hostile_call" double precision NOT NULL DEFAULT '7',
                CONSTRAINT "PK_bbbec41dc35c1f769b7bb61c82b" PRIMARY KEY ("team_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "schedules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "team_id" uuid NOT NULL,
                "status" text NOT NULL,
                "progress" real NOT NULL DEFAULT '0',
                "start_date" date NOT NULL,
                "days" integer NOT NULL,
                "interval_minutes" integer NOT NULL,
                "objective" double precision,
                "lower_bound" double precision,
                "failure_reason" text,
                "requirements" jsonb NOT NULL DEFAULT '[]',
                "coverage" jsonb NOT NULL DEFAULT '[]',
                "violations" jsonb NOT NULL DEFAULT '[]',
                "stats" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "published_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_7e33fc2ea755a5765e3564e66dd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_schedules_team_id" ON "schedules" ("team_id", "start_date")
        `);
    await queryRunner.query(`
            CREATE TABLE "shifts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "schedule_id" uuid NOT NULL,
                "agent_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "breaks" jsonb NOT NULL DEFAULT '[]',
                "live" boolean NOT NULL DEFAULT false,
                CONSTRAINT "PK_84d692e367e4d6cdf045828768c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_shifts_agent_starts_at" ON "shifts" ("agent_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_shifts_schedule_id" ON "shifts" ("schedule_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "shift_swaps" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "shift_id" uuid NOT NULL,
                "offered_by" uuid NOT NULL,
                "accepted_by" uuid,
                "status" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_b236b0d68e8a55a4cda876bea0e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_shift_swaps_shift" ON "shift_swaps" ("shift_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "site_labour_rules" (
                "site_id" uuid NOT NULL,
                "rules" jsonb NOT NULL DEFAULT '{}',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_26ee24cea99a2cc6aae9ca11f2b" PRIMARY KEY ("site_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "time_off_requests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agent_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL,
                "reason" text,
                "decided_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "ck_time_off_range" CHECK (ends_at > starts_at),
                CONSTRAINT "PK_d2dc15201117320068bbc641715" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_time_off_agent" ON "time_off_requests" ("agent_id", "starts_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "team_forecasts"
            ADD CONSTRAINT "fk_team_forecasts_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "team_planning_settings"
            ADD CONSTRAINT "fk_team_planning_settings_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "schedules"
            ADD CONSTRAINT "fk_schedules_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shifts"
            ADD CONSTRAINT "fk_shifts_schedule" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shifts"
            ADD CONSTRAINT "fk_shifts_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_swaps"
            ADD CONSTRAINT "fk_shift_swaps_shift" FOREIGN KEY ("shift_id") REFERENCES "shifts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "site_labour_rules"
            ADD CONSTRAINT "fk_site_labour_rules_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "time_off_requests"
            ADD CONSTRAINT "fk_time_off_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    // Hand-added: one agent's live (published) shifts never overlap.
    await queryRunner.query(`
            ALTER TABLE "shifts" ADD CONSTRAINT "ex_shifts_agent_no_overlap"
            EXCLUDE USING gist ("agent_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("live")
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "shifts" DROP CONSTRAINT "ex_shifts_agent_no_overlap"
        `);
    await queryRunner.query(`
            ALTER TABLE "time_off_requests" DROP CONSTRAINT "fk_time_off_agent"
        `);
    await queryRunner.query(`
            ALTER TABLE "site_labour_rules" DROP CONSTRAINT "fk_site_labour_rules_site"
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_swaps" DROP CONSTRAINT "fk_shift_swaps_shift"
        `);
    await queryRunner.query(`
            ALTER TABLE "shifts" DROP CONSTRAINT "fk_shifts_agent"
        `);
    await queryRunner.query(`
            ALTER TABLE "shifts" DROP CONSTRAINT "fk_shifts_schedule"
        `);
    await queryRunner.query(`
            ALTER TABLE "schedules" DROP CONSTRAINT "fk_schedules_team"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_planning_settings" DROP CONSTRAINT "fk_team_planning_settings_team"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_forecasts" DROP CONSTRAINT "fk_team_forecasts_team"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_time_off_agent"
        `);
    await queryRunner.query(`
            DROP TABLE "time_off_requests"
        `);
    await queryRunner.query(`
            DROP TABLE "site_labour_rules"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_shift_swaps_shift"
        `);
    await queryRunner.query(`
            DROP TABLE "shift_swaps"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_shifts_schedule_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_shifts_agent_starts_at"
        `);
    await queryRunner.query(`
            DROP TABLE "shifts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_schedules_team_id"
        `);
    await queryRunner.query(`
            DROP TABLE "schedules"
        `);
    await queryRunner.query(`
            DROP TABLE "team_planning_settings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_team_forecasts_interval"
        `);
    await queryRunner.query(`
            DROP TABLE "team_forecasts"
        `);
  }
}
