import { TestApp } from '../support/test-app';

const wrongLogin = (t: TestApp, email: string, forwardedFor?: string) => {
  const req = t.http().post('/v1/auth/login');
  if (forwardedFor) req.set('X-Forwarded-For', forwardedFor);
  return req.send({ email, password: 'wrong-password' });
};

// Every wrong login verifies an argon2 hash (as a real one does): dozens of them take a while on a busy machine.
jest.setTimeout(240_000);

describe('auth: the login limiter, shared by replicas', () => {
  it('stops one address trying 40 emails, whatever X-Forwarded-For it claims, and lifts after the window', async () => {
    const t = await TestApp.create();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++)
        statuses.push((await wrongLogin(t, `nobody${i}@example.com`, `203.0.113.${i}`)).status);
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
      const limited = await wrongLogin(t, 'someone-else@example.com');
      expect(limited.body.error).toBe('TOO_MANY_ATTEMPTS');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      t.clock.advanceMinutes(16);
      expect((await wrongLogin(t, 'someone-else@example.com')).status).toBe(401);
    } finally {
      await t.close();
    }
  });

  it('counts each client behind a configured proxy (TRUST_PROXY) by its forwarded address', async () => {
    const t = await TestApp.create({ env: { TRUST_PROXY: 'loopback' } });
    try {
      for (let i = 0; i < 25; i++)
        expect((await wrongLogin(t, `nobody${i}@example.com`, `203.0.113.${i}`)).status).toBe(401);
      // ... but one forwarded client trying many emails is still stopped.
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++)
        statuses.push((await wrongLogin(t, `other${i}@example.com`, '198.51.100.7')).status);
      expect(statuses[20]).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('lets no parallel burst at one email past five guesses, and never stops colleagues signing in at once', async () => {
    const t = await TestApp.create();
    const replica = await TestApp.create({ databaseUrl: t.databaseUrl, clock: t.clock });
    try {
      const victim = await t.createUser(['agent']);
      const burst = await Promise.all(
        Array.from({ length: 16 }, (_, i) => wrongLogin(i % 2 ? replica : t, victim.email)),
      );
      const guesses = burst.filter((r) => r.status === 401).length;
      expect(guesses).toBeLessThanOrEqual(5);
      expect(burst.filter((r) => r.status === 429).length).toBe(16 - guesses);
      // Created one by one (each is an argon2 hash and a login): only the sign-ins below race.
      const colleagues = [];
      for (let i = 0; i < 21; i++) colleagues.push(await t.createUser(['agent']));
      const signIns = await Promise.all(
        colleagues.map((c, i) =>
          (i % 2 ? replica : t)
            .http()
            .post('/v1/auth/login')
            .send({ email: c.email, password: c.password }),
        ),
      );
      expect(signIns.map((r) => r.status)).toEqual(colleagues.map(() => 200));
    } finally {
      await replica.close();
      await t.close();
    }
  });

  it('locks an email out on every replica after five failures on one', async () => {
    const t = await TestApp.create();
    const replica = await TestApp.create({ databaseUrl: t.databaseUrl, clock: t.clock });
    try {
      const user = await t.createUser(['agent']);
      for (let i = 0; i < 5; i++) expect((await wrongLogin(t, user.email)).status).toBe(401);
      const res = await replica
        .http()
        .post('/v1/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(429);
      expect(res.body.error).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await replica.close();
      await t.close();
    }
  });
});
