import { Agent } from '../people/agents/agent.entity';
import { EventRow } from '../platform/events/event.entity';
import { Callback } from '../routing/queue/callbacks/callback.entity';
import { QueuedCall } from '../routing/queue/queued-call.entity';
import { HostileCaller, StrandedCallAlert } from '../routing/queue/hostile-caller.entity';
import { CallEvent } from '../routing/calls/call-event.entity';
import { Call } from '../routing/calls/call.entity';
import { AgentPresence } from '../routing/presence/agent-presence.entity';
import { PresenceInterval } from '../routing/presence/presence-interval.entity';
import { ScheduledStateRow } from '../routing/presence/scheduled-state.entity';
import { Reservation } from '../routing/reservations/reservation.entity';
import { TeamSettings } from '../people/teams/team-settings.entity';
import { AgentTag } from '../people/agents/agent-tag.entity';
import { CounselingBooking } from '../counseling/booking.entity';
import { Counselor } from '../counseling/counselor.entity';
import { CounselorNotification } from '../counseling/counselor-notification.entity';
import { ApiKey } from '../platform/auth/api-key.entity';
import { WebSession } from '../platform/auth/web-session.entity';
import { SessionSettings } from '../platform/auth/session-settings.entity';
import { CalendarFeed } from '../workforce/scheduling/calendar-feed.entity';
import { LoginFailure } from '../platform/auth/login-failure.entity';
import { TeamForecast } from '../workforce/forecasts/team-forecast.entity';
import { TeamPlanningSettings } from '../workforce/forecasts/team-planning-settings.entity';
import { RoutingTag } from '../people/routing-tags/routing-tag.entity';
import { Schedule } from '../workforce/scheduling/schedule.entity';
import { ShiftSwap } from '../workforce/scheduling/shift-swap.entity';
import { AgentWorkProfile } from '../workforce/scheduling/agent-work-profile.entity';
import { OpenShift } from '../workforce/scheduling/open-shift.entity';
import { TeamShiftSettings } from '../workforce/scheduling/team-shift-settings.entity';
import { Shift } from '../workforce/scheduling/shift.entity';
import { SiteLabourRules } from '../workforce/scheduling/site-labour-rules.entity';
import { TimeOffRequest } from '../workforce/scheduling/time-off.entity';
import { Site } from '../people/sites/site.entity';
import { Team } from '../people/teams/team.entity';
import { User } from '../platform/users/user.entity';
import { AuditEntry } from '../platform/audit/audit-entry.entity';
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
  WebSession,
  SessionSettings,
  LoginFailure,
  RoutingTag,
  Agent,
  AgentTag,
  AgentPresence,
  PresenceInterval,
  ScheduledStateRow,
  CallEvent,
  Call,
  Reservation,
  EventRow,
  QueuedCall,
  Callback,
  HostileCaller,
  StrandedCallAlert,
  Counselor,
  CounselingBooking,
  CounselorNotification,
  AuditEntry,
  WellbeingPolicyRow,
  WellbeingGrant,
  WellbeingAlert,
  WellbeingOffer,
  HostileReport,
  BreakBooking,
  // scheduling
  CalendarFeed,
  SiteLabourRules,
  TeamPlanningSettings,
  TeamForecast,
  Schedule,
  Shift,
  TimeOffRequest,
  ShiftSwap,
  AgentWorkProfile,
  TeamShiftSettings,
  OpenShift,
];
