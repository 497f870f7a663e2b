import { Agent } from '../agents/agent.entity';
import { AgentTag } from '../agents/agent-tag.entity';
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

/** Every entity, listed explicitly (no globs: the same list works from ts-jest, ts-node and dist). */
export const ENTITIES = [
  Site,
  Team,
  User,
  ApiKey,
  RoutingTag,
  Agent,
  AgentTag,
  // scheduling
  SiteLabourRules,
  TeamPlanningSettings,
  TeamForecast,
  Schedule,
  Shift,
  TimeOffRequest,
  ShiftSwap,
];
