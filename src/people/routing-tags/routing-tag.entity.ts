import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type TagKind = 'dialect' | 'skill';

@Entity('routing_tags')
export class RoutingTag {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_routing_tags' }) tag: string;
  @Column({ type: 'text' }) kind: TagKind;
  @Column({ type: 'text' }) label: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  /** A retired tag stays on the agents who have it (calls still route by it) but is no longer assigned. */
  @Column({ type: 'timestamptz', nullable: true }) retiredAt: Date | null;
}
