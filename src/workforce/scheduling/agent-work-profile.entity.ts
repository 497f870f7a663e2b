import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Agent } from '../../people/agents/agent.entity';

/** A recurring weekly time an agent cannot work: ISO weekday (Monday = 1), local "HH:MM" to "HH:MM". */
export interface RecurringUnavailability {
  weekday: number;
  start: string;
  /** "24:00" allowed; an end before the start runs past midnight. */
  end: string;
}

/**
 * An agent's contract and scheduling preferences. The contract (weekly minimum and maximum minutes) and
 * recurring unavailability are hard for planning; the preferred start window and days off are soft.
 */
@Entity('agent_work_profiles')
export class AgentWorkProfile {
  @PrimaryColumn({ type: 'uuid' }) agentId: string;
  @OneToOne(() => Agent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_agent_work_profiles_agent' })
  agent?: Agent;
  @Column({ type: 'int', nullable: true }) minWeeklyMinutes: number | null;
  @Column({ type: 'int', nullable: true }) maxWeeklyMinutes: number | null;
  @Column({ type: 'jsonb', default: [] }) unavailability: RecurringUnavailability[];
  /** Local "HH:MM". */
  @Column({ type: 'text', nullable: true }) preferredStartEarliest: string | null;
  @Column({ type: 'text', nullable: true }) preferredStartLatest: string | null;
  @Column({ type: 'int', array: true, default: () => "'{}'" }) preferredDaysOff: number[];
  @Column({ type: 'timestamptz' }) updatedAt: Date;
}
