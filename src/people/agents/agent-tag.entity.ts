import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RoutingTag } from '../routing-tags/routing-tag.entity';
import type { Agent } from './agent.entity';

/** One dialect or skill of an agent, with proficiency 1 (basic) .. 5 (native/expert). */
@Entity('agent_tags')
@Check('ck_agent_tags_proficiency', 'proficiency BETWEEN 1 AND 5')
@Index('ix_agent_tags_tag_proficiency', ['tag', 'proficiency'])
export class AgentTag {
  @PrimaryColumn({ type: 'uuid' }) agentId: string;
  @PrimaryColumn({ type: 'text' }) tag: string;
  @Column({ type: 'smallint' }) proficiency: number;
  @ManyToOne('Agent', 'tags', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_agent_tags_agent' })
  agent?: Agent;
  @ManyToOne(() => RoutingTag, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'tag', foreignKeyConstraintName: 'fk_agent_tags_tag' })
  routingTag?: RoutingTag;
}
