import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An agent's calendar subscription: one secret URL at a time; a new one replaces (revokes) the old. */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_calendar_feeds' }) agentId: string;
  /** SHA-256 of the 256-bit random token in the URL. */
  @Index('uq_calendar_feeds_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash: string;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
