import { bearer, TestApp } from '../support/test-app';

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
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('; ');

/** GET/PUT /v1/admin/session-settings: the idle timeout set by an admin, stored, applied by refresh. */
describe('session settings (admin)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create({ env: { SESSION_IDLE_MINUTES: '30' } });
  });
  afterAll(() => t.close());

  const signIn = async (email: string, password: string) => {
    const res = await t.http().post('/v1/auth/session').send({ email, password }).expect(200);
    return { body: res.body, cookies: cookiesFrom(res.headers['set-cookie']) };
  };
  const refresh = (cookies: Record<string, string>) =>
    t
      .http()
      .post('/v1/auth/session/refresh')
      .set('Cookie', cookieHeader(cookies))
      .set('X-CSRF-Token', cookies.sw_csrf);

  it('is for admins only; the configured default until saved', async () => {
    const team = await t.createTeam();
    const agent = await t.createAgent({ teamId: team });
    for (const roles of [['supervisor'], ['scheduler'], ['counselor']]) {
      const u = await t.createUser(roles, roles[0] === 'counselor' ? undefined : team);
      await t.http().get('/v1/admin/session-settings').set(bearer(u.token)).expect(403);
      await t
        .http()
        .put('/v1/admin/session-settings')
        .set(bearer(u.token))
        .send({ idleTimeoutMinutes: 10 })
        .expect(403);
    }
    await t.http().get('/v1/admin/session-settings').set(bearer(agent.token)).expect(403);
    await t.http().get('/v1/admin/session-settings').expect(401);
    const res = await t
      .http()
      .get('/v1/admin/session-settings')
      .set(await t.asAdmin())
      .expect(200);
    expect(res.body).toEqual({
      idleTimeoutMinutes: 30,
      isDefault: true,
      updatedAt: null,
      minimumMinutes: 5,
      maximumMinutes: 720,
    });
  });

  it('refuses bad input with 400 VALIDATION_FAILED and stores nothing', async () => {
    for (const body of [
      {},
      { idleTimeoutMinutes: 4 },
      { idleTimeoutMinutes: 721 },
      { idleTimeoutMinutes: 12.5 },
      { idleTimeoutMinutes: '15' },
      { idleTimeoutMinutes: null },
      { idleTimeoutMinutes: 15, extra: true },
    ]) {
      const res = await t
        .http()
        .put('/v1/admin/session-settings')
        .set(await t.asAdmin())
        .send(body);
      expect([JSON.stringify(body), res.status, res.body.error]).toEqual([
        JSON.stringify(body),
        400,
        'VALIDATION_FAILED',
      ]);
    }
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM session_settings`,
    );
    expect(count).toBe(0);
  });

  it('a stored timeout ends a session idle longer than it, and is told to the page; audited', async () => {
    const agent = await t.createAgent();
    const saved = await t
      .http()
      .put('/v1/admin/session-settings')
      .set(await t.asAdmin())
      .send({ idleTimeoutMinutes: 10 })
      .expect(200);
    expect(saved.body).toMatchObject({
      idleTimeoutMinutes: 10,
      isDefault: false,
      updatedAt: t.clock.now().toISOString(),
    });
    const again = await t
      .http()
      .get('/v1/admin/session-settings')
      .set(await t.asAdmin())
      .expect(200);
    expect(again.body.idleTimeoutMinutes).toBe(10);

    // Used within the timeout: renewed (and the page is told the timeout).
    const used = await signIn(agent.email, agent.password);
    expect(used.body.idleTimeoutSeconds).toBe(600);
    t.clock.advanceMinutes(9);
    expect((await refresh(used.cookies).expect(200)).body.idleTimeoutSeconds).toBe(600);

    // Idle for 11 minutes: under the configured 30 it would live, under the admin's 10 it has ended.
    const idle = await signIn(agent.email, agent.password);
    t.clock.advanceMinutes(11);
    const ended = await refresh(idle.cookies).expect(401);
    expect(ended.body.error).toBe('UNAUTHENTICATED');

    // Raising it applies at once to sessions still within it.
    await t
      .http()
      .put('/v1/admin/session-settings')
      .set(await t.asAdmin())
      .send({ idleTimeoutMinutes: 60 })
      .expect(200);
    const longer = await signIn(agent.email, agent.password);
    t.clock.advanceMinutes(45);
    await refresh(longer.cookies).expect(200);

    const audit: Array<{ details: { idleTimeoutMinutes: number } }> = await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'session_settings.updated' ORDER BY at`,
    );
    expect(audit.map((a) => a.details.idleTimeoutMinutes)).toEqual([10, 60]);
  });
});
