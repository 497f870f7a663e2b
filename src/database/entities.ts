import { Agent } from '../agents/agent.entity';
import { AgentTag } from '../agents/agent-tag.entity';
import { ApiKey } from '../auth/api-key.entity';
import { RoutingTag } from '../routing-tags/routing-tag.entity';
import { Site } from '../sites/site.entity';
import { Team } from '../teams/team.entity';
import { User } from '../users/user.entity';

/** Every entity, listed explicitly (no globs: the same list works from ts-jest, ts-node and dist). */
export const ENTITIES = [Site, Team, User, ApiKey, RoutingTag, Agent, AgentTag];
