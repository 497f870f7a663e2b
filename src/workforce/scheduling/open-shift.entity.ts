import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Schedule } from './schedule.entity';
import type { ShiftBreak } from './shift.entity';

export type OpenShiftStatus = 'open' | 'taken' | 'cancelled';
export type OpenShiftOrigin = 'time_off' | 'unassigned' | 'manual';

/**
 * A shift of a published schedule that nobody holds (its agent got time off, or the scheduler posted it):
 * agents of the team pick it up on the board, rule-checked. The shift created for the winner carries this
 * id under a unique key, and the status changes only from `open`: exactly one agent wins a race.
 */
@Entity('open_shifts')
@Index('ix_open_shifts_schedule', ['scheduleId', 'status'])
export class OpenShift {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) scheduleId: string;
  @ManyToOne(() => Schedule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id', foreignKeyConstraintName: 'fk_open_shifts_schedule' })
  schedule?: Schedule;
  @Column({ type: 'uuid' }) teamId: string;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'jsonb', default: [] }) breaks: ShiftBreak[];
  /** Dialects (proficiency ≥ 3) the taker must hold so dialect coverage is kept. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) requiredDialects: string[];
  @Column({ type: 'text' }) origin: OpenShiftOrigin;
  /** Who held it before (time off), if anyone. */
  @Column({ type: 'uuid', nullable: true }) previousAgentId: string | null;
  @Column({ type: 'text' }) status: OpenShiftStatus;
  @Column({ type: 'uuid', nullable: true }) takenBy: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
