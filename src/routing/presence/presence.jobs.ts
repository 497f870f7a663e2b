import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { PresenceService } from './presence.service';

/** Timer for the presence sweep; registered only when JOBS_ENABLED (tests call sweep() directly). */
@Injectable()
export class PresenceJobs {
  private readonly logger = new Logger(PresenceJobs.name);

  constructor(private readonly presence: PresenceService) {}

  @Interval('presence-sweep', 2000)
  async sweep(): Promise<void> {
    try {
      await this.presence.sweep();
    } catch (e) {
      this.logger.warn(`presence sweep failed: ${(e as Error).message}`);
    }
  }
}
