import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A caller (by keyed hash only) who was in a hostile call; forgotten 30 days after the last one. */
@Entity('hostile_callers')
@Index('ix_hostile_callers_last', ['lastHostileAt'])
export class HostileCaller {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_hostile_callers' })
  callerHash: string;
  @Column({ type: 'timestamptz' }) lastHostileAt: Date;
}

/** A call accepted and then left without events for the team's maxCallMinutes: alerted once. */
@Entity('stranded_call_alerts')
export class StrandedCallAlert {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_stranded_call_alerts' })
  callId: string;
  @Column({ type: 'uuid' }) agentId: string;
  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ type: 'timestamptz' }) alertedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
}
