import { book, createCounselor } from '../support/counseling';
import { callEvents, sendEvents } from '../support/router';
import { assertWebBuilt } from '../support/browser';
import { bearer, TestApp } from '../support/test-app';
import { insertShift } from '../wellbeing/helpers';

/** The cookie pairs a browser would send back, from a response's Set-Cookie headers. */
function cookiesFrom(setCookie: string[] | string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of [setCookie ?? []].flat()) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
  }
  return out;
}
const cookieHeader = (c: Record<string, string>) =>
  Object.entries(c)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('; ');

describe('browser sessions, calendar subscriptions and the agent desktop reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ env: { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12' } });
  });
  afterAll(() => t.close());

  async function signIn(email: string, password: string) {
    const res = await t.http().post('/v1/auth/session').send({ email, password }).expect(200);
    return { res, cookies: cookiesFrom(res.headers['set-cookie']) };
  }

  it('signs in with httpOnly SameSite=Strict cookies, wants the CSRF echo on unsafe requests, refreshes and signs out', async () => {
    const agent = await t.createAgent();
    const { res, cookies } = await signIn(agent.email, agent.password);
    const set = [res.headers['set-cookie']].flat().join('\n');
    expect(set).toMatch(/sw_access=[^;]+; Path=\/; Max-Age=300; SameSite=Strict; HttpOnly/);
    expect(set).toMatch(
      /sw_refresh=[^;]+; Path=\/v1\/auth\/session; Max-Age=\d+; SameSite=Strict; HttpOnly/,
    );
    expect(set).toMatch(/sw_csrf=[^;]+; Path=\/; Max-Age=\d+; SameSite=Strict(?!; HttpOnly)/);
    expect(res.body).toMatchObject({
      expiresIn: 300,
      idleTimeoutSeconds: 1800,
      person: { agentId: agent.agentId, displayName: 'Test Agent', roles: ['agent'] },
    });
    expect(res.body.csrfToken).toBe(cookies.sw_csrf);

    // The cookie authenticates reads.
    await t
      .http()
      .get(`/v1/agents/${agent.agentId}/presence`)
      .set('Cookie', cookieHeader(cookies))
      .expect(200);
    // An unsafe request carrying only the cookies (what another site's form could send) is refused.
    const forged = await t
      .http()
      .put(`/v1/agents/${agent.agentId}/presence`)
      .set('Cookie', cookieHeader(cookies))
      .send({ state: 'available' })
      .expect(403);
    expect(forged.body.error).toBe('CSRF_FAILED');
    await t
      .http()
      .put(`/v1/agents/${agent.agentId}/presence`)
      .set('Cookie', cookieHeader(cookies))
      .set('X-CSRF-Token', cookies.sw_csrf)
      .send({ state: 'available' })
      .expect(200);

    // Refresh renews the access cookie while in use; refresh needs the CSRF echo too.
    await t
      .http()
      .post('/v1/auth/session/refresh')
      .set('Cookie', cookieHeader(cookies))
      .expect(403);
    t.clock.advanceMinutes(20);
    const refreshed = await t
      .http()
      .post('/v1/auth/session/refresh')
      .set('Cookie', cookieHeader(cookies))
      .set('X-CSRF-Token', cookies.sw_csrf)
      .expect(200);
    const fresh = cookiesFrom(refreshed.headers['set-cookie']);
    expect(fresh.sw_access).toMatch(/^ey/);
    expect(fresh.sw_refresh).toBeUndefined(); // the session's token stays in its cookie
    const renewed = { ...cookies, ...fresh };

    // Signing out ends the session for good.
    await t
      .http()
      .delete('/v1/auth/session')
      .set('Cookie', cookieHeader(renewed))
      .set('X-CSRF-Token', renewed.sw_csrf)
      .expect(204);
    const after = await t
      .http()
      .post('/v1/auth/session/refresh')
      .set('Cookie', cookieHeader(renewed))
      .set('X-CSRF-Token', renewed.sw_csrf)
      .expect(401);
    expect(after.body.error).toBe('UNAUTHENTICATED');
  });

  it("ends a session idle for longer than the admin's timeout; wrong passwords are 401", async () => {
    const agent = await t.createAgent();
    const { cookies } = await signIn(agent.email, agent.password);
    t.clock.advanceMinutes(31);
    await t
      .http()
      .post('/v1/auth/session/refresh')
      .set('Cookie', cookieHeader(cookies))
      .set('X-CSRF-Token', cookies.sw_csrf)
      .expect(401);
    const wrong = await t
      .http()
      .post('/v1/auth/session')
      .send({ email: agent.email, password: 'not-it' })
      .expect(401);
    expect(wrong.body.error).toBe('UNAUTHENTICATED');
  });

  it('serves the web app at / and on client routes, and leaves the API and its docs alone', async () => {
    assertWebBuilt();
    const home = await t.http().get('/').expect(200);
    expect(home.headers['content-type']).toContain('text/html');
    expect(home.headers['content-security-policy']).toContain("default-src 'self'");
    expect(home.text).toContain('<div id="root">');
    const deep = await t.http().get('/agent/schedule').expect(200);
    expect(deep.text).toBe(home.text);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(home.text)![1];
    const asset = await t.http().get(script).expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await t.http().get('/assets/gone-1234.js').expect(404);
    expect((await t.http().get('/v1/nothing-here').expect(404)).body.error).toBeDefined();
    expect((await t.http().get('/docs-json').expect(200)).body.openapi).toBeDefined();
  });

  it('bearer clients are unaffected by the CSRF check', async () => {
    const agent = await t.createAgent();
    await t
      .http()
      .put(`/v1/agents/${agent.agentId}/presence`)
      .set(bearer(agent.token))
      .send({ state: 'available' })
      .expect(200);
  });

  it("serves a revocable calendar subscription in the site's local time", async () => {
    const teamId = await t.createTeam(); // Asia/Shanghai
    const agent = await t.createAgent({ teamId });
    await insertShift(t, teamId, agent.agentId, '2026-01-05T01:00:00Z', '2026-01-05T09:00:00Z');
    const other = await t.createAgent();
    await t
      .http()
      .post(`/v1/agents/${agent.agentId}/calendar-feed`)
      .set(bearer(other.token))
      .expect(403);
    const made = await t
      .http()
      .post(`/v1/agents/${agent.agentId}/calendar-feed`)
      .set(bearer(agent.token))
      .expect(201);
    const ics = await t.http().get(made.body.path).expect(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.text).toContain('DTSTART;TZID=Asia/Shanghai:20260105T090000');
    const status = await t
      .http()
      .get(`/v1/agents/${agent.agentId}/calendar-feed`)
      .set(bearer(agent.token))
      .expect(200);
    expect(status.body.active).toBe(true);
    // A new URL replaces the old; revoking ends it.
    const second = await t
      .http()
      .post(`/v1/agents/${agent.agentId}/calendar-feed`)
      .set(bearer(agent.token))
      .expect(201);
    await t.http().get(made.body.path).expect(404);
    await t
      .http()
      .delete(`/v1/agents/${agent.agentId}/calendar-feed`)
      .set(bearer(agent.token))
      .expect(204);
    await t.http().get(second.body.path).expect(404);
    await t.http().get('/v1/calendar-feeds/not-a-token.ics').expect(404);
  });

  it("tells an agent its site's zone, recent calls and the team's break capacity before booking", async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const place = await t
      .http()
      .get(`/v1/agents/${agent.agentId}/workplace`)
      .set(bearer(agent.token))
      .expect(200);
    expect(place.body).toMatchObject({ agentId: agent.agentId, timeZone: 'Asia/Shanghai', teamId });
    const other = await t.createAgent({ teamId });
    await t
      .http()
      .get(`/v1/agents/${agent.agentId}/workplace`)
      .set(bearer(other.token))
      .expect(403);

    const key = await t.createRouterKey();
    const events = callEvents(agent.agentId, new Date(t.clock.now().getTime() - 10 * 60_000), 5);
    await sendEvents(t, key, events.events);
    const callId = events.callId;
    const calls = await t
      .http()
      .get(`/v1/agents/${agent.agentId}/calls`)
      .set(bearer(agent.token))
      .expect(200);
    expect(calls.body.calls.map((c: { callId: string }) => c.callId)).toContain(callId);
    await t.http().get(`/v1/agents/${agent.agentId}/calls`).set(bearer(other.token)).expect(403);

    const startsAt = new Date(t.clock.now().getTime() + 60 * 60_000).toISOString();
    const cap = await t
      .http()
      .get(`/v1/breaks/capacity?startsAt=${encodeURIComponent(startsAt)}&minutes=15`)
      .set(bearer(agent.token))
      .expect(200);
    // Nobody is logged in: a cap of 0, so booking would be refused, and the page says so first.
    expect(cap.body).toMatchObject({ cap: 0, alreadyBooked: 0, fits: false });
  });

  it('a counsellor moves a session within their calendar with a message the agent sees; others cannot', async () => {
    const c = await createCounselor(t);
    const other = await createCounselor(t);
    const agent = await t.createAgent();
    const old = (await book(t, agent, c.counselorId, '2026-01-06T02:00:00.000Z').expect(201)).body;
    await t
      .http()
      .post(`/v1/counseling/bookings/${old.id}/reschedule`)
      .set(bearer(other.token))
      .send({ startsAt: '2026-01-06T04:00:00.000Z' })
      .expect(404);
    const moved = await t
      .http()
      .post(`/v1/counseling/bookings/${old.id}/reschedule`)
      .set(bearer(c.token))
      .send({
        startsAt: '2026-01-06T04:00:00.000Z',
        reason: 'Sorry, a meeting came up: 12:00 instead?',
      })
      .expect(201);
    expect(moved.body).toMatchObject({
      counselorId: c.counselorId,
      rescheduledFrom: old.id,
      status: 'booked',
    });
    const seen = await t
      .http()
      .get(`/v1/counseling/bookings/${old.id}`)
      .set(bearer(agent.token))
      .expect(200);
    expect(seen.body).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'counselor',
      cancelReason: 'Sorry, a meeting came up: 12:00 instead?',
      rescheduledTo: moved.body.id,
    });
    const mine = await t.http().get('/v1/counseling/bookings').set(bearer(agent.token)).expect(200);
    expect(mine.body.items.map((b: { id: string }) => b.id)).toContain(moved.body.id);
  });
});
