import { Module } from '@nestjs/common';
import { SitesModule } from '../../people/sites/sites.module';
import { TeamsModule } from '../../people/teams/teams.module';
import { QueueModule } from '../../routing/queue/queue.module';
import { ForecastsModule } from '../forecasts/forecasts.module';
import { ServiceLevelController } from './service-level.controller';
import { ServiceLevelService } from './service-level.service';
import { StaffingController } from './staffing.controller';
import { StaffingService } from './staffing.service';

@Module({
  imports: [ForecastsModule, QueueModule, TeamsModule, SitesModule],
  controllers: [StaffingController, ServiceLevelController],
  providers: [StaffingService, ServiceLevelService],
  exports: [StaffingService],
})
export class StaffingModule {}
