import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One call as far as the events tell: who took it, when, how long, how hostile. */
@Entity('calls')
@Index('ix_calls_agent_answered', ['agentId', 'answeredAt'])
@Index('ix_calls_agent_ended', ['agentId', 'endedAt'])
export class Call {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_calls' }) callId: string;
  @Column({ type: 'uuid' }) agentId: string;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ type: 'int', nullable: true }) durationSeconds: number | null;
  /** Highest severity reported (1..3); null when not hostile. */
  @Column({ type: 'smallint', nullable: true }) hostileSeverity: number | null;
  @Column({ type: 'text', nullable: true }) hostileSource: string | null;
  @Column({ type: 'timestamptz', nullable: true }) hostileAt: Date | null;
}
