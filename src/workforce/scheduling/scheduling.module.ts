import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../../people/agents/agents.module';
import { ForecastsModule } from '../forecasts/forecasts.module';
import { AuditModule } from '../../platform/audit/audit.module';
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
import { TeamRosterService } from './team-roster.service';
import { ShiftSwap } from './shift-swap.entity';
import { Shift } from './shift.entity';
import { SiteLabourRules } from './site-labour-rules.entity';
import { SwapsService } from './swaps.service';
import { TimeOffService } from './time-off.service';
import { TimeOffRequest } from './time-off.entity';
import { AgentWorkProfile } from './agent-work-profile.entity';
import { OpenShift } from './open-shift.entity';
import { OpenShiftsController } from './open-shifts.controller';
import { OpenShiftsService } from './open-shifts.service';
import { ScheduleGenerationService } from './schedule-generation.service';
import { ScheduleRepairService } from './schedule-repair.service';
import { ShiftRulesService } from './shift-rules.service';
import { TeamShiftSettings } from './team-shift-settings.entity';
import { WorkProfilesController } from './work-profiles.controller';
import { WorkProfilesService } from './work-profiles.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      SiteLabourRules,
      Schedule,
      Shift,
      TimeOffRequest,
      ShiftSwap,
      AgentWorkProfile,
      TeamShiftSettings,
      OpenShift,
    ]),
    AgentsModule,
    TeamsModule,
    SitesModule,
    ForecastsModule,
    PresenceModule,
    AuditModule,
  ],
  controllers: [
    SchedulesController,
    LabourRulesController,
    TimeOffController,
    SwapsController,
    AdherenceController,
    CalendarFeedsController,
    WorkProfilesController,
    OpenShiftsController,
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
    ScheduleGenerationService,
    ShiftRulesService,
    WorkProfilesService,
    OpenShiftsService,
    ScheduleRepairService,
    TeamRosterService,
  ],
  exports: [SchedulesService, ScheduleGenerationService],
})
export class SchedulingModule {}
