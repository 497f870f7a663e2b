import { bearer, routerKey, TestApp } from '../support/test-app';

describe('auth: login and API keys', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.create()));
  afterAll(() => t.close());

  it('logs the bootstrap admin in with a JWT and its lifetime', async () => {
    const res = await t
      .http()
      .post('/v1/auth/login')
      .send({ email: 'admin@shiftwell.local', password: 'shiftwell-admin' })
      .expect(200);
    expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: 3600 });
    await t.http().get('/v1/users').set(bearer(res.body.accessToken)).expect(200);
  });

  it('refuses a wrong password and an unknown email with 401 UNAUTHENTICATED', async () => {
    const wrong = await t
      .http()
      .post('/v1/auth/login')
      .send({ email: 'admin@shiftwell.local', password: 'nope-nope' })
      .expect(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'UNAUTHENTICATED' });
    await t
      .http()
      .post('/v1/auth/login')
      .send({ email: 'ghost@example.com', password: 'whatever1' })
      .expect(401);
  });

  it('refuses a deactivated user at login and stops their live token', async () => {
    const user = await t.createUser(['scheduler']);
    await t.http().get('/v1/routing-tags').set(bearer(user.token)).expect(200);
    await t
      .http()
      .post(`/v1/users/${user.id}/deactivate`)
      .set(await t.asAdmin())
      .expect(200);
    await t
      .http()
      .post('/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(401);
    const res = await t.http().get('/v1/routing-tags').set(bearer(user.token)).expect(401);
    expect(res.body.error).toBe('UNAUTHENTICATED');
  });

  it('rate-limits repeated failed logins with 429 and Retry-After, and lifts it after the window', async () => {
    const user = await t.createUser(['agent']);
    for (let i = 0; i < 5; i++) {
      await t
        .http()
        .post('/v1/auth/login')
        .send({ email: user.email, password: 'wrong-pass' })
        .expect(401);
    }
    const limited = await t
      .http()
      .post('/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(429);
    expect(limited.body.error).toBe('TOO_MANY_ATTEMPTS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advanceMinutes(16);
    await t
      .http()
      .post('/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(200);
  });

  it('rejects a missing, malformed or forged bearer token with 401', async () => {
    await t.http().get('/v1/users').expect(401);
    await t.http().get('/v1/users').set('Authorization', 'Bearer not-a-jwt').expect(401);
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    await t.http().get('/v1/users').set(bearer(forged)).expect(401);
  });

  it('shows an API key once, stores only its hash, and records its last use', async () => {
    const created = await t
      .http()
      .post('/v1/api-keys')
      .set(await t.asAdmin())
      .send({ name: 'router-a', role: 'router' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'router-a',
      role: 'router',
      key: expect.stringMatching(/^sw_/),
    });
    const list = await t
      .http()
      .get('/v1/api-keys')
      .set(await t.asAdmin())
      .expect(200);
    const listed = list.body.items.find((k: { id: string }) => k.id === created.body.id);
    expect(JSON.stringify(listed)).not.toContain(created.body.key);
    expect(listed.lastUsedAt).toBeNull();
    const [row] = await t.dataSource.query('SELECT key_hash FROM api_keys WHERE id = $1', [
      created.body.id,
    ]);
    expect(row.key_hash).not.toContain(created.body.key);

    await t.http().get('/v1/routing-tags').set(routerKey(created.body.key)).expect(200);
    const after = await t
      .http()
      .get('/v1/api-keys')
      .set(await t.asAdmin())
      .expect(200);
    await new Promise((r) => setImmediate(r));
    const [used] = await t.dataSource.query('SELECT last_used_at FROM api_keys WHERE id = $1', [
      created.body.id,
    ]);
    expect(after.body.items).toBeDefined();
    expect(used.last_used_at).not.toBeNull();
  });

  it('401s a missing or unknown key and stops a revoked key on the next request', async () => {
    const key = await t.createRouterKey();
    await t.http().get('/v1/agents').set(routerKey(key)).expect(200);
    await t.http().get('/v1/agents').set(routerKey('sw_unknown')).expect(401);
    const { body } = await t
      .http()
      .get('/v1/api-keys')
      .set(await t.asAdmin());
    const id = body.items.find((k: { keyPrefix: string }) => key.startsWith(k.keyPrefix)).id;
    await t
      .http()
      .delete(`/v1/api-keys/${id}`)
      .set(await t.asAdmin())
      .expect(204);
    const res = await t.http().get('/v1/agents').set(routerKey(key)).expect(401);
    expect(res.body.error).toBe('UNAUTHENTICATED');
  });

  it('stops a key revoked by another replica once the verified-key cache window has passed', async () => {
    const key = await t.createRouterKey();
    await t.http().get('/v1/agents').set(routerKey(key)).expect(200); // now cached in this process
    // Another replica revokes it: only the database changes (each process has its own cache).
    await t.dataSource.query(
      'UPDATE api_keys SET revoked_at = now() WHERE key_prefix = $1 AND revoked_at IS NULL',
      [key.slice(0, 10)],
    );
    t.clock.advanceSeconds(4);
    await t.http().get('/v1/agents').set(routerKey(key)).expect(200); // within the documented 5 s
    t.clock.advanceSeconds(1);
    const res = await t.http().get('/v1/agents').set(routerKey(key)).expect(401);
    expect(res.body.error).toBe('UNAUTHENTICATED');
  });

  it('keeps the router key to its own endpoints (403 elsewhere)', async () => {
    const key = await t.createRouterKey();
    await t.http().get('/v1/users').set(routerKey(key)).expect(403);
    await t
      .http()
      .post('/v1/api-keys')
      .set(routerKey(key))
      .send({ name: 'x', role: 'router' })
      .expect(403);
  });

  it('only lets admins create keys, and only router keys', async () => {
    const supervisor = await t.createUser(['supervisor']);
    await t
      .http()
      .post('/v1/api-keys')
      .set(bearer(supervisor.token))
      .send({ name: 'x', role: 'router' })
      .expect(403);
    const res = await t
      .http()
      .post('/v1/api-keys')
      .set(await t.asAdmin())
      .send({ name: 'x', role: 'admin' })
      .expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
  });
});
