import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { EventsRetention } from './events-retention';

/** Retention timer; registered only when JOBS_ENABLED (tests call prune() directly). */
@Injectable()
export class EventsJobs {
  private readonly logger = new Logger(EventsJobs.name);

  constructor(private readonly retention: EventsRetention) {}

  @Interval('events-prune', 10 * 60_000)
  async prune(): Promise<void> {
    try {
      await this.retention.prune();
    } catch (e) {
      this.logger.warn(`events prune failed: ${(e as Error).message}`);
    }
  }
}
