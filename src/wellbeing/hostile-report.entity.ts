import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A person's report of a hostile call. The note is kept for follow-up and never logged or audited. */
@Entity('hostile_reports')
@Index('ix_hostile_reports_call', ['callId'])
export class HostileReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_hostile_reports' }) id: string;
  @Column({ type: 'text' }) callId: string;
  @Column({ type: 'uuid' }) agentId: string;
  @Column({ type: 'uuid' }) reportedBy: string;
  @Column({ type: 'text' }) source: 'agent' | 'supervisor';
  @Column({ type: 'smallint' }) severity: number;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
}
