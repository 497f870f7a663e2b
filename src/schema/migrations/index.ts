import type { MigrationInterface } from 'typeorm';
import { EnableExtensions1795430000000 } from './1795430000000-EnableExtensions';
import { Foundation1795439685930 } from './1795439685930-Foundation';
import { SeedRoutingTags1795439700000 } from './1795439700000-SeedRoutingTags';
import { RouterApi1795440555018 } from './1795440555018-RouterApi';
import { RoutingRank1795442995523 } from './1795442995523-RoutingRank';
import { Counseling1795443133938 } from './1795443133938-Counseling';
import { PlanningWellbeingWeeks1795455379130 } from './1795455379130-PlanningWellbeingWeeks';
import { PresenceIntervalsByEnd1795464000000 } from './1795464000000-PresenceIntervalsByEnd';
import { AuthCredentialsAndLoginFailures1795982337583 } from './1795982337583-AuthCredentialsAndLoginFailures';
import { ProtectedTime1795982731818 } from './1795982731818-ProtectedTime';
import { Callbacks1796100000000 } from './1796100000000-Callbacks';
import { EventsAndQueue1796000000001 } from './1796000000001-EventsAndQueue';
import { Wellbeing1795442415234 } from './1795442415234-Wellbeing';
import { Scheduling1795440728526 } from './1795440728526-Scheduling';
import { WebSessions1796000100000 } from './1796000100000-WebSessions';
import { TimeOffDecisionReason1795990000000 } from './1795990000000-TimeOffDecisionReason';
import { WorkforceLoop1796000000000 } from './1796000000000-WorkforceLoop';
import { PerTagRouting1796500000000 } from './1796500000000-PerTagRouting';
import { SessionSettings1796700000000 } from './1796700000000-SessionSettings';
import { SiteOpeningHours1796800000000 } from './1796800000000-SiteOpeningHours';
import { RoutingTagRetirement1797000000000 } from './1797000000000-RoutingTagRetirement';
import { PresenceTriggerConditions1797100000000 } from './1797100000000-PresenceTriggerConditions';
import { AuditOrder1797200000000 } from './1797200000000-AuditOrder';

/** Every migration in order. Add new ones here after `npm run migration:generate`. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  EnableExtensions1795430000000,
  Foundation1795439685930,
  SeedRoutingTags1795439700000,
  RouterApi1795440555018,
  RoutingRank1795442995523,
  Counseling1795443133938,
  Wellbeing1795442415234,
  Scheduling1795440728526,
  PlanningWellbeingWeeks1795455379130,
  PresenceIntervalsByEnd1795464000000,
  AuthCredentialsAndLoginFailures1795982337583,
  ProtectedTime1795982731818,
  TimeOffDecisionReason1795990000000,
  WorkforceLoop1796000000000,
  EventsAndQueue1796000000001,
  WebSessions1796000100000,
  Callbacks1796100000000,
  PerTagRouting1796500000000,
  SessionSettings1796700000000,
  SiteOpeningHours1796800000000,
  RoutingTagRetirement1797000000000,
  PresenceTriggerConditions1797100000000,
  AuditOrder1797200000000,
];
