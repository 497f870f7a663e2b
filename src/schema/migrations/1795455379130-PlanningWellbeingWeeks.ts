import { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanningWellbeingWeeks1795455379130 implements MigrationInterface {
  name = 'PlanningWellbeingWeeks1795455379130';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "team_planning_settings"
            ADD "wellbeing_history_weeks" integer NOT NULL DEFAULT '4'
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "team_planning_settings" DROP COLUMN "wellbeing_history_weeks"
        `);
  }
}
