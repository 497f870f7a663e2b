import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { registerConstraintCode } from '../../platform/common/errors/constraint-codes';
import { Team } from '../teams/team.entity';
import { User } from '../../platform/users/user.entity';
import { AgentTag } from './agent-tag.entity';

registerConstraintCode(
  'uq_agents_external_id',
  'DUPLICATE_EXTERNAL_ID',
  'An agent with this externalId already exists',
);
registerConstraintCode(
  'uq_agents_user_id',
  'DUPLICATE_AGENT_PROFILE',
  'This user already has an agent profile',
);

/** An agent: a person the router assigns calls to, known to it by `externalId`. May have a login (user). */
@Entity('agents')
export class Agent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index('uq_agents_external_id', { unique: true })
  @Column({ type: 'text' })
  externalId: string;
  @Column({ type: 'text' }) displayName: string;
  @Index('uq_agents_user_id', { unique: true })
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_agents_user' })
  user?: User;
  @Index('ix_agents_team_id')
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;
  @ManyToOne(() => Team, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_agents_team' })
  team?: Team;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Where the router rings the agent (e.g. a SIP URI), up to 255 characters. */
  @Column({ type: 'text', nullable: true }) contact: string | null;
  @OneToMany(() => AgentTag, (t) => t.agent) tags?: AgentTag[];
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
