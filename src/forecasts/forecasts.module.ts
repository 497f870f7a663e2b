import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TeamsModule } from '../teams/teams.module';
import { ForecastsController } from './forecasts.controller';
import { ForecastsService } from './forecasts.service';
import { TeamForecast } from './team-forecast.entity';
import { TeamPlanningSettings } from './team-planning-settings.entity';

@Module({
  imports: [TypeOrmModule.forFeature([TeamForecast, TeamPlanningSettings]), TeamsModule],
  controllers: [ForecastsController],
  providers: [ForecastsService],
  exports: [ForecastsService],
})
export class ForecastsModule {}
