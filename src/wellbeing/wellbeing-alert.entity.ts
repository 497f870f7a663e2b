import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A supervisor alert. Never mentions counselling. One per dedupe key. */
@Entity('wellbeing_alerts')
@Index('uq_wellbeing_alerts_dedupe', ['dedupeKey'], { unique: true })
@Index('ix_wellbeing_alerts_team', ['teamId', 'createdAt'])
export class WellbeingAlert {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_wellbeing_alerts' }) id: string;
  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ type: 'uuid' }) agentId: string;
  @Column({ type: 'text' }) kind:
    | 'escalation'
    | 'hostile_calls_in_shift'
    | 'occupancy_above_cap'
    | 'routed_during_protected_time';
  @Column({ type: 'text' }) dedupeKey: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, unknown>;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) acknowledgedBy: string | null;
}
