import { AUTHORIZATION_POLICY } from '../../src/platform/auth/authorization-policy';
import { TestApp } from '../support/test-app';
import { leaksIn, lineCount, logFileFor, loggingEnv } from './support/logs';
import { ApiDocument, fillPath, loadApiDocument, Operation, untilHeaders } from './support/openapi';
import { createTwoTeams, OTHER_TEAM_CALLERS, OtherCaller, TeamA, TeamB } from './support/two-teams';

const UNKNOWN_ID = '6f1d2a4e-0c3b-4f7a-9a53-1f0e8d7c6b5a';
const UNAUTHENTICATED: OtherCaller[] = ['none', 'expired', 'revoked', 'no-exp'];
const GLOBAL_ROLES: OtherCaller[] = ['admin', 'router'];

/** Team A's object each path parameter names. */
function pathValue(a: TeamA, op: Operation, name: string): string {
  if (name === 'agentId') return a.agent.agentId;
  if (name === 'teamId') return a.teamId;
  if (name === 'siteId') return a.siteId;
  if (name === 'shiftId') return a.shiftId;
  if (name === 'callId') return a.callId;
  const byPrefix: Array<[string, string]> = [
    ['/v1/teams/', a.teamId],
    ['/v1/sites/', a.siteId],
    ['/v1/schedules/', a.scheduleId],
    ['/v1/time-off/', a.timeOffId],
    ['/v1/shift-swaps/', a.swapId],
    ['/v1/routing/reservations/', a.reservationId],
    ['/v1/wellbeing/alerts/', a.alertId],
    ['/v1/breaks/', a.breakId],
    ['/v1/counseling/bookings/', a.bookingId],
    ['/v1/counseling/counselors/', a.counselor.counselorId],
    ['/v1/users/', a.agent.id],
  ];
  return byPrefix.find(([prefix]) => op.path.startsWith(prefix))?.[1] ?? UNKNOWN_ID;
}

/** Query and body fields that name team A's objects, plus valid values for the rest we know. */
function fieldValue(a: TeamA, name: string, now: Date): unknown {
  const day = 24 * 3600_000;
  const known: Record<string, unknown> = {
    teamId: a.teamId,
    agentId: a.agent.agentId,
    siteId: a.siteId,
    shiftId: a.shiftId,
    counselorId: a.counselor.counselorId,
    from: new Date(now.getTime() - day).toISOString(),
    to: new Date(now.getTime() + 7 * day).toISOString(),
    date: now.toISOString().slice(0, 10),
    month: now.toISOString().slice(0, 7),
  };
  return known[name];
}

/**
 * Every endpoint of /docs-json × every role of the OTHER team (team B) on team A's real objects,
 * plus the global roles and credentials that must never pass, against the declared policy.
 */
describe('authorisation matrix: two teams', () => {
  const logFile = logFileFor('authorization');
  let t: TestApp;
  let a: TeamA;
  let b: TeamB;
  let api: ApiDocument;

  beforeAll(async () => {
    t = await TestApp.create({ env: loggingEnv(logFile) });
    ({ a, b } = await createTwoTeams(t));
    api = await loadApiDocument(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a policy row for every documented endpoint, and none for an endpoint that is gone', () => {
    const documented = api.operations.map((o) => o.key).sort();
    expect(documented.filter((k) => !AUTHORIZATION_POLICY[k])).toEqual([]);
    expect(Object.keys(AUTHORIZATION_POLICY).filter((k) => !documented.includes(k))).toEqual([]);
  });

  it("never answers 2xx with team A's data to team B, and answers every caller as the policy says", async () => {
    const mismatches: string[] = [];
    const teamAIds = a.ids();
    let tried = 0;
    for (const op of api.operations) {
      const policy = AUTHORIZATION_POLICY[op.key];
      if (!policy) continue; // reported by the test above
      const now = t.clock.now();
      const url = fillPath(op.path, (name) => pathValue(a, op, name));
      const query: Record<string, unknown> = {};
      for (const p of op.parameters.filter((p) => p.in === 'query')) {
        const v = fieldValue(a, p.name, now);
        if (v !== undefined) query[p.name] = v;
      }
      const body: Record<string, unknown> = {};
      for (const name of Object.keys(api.resolve(op.body)?.properties ?? {})) {
        const v = fieldValue(a, name, now);
        if (v !== undefined && !['from', 'to', 'date', 'month'].includes(name)) body[name] = v;
      }
      for (const caller of OTHER_TEAM_CALLERS) {
        let req = t
          .http()
          [op.method.toLowerCase() as 'get'](url)
          .query(query)
          .set(b.headers(caller));
        if (['POST', 'PUT', 'PATCH'].includes(op.method)) req = req.send(body);
        const res = await untilHeaders(req, op);
        tried++;
        const { status } = res;
        const row = `${op.key} as ${caller}: ${status} ${res.body?.error ?? ''}`;
        if (status >= 500) {
          mismatches.push(`${row} (server error)`);
          continue;
        }
        if (
          status >= 400 &&
          (typeof res.body?.error !== 'string' || res.body.statusCode !== status)
        )
          mismatches.push(`${row} (not the error body)`);
        if (policy.public && policy.session) {
          if (status !== 401 || res.body?.error !== 'UNAUTHENTICATED')
            mismatches.push(`${row} (expected 401 without a session cookie)`);
          continue;
        }
        if (policy.public) {
          if (status === 401 || status === 403) mismatches.push(`${row} (public endpoint)`);
          continue;
        }
        if (UNAUTHENTICATED.includes(caller)) {
          if (status !== 401 || res.body.error !== 'UNAUTHENTICATED')
            mismatches.push(`${row} (expected 401 UNAUTHENTICATED)`);
          continue;
        }
        if (!policy.roles.includes(caller as never)) {
          if (status !== 403 || res.body.error !== 'FORBIDDEN')
            mismatches.push(`${row} (expected 403 FORBIDDEN)`);
          continue;
        }
        if (GLOBAL_ROLES.includes(caller)) {
          if (status === 401 || status === 403) mismatches.push(`${row} (expected to be let in)`);
          continue;
        }
        // A role of team B that the route admits: never team A's resource, never team A's data.
        if (policy.scope.by === 'resource') {
          if (status !== 403 && status !== 404)
            mismatches.push(`${row} (team A's resource: expected 403 or 404)`);
          continue;
        }
        if (status === 401) mismatches.push(`${row} (expected to be let in)`);
        if (status < 300) {
          const text = res.text ?? JSON.stringify(res.body);
          const leaked = teamAIds.filter((id) => text.includes(id));
          if (leaked.length) mismatches.push(`${row} (leaks team A: ${leaked.join(', ')})`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(tried).toBe(api.operations.length * OTHER_TEAM_CALLERS.length);
    // The size of the matrix, for the README's Reliability section.
    console.log(
      `authorisation matrix: ${api.operations.length} endpoints × ${OTHER_TEAM_CALLERS.length} callers = ${tried} requests`,
    );
  }, 600_000);

  it('still shows a team its own rows in every scoped list', async () => {
    const supervisor = await t.createUser(['supervisor'], a.teamId);
    const scheduler = await t.createUser(['scheduler'], a.teamId);
    const as = (u: { token: string }) => ({ Authorization: `Bearer ${u.token}` });
    const sees = async (path: string, who: { token: string }, id: string) => {
      const res = await t.http().get(path).set(as(who)).expect(200);
      expect({ path, seen: res.text.includes(id) }).toEqual({ path, seen: true });
    };
    await sees('/v1/agents', supervisor, a.agent.agentId);
    await sees('/v1/agents', scheduler, a.agent.agentId);
    await sees('/v1/teams', supervisor, a.teamId);
    await sees('/v1/sites', scheduler, a.siteId);
    await sees('/v1/schedules', scheduler, a.scheduleId);
    await sees('/v1/time-off', scheduler, a.timeOffId);
    await sees('/v1/shift-swaps', a.colleague, a.swapId);
    await sees(
      `/v1/wellbeing/alerts?teamId=${a.teamId}&includeAcknowledged=true`,
      supervisor,
      a.alertId,
    );
  });

  it('wrote no password, token or key to the logs', async () => {
    expect(lineCount([logFile])).toBeGreaterThan(50);
    expect(leaksIn([logFile], b.secrets())).toEqual([]);
  });
});
