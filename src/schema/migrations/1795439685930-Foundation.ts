import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795439685930 implements MigrationInterface {
  name = 'Foundation1795439685930';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "sites" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "time_zone" text NOT NULL DEFAULT 'Asia/Shanghai',
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4f5eccb1dfde10c9170502595a7" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "teams" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "site_id" uuid NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_teams_site_id" ON "teams" ("site_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" text NOT NULL,
                "password_hash" text NOT NULL,
                "display_name" text NOT NULL,
                "roles" text array NOT NULL DEFAULT '{}',
                "team_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_users_team_id" ON "users" ("team_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "routing_tags" (
                "tag" text NOT NULL,
                "kind" text NOT NULL,
                "label" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_routing_tags" PRIMARY KEY ("tag")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "agent_tags" (
                "agent_id" uuid NOT NULL,
                "tag" text NOT NULL,
                "proficiency" smallint NOT NULL,
                CONSTRAINT "ck_agent_tags_proficiency" CHECK (
                    proficiency BETWEEN 1 AND 5
                ),
                CONSTRAINT "PK_92f995375307fbb7042ac252a3e" PRIMARY KEY ("agent_id", "tag")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_agent_tags_tag_proficiency" ON "agent_tags" ("tag", "proficiency")
        `);
    await queryRunner.query(`
            CREATE TABLE "agents" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "external_id" text NOT NULL,
                "display_name" text NOT NULL,
                "user_id" uuid,
                "team_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9c653f28ae19c5884d5baf6a1d9" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_agents_external_id" ON "agents" ("external_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_agents_user_id" ON "agents" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_agents_team_id" ON "agents" ("team_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "name" text NOT NULL,
                "role" text NOT NULL,
                "key_prefix" text NOT NULL,
                "key_hash" text NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_api_keys_key_hash" ON "api_keys" ("key_hash")
        `);
    await queryRunner.query(`
            ALTER TABLE "teams"
            ADD CONSTRAINT "fk_teams_site" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "fk_users_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_tags"
            ADD CONSTRAINT "fk_agent_tags_agent" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_tags"
            ADD CONSTRAINT "fk_agent_tags_tag" FOREIGN KEY ("tag") REFERENCES "routing_tags"("tag") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agents"
            ADD CONSTRAINT "fk_agents_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "agents"
            ADD CONSTRAINT "fk_agents_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "agents" DROP CONSTRAINT "fk_agents_team"
        `);
    await queryRunner.query(`
            ALTER TABLE "agents" DROP CONSTRAINT "fk_agents_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_tags" DROP CONSTRAINT "fk_agent_tags_tag"
        `);
    await queryRunner.query(`
            ALTER TABLE "agent_tags" DROP CONSTRAINT "fk_agent_tags_agent"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "fk_users_team"
        `);
    await queryRunner.query(`
            ALTER TABLE "teams" DROP CONSTRAINT "fk_teams_site"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_api_keys_key_hash"
        `);
    await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_agents_team_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_agents_user_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_agents_external_id"
        `);
    await queryRunner.query(`
            DROP TABLE "agents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_agent_tags_tag_proficiency"
        `);
    await queryRunner.query(`
            DROP TABLE "agent_tags"
        `);
    await queryRunner.query(`
            DROP TABLE "routing_tags"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_users_team_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_users_email"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_teams_site_id"
        `);
    await queryRunner.query(`
            DROP TABLE "teams"
        `);
    await queryRunner.query(`
            DROP TABLE "sites"
        `);
  }
}
