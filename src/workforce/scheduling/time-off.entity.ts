import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Agent } from '../../people/agents/agent.entity';

export type TimeOffKind = 'time_off' | 'unavailable';
export type TimeOffStatus = 'pending' | 'approved' | 'denied' | 'withdrawn';

/**
 * Time off requested by an agent (a scheduler approves or denies) or unavailability an agent declares
 * (effective at once). Approved time off and unavailability are hard constraints of scheduling.
 */
@Entity('time_off_requests')
@Index('ix_time_off_agent', ['agentId', 'startsAt'])
@Check('ck_time_off_range', 'ends_at > starts_at')
export class TimeOffRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) agentId: string;
  @ManyToOne(() => Agent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_time_off_agent' })
  agent?: Agent;
  @Column({ type: 'text' }) kind: TimeOffKind;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'text' }) status: TimeOffStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  /** The scheduler's reason for a denial. */
  @Column({ type: 'text', nullable: true }) decisionReason: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
