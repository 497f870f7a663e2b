import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Counselor } from './counselor.entity';

/**
 * Something a counsellor needs to know about their calendar, without content: e.g. a session
 * cancelled because the agent erased their counselling data (neither the agent nor why is kept).
 */
@Entity('counselor_notifications')
@Index('ix_counselor_notifications_counselor', ['counselorId', 'createdAt'])
export class CounselorNotification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_counselor_notifications' })
  id: string;
  @Column({ type: 'uuid' }) counselorId: string;
  @ManyToOne(() => Counselor, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'counselor_id',
    foreignKeyConstraintName: 'fk_counselor_notifications_counselor',
  })
  counselor?: Counselor;
  @Column({ type: 'text' }) kind: 'session_cancelled';
  @Column({ type: 'timestamptz' }) startsAt: Date;
  @Column({ type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
