import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shift } from './shift.entity';

/**
 * A give-away: `open` until another agent takes it (`completed`). A trade (my shift for yours):
 * `proposed` to the counter shift's holder, `accepted` by them, `completed` once a scheduler approves
 * (or `rejected` by either); both moves are rule-checked at acceptance and again at approval.
 */
export type SwapStatus = 'open' | 'proposed' | 'accepted' | 'completed' | 'cancelled' | 'rejected';

/** An agent gives a published shift away or trades it for a colleague's, if every rule still holds. */
@Entity('shift_swaps')
@Index('ix_shift_swaps_shift', ['shiftId'])
export class ShiftSwap {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) shiftId: string;
  @ManyToOne(() => Shift, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shift_id', foreignKeyConstraintName: 'fk_shift_swaps_shift' })
  shift?: Shift;
  @Column({ type: 'uuid' }) offeredBy: string;
  @Column({ type: 'uuid', nullable: true }) acceptedBy: string | null;
  /** Trades: the shift the offering agent takes in return, and its holder. */
  @Column({ type: 'uuid', nullable: true }) counterShiftId: string | null;
  @ManyToOne(() => Shift, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'counter_shift_id',
    foreignKeyConstraintName: 'fk_shift_swaps_counter_shift',
  })
  counterShift?: Shift;
  @Column({ type: 'uuid', nullable: true }) counterAgentId: string | null;
  @Column({ type: 'uuid', nullable: true }) approvedBy: string | null;
  @Column({ type: 'text' }) status: SwapStatus;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
