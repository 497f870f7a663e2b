import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A confidential counselling offer: visible to the agent alone, never in alerts or the audit log. */
@Entity('wellbeing_offers')
@Index('uq_wellbeing_offers_source', ['agentId', 'sourceCallId'], { unique: true })
export class WellbeingOffer {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_wellbeing_offers' }) id: string;
  @Column({ type: 'uuid' }) agentId: string;
  @Column({ type: 'text' }) kind: 'counselling';
  @Column({ type: 'text' }) sourceCallId: string;
  @Column({ type: 'text', default: 'open' }) status: 'open' | 'accepted' | 'dismissed';
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
