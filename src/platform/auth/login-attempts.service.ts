import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { LimitRule, LOGIN_LIMITS, retryAfterSeconds } from './login-attempt-limiter';

/**
 * Failed logins in PostgreSQL, so a lock-out holds on every replica: per email (password guessing)
 * and per client address (one address trying many emails).
 */
@Injectable()
export class LoginAttemptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Seconds until this email may be tried from this address (0: now). */
  async retryAfterSeconds(email: string, clientAddress: string): Promise<number> {
    const now = this.clock.now();
    const keys = this.keys(email, clientAddress);
    const windowMs = Math.max(...keys.map((k) => k.rule.windowMs));
    const rows: Array<{ key: string; at: Date }> = await this.dataSource.query(
      `SELECT key, at FROM login_failures WHERE key = ANY($1) AND at > $2`,
      [keys.map((k) => k.key), new Date(now.getTime() - windowMs)],
    );
    return Math.max(
      ...keys.map(({ key, rule }) =>
        retryAfterSeconds(
          rows.filter((r) => r.key === key).map((r) => r.at.getTime()),
          now.getTime(),
          rule,
        ),
      ),
    );
  }

  async recordFailure(email: string, clientAddress: string): Promise<void> {
    const now = this.clock.now();
    const keys = this.keys(email, clientAddress);
    const windowMs = Math.max(...keys.map((k) => k.rule.windowMs));
    await this.dataSource.query(
      `WITH expired AS (DELETE FROM login_failures WHERE at <= $3)
       INSERT INTO login_failures (key, at) SELECT unnest($1::text[]), $2`,
      [keys.map((k) => k.key), now, new Date(now.getTime() - windowMs)],
    );
  }

  /** A successful login clears the email's failures; the address keeps its count. */
  async reset(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_failures WHERE key = $1`, [emailKey(email)]);
  }

  private keys(email: string, clientAddress: string): Array<{ key: string; rule: LimitRule }> {
    return [
      { key: emailKey(email), rule: LOGIN_LIMITS.email },
      { key: `addr:${clientAddress}`, rule: LOGIN_LIMITS.address },
    ];
  }
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
