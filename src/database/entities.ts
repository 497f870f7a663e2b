import { Agent } from '../agents/agent.entity';
import { CallEvent } from '../calls/call-event.entity';
import { Call } from '../calls/call.entity';
import { AgentPresence } from '../presence/agent-presence.entity';
import { PresenceInterval } from '../presence/presence-interval.entity';
import { ScheduledStateRow } from '../presence/scheduled-state.entity';
import { Reservation } from '../routing/reservation.entity';
import { TeamSettings } from '../teams/team-settings.entity';
import { AgentTag } from '../agents/agent-tag.entity';
import { CounselingBooking } from '../counseling/booking.entity';
import { Counselor } from '../counseling/counselor.entity';
import { ApiKey } from '../auth/api-key.entity';
import { TeamForecast } from '../forecasts/team-forecast.entity';
import { TeamPlanningSettings } from '../forecasts/team-planning-settings.entity';
import { RoutingTag } from '../routing-tags/routing-tag.entity';
import { Schedule } from '../scheduling/schedule.entity';
import { ShiftSwap } from '../scheduling/shift-swap.entity';
import { Shift } from '../scheduling/shift.entity';
import { SiteLabourRules } from '../scheduling/site-labour-rules.entity';
import { TimeOffRequest } from '../scheduling/time-off.entity';
import { Site } from '../sites/site.entity';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { BreakBooking } from '../wellbeing/break-booking.entity';
import { HostileReport } from '../wellbeing/hostile-report.entity';
import { WellbeingAlert } from '../wellbeing/wellbeing-alert.entity';
import { WellbeingGrant } from '../wellbeing/wellbeing-grant.entity';
import { WellbeingOffer } from '../wellbeing/wellbeing-offer.entity';
import { WellbeingPolicyRow } from '../wellbeing/wellbeing-policy.entity';

/** Every entity, listed explicitly (no globs: the same list works from ts-jest, ts-node and dist). */
export const ENTITIES = [
  Site,
  Team,
  TeamSettings,
  User,
  ApiKey,
  RoutingTag,
  Agent,
  AgentTag,
  AgentPresence,
  PresenceInterval,
  ScheduledStateRow,
  CallEvent,
  Call,
  Reservation,
  Counselor,
  CounselingBooking,
  AuditEntry,
  WellbeingPolicyRow,
  WellbeingGrant,
  WellbeingAlert,
  WellbeingOffer,
  HostileReport,
  BreakBooking,
  // scheduling
  SiteLabourRules,
  TeamPlanningSettings,
  TeamForecast,
  Schedule,
  Shift,
  TimeOffRequest,
  ShiftSwap,
];
