import fc from 'fast-check';
import { TestApp } from '../support/test-app';
import { AUTHORIZATION_POLICY } from '../../src/platform/auth/authorization-policy';
import { Caller, createCast, Cast } from './support/cast';
import { changedTables, snapshotTables } from './support/db-snapshot';
import { deepJson, hostileBody, hostileString, hostileValue } from './support/hostile';
import { leaksIn, lineCount, logFileFor, loggingEnv } from './support/logs';
import { ApiDocument, fillPath, loadApiDocument, Operation } from './support/openapi';

const RUNS_PER_ENDPOINT = Number(process.env.HOSTILE_RUNS ?? 20);
const NOTE_MARKER = 'confidential-counselling-note-7f3a';

interface Sent {
  op: Operation;
  caller: Caller;
  url: string;
  contentType?: string;
  body?: string;
}

/**
 * Property-based hostile input against every GET/POST/PUT/PATCH endpoint of the OpenAPI document:
 * never a 500, always the error body with a 4xx, and a rejected request changes no row.
 */
describe('hostile input', () => {
  const logFile = logFileFor('hostile');
  let t: TestApp;
  let cast: Cast;
  let api: ApiDocument;
  let baseline: Record<string, string>;
  const stats = { tried: 0, rejected: 0, accepted: 0, serverErrors: 0 };

  beforeAll(async () => {
    t = await TestApp.create({ env: loggingEnv(logFile) });
    cast = await createCast(t);
    api = await loadApiDocument(t);
    // First use of the router key records last_used_at; do it before the row checks start.
    await t.http().get('/v1/routing-tags').set(cast.headers('router')).expect(200);
    baseline = await snapshotTables(t.dataSource);
  });
  afterAll(async () => {
    process.stdout.write(`hostile input: ${JSON.stringify(stats)}\n`);
    await t.close();
  });

  /** Sends one request and checks the contract; returns a failure description or undefined. */
  async function check(sent: Sent): Promise<string | undefined> {
    return (await send(sent)).failure;
  }

  async function send(sent: Sent): Promise<{ status: number; failure?: string }> {
    const failure = await sendAndCheck(sent);
    return { status: lastStatus, failure };
  }

  let lastStatus = 0;
  async function sendAndCheck(sent: Sent): Promise<string | undefined> {
    let req = t
      .http()
      [sent.op.method.toLowerCase() as 'get'](sent.url)
      .set(cast.headers(sent.caller));
    if (sent.contentType) req = req.set('Content-Type', sent.contentType);
    if (sent.body !== undefined) req = req.send(sent.body);
    const res = await req;
    lastStatus = res.status;
    stats.tried++;
    const where = `${sent.op.key} as ${sent.caller} → ${res.status} ${sent.url} ${String(sent.body).slice(0, 200)}`;
    if (res.status >= 500) {
      stats.serverErrors++;
      return `server error: ${where} ${JSON.stringify(res.body)}`;
    }
    if (res.status < 400) {
      stats.accepted++;
      baseline = await snapshotTables(t.dataSource);
      return undefined;
    }
    stats.rejected++;
    const b = res.body;
    if (
      b?.statusCode !== res.status ||
      typeof b.error !== 'string' ||
      !/^[A-Z][A-Z0-9_]*$/.test(b.error) ||
      typeof b.message !== 'string'
    )
      return `not the error body: ${where} ${JSON.stringify(b)}`;
    const after = await snapshotTables(t.dataSource);
    const changed = changedTables(baseline, after);
    if (changed.length) {
      baseline = after;
      return `rejected but changed ${changed.join(', ')}: ${where}`;
    }
    return undefined;
  }

  /** Callers worth trying: nobody, a role the policy lets in, and one it does not. */
  function callersFor(op: Operation): Caller[] {
    const policy = AUTHORIZATION_POLICY[op.key];
    const allowed: string[] = policy && !policy.public ? policy.roles : [];
    return ['none', allowed[0] ?? 'admin', allowed.includes('admin') ? 'admin' : 'router'].filter(
      (c, i, all) => all.indexOf(c) === i,
    ) as Caller[];
  }

  function propertyNames(op: Operation): string[] {
    const schema = api.resolve(op.body);
    return Object.keys(schema?.properties ?? {});
  }

  it('covers every GET/POST/PUT/PATCH endpoint of the OpenAPI document', () => {
    expect(targets().length).toBeGreaterThan(25);
  });

  function targets(): Operation[] {
    return api.operations.filter((o) => ['GET', 'POST', 'PUT', 'PATCH'].includes(o.method));
  }

  it('generated path parameters, query strings and bodies: no 500, error body on every 4xx, no row changed', async () => {
    const failures: string[] = [];
    for (const op of targets()) {
      const pathNames = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const queryNames = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
      const hasBody = ['POST', 'PUT', 'PATCH'].includes(op.method);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...callersFor(op)),
          fc.tuple(...pathNames.map(() => hostileString())),
          fc.dictionary(
            fc.oneof(
              fc.constantFrom(...(queryNames.length ? queryNames : ['q'])),
              fc.string({ maxLength: 8 }),
            ),
            fc.oneof(hostileString(), fc.array(hostileString(), { maxLength: 3 })),
            { maxKeys: 4 },
          ),
          hasBody ? hostileBody(propertyNames(op)) : fc.constant(undefined),
          async (caller, pathValues, query, body) => {
            const values = Object.fromEntries(pathNames.map((n, i) => [n, pathValues[i]]));
            const qs = new URLSearchParams();
            for (const [k, v] of Object.entries(query))
              for (const item of Array.isArray(v) ? v : [v]) qs.append(k, item);
            const url = fillPath(op.path, (n) => values[n] ?? 'x') + (qs.size ? `?${qs}` : '');
            const failure = await check({
              op,
              caller,
              url,
              contentType: hasBody ? 'application/json' : undefined,
              body: hasBody ? JSON.stringify(withNote(body)) : undefined,
            });
            if (failure) failures.push(failure);
            return true;
          },
        ),
        { numRuns: RUNS_PER_ENDPOINT, seed: Number(process.env.HOSTILE_SEED ?? 20261123) },
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(stats.serverErrors).toBe(0);
  }, 240_000);

  it('oversize bodies, deep nesting, malformed JSON and wrong content types: 413, 400 or 415 in the error body', async () => {
    const failures: string[] = [];
    // Malformation → the statuses it may get (401/403 come first for a caller without the right).
    const cases: Array<[string, string, string, number[]]> = [
      ['oversize', 'application/json', JSON.stringify({ name: 'x'.repeat(300 * 1024) }), [413]],
      ['deep nesting', 'application/json', deepJson(4000), [400, 413]],
      ['malformed', 'application/json', '{"name": "a",', [400]],
      ['text/plain', 'text/plain', 'hello', [415]],
      ['xml', 'application/xml', '<a>1</a>', [415]],
      ['form', 'application/x-www-form-urlencoded', 'name=a&role=admin', [415]],
    ];
    for (const op of targets().filter((o) => o.method !== 'GET')) {
      const url = fillPath(op.path, () => cast.agent.agentId);
      for (const caller of callersFor(op)) {
        for (const [name, contentType, body, allowed] of cases) {
          const { status, failure } = await send({ op, caller, url, contentType, body });
          if (failure) failures.push(failure);
          else if (!allowed.includes(status) && status !== 401 && status !== 403)
            failures.push(`${name}: ${op.key} as ${caller} → ${status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('deeply nested values inside a valid envelope never reach a 500', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 50, max: 3000 }), hostileValue(), async (depth, leaf) => {
        let nested: unknown = leaf;
        for (let i = 0; i < depth; i++) nested = i % 2 ? [nested] : { events: nested };
        const body = JSON.stringify({ events: [nested] });
        if (body.length > 200 * 1024) return true;
        const op = api.operations.find((o) => o.key === 'POST /v1/calls/events')!;
        const failure = await check({
          op,
          caller: 'router',
          url: '/v1/calls/events',
          contentType: 'application/json',
          body,
        });
        if (failure) failures.push(failure);
        return true;
      }),
      { numRuns: 15, seed: 7 },
    );
    expect(failures).toEqual([]);
  }, 60_000);

  it('a lone UTF-16 surrogate in an e-mail field is a 400 (it was a 500 from validator.js)', async () => {
    const res = await t
      .http()
      .post('/v1/agents')
      .set(cast.headers('admin'))
      .set('Content-Type', 'application/json')
      .send(
        '{"externalId":"x1","displayName":"X","email":"\\uffff\\ud800","dialects":[],"skills":[]}',
      );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
  });

  it('wrote no password, token, key or note to the logs', () => {
    expect(lineCount([logFile])).toBeGreaterThan(100);
    expect(leaksIn([logFile], [...cast.secrets(), NOTE_MARKER])).toEqual([]);
  });

  /** Every body that has a note-like field carries the marker, to prove notes never reach a log. */
  function withNote(body: unknown): unknown {
    if (body && typeof body === 'object' && !Array.isArray(body)) {
      const o = { ...(body as Record<string, unknown>) };
      for (const k of ['note', 'notes']) if (k in o) o[k] = NOTE_MARKER;
      return o;
    }
    return body;
  }
});
