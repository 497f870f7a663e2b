import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An enforced break the policy granted: a recovery per hostile call, or a micro-break after long work.
 * One per source (the hostile call), so a re-report raises it instead of stacking another.
 */
@Entity('wellbeing_grants')
@Index('uq_wellbeing_grants_source', ['kind', 'sourceId'], { unique: true })
@Index('ix_wellbeing_grants_agent', ['agentId', 'callEndedAt'])
@Index('ix_wellbeing_grants_team', ['teamId', 'grantedAt'])
export class WellbeingGrant {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_wellbeing_grants' }) id: string;
  @Column({ type: 'text' }) kind: 'recovery' | 'micro_break';
  /** The hostile call's id (recovery) or the call that ended the stretch (micro-break). */
  @Column({ type: 'text' }) sourceId: string;
  @Column({ type: 'uuid' }) agentId: string;
  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ type: 'smallint', nullable: true }) severity: number | null;
  @Column({ type: 'timestamptz' }) callEndedAt: Date;
  @Column({ type: 'timestamptz' }) grantedAt: Date;
  /** What the severity alone requires (a "full" recovery lasts at least this). */
  @Column({ type: 'int' }) minimumSeconds: number;
  @Column({ type: 'int' }) grantedSeconds: number;
  /** After a supervisor shortened or the agent extended it. */
  @Column({ type: 'int' }) effectiveSeconds: number;
}
