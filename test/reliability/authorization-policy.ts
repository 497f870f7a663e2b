import type { CallerRole } from './support/cast';

/**
 * Who may call each endpoint of the OpenAPI document: the declared policy the authorisation matrix
 * (authorization.e2e-spec.ts) checks the running service against. A new endpoint fails that test
 * until it gets a row here.
 *
 * - `public`: no credentials needed.
 * - `allow`: the roles that pass the role check; every other role gets 403 FORBIDDEN and a missing,
 *   expired or revoked credential 401 UNAUTHENTICATED.
 * - `scoped`: allowed roles whose access also depends on the resource (own agent, own team,
 *   own booking); for the matrix's fixtures they may still get 403 from that finer check.
 */
export interface EndpointPolicy {
  public?: true;
  allow?: CallerRole[];
  scoped?: CallerRole[];
}

const ALL: CallerRole[] = ['admin', 'scheduler', 'supervisor', 'counselor', 'agent', 'router'];

export const AUTHORIZATION_POLICY: Record<string, EndpointPolicy> = {
  'GET /health': { public: true },
  'POST /v1/auth/login': { public: true },

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
};
