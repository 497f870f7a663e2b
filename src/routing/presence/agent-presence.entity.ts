import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Agent } from '../../people/agents/agent.entity';
import type { PresenceState, ReturnState } from './presence-rules';

/** An agent's current state, one row per agent (created on first touch). */
@Entity('agent_presence')
@Index('ix_agent_presence_state', ['state'])
@Index('ix_agent_presence_until', ['until'], { where: 'until IS NOT NULL' })
// Routing walks this index in rank order and stops at the first free match (see routing/candidate-query.ts).
@Index('ix_agent_presence_routing', ['rankPenalty', 'idleSince', 'agentId'], {
  where: "state IN ('available', 'reserved', 'wrap_up', 'break', 'recovery', 'counseling')",
})
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
  /** The reason `not_ready` comes back with when a timed state ends (the agent's own hold). */
  @Column({ type: 'text', nullable: true }) returnReason: string | null;
  /** The agent set not_ready itself (now or to return to): only its own request ends that. */
  @Column({ type: 'boolean', default: false }) heldByAgent: boolean;
  @Column({ type: 'uuid', nullable: true }) reservationId: string | null;
  @Column({ type: 'text', nullable: true }) currentCallId: string | null;
  /** Last call event for this agent: a lost call.ended shows up as a stale on_call. */
  @Column({ type: 'timestamptz', nullable: true }) lastEventAt: Date | null;
  /** Load over the last hour as of loadAsOf, kept for routing order (refreshed at call end and by the sweep). */
  @Column({ type: 'int', default: 0 }) loadCalls: number;
  @Column({ type: 'int', default: 0 }) loadHostile: number;
  @Column({ type: 'real', default: 0 }) loadOccupancy: number;
  @Column({ type: 'timestamptz', nullable: true }) loadAsOf: Date | null;
  /**
   * Routing order key, lower first: 10000 when over the team's occupancy cap, plus hostile calls in
   * the last hour (0 for teams on plain longest-idle). Refreshed with the load snapshot.
   */
  @Column({ type: 'int', default: 0 }) rankPenalty: number;
  /**
   * When the agent became (or becomes) free: since for available, else the end of the timed state.
   * Kept by the trigger trg_agent_presence_idle_since; never written by code.
   */
  @Column({ type: 'timestamptz', nullable: true, insert: false, update: false })
  idleSince: Date | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
