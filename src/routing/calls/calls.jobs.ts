import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { LoadService } from './load.service';

/** Keeps idle agents' last-hour load (and so their routing rank) fresh as the window slides. */
@Injectable()
export class CallsJobs {
  private readonly logger = new Logger(CallsJobs.name);

  constructor(private readonly load: LoadService) {}

  @Interval('load-refresh', 15_000)
  async refreshLoad(): Promise<void> {
    try {
      await this.load.refreshStale();
    } catch (e) {
      this.logger.warn(`load refresh failed: ${(e as Error).message}`);
    }
  }
}
