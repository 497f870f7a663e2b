import { MigrationInterface, QueryRunner } from 'typeorm';

/** A denied request keeps the scheduler's reason beside the agent's own. */
export class TimeOffDecisionReason1795990000000 implements MigrationInterface {
  name = 'TimeOffDecisionReason1795990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "time_off_requests" ADD "decision_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "time_off_requests" DROP COLUMN "decision_reason"`);
  }
}
