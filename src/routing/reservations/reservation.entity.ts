import { Column, Entity, Exclusion, Index, PrimaryColumn } from 'typeorm';
import { registerConstraintCode } from '../../platform/common/errors/constraint-codes';

registerConstraintCode(
  'ex_reservations_live_call',
  'RESERVATION_EXISTS',
  'This call already has a live reservation',
);
registerConstraintCode(
  'ex_reservations_live_agent',
  'AGENT_ALREADY_HELD',
  'This agent is already held',
);

/**
 * A hold on an agent for one call. At most one live ('held') reservation per call and per agent,
 * enforced by deferred exclusion constraints (added in the migration).
 */
@Entity('reservations')
@Exclusion(
  'ex_reservations_live_agent',
  `USING btree ("agent_id" WITH =) WHERE (status = 'held') DEFERRABLE INITIALLY DEFERRED`,
)
@Exclusion(
  'ex_reservations_live_call',
  `USING btree ("call_id" WITH =) WHERE (status = 'held') DEFERRABLE INITIALLY DEFERRED`,
)
@Index('ix_reservations_held_expiry', ['expiresAt'], { where: "status = 'held'" })
@Index('ix_reservations_call', ['callId'])
export class Reservation {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_reservations' }) id: string;
  @Column({ type: 'text' }) callId: string;
  @Column({ type: 'uuid' }) agentId: string;
  @Column({ type: 'text' }) status: 'held' | 'accepted' | 'rejected' | 'lapsed';
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  /** Why a reject happened (no_answer, busy, declined; abandoned when the caller hung up). */
  @Column({ type: 'text', nullable: true }) decisionReason: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) criteria: Record<string, unknown>;
}
