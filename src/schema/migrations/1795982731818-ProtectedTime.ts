import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProtectedTime1795982731818 implements MigrationInterface {
  name = 'ProtectedTime1795982731818';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "counselor_notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "counselor_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_counselor_notifications" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_counselor_notifications_counselor" ON "counselor_notifications" ("counselor_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_presence"
            ADD "return_reason" text
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_presence"
            ADD "held_by_agent" boolean NOT NULL DEFAULT false
        `);
    await queryRunner.query(`
            ALTER TABLE "team_settings"
            ADD "hostile_report_window_seconds" integer NOT NULL DEFAULT '20'
        `);
    await queryRunner.query(`
            ALTER TABLE "team_settings"
            ADD "expected_handle_seconds" integer NOT NULL DEFAULT '300'
        `);
    await queryRunner.query(`
            ALTER TABLE "counselor_notifications"
            ADD CONSTRAINT "fk_counselor_notifications_counselor" FOREIGN KEY ("counselor_id") REFERENCES "counselors"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "counselor_notifications" DROP CONSTRAINT "fk_counselor_notifications_counselor"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_settings" DROP COLUMN "expected_handle_seconds"
        `);
    await queryRunner.query(`
            ALTER TABLE "team_settings" DROP COLUMN "hostile_report_window_seconds"
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_presence" DROP COLUMN "held_by_agent"
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_presence" DROP COLUMN "return_reason"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_counselor_notifications_counselor"
        `);
    await queryRunner.query(`
            DROP TABLE "counselor_notifications"
        `);
  }
}
