import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { OccupancyCheckService } from './occupancy-check.service';

/** Timer for the occupancy alert check; registered only when JOBS_ENABLED (tests call the service). */
@Injectable()
export class WellbeingJobs {
  private readonly logger = new Logger(WellbeingJobs.name);

  constructor(private readonly occupancy: OccupancyCheckService) {}

  @Interval('wellbeing-occupancy', 60_000)
  async checkOccupancy(): Promise<void> {
    try {
      await this.occupancy.checkOccupancy();
    } catch (e) {
      this.logger.warn(`wellbeing occupancy check failed: ${(e as Error).message}`);
    }
  }
}
