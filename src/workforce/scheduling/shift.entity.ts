import {
  Column,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Agent } from '../../people/agents/agent.entity';
import { registerConstraintCode } from '../../platform/common/errors/constraint-codes';
import { Schedule } from './schedule.entity';

registerConstraintCode(
  'uq_shifts_open_shift',
  'OPEN_SHIFT_TAKEN',
  'Someone else has already picked up this open shift',
);
registerConstraintCode(
  'ex_shifts_agent_no_overlap',
  'SHIFT_OVERLAP',
  'The agent already has a published shift at this time',
);

export interface ShiftBreak {
  startsAt: string;
  endsAt: string;
  kind: 'meal' | 'rest';
}

/**
 * One shift of one agent. `live` shifts (those of published schedules) never overlap for one agent:
 * EXCLUDE USING gist (agent_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (live), added by hand
 * in the migration.
 */
@Entity('shifts')
@Exclusion(
  'ex_shifts_agent_no_overlap',
  'USING gist ("agent_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("live")',
)
@Index('ix_shifts_schedule_id', ['scheduleId'])
@Index('ix_shifts_agent_starts_at', ['agentId', 'startsAt'])
@Index('uq_shifts_open_shift', ['openShiftId'], { unique: true })
export class Shift {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) scheduleId: string;
  @ManyToOne(() => Schedule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id', foreignKeyConstraintName: 'fk_shifts_schedule' })
  schedule?: Schedule;
  @Column({ type: 'uuid' }) agentId: string;
  @ManyToOne(() => Agent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_shifts_agent' })
  agent?: Agent;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'jsonb', default: [] }) breaks: ShiftBreak[];
  @Column({ type: 'boolean', default: false }) live: boolean;
  /** Set when this shift is an open shift an agent picked up: one shift per open shift. */
  @Column({ type: 'uuid', nullable: true }) openShiftId: string | null;
}
