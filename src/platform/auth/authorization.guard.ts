import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { forbidden } from '../common/errors/domain-error';
import {
  Caller,
  decide,
  fieldValue,
  isUnscoped,
  policyKey,
  ListScope,
} from './authorization-decision';
import { AUTHORIZATION_POLICY, RoutePolicy } from './authorization-policy';
import type { Principal } from './principal';
import { ResourceOwners } from './resource-owners';

export type ScopedRequest = Request & { user?: Principal; teamScope?: ListScope };

/**
 * Global guard after authentication: the route's row in AUTHORIZATION_POLICY decides, roles and team
 * scope together. A request that names another team's resource is 403 FORBIDDEN; lists get the
 * caller's ListScope (see @TeamScope()).
 */
@Injectable()
export class AuthorizationGuard implements CanActivate {
  private readonly keys = new Map<string, RoutePolicy | undefined>();

  constructor(private readonly owners: ResourceOwners) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ScopedRequest>();
    const policy = this.policyFor(req);
    // Unreachable after the boot check (route-coverage.ts); refused rather than let through.
    if (!policy) throw forbidden('This route has no authorisation policy');
    if (policy.public) return true;
    const principal = req.user;
    if (!principal) throw forbidden();
    const caller = callerOf(principal);
    // Roles first: a wrong role, an admin or the router (the hot paths) never cost a database read.
    const byRole = decide(policy, caller);
    if (!byRole.allow && byRole.reason === 'role') throw forbidden();
    if (byRole.allow && byRole.scope.all && isUnscoped(caller)) {
      req.teamScope = byRole.scope;
      return true;
    }
    const scope = policy.scope;
    const facts: Parameters<typeof decide>[2] = {};
    if (scope.by === 'team-list' && scope.teamField)
      facts.listTeam = fieldValue(scope.teamField, req);
    if (scope.by === 'resource') {
      if (scope.toTeam) facts.toTeam = fieldValue(scope.toTeam, req);
      const value = fieldValue(scope.field, req);
      facts.owner =
        value === undefined ? null : await this.owners.of(scope.kind, value, caller.teamId);
    }
    const decision = decide(policy, caller, facts);
    if (!decision.allow) throw forbidden();
    req.teamScope = decision.scope;
    return true;
  }

  private policyFor(req: Request): RoutePolicy | undefined {
    const routePath = (req.route as { path?: string } | undefined)?.path;
    if (typeof routePath !== 'string') return undefined;
    const key = policyKey(req.method, routePath);
    if (!this.keys.has(key)) this.keys.set(key, AUTHORIZATION_POLICY[key]);
    return this.keys.get(key);
  }
}

function callerOf(principal: Principal): Caller {
  if (principal.kind === 'apiKey')
    return {
      roles: principal.roles,
      teamId: null,
      agentId: null,
      agentTeamId: null,
      counselorId: null,
    };
  return {
    roles: principal.roles,
    teamId: principal.teamId,
    agentId: principal.agentId,
    agentTeamId: principal.agentTeamId,
    counselorId: principal.counselorId,
  };
}
