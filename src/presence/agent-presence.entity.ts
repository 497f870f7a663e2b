import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Agent } from '../agents/agent.entity';
import type { PresenceState, ReturnState } from './presence-rules';

/** An agent's current state, one row per agent (created on first touch). */
@Entity('agent_presence')
@Index('ix_agent_presence_state', ['state'])
@Index('ix_agent_presence_until', ['until'], { where: 'until IS NOT NULL' })
export class AgentPresence {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_agent_presence' }) agentId: string;
  @ManyToOne(() => Agent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_agent_presence_agent' })
  agent?: Agent;
  @Column({ type: 'text', default: 'offline' }) state: PresenceState;
  @Column({ type: 'timestamptz' }) since: Date;
  @Column({ type: 'timestamptz', nullable: true }) until: Date | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text', default: 'available' }) returnState: ReturnState;
  @Column({ type: 'int', default: 0 }) consecutiveLapses: number;
  @Column({ type: 'uuid', nullable: true }) reservationId: string | null;
  @Column({ type: 'text', nullable: true }) currentCallId: string | null;
  /** Last call event for this agent: a lost call.ended shows up as a stale on_call. */
  @Column({ type: 'timestamptz', nullable: true }) lastEventAt: Date | null;
  /** Load over the last hour as of loadAsOf, kept for routing order (refreshed at call end and by the sweep). */
  @Column({ type: 'int', default: 0 }) loadCalls: number;
  @Column({ type: 'int', default: 0 }) loadHostile: number;
  @Column({ type: 'real', default: 0 }) loadOccupancy: number;
  @Column({ type: 'timestamptz', nullable: true }) loadAsOf: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
