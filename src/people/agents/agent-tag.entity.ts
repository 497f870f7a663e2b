import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RoutingTag } from '../routing-tags/routing-tag.entity';
import type { Agent } from './agent.entity';

/** One dialect or skill of an agent, with proficiency 1 (basic) .. 5 (native/expert). */
@Entity('agent_tags')
@Check('ck_agent_tags_proficiency', 'proficiency BETWEEN 1 AND 5')
@Index('ix_agent_tags_tag_proficiency', ['tag', 'proficiency'])
// The per-tag routing index: a dialect/skill call walks only agents with that tag, best first
// (see routing/reservations/candidate-query.ts). The three columns below copy agent_presence, kept by triggers.
@Index('ix_agent_tags_routing', ['tag', 'rankPenalty', 'idleSince', 'agentId'], {
  where:
    "presence_state IN ('available', 'reserved', 'wrap_up', 'break', 'recovery', 'counseling')",
})
export class AgentTag {
  @PrimaryColumn({ type: 'uuid' }) agentId: string;
  @PrimaryColumn({ type: 'text' }) tag: string;
  @Column({ type: 'smallint' }) proficiency: number;
  /** Copies of agent_presence.state / rank_penalty / idle_since (trigger-maintained, for the routing index only). */
  @Column({ type: 'text', nullable: true }) presenceState: string | null;
  @Column({ type: 'int', default: 0 }) rankPenalty: number;
  @Column({ type: 'timestamptz', nullable: true }) idleSince: Date | null;
  @ManyToOne('Agent', 'tags', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_agent_tags_agent' })
  agent?: Agent;
  @ManyToOne(() => RoutingTag, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tag', foreignKeyConstraintName: 'fk_agent_tags_tag' })
  routingTag?: RoutingTag;
}
