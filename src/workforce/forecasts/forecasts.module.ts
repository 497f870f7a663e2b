import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../../people/agents/agents.module';
import { CallsModule } from '../../routing/calls/calls.module';
import { QueueModule } from '../../routing/queue/queue.module';
import { RoutingModule } from '../../routing/reservations/routing.module';
import { SitesModule } from '../../people/sites/sites.module';
import { TeamsModule } from '../../people/teams/teams.module';
import { WellbeingModule } from '../../wellbeing/wellbeing.module';
import { ForecastsController } from './forecasts.controller';
import { ForecastsService } from './forecasts.service';
import { TeamForecast } from './team-forecast.entity';
import { TeamPlanningSettings } from './team-planning-settings.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([TeamForecast, TeamPlanningSettings]),
    TeamsModule,
    SitesModule,
    AgentsModule,
    CallsModule,
    RoutingModule,
    QueueModule,
    WellbeingModule,
  ],
  controllers: [ForecastsController],
  providers: [ForecastsService],
  exports: [ForecastsService],
})
export class ForecastsModule {}
