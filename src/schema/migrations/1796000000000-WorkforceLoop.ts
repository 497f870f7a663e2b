import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkforceLoop1796000000000 implements MigrationInterface {
  name = 'WorkforceLoop1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "agent_work_profiles" (
                "agent_id" uuid NOT NULL,
                "min_weekly_minutes" integer,
                "max_weekly_minutes" integer,
                "unavailability" jsonb NOT NULL DEFAULT '[]',
                "preferred_start_earliest" text,
                "preferred_start_latest" text,
                "preferred_days_off" integer array NOT NULL DEFAULT '{}',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_7a64e60904e4faad13e2f4dd74e" PRIMARY KEY ("agent_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "open_shifts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "schedule_id" uuid NOT NULL,
                "team_id" uuid NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "breaks" jsonb NOT NULL DEFAULT '[]',
                "required_dialects" text array NOT NULL DEFAULT '{}',
                "origin" text NOT NULL,
                "previous_agent_id" uuid,
                "status" text NOT NULL,
                "taken_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_4927385ee58fa2193badefa50a3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_open_shifts_schedule" ON "open_shifts" ("schedule_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "team_shift_settings" (
                "team_id" uuid NOT NULL,
                "shift_templates" jsonb NOT NULL DEFAULT '[]',
                "consistent_start_times" boolean NOT NULL DEFAULT false,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_8cb7b75437fed17ffe963be5cfa" PRIMARY KEY ("team_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "schedules"
            ADD "diagnostics" jsonb NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "shifts"
            ADD "open_shift_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_swaps"
            ADD "counter_shift_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_swaps"
            ADD "counter_agent_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_swaps"
            ADD "approved_by" uuid
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_shifts_open_shift" ON "shifts" ("open_shift_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_swaps"
            ADD CONSTRAINT "fk_shift_swaps_counter_shift" FOREIGN KEY ("counter_shift_id") REFERENCES "shifts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_work_profiles"
            ADD CONSTRAINT "fk_agent_work_profiles_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "open_shifts"
            ADD CONSTRAINT "fk_open_shifts_schedule" FOREIGN KEY ("schedule_id") REFERENCES "schedules"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "team_shift_settings"
            ADD CONSTRAINT "fk_team_shift_settings_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "team_shift_settings" DROP CONSTRAINT "fk_team_shift_settings_team"
        `);
    await queryRunner.query(`
            ALTER TABLE "open_shifts" DROP CONSTRAINT "fk_open_shifts_schedule"
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_work_profiles" DROP CONSTRAINT "fk_agent_work_profiles_agent"
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_swaps" DROP CONSTRAINT "fk_shift_swaps_counter_shift"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_shifts_open_shift"
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_swaps" DROP COLUMN "approved_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_swaps" DROP COLUMN "counter_agent_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "shift_swaps" DROP COLUMN "counter_shift_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "shifts" DROP COLUMN "open_shift_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "schedules" DROP COLUMN "diagnostics"
        `);
    await queryRunner.query(`
            DROP TABLE "team_shift_settings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_open_shifts_schedule"
        `);
    await queryRunner.query(`
            DROP TABLE "open_shifts"
        `);
    await queryRunner.query(`
            DROP TABLE "agent_work_profiles"
        `);
  }
}
