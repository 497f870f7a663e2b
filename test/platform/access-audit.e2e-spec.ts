import { bearer, TestApp } from '../support/test-app';

/**
 * Who changed who may do what: people created, roles, team and sign-in changed, passwords set,
 * router keys issued and revoked, each in the audit log with its actor, in the change's own
 * transaction; never an email, a name, a password or a key.
 */
describe('access changes are audited', () => {
  let t: TestApp;
  let adminId: string;
  beforeAll(async () => {
    t = await TestApp.create();
    const me = await t
      .http()
      .get('/v1/me')
      .set(await t.asAdmin())
      .expect(200);
    adminId = me.body.userId;
  });
  afterAll(() => t.close());

  const entries = async (action: string, subjectId: string) => {
    const res = await t
      .http()
      .get(`/v1/audit?action=${action}&pageSize=200`)
      .set(await t.asAdmin())
      .expect(200);
    return res.body.items.filter((e: { subjectId: string }) => e.subjectId === subjectId);
  };

  it('records the first admin as created by Shiftwell itself', async () => {
    expect(await entries('user.created', adminId)).toEqual([
      expect.objectContaining({ actor: 'system', details: { roles: ['admin'], teamId: null } }),
    ]);
  });

  it('records a person created, by whom, with roles and team only', async () => {
    const team = await t.createTeam();
    const supervisor = await t.createUser(['supervisor'], team);
    const [created] = await entries('user.created', supervisor.id);
    expect(created).toMatchObject({
      actor: adminId,
      subjectType: 'user',
      details: { roles: ['supervisor'], teamId: team },
    });
    expect(JSON.stringify(created)).not.toContain(supervisor.email);
    // An agent with a login and a counsellor are people too.
    const agent = await t.createAgent({ teamId: team });
    expect(await entries('user.created', agent.id)).toEqual([
      expect.objectContaining({ actor: adminId, details: { roles: ['agent'], teamId: team } }),
    ]);
  });

  it('records roles, team and sign-in changes with what each was and became', async () => {
    const [teamA, teamB] = [await t.createTeam(), await t.createTeam()];
    const user = await t.createUser(['scheduler'], teamA);
    await t
      .http()
      .patch(`/v1/users/${user.id}`)
      .set(await t.asAdmin())
      .send({ roles: ['supervisor', 'scheduler'], teamId: teamB, displayName: 'Renamed' })
      .expect(200);
    // A rename alone is not an access change.
    await t
      .http()
      .patch(`/v1/users/${user.id}`)
      .set(await t.asAdmin())
      .send({ displayName: 'Renamed again' })
      .expect(200);
    await t
      .http()
      .post(`/v1/users/${user.id}/deactivate`)
      .set(await t.asAdmin())
      .expect(200);
    const changes = await entries('user.access_changed', user.id);
    expect(changes.map((e: { details: unknown }) => e.details)).toEqual([
      { active: { from: true, to: false } },
      {
        roles: { from: ['scheduler'], to: ['scheduler', 'supervisor'] },
        teamId: { from: teamA, to: teamB },
      },
    ]);
    expect(changes.every((e: { actor: string }) => e.actor === adminId)).toBe(true);
  });

  it('lists changes of one instant in the order they were made', async () => {
    // The test clock stands still: every entry below carries the same time.
    const user = await t.createUser(['scheduler']);
    const changes = [
      { active: false },
      { active: true },
      { roles: ['supervisor'] },
      { active: false },
      { roles: ['scheduler'] },
    ];
    for (const change of changes) {
      await t
        .http()
        .patch(`/v1/users/${user.id}`)
        .set(await t.asAdmin())
        .send(change)
        .expect(200);
    }
    const logged = await entries('user.access_changed', user.id);
    expect(new Set(logged.map((e: { at: string }) => e.at)).size).toBe(1);
    expect(logged.map((e: { details: object }) => Object.keys(e.details)[0])).toEqual([
      'roles',
      'active',
      'roles',
      'active',
      'active',
    ]);
    expect(logged[0].details).toEqual({ roles: { from: ['supervisor'], to: ['scheduler'] } });
    expect(logged[0]).not.toHaveProperty('seq');
  });

  it('records a refused change as nothing', async () => {
    const user = await t.createUser(['scheduler']);
    await t
      .http()
      .patch(`/v1/users/${user.id}`)
      .set(await t.asAdmin())
      .send({ roles: [] })
      .expect(400);
    await t
      .http()
      .patch(`/v1/users/${user.id}`)
      .set(bearer(user.token))
      .send({ roles: ['admin'] })
      .expect(403);
    expect(await entries('user.access_changed', user.id)).toEqual([]);
  });

  it('tells a password reset by an admin from one changed by its owner, and keeps neither', async () => {
    const user = await t.createUser(['scheduler']);
    await t
      .http()
      .patch(`/v1/users/${user.id}`)
      .set(await t.asAdmin())
      .send({ password: 'reset-by-admin-1' })
      .expect(200);
    const token = await t.login(user.email, 'reset-by-admin-1');
    await t
      .http()
      .put('/v1/me/password')
      .set(bearer(token))
      .send({ currentPassword: 'reset-by-admin-1', newPassword: 'chosen-by-me-22' })
      .expect(204);
    const [reset] = await entries('user.password_reset', user.id);
    const [changed] = await entries('user.password_changed', user.id);
    expect(reset).toMatchObject({ actor: adminId, details: {} });
    expect(changed).toMatchObject({ actor: user.id, details: {} });
  });

  it('records a router key issued and revoked, never the key', async () => {
    const issued = await t
      .http()
      .post('/v1/api-keys')
      .set(await t.asAdmin())
      .send({ name: 'router-east', role: 'router' })
      .expect(201);
    const [entry] = await entries('api_key.issued', issued.body.id);
    expect(entry).toMatchObject({
      actor: adminId,
      subjectType: 'api_key',
      details: { name: 'router-east', role: 'router' },
    });
    expect(JSON.stringify(entry)).not.toContain(issued.body.key.slice(10));
    for (let i = 0; i < 2; i++)
      await t
        .http()
        .delete(`/v1/api-keys/${issued.body.id}`)
        .set(await t.asAdmin())
        .expect(204);
    // Revoking twice revokes once.
    expect(await entries('api_key.revoked', issued.body.id)).toEqual([
      expect.objectContaining({ actor: adminId }),
    ]);
  });
});
