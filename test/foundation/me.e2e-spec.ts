import { JwtService } from '@nestjs/jwt';
import { createCounselor } from '../support/counseling';
import { bearer, TestApp } from '../support/test-app';

describe('auth: who I am, my password, and tokens refused on every replica', () => {
  let t: TestApp;
  let replica: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
    replica = await TestApp.create({ databaseUrl: t.databaseUrl, clock: t.clock });
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });

  it('tells a person their own ids, roles and team', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const me = await t.http().get('/v1/me').set(bearer(agent.token)).expect(200);
    expect(me.body).toEqual({
      userId: agent.id,
      email: agent.email,
      displayName: 'Test Agent',
      roles: ['agent'],
      teamId,
      agentId: agent.agentId,
    });
    const supervisor = await t.createUser(['supervisor'], teamId);
    const sup = await t.http().get('/v1/me').set(bearer(supervisor.token)).expect(200);
    expect(sup.body).toMatchObject({ userId: supervisor.id, roles: ['supervisor'], teamId });
    expect(sup.body.agentId).toBeUndefined();
    const counselor = await createCounselor(t);
    const c = await t.http().get('/v1/me').set(bearer(counselor.token)).expect(200);
    expect(c.body).toMatchObject({ userId: counselor.id, counselorId: counselor.counselorId });
    // The router is a machine, not a person.
    await t
      .http()
      .get('/v1/me')
      .set({ 'X-Api-Key': await t.createRouterKey() })
      .expect(403);
  });

  it('changes the password and refuses every earlier token on both replicas', async () => {
    const user = await t.createUser(['scheduler'], await t.createTeam());
    const second = await t.login(user.email, user.password);
    await replica.http().get('/v1/me').set(bearer(second)).expect(200);
    const wrong = await t
      .http()
      .put('/v1/me/password')
      .set(bearer(user.token))
      .send({ currentPassword: 'not-my-password', newPassword: 'a-new-password-1' })
      .expect(403);
    expect(wrong.body.error).toBe('WRONG_PASSWORD');
    const short = await t
      .http()
      .put('/v1/me/password')
      .set(bearer(user.token))
      .send({ currentPassword: user.password, newPassword: 'short' })
      .expect(400);
    expect(short.body.error).toBe('VALIDATION_FAILED');
    await t
      .http()
      .put('/v1/me/password')
      .set(bearer(user.token))
      .send({ currentPassword: user.password, newPassword: 'a-new-password-1' })
      .expect(204);
    for (const app of [t, replica])
      for (const token of [user.token, second]) {
        const res = await app.http().get('/v1/me').set(bearer(token)).expect(401);
        expect(res.body.error).toBe('UNAUTHENTICATED');
      }
    await t
      .http()
      .post('/v1/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(401);
    const fresh = await replica.login(user.email, 'a-new-password-1');
    await t.http().get('/v1/me').set(bearer(fresh)).expect(200);
  });

  it('refuses earlier tokens after a role change or a deactivation, on the other replica too', async () => {
    const teamId = await t.createTeam();
    const user = await t.createUser(['supervisor'], teamId);
    await replica.http().get(`/v1/teams/${teamId}/load`).set(bearer(user.token)).expect(200);
    await t
      .http()
      .patch(`/v1/users/${user.id}`)
      .set(await t.asAdmin())
      .send({ roles: ['supervisor', 'scheduler'] })
      .expect(200);
    await replica.http().get('/v1/me').set(bearer(user.token)).expect(401);
    const token = await replica.login(user.email, user.password);
    // An unchanged role list is no credential change: the token stays good.
    await t
      .http()
      .patch(`/v1/users/${user.id}`)
      .set(await t.asAdmin())
      .send({ roles: ['scheduler', 'supervisor'], displayName: 'Renamed' })
      .expect(200);
    await replica.http().get('/v1/me').set(bearer(token)).expect(200);
    await t
      .http()
      .post(`/v1/users/${user.id}/deactivate`)
      .set(await t.asAdmin())
      .expect(200);
    await replica.http().get('/v1/me').set(bearer(token)).expect(401);
  });

  it('refuses a correctly signed token without an expiry', async () => {
    const user = await t.createUser(['supervisor'], await t.createTeam());
    const claims = JSON.parse(Buffer.from(user.token.split('.')[1], 'base64url').toString());
    expect(claims.exp).toEqual(expect.any(Number));
    const { exp: _exp, ...forever } = claims;
    const noExp = new JwtService().sign(forever, {
      secret: t.config.jwtSecret,
      algorithm: 'HS256',
    });
    const res = await t.http().get('/v1/me').set(bearer(noExp)).expect(401);
    expect(res.body.error).toBe('UNAUTHENTICATED');
    await t.http().get('/v1/me').set(bearer(user.token)).expect(200);
  });
});
