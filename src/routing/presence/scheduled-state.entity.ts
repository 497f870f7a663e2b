import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Agent } from '../../people/agents/agent.entity';

/**
 * A break, recovery or counselling session that takes the agent out of routing: pending until the
 * agent is free (never interrupting a call), then active. One per source (e.g. per hostile call).
 */
@Entity('scheduled_states')
@Index('uq_scheduled_states_source', ['sourceKind', 'sourceId'], { unique: true })
@Index('ix_scheduled_states_live', ['agentId', 'startsAt'], {
  where: "status IN ('pending', 'active')",
})
export class ScheduledStateRow {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_scheduled_states' }) id: string;
  @Column({ type: 'uuid' }) agentId: string;
  @ManyToOne(() => Agent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_scheduled_states_agent' })
  agent?: Agent;
  @Column({ type: 'text' }) state: 'break' | 'recovery' | 'counseling';
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) endsAt: Date | null;
  @Column({ type: 'int', nullable: true }) durationSeconds: number | null;
  @Column({ type: 'text', default: 'pending' }) status: 'pending' | 'active' | 'done' | 'cancelled';
  @Column({ type: 'text' }) sourceKind: string;
  @Column({ type: 'text' }) sourceId: string;
  @Column({ type: 'timestamptz', nullable: true }) activatedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
