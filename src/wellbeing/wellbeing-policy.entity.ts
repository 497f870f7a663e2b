import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { WellbeingPolicy } from './break-policy';

/** A site's default policy or a team's own; only the settings that differ from the defaults need be set. */
@Entity('wellbeing_policies')
@Index('uq_wellbeing_policies_scope', ['scope', 'scopeId'], { unique: true })
export class WellbeingPolicyRow {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_wellbeing_policies' }) id: string;
  @Column({ type: 'text' }) scope: 'site' | 'team';
  /** The site's or the team's id. */
  @Column({ type: 'uuid' }) scopeId: string;
  @Column({ type: 'jsonb' }) settings: Partial<WellbeingPolicy>;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'text' }) updatedBy: string;
}
