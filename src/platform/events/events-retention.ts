import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { withAdvisoryLock } from '../database/advisory-lock';

/** How long events stay replayable. */
export const EVENTS_RETENTION_HOURS = 24;

@Injectable()
export class EventsRetention {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Deletes events older than the retention, in one replica at a time. Returns how many. */
  async prune(now: Date = this.clock.now()): Promise<number> {
    const removed = await withAdvisoryLock(this.dataSource, 'events-prune', async (m) => {
      const [, count] = await m.query(
        `DELETE FROM events WHERE at < $1::timestamptz - make_interval(hours => $2) AND seq IS NOT NULL`,
        [now, EVENTS_RETENTION_HOURS],
      );
      return Number(count);
    });
    return removed ?? 0;
  }
}
