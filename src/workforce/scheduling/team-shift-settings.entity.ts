import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Team } from '../../people/teams/team.entity';

/** A shift the team works: local start "HH:MM" and length. */
export interface ShiftTemplateSetting {
  start: string;
  minutes: number;
}

/** How a team's shifts are shaped: its shift templates and whether starts stay the same across a week. */
@Entity('team_shift_settings')
export class TeamShiftSettings {
  @PrimaryColumn({ type: 'uuid' }) teamId: string;
  @OneToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_team_shift_settings_team' })
  team?: Team;
  @Column({ type: 'jsonb', default: [] }) shiftTemplates: ShiftTemplateSetting[];
  @Column({ type: 'boolean', default: false }) consistentStartTimes: boolean;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
}
