import { Module } from '@nestjs/common';
import { QueueModule } from '../../routing/queue/queue.module';
import { ForecastsModule } from '../forecasts/forecasts.module';
import { StaffingController } from './staffing.controller';
import { StaffingService } from './staffing.service';

@Module({
  imports: [ForecastsModule, QueueModule],
  controllers: [StaffingController],
  providers: [StaffingService],
  exports: [StaffingService],
})
export class StaffingModule {}
