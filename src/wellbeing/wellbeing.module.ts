import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../people/agents/agents.module';
import { AuditModule } from '../platform/audit/audit.module';
import { CallsModule } from '../routing/calls/calls.module';
import { CounselingModule } from '../counseling/counseling.module';
import { PresenceModule } from '../routing/presence/presence.module';
import { PublishedShiftsModule } from '../workforce/scheduling/published-shifts.module';
import { SitesModule } from '../people/sites/sites.module';
import { TeamsModule } from '../people/teams/teams.module';
import { AlertsService } from './alerts.service';
import { BreakBooking } from './break-booking.entity';
import { CallPolicyService } from './call-policy.service';
import { OccupancyCheckService } from './occupancy-check.service';
import { OffersService } from './offers.service';
import { RecoveryRequestsService } from './recovery-requests.service';
import { WellbeingReportService } from './wellbeing-report.service';
import { BreaksService } from './breaks.service';
import { HostileReport } from './hostile-report.entity';
import { WellbeingAlert } from './wellbeing-alert.entity';
import { WellbeingGrant } from './wellbeing-grant.entity';
import { WellbeingOffer } from './wellbeing-offer.entity';
import { WellbeingPoliciesService } from './wellbeing-policies.service';
import { WellbeingPolicyRow } from './wellbeing-policy.entity';
import { WellbeingController } from './wellbeing.controller';
import { WellbeingJobs } from './wellbeing.jobs';
import { RecoveryGrantsService } from './recovery-grants.service';

/**
 * Registers the policy on the call lifecycle at start-up (CallPolicyService.onModuleInit).
 * Imports CounselingModule (suggested slots with offers): counselling must never import wellbeing.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      WellbeingPolicyRow,
      WellbeingGrant,
      WellbeingAlert,
      WellbeingOffer,
      HostileReport,
      BreakBooking,
    ]),
    AgentsModule,
    AuditModule,
    CallsModule,
    CounselingModule,
    PresenceModule,
    PublishedShiftsModule,
    SitesModule,
    TeamsModule,
  ],
  controllers: [WellbeingController],
  providers: [
    CallPolicyService,
    RecoveryRequestsService,
    AlertsService,
    OffersService,
    OccupancyCheckService,
    WellbeingReportService,
    WellbeingPoliciesService,
    BreaksService,
    WellbeingJobs,
    RecoveryGrantsService,
  ],
  exports: [OccupancyCheckService, WellbeingPoliciesService, RecoveryGrantsService],
})
export class WellbeingModule {}
