import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who did what to whom, and why. Never holds counselling details or free-text notes. */
@Entity('audit_log')
@Index('ix_audit_log_at_seq', ['at', 'seq'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_log' }) id: string;
  @Column({ type: 'timestamptz' }) at: Date;
  /** A user id, `api-key:<id>`, or `system` for policy decisions. */
  @Column({ type: 'text' }) actor: string;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'text' }) subjectType: string;
  @Column({ type: 'text', nullable: true }) subjectId: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, unknown>;
  /**
   * Insertion order: entries of one instant (a clock's tick, or one request's several changes)
   * still list in the order they were written. Internal, never in an answer.
   */
  @Column({
    type: 'bigint',
    generated: 'identity',
    generatedIdentity: 'ALWAYS',
    select: false,
    insert: false,
    update: false,
  })
  seq: string;
}
