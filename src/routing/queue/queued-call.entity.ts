import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type QueuedCallStatus = 'queued' | 'offered' | 'connected' | 'ended' | 'abandoned';

/**
 * A call (or, later, another kind of work item such as a callback) waiting for an agent, then the
 * offer, connection and end of it. `enqueuedAt` is its place in the queue and survives a lapsed or
 * rejected offer; agents who let it lapse or rejected it are kept out of its next offers.
 */
@Entity('queued_calls')
@Index('ix_queued_calls_waiting', ['priority', 'enqueuedAt'], { where: "status = 'queued'" })
@Index('ix_queued_calls_offer_expiry', ['offerExpiresAt'], { where: "status = 'offered'" })
@Index('ix_queued_calls_connected', ['agentId'], { where: "status = 'connected'" })
@Index('ix_queued_calls_caller', ['callerHash'], { where: 'caller_hash IS NOT NULL' })
@Index('ix_queued_calls_flagged_agent', ['agentId', 'offeredAt'], { where: 'flagged_caller' })
@Index('ix_queued_calls_enqueued', ['enqueuedAt'])
@Index('ix_queued_calls_offered', ['offeredAt'])
export class QueuedCall {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_queued_calls' }) callId: string;
  /** `call` or `callback`: a callback queues as another kind of item with the same machinery. */
  @Column({ type: 'text', default: 'call' }) kind: string;
  @Column({ type: 'text' }) status: QueuedCallStatus;
  @Column({ type: 'smallint', default: 0 }) priority: number;
  @Column({ type: 'text', nullable: true }) dialect: string | null;
  @Column({ type: 'smallint', nullable: true }) minProficiency: number | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) skills: string[];
  /** [{ afterSeconds, dialect?, minProficiency?, skills? }] */
  @Column({ type: 'jsonb', default: () => "'[]'" }) fallback: unknown[];
  /** HMAC of the router's callerRef (never the reference itself); cleared after 30 days. */
  @Column({ type: 'text', nullable: true }) callerHash: string | null;
  /** The caller was in a hostile call in the 30 days before this call queued. */
  @Column({ type: 'boolean', default: false }) flaggedCaller: boolean;
  @Column({ type: 'timestamptz' }) enqueuedAt: Date;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) excludedAgentIds: string[];
  @Column({ type: 'uuid', nullable: true }) reservationId: string | null;
  @Column({ type: 'uuid', nullable: true }) agentId: string | null;
  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) offerExpiresAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) offeredAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) connectedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastEventAt: Date | null;
  /** Not offered before this (a callback's notBefore, or its next retry); NULL: at once. */
  @Column({ type: 'timestamptz', nullable: true }) readyAt: Date | null;
  /** While waiting, its priority rises by one at this moment (a callback near its notAfter). */
  @Column({ type: 'timestamptz', nullable: true }) urgentAt: Date | null;
  /** A waiting item leaves the queue at this moment (a callback's notAfter: it is missed). */
  @Column({ type: 'timestamptz', nullable: true }) giveUpAt: Date | null;
  /** When the status last changed (long-poll answers compare against it). */
  @Column({ type: 'timestamptz' }) statusAt: Date;
}
