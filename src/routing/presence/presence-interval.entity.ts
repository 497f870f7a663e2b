import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Agent } from '../../people/agents/agent.entity';
import type { PresenceState } from './presence-rules';

/** Append-only history of an agent's states: adherence and occupancy are computed from it. */
@Entity('presence_intervals')
@Index('ix_presence_intervals_agent_started', ['agentId', 'startedAt'])
@Index('ix_presence_intervals_open', ['agentId'], { where: 'ended_at IS NULL' })
// (agent_id, COALESCE(ended_at, 'infinity')): an expression index, created by its migration.
@Index('ix_presence_intervals_agent_end', { synchronize: false })
export class PresenceInterval {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_presence_intervals',
  })
  id: string;
  @Column({ type: 'uuid' }) agentId: string;
  @ManyToOne(() => Agent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_presence_intervals_agent' })
  agent?: Agent;
  @Column({ type: 'text' }) state: PresenceState;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'timestamptz' }) startedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
}
