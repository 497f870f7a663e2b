import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../../people/agents/agents.module';
import { ForecastsModule } from '../forecasts/forecasts.module';
import { PresenceModule } from '../../routing/presence/presence.module';
import { SitesModule } from '../../people/sites/sites.module';
import { TeamsModule } from '../../people/teams/teams.module';
import { AdherenceService } from './adherence.service';
import { CalendarFeedsController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';
import { LabourRulesService } from './labour-rules.service';
import {
  AdherenceController,
  LabourRulesController,
  SwapsController,
  TimeOffController,
} from './planning.controller';
import { PlanningContextService } from './planning-context.service';
import { PresenceHistoryReader } from './presence-history.reader';
import { Schedule } from './schedule.entity';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';
import { ShiftSwap } from './shift-swap.entity';
import { Shift } from './shift.entity';
import { SiteLabourRules } from './site-labour-rules.entity';
import { SwapsService } from './swaps.service';
import { TimeOffService } from './time-off.service';
import { TimeOffRequest } from './time-off.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([SiteLabourRules, Schedule, Shift, TimeOffRequest, ShiftSwap]),
    AgentsModule,
    TeamsModule,
    SitesModule,
    ForecastsModule,
    PresenceModule,
  ],
  controllers: [
    SchedulesController,
    LabourRulesController,
    TimeOffController,
    SwapsController,
    AdherenceController,
    CalendarFeedsController,
  ],
  providers: [
    PlanningContextService,
    SchedulesService,
    LabourRulesService,
    TimeOffService,
    SwapsService,
    AdherenceService,
    CalendarFeedsService,
    PresenceHistoryReader,
  ],
  exports: [SchedulesService],
})
export class SchedulingModule {}
