import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** open until reached or wrong_number (closed by an outcome) or missed (its window ran out). */
export type CallbackStatus = 'open' | 'reached' | 'wrong_number' | 'missed';

/**
 * A promise that a person will call the caller back inside [notBefore, notAfter]. It waits in the
 * call queue as a queued item of kind `callback` (`queueId`); this row holds what only callbacks
 * have: the window, the encrypted dial target (erased on close), attempts and the outcome.
 */
@Entity('callbacks')
@Index('ix_callbacks_status_window', ['status', 'notAfter'])
@Index('ix_callbacks_not_before', ['notBefore'])
export class Callback {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_callbacks' }) callbackId: string;
  /** Its row in queued_calls (`callback:<callbackId>`), the id its reservations carry. */
  @Column({ type: 'text' }) queueId: string;
  @Column({ type: 'text', default: 'open' }) status: CallbackStatus;
  @Column({ type: 'text', nullable: true }) dialect: string | null;
  /** The team whose agents match it (set when scheduled, then the team of the agent offered it). */
  @Column({ type: 'uuid', nullable: true }) teamId: string | null;
  /** AES-256-GCM under CALLBACK_ENCRYPTION_KEY, bound to the callbackId; NULL once closed. */
  @Column({ type: 'text', nullable: true }) dialTarget: string | null;
  @Column({ type: 'timestamptz' }) notBefore: Date;
  @Column({ type: 'timestamptz' }) notAfter: Date;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'timestamptz', nullable: true }) firstAttemptAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) lastAttemptAt: Date | null;
  @Column({ type: 'text', nullable: true }) lastResult: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reachedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
