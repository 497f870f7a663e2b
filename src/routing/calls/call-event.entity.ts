import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every call event the router sent, once: the primary key on eventId makes replays no-ops. */
@Entity('call_events')
@Index('ix_call_events_call', ['callId'])
export class CallEvent {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_call_events' }) eventId: string;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text' }) callId: string;
  @Column({ type: 'uuid' }) agentId: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'jsonb', default: () => "'{}'" }) payload: Record<string, unknown>;
  @Column({ type: 'timestamptz' }) receivedAt: Date;
}
