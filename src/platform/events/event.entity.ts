import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Something that happened, for the live stream (`GET /v1/events`). Written in the same transaction as
 * the change it reports. `id` is insert order; `seq` is commit order, assigned after commit by the
 * sequencer (events-bus.ts), and is the stream's event id: a reader never sees a smaller seq appear
 * after a larger one, so `Last-Event-ID` replay loses nothing.
 */
@Entity('events')
@Index('uq_events_seq', ['seq'], { unique: true })
@Index('ix_events_unsequenced', ['id'], { where: 'seq IS NULL' })
@Index('ix_events_at', ['at'])
export class EventRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'pk_events' })
  id: string;
  @Column({ type: 'bigint', nullable: true }) seq: string | null;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ type: 'uuid', nullable: true }) agentId: string | null;
  /** Who may see it: `agent` (that agent), `team` (its team's supervisors, admins), `router`. */
  @Column({ type: 'text', array: true }) audience: string[];
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'timestamptz' }) at: Date;
}
