import type { FieldRef, RoutePolicy, ScopeRule } from './authorization-policy';
import { TEAM_BOUND_ROLES } from './authorization-policy';
import type { Role } from './roles';

/** What the decision needs to know about the caller (a person or an API key). */
export interface Caller {
  roles: Role[];
  /** A person's team (supervisors and schedulers act on it). */
  teamId: string | null;
  agentId: string | null;
  /** The team of the caller's agent profile. */
  agentTeamId: string | null;
  counselorId: string | null;
}

/** Who a resource belongs to; `exists: false` passes to the service, which answers 404. */
export interface Owner {
  exists: boolean;
  teamId: string | null;
  agentId?: string | null;
  counselorId?: string | null;
}

/** The teams a list may show: all of them, or one. */
export type ListScope = { all: true } | { all: false; teamId: string };

export type Decision = { allow: false; reason: string } | { allow: true; scope: ListScope };

const UNSCOPED_ROLES: readonly Role[] = ['admin', 'router'];

/** Admins and the router act on every team. */
export const isUnscoped = (caller: Caller): boolean =>
  caller.roles.some((r) => UNSCOPED_ROLES.includes(r));

/** Reads a declared field of the request; `undefined` when absent. */
export function fieldValue(
  field: FieldRef,
  req: { params?: Record<string, unknown>; query?: unknown; body?: unknown },
): unknown {
  const source =
    field.in === 'path' ? req.params : field.in === 'query' ? req.query : (req.body ?? undefined);
  if (source === null || typeof source !== 'object') return undefined;
  return Object.prototype.hasOwnProperty.call(source, field.name)
    ? (source as Record<string, unknown>)[field.name]
    : undefined;
}

/** The team a role acts for: its user's team, or for an agent the agent profile's team. */
function teamOf(role: Role, caller: Caller): string | null {
  return role === 'agent' ? caller.agentTeamId : caller.teamId;
}

/**
 * Whether `caller` may call a route under `policy`, pure so the rules are unit-tested.
 * `owner` is the resolved resource for `resource` rules (null when its field is absent);
 * `listTeam` the `teamId` a list asked for, `toTeam` a team the request moves the resource to.
 */
export function decide(
  policy: RoutePolicy,
  caller: Caller,
  facts: { owner?: Owner | null; listTeam?: unknown; toTeam?: unknown } = {},
): Decision {
  if (policy.public) return { allow: true, scope: { all: true } };
  const roles = caller.roles.filter((r) => policy.roles.includes(r));
  if (roles.length === 0) return { allow: false, reason: 'role' };
  if (roles.some((r) => UNSCOPED_ROLES.includes(r))) return { allow: true, scope: { all: true } };
  let reason = 'scope';
  for (const role of roles) {
    const verdict = decideForRole(policy.scope, role, caller, facts);
    if (verdict.allow) return verdict;
    reason = verdict.reason;
  }
  return { allow: false, reason };
}

function decideForRole(
  rule: ScopeRule,
  role: Role,
  caller: Caller,
  facts: { owner?: Owner | null; listTeam?: unknown; toTeam?: unknown },
): Decision {
  const team = teamOf(role, caller);
  const ownTeam: ListScope = team ? { all: false, teamId: team } : { all: true };
  switch (rule.by) {
    case 'none':
    case 'own':
      return { allow: true, scope: ownTeam };
    case 'team-list': {
      // Counsellors are not team-bound; every other scoped role needs a team to list anything.
      if (role === 'counselor') return { allow: true, scope: { all: true } };
      if (!team) return { allow: false, reason: 'no team' };
      if (facts.listTeam !== undefined && facts.listTeam !== team)
        return { allow: false, reason: 'another team' };
      return { allow: true, scope: { all: false, teamId: team } };
    }
    case 'resource': {
      if (
        rule.toTeam &&
        facts.toTeam !== undefined &&
        TEAM_BOUND_ROLES.includes(role) &&
        facts.toTeam !== team
      )
        return { allow: false, reason: 'another team' };
      const owner = facts.owner;
      if (owner === undefined || owner === null)
        return rule.field.optional
          ? { allow: true, scope: ownTeam }
          : { allow: false, reason: 'no resource named' };
      if (!owner.exists) return { allow: true, scope: ownTeam };
      if (TEAM_BOUND_ROLES.includes(role))
        return team !== null && owner.teamId === team
          ? { allow: true, scope: ownTeam }
          : { allow: false, reason: 'another team' };
      if (role === 'agent') {
        const mine =
          rule.agents === 'team'
            ? team !== null && owner.teamId === team
            : caller.agentId !== null && owner.agentId === caller.agentId;
        return mine ? { allow: true, scope: ownTeam } : { allow: false, reason: 'not own' };
      }
      if (role === 'counselor')
        return caller.counselorId !== null && owner.counselorId === caller.counselorId
          ? { allow: true, scope: { all: true } }
          : { allow: false, reason: 'not own' };
      return { allow: false, reason: 'scope' };
    }
  }
}

/** `/v1/agents/:agentId` (Express) → `/v1/agents/{agentId}` (OpenAPI), the policy's key form. */
export function policyKey(method: string, routePath: string): string {
  const m = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return `${m} ${routePath.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}
