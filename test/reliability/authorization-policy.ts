import type { CallerRole } from './support/cast';

/**
 * Who may call each endpoint of the OpenAPI document: the declared policy the authorisation matrix
 * (authorization.e2e-spec.ts) checks the running service against. A new endpoint fails that test
 * until it gets a row here.
 *
 * - `public`: no credentials needed.
 * - `session`: only a browser session cookie opens it (the matrix sends none: 401 for all).
 * - `allow`: the roles that pass the role check; every other role gets 403 FORBIDDEN and a missing,
 *   expired or revoked credential 401 UNAUTHENTICATED.
 * - `scoped`: allowed roles whose access also depends on the resource (own agent, own team,
 *   own booking); for the matrix's fixtures they may still get 403 from that finer check.
 */
export interface EndpointPolicy {
  public?: true;
  /** Authenticated by the browser session's refresh cookie alone: 401 for every bearer or key. */
  session?: true;
  allow?: CallerRole[];
  scoped?: CallerRole[];
}

const ALL: CallerRole[] = ['admin', 'scheduler', 'supervisor', 'counselor', 'agent', 'router'];

export const AUTHORIZATION_POLICY: Record<string, EndpointPolicy> = {
  'GET /health': { public: true },
  'POST /v1/auth/login': { public: true },
  'POST /v1/auth/session': { public: true },
  'POST /v1/auth/session/refresh': { session: true },
  'DELETE /v1/auth/session': { public: true },
  'GET /v1/calendar-feeds/{file}': { public: true },
  'GET /v1/agents/{agentId}/calendar-feed': { allow: ['agent'], scoped: ['agent'] },
  'POST /v1/agents/{agentId}/calendar-feed': { allow: ['agent'], scoped: ['agent'] },
  'DELETE /v1/agents/{agentId}/calendar-feed': { allow: ['agent'], scoped: ['agent'] },
  'GET /v1/agents/{agentId}/workplace': {
    allow: ['admin', 'supervisor', 'scheduler', 'agent'],
    scoped: ['agent'],
  },
  'GET /v1/agents/{agentId}/calls': {
    allow: ['agent', 'supervisor', 'admin'],
    scoped: ['agent', 'supervisor'],
  },
  'GET /v1/breaks/capacity': { allow: ['agent'], scoped: ['agent'] },

  'POST /v1/api-keys': { allow: ['admin'] },
  'GET /v1/api-keys': { allow: ['admin'] },
  'DELETE /v1/api-keys/{id}': { allow: ['admin'] },

  'POST /v1/sites': { allow: ['admin'] },
  'GET /v1/sites': { allow: ['admin', 'scheduler', 'supervisor'] },
  'GET /v1/sites/{id}': { allow: ['admin', 'scheduler', 'supervisor'] },
  'PATCH /v1/sites/{id}': { allow: ['admin'] },

  'POST /v1/teams': { allow: ['admin'] },
  'GET /v1/teams': { allow: ['admin', 'scheduler', 'supervisor'] },
  'GET /v1/teams/{id}': { allow: ['admin', 'scheduler', 'supervisor'] },
  'PATCH /v1/teams/{id}': { allow: ['admin'] },
  'GET /v1/teams/{id}/settings': { allow: ['admin', 'supervisor', 'scheduler'] },
  'PUT /v1/teams/{id}/settings': { allow: ['admin', 'supervisor'] },

  'POST /v1/users': { allow: ['admin'] },
  'GET /v1/users': { allow: ['admin'] },
  'GET /v1/users/{id}': { allow: ['admin'] },
  'PATCH /v1/users/{id}': { allow: ['admin'] },
  'POST /v1/users/{id}/deactivate': { allow: ['admin'] },

  'GET /v1/routing-tags': { allow: ALL },
  'POST /v1/routing-tags': { allow: ['admin'] },

  'POST /v1/agents': { allow: ['admin', 'supervisor'] },
  'POST /v1/agents/import': { allow: ['admin'] },
  'GET /v1/agents': { allow: ['admin', 'supervisor', 'router'] },
  'GET /v1/agents/{agentId}': {
    allow: ['admin', 'supervisor', 'router', 'scheduler', 'agent'],
    scoped: ['agent', 'supervisor'],
  },
  'PATCH /v1/agents/{agentId}': { allow: ['admin', 'supervisor'], scoped: ['supervisor'] },
  'PUT /v1/agents/{agentId}/tags': { allow: ['admin', 'supervisor'], scoped: ['supervisor'] },

  'GET /v1/agents/{agentId}/presence': {
    allow: ['agent', 'router', 'supervisor', 'admin', 'scheduler'],
    scoped: ['agent', 'supervisor'],
  },
  'PUT /v1/agents/{agentId}/presence': {
    allow: ['agent', 'router', 'supervisor', 'admin'],
    scoped: ['agent', 'supervisor'],
  },

  'GET /v1/routing/available-agents': { allow: ['router', 'admin', 'supervisor'] },
  'POST /v1/routing/reservations': { allow: ['router'] },
  'GET /v1/routing/reservations/{id}': { allow: ['router', 'admin', 'supervisor'] },
  'POST /v1/routing/reservations/{id}/accept': { allow: ['router'] },
  'POST /v1/routing/reservations/{id}/reject': { allow: ['router'] },

  'POST /v1/calls/events': { allow: ['router'] },
  'GET /v1/agents/{agentId}/load': {
    allow: ['agent', 'supervisor', 'admin'],
    scoped: ['agent', 'supervisor'],
  },
  'GET /v1/teams/{teamId}/load': { allow: ['supervisor', 'admin'], scoped: ['supervisor'] },

  // Wellbeing, counselling and scheduling. Roles other than admin and router are scoped: the service
  // also checks own agent, own team or own booking (a booking is 404 to anyone else).
  'POST /v1/counseling/counselors': { allow: ['admin'] },
  'GET /v1/counseling/counselors': {
    allow: ['agent', 'counselor', 'admin', 'supervisor'],
    scoped: ['agent', 'counselor', 'supervisor'],
  },
  'GET /v1/counseling/counselors/{id}': {
    allow: ['agent', 'counselor', 'admin', 'supervisor'],
    scoped: ['agent', 'counselor', 'supervisor'],
  },
  'PUT /v1/counseling/counselors/{id}/availability': {
    allow: ['counselor', 'admin'],
    scoped: ['counselor'],
  },
  'GET /v1/counseling/counselors/{id}/slots': {
    allow: ['agent', 'counselor', 'admin'],
    scoped: ['agent', 'counselor'],
  },
  'GET /v1/counseling/suggested-slots': { allow: ['agent'], scoped: ['agent'] },
  'POST /v1/counseling/bookings': { allow: ['agent'], scoped: ['agent'] },
  'GET /v1/counseling/bookings': {
    allow: ['agent', 'counselor', 'admin', 'supervisor', 'scheduler'],
    scoped: ['agent', 'counselor', 'supervisor', 'scheduler'],
  },
  'GET /v1/counseling/bookings/{id}': {
    allow: ['agent', 'counselor', 'admin', 'supervisor', 'scheduler'],
    scoped: ['agent', 'counselor', 'supervisor', 'scheduler'],
  },
  'POST /v1/counseling/bookings/{id}/cancel': {
    allow: ['agent', 'counselor', 'admin', 'supervisor', 'scheduler'],
    scoped: ['agent', 'counselor', 'supervisor', 'scheduler'],
  },
  'POST /v1/counseling/bookings/{id}/reschedule': {
    allow: ['agent', 'counselor'],
    scoped: ['agent', 'counselor'],
  },
  'PUT /v1/counseling/bookings/{id}/notes': { allow: ['counselor'], scoped: ['counselor'] },
  'GET /v1/counseling/me/export': { allow: ['agent'], scoped: ['agent'] },
  'GET /v1/counseling/notifications': { allow: ['counselor'], scoped: ['counselor'] },
  'DELETE /v1/counseling/me/history': { allow: ['agent'], scoped: ['agent'] },
  'GET /v1/counseling/stats/monthly': { allow: ['admin', 'supervisor'], scoped: ['supervisor'] },
  'GET /v1/audit': { allow: ['admin'] },
  'POST /v1/calls/{callId}/hostile': {
    allow: ['agent', 'supervisor'],
    scoped: ['agent', 'supervisor'],
  },
  'POST /v1/agents/{agentId}/recovery/shorten': {
    allow: ['supervisor', 'admin'],
    scoped: ['supervisor'],
  },
  'POST /v1/agents/{agentId}/recovery/extend': { allow: ['agent'], scoped: ['agent'] },
  'GET /v1/wellbeing/policies/teams/{teamId}': {
    allow: ['admin', 'supervisor'],
    scoped: ['supervisor'],
  },
  'PUT /v1/wellbeing/policies/teams/{teamId}': {
    allow: ['admin', 'supervisor'],
    scoped: ['supervisor'],
  },
  'GET /v1/wellbeing/policies/sites/{siteId}': {
    allow: ['admin', 'supervisor'],
    scoped: ['supervisor'],
  },
  'PUT /v1/wellbeing/policies/sites/{siteId}': { allow: ['admin'] },
  'GET /v1/wellbeing/alerts': { allow: ['admin', 'supervisor'], scoped: ['supervisor'] },
  'POST /v1/wellbeing/alerts/{id}/ack': { allow: ['admin', 'supervisor'], scoped: ['supervisor'] },
  'GET /v1/wellbeing/offers': { allow: ['agent'], scoped: ['agent'] },
  'GET /v1/wellbeing/report': { allow: ['admin', 'supervisor'], scoped: ['supervisor'] },
  'POST /v1/breaks': { allow: ['agent'], scoped: ['agent'] },
  'GET /v1/breaks': { allow: ['agent', 'supervisor', 'admin'], scoped: ['agent', 'supervisor'] },
  'POST /v1/breaks/{id}/cancel': { allow: ['agent'], scoped: ['agent'] },
  'POST /v1/staffing/erlang-c': { allow: ['scheduler', 'admin'], scoped: ['scheduler'] },
  'PUT /v1/teams/{teamId}/forecast': { allow: ['scheduler', 'admin'], scoped: ['scheduler'] },
  'GET /v1/teams/{teamId}/forecast': {
    allow: ['scheduler', 'admin', 'supervisor'],
    scoped: ['scheduler', 'supervisor'],
  },
  'POST /v1/teams/{teamId}/forecast/from-history': {
    allow: ['scheduler', 'admin'],
    scoped: ['scheduler'],
  },
  'GET /v1/teams/{teamId}/planning-settings': {
    allow: ['scheduler', 'admin'],
    scoped: ['scheduler'],
  },
  'PUT /v1/teams/{teamId}/planning-settings': {
    allow: ['scheduler', 'admin'],
    scoped: ['scheduler'],
  },
  'POST /v1/schedules/generate': { allow: ['scheduler', 'admin'], scoped: ['scheduler'] },
  'GET /v1/schedules/requirements-preview': {
    allow: ['scheduler', 'admin'],
    scoped: ['scheduler'],
  },
  'GET /v1/schedules': {
    allow: ['scheduler', 'admin', 'supervisor'],
    scoped: ['scheduler', 'supervisor'],
  },
  'GET /v1/schedules/{id}': {
    allow: ['scheduler', 'admin', 'supervisor'],
    scoped: ['scheduler', 'supervisor'],
  },
  'POST /v1/schedules/{id}/publish': { allow: ['scheduler', 'admin'], scoped: ['scheduler'] },
  'PATCH /v1/schedules/{id}/shifts/{shiftId}': {
    allow: ['scheduler', 'admin'],
    scoped: ['scheduler'],
  },
  'GET /v1/agents/{agentId}/shifts': {
    allow: ['agent', 'scheduler', 'admin', 'supervisor'],
    scoped: ['agent', 'scheduler', 'supervisor'],
  },
  'GET /v1/agents/{agentId}/schedule.ics': {
    allow: ['agent', 'scheduler', 'admin', 'supervisor'],
    scoped: ['agent', 'scheduler', 'supervisor'],
  },
  'GET /v1/sites/{siteId}/labour-rules': { allow: ['admin', 'scheduler'], scoped: ['scheduler'] },
  'PUT /v1/sites/{siteId}/labour-rules': { allow: ['admin', 'scheduler'], scoped: ['scheduler'] },
  'POST /v1/time-off': { allow: ['agent', 'scheduler', 'admin'], scoped: ['agent', 'scheduler'] },
  'GET /v1/time-off': {
    allow: ['agent', 'scheduler', 'admin', 'supervisor'],
    scoped: ['agent', 'scheduler', 'supervisor'],
  },
  'POST /v1/time-off/{id}/approve': { allow: ['scheduler', 'admin'], scoped: ['scheduler'] },
  'POST /v1/time-off/{id}/deny': { allow: ['scheduler', 'admin'], scoped: ['scheduler'] },
  'POST /v1/shift-swaps': { allow: ['agent'], scoped: ['agent'] },
  'GET /v1/shift-swaps': {
    allow: ['agent', 'scheduler', 'admin', 'supervisor'],
    scoped: ['agent', 'scheduler', 'supervisor'],
  },
  'POST /v1/shift-swaps/{id}/accept': {
    allow: ['agent', 'scheduler', 'admin'],
    // Someone must take the shift: an admin without an agent profile is refused by the service.
    scoped: ['agent', 'scheduler', 'admin'],
  },
  'POST /v1/shift-swaps/{id}/cancel': {
    allow: ['agent', 'scheduler', 'admin'],
    scoped: ['agent', 'scheduler'],
  },
  'GET /v1/adherence': {
    allow: ['supervisor', 'scheduler', 'admin'],
    scoped: ['supervisor', 'scheduler'],
  },
  'GET /v1/adherence/live': {
    allow: ['supervisor', 'scheduler', 'admin'],
    scoped: ['supervisor', 'scheduler'],
  },
};
