import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log in the order it was written. Entries were sorted by time, then by their uuid, so
 * two entries of one instant (an access change and a password reset in one request) could list
 * either way round; an identity column keeps insertion order. Existing rows are numbered in the
 * table's physical order, which is as close to their order as the table knows.
 */
export class AuditOrder1797200000000 implements MigrationInterface {
  name = 'AuditOrder1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "audit_log" ADD "seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX "ix_audit_log_at"`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at_seq" ON "audit_log" ("at", "seq")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_audit_log_at_seq"`);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at")`);
    await queryRunner.query(`ALTER TABLE "audit_log" DROP COLUMN "seq"`);
  }
}
