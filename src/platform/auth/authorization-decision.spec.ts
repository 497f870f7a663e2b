import fc from 'fast-check';
import { Caller, decide, policyKey } from './authorization-decision';
import type { RoutePolicy } from './authorization-policy';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const A1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

const person = (roles: Caller['roles'], over: Partial<Caller> = {}): Caller => ({
  roles,
  teamId: null,
  agentId: null,
  agentTeamId: null,
  counselorId: null,
  ...over,
});

const onAgent: RoutePolicy = {
  roles: ['admin', 'supervisor', 'agent', 'router'],
  scope: { by: 'resource', kind: 'agent', field: { in: 'path', name: 'agentId' } },
};

describe('decide', () => {
  it('refuses a role the row does not name, before any fact is needed', () => {
    expect(decide(onAgent, person(['scheduler'], { teamId: T1 }))).toEqual({
      allow: false,
      reason: 'role',
    });
  });

  it('lets admins and the router act on every team', () => {
    expect(decide(onAgent, person(['admin']))).toEqual({ allow: true, scope: { all: true } });
    expect(decide(onAgent, person(['router']))).toEqual({ allow: true, scope: { all: true } });
  });

  it("keeps a supervisor to their team's agents and an agent to itself", () => {
    const owner = { exists: true, teamId: T1, agentId: A1 };
    expect(decide(onAgent, person(['supervisor'], { teamId: T1 }), { owner }).allow).toBe(true);
    expect(decide(onAgent, person(['supervisor'], { teamId: T2 }), { owner }).allow).toBe(false);
    expect(decide(onAgent, person(['supervisor']), { owner }).allow).toBe(false);
    expect(
      decide(onAgent, person(['agent'], { agentId: A1, agentTeamId: T1 }), { owner }).allow,
    ).toBe(true);
    expect(decide(onAgent, person(['agent'], { agentTeamId: T1 }), { owner }).allow).toBe(false);
    // A team-less resource is the admin's.
    expect(
      decide(onAgent, person(['supervisor'], { teamId: T1 }), {
        owner: { exists: true, teamId: null },
      }).allow,
    ).toBe(false);
  });

  it('passes an unknown resource on (the service answers 404) but not an unnamed one', () => {
    const sup = person(['supervisor'], { teamId: T2 });
    expect(decide(onAgent, sup, { owner: { exists: false, teamId: null } }).allow).toBe(true);
    expect(decide(onAgent, sup, { owner: null }).allow).toBe(false);
  });

  it("never lets a team-bound role reach another team's resource (any teams, any roles held)", () => {
    const team = fc.constantFrom(T1, T2, null);
    fc.assert(
      fc.property(
        team,
        team,
        fc.subarray(['supervisor', 'scheduler', 'agent', 'counselor'] as const),
        (own, other, roles) => {
          const caller = person([...roles], { teamId: own, agentTeamId: own });
          const d = decide(onAgent, caller, { owner: { exists: true, teamId: other } });
          if (d.allow) expect(other !== null && other === own).toBe(true);
        },
      ),
    );
  });

  it('scopes a list to the caller team and refuses a list of another team', () => {
    const list: RoutePolicy = {
      roles: ['admin', 'supervisor'],
      scope: { by: 'team-list', teamField: { in: 'query', name: 'teamId', optional: true } },
    };
    const sup = person(['supervisor'], { teamId: T1 });
    expect(decide(list, sup)).toEqual({ allow: true, scope: { all: false, teamId: T1 } });
    expect(decide(list, sup, { listTeam: T2 }).allow).toBe(false);
    expect(decide(list, person(['supervisor'])).allow).toBe(false);
  });

  it('refuses moving a resource into another team', () => {
    const move: RoutePolicy = {
      roles: ['supervisor'],
      scope: {
        by: 'resource',
        kind: 'agent',
        field: { in: 'path', name: 'agentId' },
        toTeam: { in: 'body', name: 'teamId', optional: true },
      },
    };
    const sup = person(['supervisor'], { teamId: T1 });
    const owner = { exists: true, teamId: T1 };
    expect(decide(move, sup, { owner }).allow).toBe(true);
    expect(decide(move, sup, { owner, toTeam: T2 }).allow).toBe(false);
    expect(decide(move, sup, { owner, toTeam: null }).allow).toBe(false);
  });
});

describe('policyKey', () => {
  it('turns an Express route into the OpenAPI key form', () => {
    expect(policyKey('get', '/v1/agents/:agentId/presence')).toBe(
      'GET /v1/agents/{agentId}/presence',
    );
    expect(policyKey('HEAD', '/health')).toBe('GET /health');
  });
});
