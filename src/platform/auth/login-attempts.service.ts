import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { LimitRule, LOGIN_LIMITS, retryAfterSeconds } from './login-attempt-limiter';

/** An attempt counted before the password is checked; settled once the answer is known. */
export interface LoginAttempt {
  /** Seconds until this email may be tried from this address (0: go ahead). */
  retryAfterSeconds: number;
  id: string;
  emailKey: string;
  addressKey: string;
}

/**
 * Failed logins in PostgreSQL, so a lock-out holds on every replica: per email (password guessing)
 * and per client address (one address trying many emails).
 *
 * An attempt on an email is written down as a failure before the password is checked and the
 * count read after, so parallel guesses at one email (on any replicas) all see each other and none
 * slips past its limit; a refused attempt is taken back and a good password clears the email's
 * failures. The address counts concluded failures only, so colleagues signing in at once behind one
 * NAT never lock each other out (a parallel burst of wrong passwords from one address can overshoot
 * its limit by the burst's size, and each email still stops at 5).
 */
@Injectable()
export class LoginAttemptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async begin(email: string, clientAddress: string): Promise<LoginAttempt> {
    const now = this.clock.now();
    const keys = keysOf(email, clientAddress);
    const windowMs = Math.max(...keys.map((k) => k.rule.windowMs));
    const since = new Date(now.getTime() - windowMs);
    const [byEmail, byAddress] = keys;
    const [own]: Array<{ id: string }> = await this.dataSource.query(
      `WITH expired AS (DELETE FROM login_failures WHERE at <= $3)
       INSERT INTO login_failures (key, at) VALUES ($1, $2) RETURNING id`,
      [byEmail.key, now, since],
    );
    const id = String(own.id);
    const rows: Array<{ id: string; key: string; at: Date }> = await this.dataSource.query(
      `SELECT id, key, at FROM login_failures WHERE key = ANY($1) AND at > $2`,
      [keys.map((k) => k.key), since],
    );
    // Earlier attempts decide (this one excluded); parallel ones count as earlier.
    const earlier = rows.filter((r) => String(r.id) !== id);
    const wait = Math.max(
      ...keys.map(({ key, rule }) =>
        retryAfterSeconds(
          earlier.filter((r) => r.key === key).map((r) => r.at.getTime()),
          now.getTime(),
          rule,
        ),
      ),
    );
    return { retryAfterSeconds: wait, id, emailKey: byEmail.key, addressKey: byAddress.key };
  }

  /** A refused attempt (429) does not count. */
  async refused(attempt: LoginAttempt): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE id = $1`, [attempt.id]);
  }

  /** A wrong password: the email's row stays, and the address gets one. */
  async failed(attempt: LoginAttempt): Promise<void> {
    await this.dataSource.query(`INSERT INTO login_failures (key, at) VALUES ($1, $2)`, [
      attempt.addressKey,
      this.clock.now(),
    ]);
  }

  /** A good password clears the email's failures (this attempt's too); the address keeps its count. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE key = $1`, [attempt.emailKey]);
  }
}

function keysOf(email: string, clientAddress: string): Array<{ key: string; rule: LimitRule }> {
  return [
    { key: `email:${email.trim().toLowerCase()}`, rule: LOGIN_LIMITS.email },
    { key: `addr:${clientAddress}`, rule: LOGIN_LIMITS.address },
  ];
}
