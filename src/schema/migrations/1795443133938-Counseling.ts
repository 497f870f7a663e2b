import { MigrationInterface, QueryRunner } from 'typeorm';

export class Counseling1795443133938 implements MigrationInterface {
  name = 'Counseling1795443133938';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "counselors" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "display_name" text NOT NULL,
                "time_zone" text NOT NULL,
                "languages" text array NOT NULL DEFAULT '{}',
                "session_minutes" integer array NOT NULL DEFAULT '{30,50}',
                "buffer_minutes" integer NOT NULL DEFAULT '10',
                "minimum_notice_minutes" integer NOT NULL DEFAULT '120',
                "booking_window_days" integer NOT NULL DEFAULT '30',
                "daily_maximum" integer NOT NULL DEFAULT '6',
                "weekly" jsonb NOT NULL DEFAULT '[]',
                "overrides" jsonb NOT NULL DEFAULT '[]',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_counselors" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_counselors_user_id" ON "counselors" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "counseling_bookings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "counselor_id" uuid NOT NULL,
                "agent_id" uuid NOT NULL,
                "site_id" uuid,
                "team_id" uuid,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "blocked_until" TIMESTAMP WITH TIME ZONE NOT NULL,
                "minutes" integer NOT NULL,
                "status" text NOT NULL DEFAULT 'booked',
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_by" text,
                "cancel_reason" text,
                "rescheduled_from" uuid,
                "rescheduled_to" uuid,
                "notes_ciphertext" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ex_counseling_bookings_agent" EXCLUDE USING gist (
                    "agent_id" WITH =,
                    tstzrange("starts_at", "ends_at") WITH &&
                )
                WHERE (status = 'booked'),
                    CONSTRAINT "ex_counseling_bookings_counselor" EXCLUDE USING gist (
                        "counselor_id" WITH =,
                        tstzrange("starts_at", "blocked_until") WITH &&
                    )
                WHERE (status = 'booked'),
                    CONSTRAINT "pk_counseling_bookings" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_counseling_bookings_counselor" ON "counseling_bookings" ("counselor_id", "starts_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_counseling_bookings_agent" ON "counseling_bookings" ("agent_id", "starts_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "counselors"
            ADD CONSTRAINT "fk_counselors_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "counseling_bookings"
            ADD CONSTRAINT "fk_counseling_bookings_counselor" FOREIGN KEY ("counselor_id") REFERENCES "counselors"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "counseling_bookings"
            ADD CONSTRAINT "fk_counseling_bookings_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "counseling_bookings" DROP CONSTRAINT "fk_counseling_bookings_agent"
        `);
    await queryRunner.query(`
            ALTER TABLE "counseling_bookings" DROP CONSTRAINT "fk_counseling_bookings_counselor"
        `);
    await queryRunner.query(`
            ALTER TABLE "counselors" DROP CONSTRAINT "fk_counselors_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_counseling_bookings_agent"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_counseling_bookings_counselor"
        `);
    await queryRunner.query(`
            DROP TABLE "counseling_bookings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_counselors_user_id"
        `);
    await queryRunner.query(`
            DROP TABLE "counselors"
        `);
  }
}
