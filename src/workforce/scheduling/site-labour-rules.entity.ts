import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Site } from '../../people/sites/site.entity';
import type { LabourRules } from './labour-rules';

/** A site's overrides of the labour-rule defaults (only the settings that differ are stored). */
@Entity('site_labour_rules')
export class SiteLabourRules {
  @PrimaryColumn({ type: 'uuid' }) siteId: string;
  @ManyToOne(() => Site, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'site_id', foreignKeyConstraintName: 'fk_site_labour_rules_site' })
  site?: Site;
  @Column({ type: 'jsonb', default: {} }) rules: Partial<LabourRules>;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
