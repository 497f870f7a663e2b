import { TestApp } from '../support/test-app';
import { AUTHORIZATION_POLICY } from './authorization-policy';
import { Caller, createCast, Cast, ROLES } from './support/cast';
import { leaksIn, lineCount, logFileFor, loggingEnv } from './support/logs';
import { ApiDocument, fillPath, loadApiDocument, Operation } from './support/openapi';

const CALLERS: Caller[] = [...ROLES, 'none', 'expired', 'revoked'];

/** Real ids where the cast owns one, so an allowed caller passes the finer (own agent/team) checks. */
function pathValue(cast: Cast, op: Operation, name: string): string {
  if (name === 'agentId') return cast.agent.agentId;
  if (name === 'teamId') return cast.teamId;
  if (name === 'id' && op.path.startsWith('/v1/teams/')) return cast.teamId;
  if (name === 'id' && op.path.startsWith('/v1/sites/')) return cast.siteId;
  // Anything else: a well-formed id that exists nowhere (404 for those who may look).
  return '6f1d2a4e-0c3b-4f7a-9a53-1f0e8d7c6b5a';
}

/** Every endpoint × every caller against the declared policy table. */
describe('authorisation matrix', () => {
  const logFile = logFileFor('authorization');
  let t: TestApp;
  let cast: Cast;
  let api: ApiDocument;

  beforeAll(async () => {
    t = await TestApp.create({ env: loggingEnv(logFile) });
    cast = await createCast(t);
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

  it('answers every endpoint × caller as the policy says', async () => {
    const mismatches: string[] = [];
    let tried = 0;
    for (const op of api.operations) {
      const policy = AUTHORIZATION_POLICY[op.key];
      if (!policy) continue; // reported by the test above
      for (const caller of CALLERS) {
        const url = fillPath(op.path, (name) => pathValue(cast, op, name));
        let req = t.http()[op.method.toLowerCase() as 'get'](url).set(cast.headers(caller));
        if (['POST', 'PUT', 'PATCH'].includes(op.method)) req = req.send({});
        const res = await req;
        tried++;
        const { status, body } = res;
        const row = `${op.key} as ${caller}: ${status} ${body?.error ?? ''}`;
        if (status >= 500) {
          mismatches.push(`${row} (server error)`);
          continue;
        }
        if (status >= 400 && (typeof body?.error !== 'string' || body.statusCode !== status))
          mismatches.push(`${row} (not the error body)`);
        if (policy.session) {
          if (status !== 401 || body.error !== 'UNAUTHENTICATED')
            mismatches.push(`${row} (expected 401 without a session cookie)`);
          continue;
        }
        if (policy.public) {
          if (status === 401 || status === 403) mismatches.push(`${row} (public endpoint)`);
          continue;
        }
        if (caller === 'none' || caller === 'expired' || caller === 'revoked') {
          if (status !== 401 || body.error !== 'UNAUTHENTICATED')
            mismatches.push(`${row} (expected 401 UNAUTHENTICATED)`);
          continue;
        }
        const allowed = policy.allow?.includes(caller) ?? false;
        if (!allowed) {
          if (status !== 403 || body.error !== 'FORBIDDEN')
            mismatches.push(`${row} (expected 403 FORBIDDEN)`);
        } else if (status === 401 || (status === 403 && !policy.scoped?.includes(caller))) {
          mismatches.push(`${row} (expected to be let in)`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(tried).toBe(api.operations.length * CALLERS.length);
  });

  it('wrote no password, token or key to the logs', async () => {
    expect(lineCount([logFile])).toBeGreaterThan(50);
    expect(leaksIn([logFile], cast.secrets())).toEqual([]);
  });
});
