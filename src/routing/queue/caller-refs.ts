import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../platform/common/clock/clock';
import type { AppConfig } from '../../platform/config/app-config';
import { APP_CONFIG } from '../../platform/config/config.module';
import { withAdvisoryLock } from '../../platform/database/advisory-lock';

/** How long a caller's hostile call is remembered, and how long queued calls keep the caller's hash. */
export const CALLER_MEMORY_DAYS = 30;

/**
 * Callers' references, only ever as keyed hashes (HMAC-SHA256 under CALLER_REF_SECRET): the router's
 * reference never reaches the database or a log. Remembered 30 days, erasable per caller.
 */
@Injectable()
export class CallerRefs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  hash(callerRef: string): string {
    return createHmac('sha256', this.config.callerRefSecret)
      .update(callerRef, 'utf8')
      .digest('hex');
  }

  /** The caller was in a hostile call in the last 30 days. */
  async isFlagged(m: EntityManager, callerHash: string, now: Date): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM hostile_callers WHERE caller_hash = $1
          AND last_hostile_at > $2::timestamptz - make_interval(days => ${CALLER_MEMORY_DAYS})`,
      [callerHash, now],
    );
    return rows.length > 0;
  }

  /** A hostile flag on a queued call remembers its caller (if the router gave a callerRef). */
  async rememberHostile(m: EntityManager, callId: string, at: Date): Promise<void> {
    await m.query(
      `INSERT INTO hostile_callers (caller_hash, last_hostile_at)
       SELECT caller_hash, $2 FROM queued_calls WHERE call_id = $1 AND caller_hash IS NOT NULL
       ON CONFLICT (caller_hash) DO UPDATE SET last_hostile_at = GREATEST(hostile_callers.last_hostile_at, EXCLUDED.last_hostile_at)`,
      [callId, at],
    );
  }

  /** Forgets a caller: its hostile record and its hash on every call. Returns how many rows held it. */
  async erase(callerRef: string): Promise<number> {
    const h = this.hash(callerRef);
    return this.dataSource.transaction(async (m) => {
      const [, forgotten] = await m.query(`DELETE FROM hostile_callers WHERE caller_hash = $1`, [
        h,
      ]);
      const [, cleared] = await m.query(
        `UPDATE queued_calls SET caller_hash = NULL WHERE caller_hash = $1`,
        [h],
      );
      return Number(forgotten) + Number(cleared);
    });
  }

  /** Retention: hostile records and callers' hashes older than 30 days go (one replica at a time). */
  async prune(now: Date = this.clock.now()): Promise<number> {
    const n = await withAdvisoryLock(this.dataSource, 'caller-refs-prune', async (m) => {
      const cutoff = new Date(now.getTime() - CALLER_MEMORY_DAYS * 86_400_000);
      const [, a] = await m.query(`DELETE FROM hostile_callers WHERE last_hostile_at < $1`, [
        cutoff,
      ]);
      const [, b] = await m.query(
        `UPDATE queued_calls SET caller_hash = NULL WHERE caller_hash IS NOT NULL AND enqueued_at < $1`,
        [cutoff],
      );
      const [, c] = await m.query(
        `DELETE FROM queued_calls WHERE status IN ('ended', 'abandoned') AND enqueued_at < $1`,
        [cutoff],
      );
      return Number(a) + Number(b) + Number(c);
    });
    return n ?? 0;
  }
}
