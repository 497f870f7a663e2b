import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Team } from '../../people/teams/team.entity';

export type ScheduleStatus = 'solving' | 'draft' | 'published' | 'failed';

/** One generated schedule of a team over a horizon; its shifts are in `shifts`. */
@Entity('schedules')
@Index('ix_schedules_team_id', ['teamId', 'startDate'])
export class Schedule {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) teamId: string;
  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_schedules_team' })
  team?: Team;
  @Column({ type: 'text' }) status: ScheduleStatus;
  @Column({ type: 'real', default: 0 }) progress: number;
  @Column({ type: 'date' }) startDate: string;
  @Column({ type: 'int' }) days: number;
  @Column({ type: 'int' }) intervalMinutes: number;
  @Column({ type: 'double precision', nullable: true }) objective: number | null;
  @Column({ type: 'double precision', nullable: true }) lowerBound: number | null;
  @Column({ type: 'text', nullable: true }) failureReason: string | null;
  /** Requirement rows used: [{ start, dialect?, agents }]. */
  @Column({ type: 'jsonb', default: [] }) requirements: Array<{
    start: string;
    dialect?: string;
    agents: number;
  }>;
  @Column({ type: 'jsonb', default: [] }) coverage: object[];
  @Column({ type: 'jsonb', default: [] }) violations: object[];
  @Column({ type: 'jsonb', default: {} }) stats: Record<string, unknown>;
  /** Why the schedule falls short, before and after solving (see scheduling/domain/diagnostics.ts). */
  @Column({ type: 'jsonb', default: {} }) diagnostics: object;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
