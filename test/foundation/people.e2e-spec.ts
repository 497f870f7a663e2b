import { bearer, routerKey, TestApp } from '../support/test-app';

describe('people: sites, teams, users, role boundaries', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.create()));
  afterAll(() => t.close());

  it('creates a site with an IANA zone (default Asia/Shanghai) and rejects a bad zone', async () => {
    const site = await t
      .http()
      .post('/v1/sites')
      .set(await t.asAdmin())
      .send({ name: 'Wuhan', timeZone: 'Asia/Shanghai' })
      .expect(201);
    expect(site.body).toMatchObject({
      id: expect.any(String),
      name: 'Wuhan',
      timeZone: 'Asia/Shanghai',
    });
    const dflt = await t
      .http()
      .post('/v1/sites')
      .set(await t.asAdmin())
      .send({ name: 'Chengdu' })
      .expect(201);
    expect(dflt.body.timeZone).toBe('Asia/Shanghai');
    const bad = await t
      .http()
      .post('/v1/sites')
      .set(await t.asAdmin())
      .send({ name: 'X', timeZone: 'Asia/Wuhan' })
      .expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['timeZone']);
  });

  it('creates a team within a site; an unknown site is a 400', async () => {
    const siteId = await t.createSite();
    const team = await t
      .http()
      .post('/v1/teams')
      .set(await t.asAdmin())
      .send({ name: 'Elder line', siteId })
      .expect(201);
    expect(team.body).toEqual({ id: expect.any(String), name: 'Elder line', siteId, active: true });
    const res = await t
      .http()
      .post('/v1/teams')
      .set(await t.asAdmin())
      .send({ name: 'X', siteId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(res.body.error).toBe('UNKNOWN_SITE');
  });

  it('creates users without ever returning the hash; duplicates are 409', async () => {
    const body = {
      email: 'Sup.One@Example.com',
      password: 'long-enough',
      displayName: 'Sup One',
      roles: ['supervisor'],
    };
    const res = await t
      .http()
      .post('/v1/users')
      .set(await t.asAdmin())
      .send(body)
      .expect(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      email: 'sup.one@example.com',
      roles: ['supervisor'],
      active: true,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/hash|long-enough/i);
    const dup = await t
      .http()
      .post('/v1/users')
      .set(await t.asAdmin())
      .send({ ...body, email: 'sup.one@example.com' })
      .expect(409);
    expect(dup.body.error).toBe('DUPLICATE_EMAIL');
    const routerRole = await t
      .http()
      .post('/v1/users')
      .set(await t.asAdmin())
      .send({ ...body, email: 'r@example.com', roles: ['router'] })
      .expect(400);
    expect(routerRole.body.error).toBe('VALIDATION_FAILED');
  });

  it('moves a team to another site; an unknown site is a 400 UNKNOWN_SITE', async () => {
    const teamId = await t.createTeam();
    const chengdu = await t.createSite('Chengdu', 'Asia/Shanghai');
    const moved = await t
      .http()
      .patch(`/v1/teams/${teamId}`)
      .set(await t.asAdmin())
      .send({ siteId: chengdu, name: 'Sichuan dialect line' })
      .expect(200);
    expect(moved.body).toMatchObject({ siteId: chengdu, name: 'Sichuan dialect line' });
    const bad = await t
      .http()
      .patch(`/v1/teams/${teamId}`)
      .set(await t.asAdmin())
      .send({ siteId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(bad.body.error).toBe('UNKNOWN_SITE');
  });

  it('finds users and agents by part of the name, email or external id', async () => {
    const mark = `Zq${Date.now().toString(36)}`;
    const res = await t
      .http()
      .post('/v1/users')
      .set(await t.asAdmin())
      .send({
        email: `${mark.toLowerCase()}@example.com`,
        password: 'test-password-1',
        displayName: `Liu ${mark}`,
        roles: ['supervisor'],
      })
      .expect(201);
    const byName = await t
      .http()
      .get(`/v1/users?search=${mark.toUpperCase()}`)
      .set(await t.asAdmin())
      .expect(200);
    expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([res.body.id]);
    // A % typed into the box is a literal percent sign, not a wildcard.
    const literal = await t
      .http()
      .get('/v1/users?search=%25')
      .set(await t.asAdmin())
      .expect(200);
    expect(literal.body.total).toBe(0);

    const agent = await t.createRoutableAgent();
    const byExternalId = await t
      .http()
      .get(`/v1/agents?search=${agent.externalId.slice(2)}`)
      .set(await t.asAdmin())
      .expect(200);
    expect(byExternalId.body.items.map((a: { id: string }) => a.id)).toEqual([agent.agentId]);
  });

  it('relabels and retires a routing tag: kept by its agents, never given anew', async () => {
    const skill = `retire-me-${process.pid}`;
    await t
      .http()
      .post('/v1/routing-tags')
      .set(await t.asAdmin())
      .send({ tag: skill, kind: 'skill', label: 'Old label' })
      .expect(201);
    const holder = await t.createRoutableAgent({ skills: [{ tag: skill, proficiency: 3 }] });
    const retired = await t
      .http()
      .patch(`/v1/routing-tags/${skill}`)
      .set(await t.asAdmin())
      .send({ label: 'Elder care', retired: true })
      .expect(200);
    expect(retired.body).toMatchObject({ tag: skill, label: 'Elder care' });
    expect(Date.parse(retired.body.retiredAt)).not.toBeNaN();
    const catalog = await t
      .http()
      .get('/v1/routing-tags')
      .set(await t.asAdmin())
      .expect(200);
    expect(catalog.body.tags.find((x: { tag: string }) => x.tag === skill)).toMatchObject({
      label: 'Elder care',
      retiredAt: retired.body.retiredAt,
    });

    const refused = await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send({
        externalId: `new-${skill}`,
        displayName: 'New Agent',
        dialects: [{ tag: 'cmn', proficiency: 5 }],
        skills: [{ tag: skill, proficiency: 2 }],
      })
      .expect(400);
    expect(refused.body).toMatchObject({ error: 'RETIRED_TAG', details: { tags: [skill] } });
    // The agent who has it keeps it through an edit of their tags.
    await t
      .http()
      .put(`/v1/agents/${holder.agentId}/tags`)
      .set(await t.asAdmin())
      .send({
        dialects: [{ tag: 'yue', proficiency: 4 }],
        skills: [{ tag: skill, proficiency: 4 }],
      })
      .expect(200);

    const back = await t
      .http()
      .patch(`/v1/routing-tags/${skill}`)
      .set(await t.asAdmin())
      .send({ retired: false })
      .expect(200);
    expect(back.body.retiredAt).toBeNull();
    const missing = await t
      .http()
      .patch('/v1/routing-tags/no-such-tag')
      .set(await t.asAdmin())
      .send({ label: 'x' })
      .expect(404);
    expect(missing.body.error).toBe('NOT_FOUND');
    const bad = await t
      .http()
      .patch(`/v1/routing-tags/${skill}`)
      .set(await t.asAdmin())
      .send({ retired: 'yes' })
      .expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
  });

  it('paginates lists as { items, total, page, pageSize }', async () => {
    const siteIds = [];
    for (let i = 0; i < 3; i++) siteIds.push(await t.createSite());
    const res = await t
      .http()
      .get('/v1/sites?page=1&pageSize=2')
      .set(await t.asAdmin())
      .expect(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 2, items: expect.any(Array) });
    expect(res.body.items).toHaveLength(2);
    expect(res.body.total).toBeGreaterThanOrEqual(3);
    const bad = await t
      .http()
      .get('/v1/sites?pageSize=5000')
      .set(await t.asAdmin())
      .expect(400);
    expect(bad.body.details.fields[0].field).toBe('pageSize');
  });

  it('updates and deactivates a user', async () => {
    const teamId = await t.createTeam();
    const user = await t.createUser(['agent']);
    const res = await t
      .http()
      .patch(`/v1/users/${user.id}`)
      .set(await t.asAdmin())
      .send({ displayName: 'Renamed', teamId })
      .expect(200);
    expect(res.body).toMatchObject({ displayName: 'Renamed', teamId });
    const off = await t
      .http()
      .post(`/v1/users/${user.id}/deactivate`)
      .set(await t.asAdmin())
      .expect(200);
    expect(off.body.active).toBe(false);
    await t
      .http()
      .get('/v1/users/not-a-uuid')
      .set(await t.asAdmin())
      .expect(404);
  });

  describe('role boundaries', () => {
    const cases: Array<[string, string, string, number[]]> = [
      // [role, method, path, allowed statuses]
      ['scheduler', 'post', '/v1/sites', [403]],
      ['supervisor', 'post', '/v1/sites', [403]],
      ['agent', 'post', '/v1/teams', [403]],
      ['counselor', 'post', '/v1/users', [403]],
      ['supervisor', 'get', '/v1/users', [403]],
      ['agent', 'get', '/v1/sites', [403]],
      ['scheduler', 'get', '/v1/sites', [200]],
      ['supervisor', 'get', '/v1/teams', [200]],
      ['agent', 'get', '/v1/routing-tags', [200]],
      ['agent', 'post', '/v1/routing-tags', [403]],
      ['supervisor', 'patch', '/v1/routing-tags/cmn', [403]],
      ['agent', 'post', '/v1/agents', [403]],
      ['scheduler', 'post', '/v1/agents', [403]],
      ['agent', 'get', '/v1/agents', [403]],
      ['supervisor', 'get', '/v1/agents', [200]],
      ['supervisor', 'get', '/v1/api-keys', [403]],
    ];
    it.each(cases)('%s %s %s → %p', async (role, method, path, statuses) => {
      const user = await t.createUser([role], await t.createTeam());
      const res = await (t.http() as any)
        [method](path)
        .set(bearer(user.token))
        .send(method === 'get' ? undefined : {});
      expect(statuses).toContain(res.status);
      if (res.status === 403) expect(res.body.error).toBe('FORBIDDEN');
    });

    it('the router key reads agents but cannot create them', async () => {
      const key = await t.createRouterKey();
      await t.http().get('/v1/agents').set(routerKey(key)).expect(200);
      await t.http().post('/v1/agents').set(routerKey(key)).send({}).expect(403);
    });
  });
});
