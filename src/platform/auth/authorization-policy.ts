import type { Role } from './roles';

/**
 * Who may call each route, and on which resources: the one declared policy the AuthorizationGuard
 * enforces and the authorisation matrix (test/reliability/authorization.e2e-spec.ts) checks.
 * The service refuses to boot when a route has no row here (route-coverage.ts), and a row without
 * a route fails the same check.
 *
 * Keys are `METHOD /path` as in /docs-json. Each row names the roles that may call the route and a
 * scope rule:
 * - `none`: the role decides alone (catalogues, admin-only and router-only routes, one's own account).
 * - `resource`: the route acts on one resource named by a path, query or body field. The guard resolves
 *   it to its owner (team, agent, counsellor) with one indexed read and lets team-bound roles
 *   (supervisor, scheduler) act only on their own team's, agents only on their own (or their team's,
 *   with `agents: 'team'`), counsellors only on their own. Admins and the router are not team-bound.
 *   A resource that does not exist passes on to the service, which answers 404.
 * - `team-list`: a list; team-bound callers and agents get their own team's rows only. A `teamId`
 *   query of another team is 403; the controller passes `@TeamScope()` to the service's query.
 * - `own`: the caller's own rows only (own bookings, offers, export); the service reads by the caller.
 */
export type ResourceKind =
  | 'team'
  | 'site'
  | 'agent'
  | 'schedule'
  | 'time-off'
  | 'swap'
  | 'reservation'
  | 'alert'
  | 'break'
  | 'call'
  | 'counselor'
  | 'open-shift';

export interface FieldRef {
  in: 'path' | 'query' | 'body';
  name: string;
  /** An absent optional field passes to the service (which then reads the caller's own rows). */
  optional?: boolean;
}

export type ScopeRule =
  | { by: 'none' }
  | { by: 'own' }
  | { by: 'team-list'; teamField?: FieldRef }
  | {
      by: 'resource';
      kind: ResourceKind;
      field: FieldRef;
      /** How an agent relates to the resource: their own (default) or their team's. */
      agents?: 'own' | 'team';
      /** A team the request moves the resource to (e.g. PATCH an agent's teamId): also the caller's. */
      toTeam?: FieldRef;
    };

export type RoutePolicy =
  /** `session`: opened by the browser session's refresh cookie alone (401 for any bearer or key). */
  { public: true; session?: true } | { public?: false; roles: Role[]; scope: ScopeRule };

/** Roles whose reach is their own team (the user's `teamId`). */
export const TEAM_BOUND_ROLES: readonly Role[] = ['supervisor', 'scheduler'];

const ALL: Role[] = ['admin', 'scheduler', 'supervisor', 'counselor', 'agent', 'router'];
const PEOPLE: Role[] = ['admin', 'scheduler', 'supervisor', 'counselor', 'agent'];

const path = (name: string): FieldRef => ({ in: 'path', name });
const query = (name: string, optional = false): FieldRef => ({ in: 'query', name, optional });
const body = (name: string, optional = false): FieldRef => ({ in: 'body', name, optional });

const none = (...roles: Role[]): RoutePolicy => ({ roles, scope: { by: 'none' } });
const own = (...roles: Role[]): RoutePolicy => ({ roles, scope: { by: 'own' } });
const list = (roles: Role[], teamField?: FieldRef): RoutePolicy => ({
  roles,
  scope: { by: 'team-list', teamField },
});
const on = (
  kind: ResourceKind,
  field: FieldRef,
  roles: Role[],
  agents: 'own' | 'team' = 'own',
  toTeam?: FieldRef,
): RoutePolicy => ({ roles, scope: { by: 'resource', kind, field, agents, toTeam } });

export const AUTHORIZATION_POLICY: Record<string, RoutePolicy> = {
  'GET /health': { public: true },
  'POST /v1/auth/login': { public: true },
  'POST /v1/auth/session': { public: true },
  'POST /v1/auth/session/refresh': { public: true, session: true },
  'DELETE /v1/auth/session': { public: true },
  'GET /v1/calendar-feeds/{file}': { public: true },
  'GET /v1/agents/{agentId}/calendar-feed': on('agent', path('agentId'), ['agent']),
  'POST /v1/agents/{agentId}/calendar-feed': on('agent', path('agentId'), ['agent']),
  'DELETE /v1/agents/{agentId}/calendar-feed': on('agent', path('agentId'), ['agent']),
  'GET /v1/agents/{agentId}/workplace': on('agent', path('agentId'), [
    'admin',
    'supervisor',
    'scheduler',
    'agent',
  ]),
  'GET /v1/agents/{agentId}/calls': on('agent', path('agentId'), ['agent', 'supervisor', 'admin']),
  'GET /v1/breaks/capacity': own('agent'),
  'GET /v1/breaks/windows': own('agent'),
  'GET /v1/me': none(...PEOPLE),
  'PUT /v1/me/password': none(...PEOPLE),

  'POST /v1/api-keys': none('admin'),
  'GET /v1/api-keys': none('admin'),
  'DELETE /v1/api-keys/{id}': none('admin'),
  'GET /v1/admin/session-settings': none('admin'),
  'PUT /v1/admin/session-settings': none('admin'),

  'POST /v1/sites': none('admin'),
  'GET /v1/sites': list(['admin', 'scheduler', 'supervisor']),
  'GET /v1/sites/{id}': on('site', path('id'), ['admin', 'scheduler', 'supervisor']),
  'PATCH /v1/sites/{id}': none('admin'),

  'POST /v1/teams': none('admin'),
  'GET /v1/teams': list(['admin', 'scheduler', 'supervisor']),
  'GET /v1/teams/{id}': on('team', path('id'), ['admin', 'scheduler', 'supervisor']),
  'PATCH /v1/teams/{id}': none('admin'),
  'GET /v1/teams/{id}/settings': on('team', path('id'), ['admin', 'supervisor', 'scheduler']),
  'PUT /v1/teams/{id}/settings': on('team', path('id'), ['admin', 'supervisor']),

  'POST /v1/users': none('admin'),
  'GET /v1/users': none('admin'),
  'GET /v1/users/{id}': none('admin'),
  'PATCH /v1/users/{id}': none('admin'),
  'POST /v1/users/{id}/deactivate': none('admin'),

  'GET /v1/routing-tags': none(...ALL),
  // The stream scopes each event itself (own agent, own team, router): see platform/events.
  'GET /v1/events': none(...ALL),
  'POST /v1/routing-tags': none('admin'),
  'PATCH /v1/routing-tags/{tag}': none('admin'),

  // A supervisor creates agents in their own team (and may not move one out of it).
  'POST /v1/agents': on('team', body('teamId'), ['admin', 'supervisor']),
  'POST /v1/agents/import': on('team', body('teamId'), ['admin']),
  'GET /v1/agents': list(['admin', 'supervisor', 'scheduler', 'router'], query('teamId', true)),
  'GET /v1/agents/{agentId}': on('agent', path('agentId'), [
    'admin',
    'supervisor',
    'router',
    'scheduler',
    'agent',
  ]),
  'PATCH /v1/agents/{agentId}': on(
    'agent',
    path('agentId'),
    ['admin', 'supervisor'],
    'own',
    body('teamId', true),
  ),
  'PUT /v1/agents/{agentId}/tags': on('agent', path('agentId'), ['admin', 'supervisor']),

  'GET /v1/agents/{agentId}/presence': on('agent', path('agentId'), [
    'agent',
    'router',
    'supervisor',
    'admin',
    'scheduler',
  ]),
  'PUT /v1/agents/{agentId}/presence': on('agent', path('agentId'), [
    'agent',
    'router',
    'supervisor',
    'admin',
  ]),

  // Router hot paths: the router is not team-bound, so the guard adds no database read for it.
  'GET /v1/routing/available-agents': list(['router', 'admin', 'supervisor']),
  'POST /v1/routing/reservations': none('router'),
  'GET /v1/routing/reservations/{id}': on('reservation', path('id'), [
    'router',
    'admin',
    'supervisor',
  ]),
  'POST /v1/routing/reservations/{id}/accept': none('router'),
  'POST /v1/routing/reservations/{id}/reject': none('router'),

  'POST /v1/calls/events': none('router'),
  'GET /v1/agents/{agentId}/load': on('agent', path('agentId'), [
    'agent',
    'supervisor',
    'admin',
    'router',
  ]),

  // The call queue: the router's; supervisors and admins read (stranded calls: a supervisor its team's).
  'POST /v1/routing/calls': none('router'),
  'GET /v1/routing/calls': none('router', 'supervisor', 'admin'),
  'GET /v1/routing/calls/{callId}': none('router', 'supervisor', 'admin'),
  'POST /v1/routing/calls/{callId}/abandon': none('router'),
  'GET /v1/routing/queue': none('router', 'supervisor', 'admin'),
  'POST /v1/routing/resync': none('router'),
  'GET /v1/routing/stranded-calls': none('router', 'supervisor', 'admin'),
  'POST /v1/routing/callers/erase': none('router', 'admin'),
  // Human callbacks: the router's; supervisors (their team's, filtered by the service) and admins read.
  'POST /v1/routing/callbacks': none('router'),
  'GET /v1/routing/callbacks': none('router', 'supervisor', 'admin'),
  'GET /v1/routing/callbacks/stats': none('router', 'supervisor', 'admin'),
  'GET /v1/routing/callbacks/{callbackId}': none('router', 'supervisor', 'admin'),
  'POST /v1/routing/callbacks/{callbackId}/outcome': none('router'),
  'GET /v1/teams/{teamId}/load': on('team', path('teamId'), ['supervisor', 'admin']),
  'GET /v1/teams/{teamId}/service-level': on('team', path('teamId'), [
    'supervisor',
    'scheduler',
    'admin',
  ]),

  // Counselling is not team data: counsellors are shared; bookings are the agent's and the
  // counsellor's own (404 to anyone else), aggregate counts are all a supervisor gets.
  'POST /v1/counseling/counselors': none('admin'),
  'GET /v1/counseling/counselors': none('agent', 'counselor', 'admin', 'supervisor'),
  'GET /v1/counseling/counselors/{id}': none('agent', 'counselor', 'admin', 'supervisor'),
  'PUT /v1/counseling/counselors/{id}/availability': on('counselor', path('id'), [
    'counselor',
    'admin',
  ]),
  'GET /v1/counseling/counselors/{id}/slots': none('agent', 'counselor', 'admin'),
  'GET /v1/counseling/suggested-slots': own('agent'),
  'POST /v1/counseling/bookings': own('agent'),
  'GET /v1/counseling/bookings': own('agent', 'counselor', 'admin', 'supervisor', 'scheduler'),
  'GET /v1/counseling/bookings/{id}': own('agent', 'counselor', 'admin', 'supervisor', 'scheduler'),
  'POST /v1/counseling/bookings/{id}/cancel': own(
    'agent',
    'counselor',
    'admin',
    'supervisor',
    'scheduler',
  ),
  'POST /v1/counseling/bookings/{id}/reschedule': own('agent', 'counselor'),
  'PUT /v1/counseling/bookings/{id}/notes': own('counselor'),
  'GET /v1/counseling/me/export': own('agent'),
  // A counsellor's notices (e.g. a session cancelled by erasure), without content.
  'GET /v1/counseling/notifications': own('counselor'),
  'DELETE /v1/counseling/me/history': own('agent'),
  'GET /v1/counseling/stats/monthly': list(['admin', 'supervisor']),
  'GET /v1/audit': none('admin'),

  'POST /v1/calls/{callId}/hostile': on('call', path('callId'), ['agent', 'supervisor']),
  'POST /v1/agents/{agentId}/recovery/shorten': on('agent', path('agentId'), [
    'supervisor',
    'admin',
  ]),
  'POST /v1/agents/{agentId}/recovery/extend': on('agent', path('agentId'), ['agent']),
  'GET /v1/wellbeing/policies/teams/{teamId}': on('team', path('teamId'), ['admin', 'supervisor']),
  'PUT /v1/wellbeing/policies/teams/{teamId}': on('team', path('teamId'), ['admin', 'supervisor']),
  'GET /v1/wellbeing/policies/sites/{siteId}': on('site', path('siteId'), ['admin', 'supervisor']),
  'PUT /v1/wellbeing/policies/sites/{siteId}': none('admin'),
  'GET /v1/wellbeing/alerts': on('team', query('teamId'), ['admin', 'supervisor']),
  'POST /v1/wellbeing/alerts/{id}/ack': on('alert', path('id'), ['admin', 'supervisor']),
  'GET /v1/wellbeing/offers': own('agent'),
  // The service finds the offer among the caller's own (anyone else's is 404, as for bookings).
  'POST /v1/wellbeing/offers/{id}/decline': own('agent'),
  'GET /v1/wellbeing/report': on('team', query('teamId'), ['admin', 'supervisor']),
  'POST /v1/breaks': own('agent'),
  'GET /v1/breaks': on('agent', query('agentId', true), ['agent', 'supervisor', 'admin']),
  'POST /v1/breaks/{id}/cancel': on('break', path('id'), ['agent']),

  'POST /v1/staffing/erlang-c': none('scheduler', 'admin'),
  'PUT /v1/teams/{teamId}/forecast': on('team', path('teamId'), ['scheduler', 'admin']),
  'GET /v1/teams/{teamId}/forecast': on('team', path('teamId'), [
    'scheduler',
    'admin',
    'supervisor',
  ]),
  'POST /v1/teams/{teamId}/forecast/from-history': on('team', path('teamId'), [
    'scheduler',
    'admin',
  ]),
  'GET /v1/teams/{teamId}/planning-settings': on('team', path('teamId'), ['scheduler', 'admin']),
  'PUT /v1/teams/{teamId}/planning-settings': on('team', path('teamId'), ['scheduler', 'admin']),
  'POST /v1/schedules/generate': on('team', body('teamId'), ['scheduler', 'admin']),
  'GET /v1/schedules/requirements-preview': on('team', query('teamId'), ['scheduler', 'admin']),
  'GET /v1/schedules': list(['scheduler', 'admin', 'supervisor'], query('teamId', true)),
  'GET /v1/schedules/{id}': on('schedule', path('id'), ['scheduler', 'admin', 'supervisor']),
  'POST /v1/schedules/{id}/publish': on('schedule', path('id'), ['scheduler', 'admin']),
  // The service also checks that the shift belongs to this schedule and a new agent to its team.
  'PATCH /v1/schedules/{id}/shifts/{shiftId}': on('schedule', path('id'), ['scheduler', 'admin']),
  'GET /v1/agents/{agentId}/shifts': on('agent', path('agentId'), [
    'agent',
    'scheduler',
    'admin',
    'supervisor',
  ]),
  // Agents read their own team's (to find a colleague's shift for a trade); names and times only.
  'GET /v1/teams/{teamId}/roster': on(
    'team',
    path('teamId'),
    ['agent', 'scheduler', 'supervisor', 'admin'],
    'team',
  ),
  'GET /v1/agents/{agentId}/schedule.ics': on('agent', path('agentId'), [
    'agent',
    'scheduler',
    'admin',
    'supervisor',
  ]),
  // A site's labour rules are the admin's: they bind every team of the site.
  'GET /v1/sites/{siteId}/labour-rules': on('site', path('siteId'), ['admin', 'scheduler']),
  'PUT /v1/sites/{siteId}/labour-rules': none('admin'),
  'POST /v1/time-off': on('agent', body('agentId'), ['agent', 'scheduler', 'admin']),
  'GET /v1/time-off': list(['agent', 'scheduler', 'admin', 'supervisor']),
  'POST /v1/time-off/{id}/approve': on('time-off', path('id'), ['scheduler', 'admin']),
  'POST /v1/time-off/{id}/deny': on('time-off', path('id'), ['scheduler', 'admin']),
  'POST /v1/time-off/{id}/withdraw': on('time-off', path('id'), ['agent']),
  'POST /v1/shift-swaps': own('agent'),
  'GET /v1/shift-swaps': list(['agent', 'scheduler', 'admin', 'supervisor']),
  // Agents take a team-mate's offer; the service checks the taker's team and rules again.
  'POST /v1/shift-swaps/{id}/accept': on(
    'swap',
    path('id'),
    ['agent', 'scheduler', 'admin'],
    'team',
  ),
  'POST /v1/shift-swaps/{id}/cancel': on('swap', path('id'), ['agent', 'scheduler', 'admin']),
  'GET /v1/time-off/{id}/effect': on('time-off', path('id'), ['scheduler', 'admin']),
  'POST /v1/shift-swaps/{id}/approve': on('swap', path('id'), ['scheduler', 'admin']),
  // The colleague asked (a team-mate of the offering agent) or the team's scheduler turns a trade down.
  'POST /v1/shift-swaps/{id}/reject': on(
    'swap',
    path('id'),
    ['agent', 'scheduler', 'admin'],
    'team',
  ),
  'GET /v1/agents/{agentId}/work-profile': on('agent', path('agentId'), [
    'agent',
    'scheduler',
    'supervisor',
    'admin',
  ]),
  'PUT /v1/agents/{agentId}/work-profile': on('agent', path('agentId'), ['scheduler', 'admin']),
  'GET /v1/teams/{teamId}/shift-settings': on('team', path('teamId'), [
    'scheduler',
    'supervisor',
    'admin',
  ]),
  'PUT /v1/teams/{teamId}/shift-settings': on('team', path('teamId'), ['scheduler', 'admin']),
  // The service also narrows the board to the caller's team.
  'GET /v1/open-shifts': list(['agent', 'scheduler', 'supervisor', 'admin'], query('teamId', true)),
  'POST /v1/schedules/{id}/open-shifts': on('schedule', path('id'), ['scheduler', 'admin']),
  // Any agent of the team may pick up an open shift; the service checks dialects and rules.
  'POST /v1/open-shifts/{id}/claim': on(
    'open-shift',
    path('id'),
    ['agent', 'scheduler', 'admin'],
    'team',
  ),
  'POST /v1/open-shifts/{id}/cancel': on('open-shift', path('id'), ['scheduler', 'admin']),
  'POST /v1/schedules/{id}/repair': on('schedule', path('id'), ['scheduler', 'admin']),
  'GET /v1/adherence': on('team', query('teamId'), ['supervisor', 'scheduler', 'admin']),
  'GET /v1/adherence/live': on('team', query('teamId'), ['supervisor', 'scheduler', 'admin']),
};

/**
 * Adds a row for a route outside the product (a benchmark's probe), before the service starts.
 * Product routes belong in the table above.
 */
export function declareRoutePolicy(key: string, policy: RoutePolicy): void {
  if (AUTHORIZATION_POLICY[key]) throw new Error(`${key} already has a policy row`);
  AUTHORIZATION_POLICY[key] = policy;
}
