import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { WellbeingService } from './call-policy.service';

/** Timer for the occupancy alert check; registered only when JOBS_ENABLED (tests call the service). */
@Injectable()
export class WellbeingJobs {
  private readonly logger = new Logger(WellbeingJobs.name);

  constructor(private readonly wellbeing: WellbeingService) {}

  @Interval('wellbeing-occupancy', 60_000)
  async checkOccupancy(): Promise<void> {
    try {
      await this.wellbeing.checkOccupancy();
    } catch (e) {
      this.logger.warn(`wellbeing occupancy check failed: ${(e as Error).message}`);
    }
  }
}
