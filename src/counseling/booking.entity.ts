import {
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Agent } from '../people/agents/agent.entity';
import { registerConstraintCode } from '../platform/common/errors/constraint-codes';
import { Counselor } from './counselor.entity';

registerConstraintCode(
  'ex_counseling_bookings_counselor',
  'SLOT_TAKEN',
  'This slot has just been booked by someone else',
);
registerConstraintCode(
  'ex_counseling_bookings_agent',
  'OVERLAPPING_BOOKING',
  'You already have a session at that time',
);

/**
 * A confidential counselling session. Live ('booked') sessions of one counsellor never overlap
 * including the buffer after each ([starts_at, blocked_until)); an agent's never overlap either.
 * Cancelled ones stay (status), so their time is free again.
 */
@Entity('counseling_bookings')
@Exclusion(
  'ex_counseling_bookings_counselor',
  `USING gist ("counselor_id" WITH =, tstzrange("starts_at", "blocked_until") WITH &&) WHERE (status = 'booked')`,
)
@Exclusion(
  'ex_counseling_bookings_agent',
  `USING gist ("agent_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status = 'booked')`,
)
@Index('ix_counseling_bookings_agent', ['agentId', 'startsAt'])
@Index('ix_counseling_bookings_counselor', ['counselorId', 'startsAt'])
export class CounselingBooking {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_counseling_bookings' })
  id: string;
  @Column({ type: 'uuid' }) counselorId: string;
  @ManyToOne(() => Counselor, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'counselor_id',
    foreignKeyConstraintName: 'fk_counseling_bookings_counselor',
  })
  counselor?: Counselor;
  @Column({ type: 'uuid' }) agentId: string;
  @ManyToOne(() => Agent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agent_id', foreignKeyConstraintName: 'fk_counseling_bookings_agent' })
  agent?: Agent;
  /** The agent's site at booking time, for the admins' aggregate counts only. */
  @Column({ type: 'uuid', nullable: true }) siteId: string | null;
  /** The agent's team at booking time, for the supervisors' aggregate count only. */
  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  /** endsAt plus the counsellor's buffer: the range the exclusion constraint keeps clear. */
  @Column({ type: 'timestamptz' }) blockedUntil: Date;
  @Column({ type: 'int' }) minutes: number;
  @Column({ type: 'text', default: 'booked' }) status: 'booked' | 'cancelled';
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'text', nullable: true }) cancelledBy: 'agent' | 'counselor' | null;
  @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  /** The booking this one replaced (reschedule) and the one that replaced it. */
  @Column({ type: 'uuid', nullable: true }) rescheduledFrom: string | null;
  @Column({ type: 'uuid', nullable: true }) rescheduledTo: string | null;
  /** AES-256-GCM ciphertext (see notes-crypto.ts); never plaintext, never logged. */
  @Column({ type: 'text', nullable: true }) notesCiphertext: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
