import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shift } from './shift.entity';

export type SwapStatus = 'open' | 'completed' | 'cancelled';

/** An agent offers one of its published shifts; another agent takes it if every rule still holds. */
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
  @Column({ type: 'text' }) status: SwapStatus;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
