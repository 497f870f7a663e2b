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
import { registerConstraintCode } from '../platform/common/errors/constraint-codes';
import { User } from '../platform/users/user.entity';
import type { DateOverride, WeeklyRule } from './slots';

registerConstraintCode(
  'uq_counselors_user_id',
  'DUPLICATE_COUNSELOR',
  'This user already has a counsellor profile',
);

/** A counsellor's profile and booking policy; the person logs in as a user with role `counselor`. */
@Entity('counselors')
export class Counselor {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_counselors' }) id: string;
  @Index('uq_counselors_user_id', { unique: true })
  @Column({ type: 'uuid' })
  userId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_counselors_user' })
  user?: User;
  @Column({ type: 'text' }) displayName: string;
  /** IANA zone the weekly hours are written in. */
  @Column({ type: 'text' }) timeZone: string;
  /** Dialect tags from the routing-tag catalog (e.g. `cmn-x-wuhan`, `yue`). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) languages: string[];
  @Column({ type: 'int', array: true, default: () => "'{30,50}'" }) sessionMinutes: number[];
  @Column({ type: 'int', default: 10 }) bufferMinutes: number;
  @Column({ type: 'int', default: 120 }) minimumNoticeMinutes: number;
  @Column({ type: 'int', default: 30 }) bookingWindowDays: number;
  @Column({ type: 'int', default: 6 }) dailyMaximum: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) weekly: WeeklyRule[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) overrides: DateOverride[];
  @Column({ type: 'boolean', default: true }) active: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
