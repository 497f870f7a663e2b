import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Team } from '../../people/teams/team.entity';

/** How a team's forecast becomes requirements: service target, shrinkage, wellbeing figures. */
@Entity('team_planning_settings')
export class TeamPlanningSettings {
  @PrimaryColumn({ type: 'uuid' }) teamId: string;
  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_team_planning_settings_team' })
  team?: Team;
  @Column({ type: 'double precision', default: 0.8 }) targetServiceLevel: number;
  @Column({ type: 'int', default: 20 }) targetAnswerSeconds: number;
  @Column({ type: 'double precision', default: 0.3 }) shrinkage: number;
  @Column({ type: 'double precision', nullable: true }) maxOccupancy: number | null;
  @Column({ type: 'double precision', default: 0.05 }) hostileCallRate: number;
  @Column({ type: 'double precision', default: 7 }) recoveryMinutesPerHostileCall: number;
  @Column({ type: 'int', default: 4 }) wellbeingHistoryWeeks: number;
}
