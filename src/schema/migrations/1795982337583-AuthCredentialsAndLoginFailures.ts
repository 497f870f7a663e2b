import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuthCredentialsAndLoginFailures1795982337583 implements MigrationInterface {
  name = 'AuthCredentialsAndLoginFailures1795982337583';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "login_failures" (
                "id" BIGSERIAL NOT NULL,
                "key" text NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "pk_login_failures" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_login_failures_at" ON "login_failures" ("at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_login_failures_key_at" ON "login_failures" ("key", "at")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "token_version" integer NOT NULL DEFAULT '0'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "token_version"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_login_failures_key_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_login_failures_at"
        `);
    await queryRunner.query(`
            DROP TABLE "login_failures"
        `);
  }
}
