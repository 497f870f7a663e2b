import { Column, Entity, Exclusion, Index, PrimaryGeneratedColumn } from 'typeorm';
import { registerConstraintCode } from '../platform/common/errors/constraint-codes';

registerConstraintCode(
  'ex_break_bookings_overlap',
  'BREAK_OVERLAP',
  'This break overlaps another break the agent booked',
);

/** A rest or meal break an agent booked ahead. Live bookings of one agent never overlap. */
@Entity('break_bookings')
@Exclusion(
  'ex_break_bookings_overlap',
  `USING gist ("agent_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE (status = 'booked')`,
)
@Index('ix_break_bookings_team', ['teamId', 'startsAt'])
export class BreakBooking {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_break_bookings' }) id: string;
  @Column({ type: 'uuid' }) agentId: string;
  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ type: 'text' }) kind: 'rest' | 'meal';
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'text', default: 'booked' }) status: 'booked' | 'cancelled';
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
}
