import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Team } from '../../people/teams/team.entity';

/** One forecast interval of a team; dialect '' is the team's whole traffic. */
@Entity('team_forecasts')
@Index('uq_team_forecasts_interval', ['teamId', 'dialect', 'intervalStart'], { unique: true })
export class TeamForecast {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) teamId: string;
  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_team_forecasts_team' })
  team?: Team;
  @Column({ type: 'text', default: '' }) dialect: string;
  @Column({ type: 'timestamptz' }) intervalStart: Date;
  @Column({ type: 'int' }) intervalMinutes: number;
  @Column({ type: 'double precision' }) calls: number;
  @Column({ type: 'double precision' }) ahtSeconds: number;
}
