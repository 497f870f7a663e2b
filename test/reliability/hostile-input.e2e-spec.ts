import fc from 'fast-check';
import { TestApp } from '../support/test-app';
import { AUTHORIZATION_POLICY } from '../../src/platform/auth/authorization-policy';
import { Caller, createCast, Cast } from './support/cast';
import { ChangeJournal } from './support/change-journal';
import { deepJson, hostileBody, hostileString, hostileValue } from './support/hostile';
import { leaksIn, lineCount, logFileFor, loggingEnv } from './support/logs';
import { ApiDocument, fillPath, loadApiDocument, Operation, untilHeaders } from './support/openapi';

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
/** Numbered after commit by the events sequencer: changes there trail the request that caused them. */
const ASYNC_TABLES = ['events'];

describe('hostile input', () => {
  const logFile = logFileFor('hostile');
  let t: TestApp;
  let cast: Cast;
  let api: ApiDocument;
  let journal: ChangeJournal;
  let baseline: number;
  const stats = { tried: 0, rejected: 0, accepted: 0, serverErrors: 0 };

  beforeAll(async () => {
    t = await TestApp.create({ env: loggingEnv(logFile) });
    cast = await createCast(t);
    api = await loadApiDocument(t);
    // First use of the router key records last_used_at; do it before the row checks start.
    await t.http().get('/v1/routing-tags').set(cast.headers('router')).expect(200);
    journal = await ChangeJournal.install(t.dataSource, ASYNC_TABLES);
    baseline = await journal.position();
  });
  afterAll(async () => {
    process.stdout.write(`hostile input: ${JSON.stringify(stats)}\n`);
    await t.close();
  });

  /** Sends one request and checks the contract; returns a failure description or undefined. */
  async function check(sent: Sent): Promise<string | undefined> {
    return (await send(sent)).failure;
  }

  /** `rowCheck: false` leaves the tables' check to the caller (one check after many rejections). */
  async function send(
    sent: Sent,
    options: { rowCheck: boolean } = { rowCheck: true },
  ): Promise<{ status: number; failure?: string }> {
    const failure = await sendAndCheck(sent, options.rowCheck);
    return { status: lastStatus, failure };
  }

  let lastStatus = 0;
  async function sendAndCheck(sent: Sent, rowCheck = true): Promise<string | undefined> {
    let req = t
      .http()
      [sent.op.method.toLowerCase() as 'get'](sent.url)
      .set(cast.headers(sent.caller));
    if (sent.contentType) req = req.set('Content-Type', sent.contentType);
    if (sent.body !== undefined) req = req.send(sent.body);
    const res = await untilHeaders(req, sent.op);
    lastStatus = res.status;
    stats.tried++;
    const where = `${sent.op.key} as ${sent.caller} → ${res.status} ${sent.url} ${String(sent.body).slice(0, 200)}`;
    if (res.status >= 500) {
      stats.serverErrors++;
      return `server error: ${where} ${JSON.stringify(res.body)}`;
    }
    if (res.status < 400) {
      stats.accepted++;
      baseline = await journal.position();
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
    if (!rowCheck) return undefined;
    const changed = await journal.changedSince(baseline);
    if (changed.length) {
      baseline = await journal.position();
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
  }, 600_000);

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
    // Every one of these must be refused, so the journal is read once after all of them.
    const before = await journal.position();
    for (const op of targets().filter((o) => o.method !== 'GET')) {
      const url = fillPath(op.path, () => cast.agent.agentId);
      for (const caller of callersFor(op)) {
        for (const [name, contentType, body, allowed] of cases) {
          const { status, failure } = await send(
            { op, caller, url, contentType, body },
            { rowCheck: false },
          );
          if (failure) failures.push(failure);
          else if (!allowed.includes(status) && status !== 401 && status !== 403)
            failures.push(`${name}: ${op.key} as ${caller} → ${status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await journal.changedSince(before)).toEqual([]);
  }, 300_000);

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

  it('a NUL character in any stored string, and null for a non-nullable field, are 400 VALIDATION_FAILED (they were 500s)', async () => {
    const admin = cast.headers('admin');
    const counselor = await t
      .http()
      .post('/v1/counseling/counselors')
      .set(admin)
      .send({
        email: `nul-${Date.now()}@example.com`,
        password: 'counsel-pass-123',
        displayName: 'Counsellor',
        timeZone: 'Asia/Shanghai',
      })
      .expect(201);
    const userId = cast.users.scheduler.id;
    const nul = 'a\u0000b';
    const weekly = [{ weekday: 1, start: '09:00', end: '17:00' }];
    const cases: Array<[string, string, Record<string, string>, unknown]> = [
      ['POST', '/v1/sites', admin, { name: nul, timeZone: 'Asia/Shanghai' }],
      ['PATCH', `/v1/sites/${cast.siteId}`, admin, { name: nul }],
      ['POST', '/v1/teams', admin, { name: nul, siteId: cast.siteId }],
      ['PATCH', `/v1/teams/${cast.teamId}`, admin, { name: nul }],
      [
        'POST',
        '/v1/users',
        admin,
        { email: 'nul@example.com', password: 'long-enough-1', displayName: nul, roles: ['agent'] },
      ],
      ['PATCH', `/v1/users/${userId}`, admin, { displayName: nul }],
      [
        'POST',
        '/v1/agents',
        admin,
        { externalId: nul, displayName: 'A', dialects: [], skills: [] },
      ],
      ['PATCH', `/v1/agents/${cast.agent.agentId}`, admin, { displayName: nul }],
      [
        'POST',
        '/v1/agents',
        admin,
        {
          externalId: 'nul-tag',
          displayName: 'A',
          dialects: [{ tag: `yue${nul}`, proficiency: 3 }],
          skills: [],
        },
      ],
      ['POST', '/v1/routing-tags', admin, { tag: 'x-nul', kind: 'skill', label: nul }],
      ['POST', '/v1/api-keys', admin, { name: nul, role: 'router' }],
      [
        'POST',
        '/v1/counseling/counselors',
        admin,
        {
          email: 'nul-c@example.com',
          password: 'counsel-pass-123',
          displayName: nul,
          timeZone: 'Asia/Shanghai',
        },
      ],
      [
        'PUT',
        `/v1/agents/${cast.agent.agentId}/presence`,
        cast.headers('agent'),
        { state: 'not_ready', reason: nul },
      ],
      ['PATCH', `/v1/sites/${cast.siteId}`, admin, { timeZone: null }],
      ['PATCH', `/v1/sites/${cast.siteId}`, admin, { name: null }],
      ['PATCH', `/v1/teams/${cast.teamId}`, admin, { name: null }],
      ['PATCH', `/v1/users/${userId}`, admin, { displayName: null }],
      ['PATCH', `/v1/agents/${cast.agent.agentId}`, admin, { displayName: null }],
      ['PUT', `/v1/teams/${cast.teamId}/settings`, admin, { wrapUpSeconds: null }],
      [
        'PUT',
        `/v1/counseling/counselors/${counselor.body.id}/availability`,
        admin,
        { weekly, bufferMinutes: null },
      ],
      [
        'PUT',
        `/v1/counseling/counselors/${counselor.body.id}/availability`,
        admin,
        { weekly: [{ weekday: 1, start: null, end: '17:00' }] },
      ],
    ];
    const wrong: string[] = [];
    for (const [method, url, headers, body] of cases) {
      const res = await t
        .http()
        [method.toLowerCase() as 'post'](url)
        .set(headers)
        .send(body as object);
      if (res.status !== 400 || res.body.error !== 'VALIDATION_FAILED')
        wrong.push(`${method} ${url} ${JSON.stringify(body)} → ${res.status} ${res.body.error}`);
    }
    for (const url of [`/v1/sites/%00`, `/v1/agents/%00/presence`, `/v1/agents?externalId=a%00b`]) {
      const res = await t.http().get(url).set(admin);
      if (res.status !== 400 || res.body.error !== 'VALIDATION_FAILED')
        wrong.push(`GET ${url} → ${res.status} ${res.body.error}`);
    }
    expect(wrong).toEqual([]);
    // A field declared nullable still takes null: a user leaves their team.
    await t.http().patch(`/v1/users/${userId}`).set(admin).send({ teamId: null }).expect(200);
  });

  it('fields named constructor, __proto__ or prototype are rejected like any unknown field', async () => {
    for (const key of ['constructor', '__proto__', 'prototype']) {
      const res = await t
        .http()
        .post('/v1/sites')
        .set(cast.headers('admin'))
        .set('Content-Type', 'application/json')
        .send(`{"name":"Proto site","timeZone":"Asia/Shanghai","${key}":{"isAdmin":true}}`);
      expect({ key, status: res.status, error: res.body.error }).toEqual({
        key,
        status: 400,
        error: 'VALIDATION_FAILED',
      });
      expect(JSON.stringify(res.body.details)).toContain(key);
    }
  });

  it('window=abc is 400; adherence takes intervalMinutes from the query string', async () => {
    const load = await t
      .http()
      .get(`/v1/agents/${cast.agent.agentId}/load?window=abc`)
      .set(cast.headers('admin'));
    expect(load.status).toBe(400);
    expect(load.body.error).toBe('VALIDATION_FAILED');
    await t
      .http()
      .get(`/v1/agents/${cast.agent.agentId}/load?window=30`)
      .set(cast.headers('admin'))
      .expect(200);
    const from = '2026-11-02T00:00:00Z';
    const to = '2026-11-02T04:00:00Z';
    for (const interval of [15, 30, 60]) {
      const res = await t
        .http()
        .get(
          `/v1/adherence?teamId=${cast.teamId}&from=${from}&to=${to}&intervalMinutes=${interval}`,
        )
        .set(cast.headers('admin'));
      expect({ interval, status: res.status }).toEqual({ interval, status: 200 });
    }
    const odd = await t
      .http()
      .get(`/v1/adherence?teamId=${cast.teamId}&from=${from}&to=${to}&intervalMinutes=7`)
      .set(cast.headers('admin'));
    expect(odd.status).toBe(400);
  });

  it('deny { reason } stores the reason; an unknown field in it is rejected', async () => {
    const request = await t
      .http()
      .post('/v1/time-off')
      .set(cast.headers('agent'))
      .send({
        agentId: cast.agent.agentId,
        kind: 'time_off',
        startsAt: '2026-12-24T00:00:00Z',
        endsAt: '2026-12-25T00:00:00Z',
        reason: 'Family',
      })
      .expect(201);
    await t
      .http()
      .post(`/v1/time-off/${request.body.id}/deny`)
      .set(cast.headers('admin'))
      .send({ reason: 'Peak week', extra: 1 })
      .expect(400);
    const denied = await t
      .http()
      .post(`/v1/time-off/${request.body.id}/deny`)
      .set(cast.headers('admin'))
      .send({ reason: 'Peak week' })
      .expect(200);
    expect(denied.body).toMatchObject({
      status: 'denied',
      reason: 'Family',
      decisionReason: 'Peak week',
    });
    const list = await t
      .http()
      .get(`/v1/time-off?agentId=${cast.agent.agentId}`)
      .set(cast.headers('agent'))
      .expect(200);
    expect(list.body.items.find((r: { id: string }) => r.id === request.body.id)).toMatchObject({
      decisionReason: 'Peak week',
    });
  });

  it('a non-JSON body on a JSON endpoint is 415 naming Content-Type: application/json', async () => {
    for (const [contentType, body] of [
      ['text/plain', '{"name":"x","timeZone":"Asia/Shanghai"}'],
      ['application/x-www-form-urlencoded', 'name=x'],
    ]) {
      const res = await t
        .http()
        .post('/v1/sites')
        .set(cast.headers('admin'))
        .set('Content-Type', contentType)
        .send(body);
      expect(res.status).toBe(415);
      expect(res.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(res.body.message).toContain('Content-Type: application/json');
    }
  });

  it('Erlang A with 36,000 s patience answers and never holds up other requests', async () => {
    const headers = cast.headers('scheduler');
    const erlang = (calls: number) =>
      t.http().post('/v1/staffing/erlang-c').set(headers).send({
        callsPerInterval: calls,
        intervalMinutes: 30,
        ahtSeconds: 180,
        targetServiceLevel: 0.8,
        targetAnswerSeconds: 20,
        patienceSeconds: 36_000,
      });
    const [a, b, health] = await Promise.all([erlang(100), erlang(2000), t.http().get('/health')]);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ rawAgents: 14, model: 'erlang-a' });
    expect(b.status).toBe(200);
    expect(b.body.rawAgents).toBe(208);
    expect(health.status).toBe(200);
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
