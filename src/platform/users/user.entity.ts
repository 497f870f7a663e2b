import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Team } from '../../people/teams/team.entity';
import { registerConstraintCode } from '../common/errors/constraint-codes';
import type { Role } from '../auth/roles';

registerConstraintCode(
  'uq_users_email',
  'DUPLICATE_EMAIL',
  'A user with this email already exists',
);

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-cased, so the unique index is case-insensitive. */
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'text' })
  email: string;
  /** argon2id hash; never serialised. */
  @Column({ type: 'text', select: false }) passwordHash: string;
  @Column({ type: 'text' }) displayName: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles: Role[];
  @Index('ix_users_team_id')
  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;
  @ManyToOne(() => Team, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'team_id', foreignKeyConstraintName: 'fk_users_team' })
  team?: Team;
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Raised by a password, role or active change: tokens carry it (`tv`) and older ones are refused. */
  @Column({ type: 'integer', default: 0 }) tokenVersion: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
