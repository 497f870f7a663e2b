import { bearer, routerKey, TestApp, unique } from '../support/test-app';

const validAgent = () => ({
  externalId: unique('8'),
  displayName: 'Wang Fang',
  dialects: [
    { tag: 'cmn-x-wuhan', proficiency: 5 },
    { tag: 'cmn', proficiency: 4 },
  ],
  skills: [{ tag: 'elder-care', proficiency: 3 }],
});

describe('agents and routing tags', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.create()));
  afterAll(() => t.close());

  it('lists the seeded catalog', async () => {
    const res = await t
      .http()
      .get('/v1/routing-tags')
      .set(await t.asAdmin())
      .expect(200);
    const tags = Object.fromEntries(
      res.body.tags.map((x: { tag: string; kind: string }) => [x.tag, x.kind]),
    );
    expect(tags).toMatchObject({
      cmn: 'dialect',
      'cmn-x-wuhan': 'dialect',
      'cmn-x-sichuan': 'dialect',
      yue: 'dialect',
      wuu: 'dialect',
      nan: 'dialect',
      en: 'dialect',
      'elder-care': 'skill',
      returns: 'skill',
      billing: 'skill',
      complaints: 'skill',
    });
    expect(res.body.tags.find((x: { tag: string }) => x.tag === 'cmn-x-wuhan').label).toBe('Wuhan');
  });

  it('adds a tag; malformed → 400, duplicate → 409', async () => {
    const ok = await t
      .http()
      .post('/v1/routing-tags')
      .set(await t.asAdmin())
      .send({ tag: 'cmn-x-changsha', kind: 'dialect', label: 'Changsha' })
      .expect(201);
    expect(ok.body).toEqual({
      tag: 'cmn-x-changsha',
      kind: 'dialect',
      label: 'Changsha',
      retiredAt: null,
    });
    await t
      .http()
      .post('/v1/routing-tags')
      .set(await t.asAdmin())
      .send({ tag: 'Wuhan dialect', kind: 'dialect', label: 'x' })
      .expect(400);
    await t
      .http()
      .post('/v1/routing-tags')
      .set(await t.asAdmin())
      .send({ tag: 'Elder Care', kind: 'skill', label: 'x' })
      .expect(400);
    const dup = await t
      .http()
      .post('/v1/routing-tags')
      .set(await t.asAdmin())
      .send({ tag: 'yue', kind: 'dialect', label: 'again' })
      .expect(409);
    expect(dup.body.error).toBe('DUPLICATE_TAG');
  });

  it('creates an agent with tags and a login', async () => {
    const body = {
      ...validAgent(),
      email: `${unique('a')}@example.com`,
      password: 'agent-password',
    };
    const res = await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send(body)
      .expect(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      externalId: body.externalId,
      dialects: expect.arrayContaining([
        { tag: 'cmn-x-wuhan', proficiency: 5 },
        { tag: 'cmn', proficiency: 4 },
      ]),
      skills: [{ tag: 'elder-care', proficiency: 3 }],
    });
    const token = await t.login(body.email, body.password);
    await t.http().get(`/v1/agents/${res.body.id}`).set(bearer(token)).expect(200);
  });

  it.each([
    ['bad type', { proficiency: 'five' }, 'dialects.0.proficiency'],
    ['proficiency above 5', { proficiency: 6 }, 'dialects.0.proficiency'],
    ['proficiency below 1', { proficiency: 0 }, 'dialects.0.proficiency'],
    ['fractional proficiency', { proficiency: 2.5 }, 'dialects.0.proficiency'],
  ])('rejects %s with VALIDATION_FAILED naming the field', async (_name, patch, field) => {
    const body = validAgent();
    body.dialects[0] = { ...body.dialects[0], ...(patch as object) } as any;
    const res = await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send(body)
      .expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('rejects unknown fields, top-level and nested', async () => {
    const res = await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send({ ...validAgent(), isAdmin: true })
      .expect(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['isAdmin']);
    const nested = validAgent() as any;
    nested.skills[0].level = 'x';
    const res2 = await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send(nested)
      .expect(400);
    expect(res2.body.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'skills.0.level',
    ]);
  });

  it('rejects a tag not in the catalog, or of the wrong kind, with UNKNOWN_TAG and creates nothing', async () => {
    const body = validAgent();
    body.dialects.push({ tag: 'cmn-x-mars', proficiency: 3 });
    const res = await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send(body)
      .expect(400);
    expect(res.body).toMatchObject({ error: 'UNKNOWN_TAG', details: { tags: ['cmn-x-mars'] } });
    const wrongKind = { ...validAgent(), skills: [{ tag: 'yue', proficiency: 3 }] };
    await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send(wrongKind)
      .expect(400);
    const found = await t
      .http()
      .get(`/v1/agents?externalId=${body.externalId}`)
      .set(await t.asAdmin())
      .expect(200);
    expect(found.body.total).toBe(0);
  });

  it('rejects a duplicate externalId with 409', async () => {
    const body = validAgent();
    await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send(body)
      .expect(201);
    const res = await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send({ ...body, displayName: 'Other' })
      .expect(409);
    expect(res.body.error).toBe('DUPLICATE_EXTERNAL_ID');
  });

  it('lets the router find an agent by externalId', async () => {
    const body = validAgent();
    const created = await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send(body)
      .expect(201);
    const key = await t.createRouterKey();
    const res = await t
      .http()
      .get(`/v1/agents?externalId=${body.externalId}`)
      .set(routerKey(key))
      .expect(200);
    expect(res.body).toMatchObject({
      total: 1,
      page: 1,
      items: [{ id: created.body.id, externalId: body.externalId }],
    });
  });

  it('lists a team in work-number order, whatever order the agents were added in', async () => {
    const teamId = await t.createTeam();
    const prefix = unique('w');
    for (const n of ['8003', '8001', '8002'])
      await t.createAgent({ teamId, externalId: `${prefix}-${n}` });
    const res = await t
      .http()
      .get(`/v1/agents?teamId=${teamId}`)
      .set(await t.asAdmin())
      .expect(200);
    expect(res.body.items.map((a: { externalId: string }) => a.externalId)).toEqual([
      `${prefix}-8001`,
      `${prefix}-8002`,
      `${prefix}-8003`,
    ]);
  });

  it("replaces an agent's tags", async () => {
    const created = await t
      .http()
      .post('/v1/agents')
      .set(await t.asAdmin())
      .send(validAgent())
      .expect(201);
    const res = await t
      .http()
      .put(`/v1/agents/${created.body.id}/tags`)
      .set(await t.asAdmin())
      .send({ dialects: [{ tag: 'yue', proficiency: 5 }], skills: [] })
      .expect(200);
    expect(res.body.dialects).toEqual([{ tag: 'yue', proficiency: 5 }]);
    expect(res.body.skills).toEqual([]);
    await t
      .http()
      .put(`/v1/agents/${created.body.id}/tags`)
      .set(await t.asAdmin())
      .send({ dialects: [{ tag: 'klingon', proficiency: 5 }], skills: [] })
      .expect(400);
    const still = await t
      .http()
      .get(`/v1/agents/${created.body.id}`)
      .set(await t.asAdmin())
      .expect(200);
    expect(still.body.dialects).toEqual([{ tag: 'yue', proficiency: 5 }]);
  });

  it('lets a supervisor manage agents of their own team only', async () => {
    const teamA = await t.createTeam();
    const teamB = await t.createTeam();
    const sup = await t.createUser(['supervisor'], teamA);
    await t
      .http()
      .post('/v1/agents')
      .set(bearer(sup.token))
      .send({ ...validAgent(), teamId: teamA })
      .expect(201);
    const res = await t
      .http()
      .post('/v1/agents')
      .set(bearer(sup.token))
      .send({ ...validAgent(), teamId: teamB })
      .expect(403);
    expect(res.body.error).toBe('FORBIDDEN');
  });

  it('keeps an agent to their own profile', async () => {
    const a = await t.createAgent();
    const b = await t.createAgent();
    await t.http().get(`/v1/agents/${a.agentId}`).set(bearer(a.token)).expect(200);
    await t.http().get(`/v1/agents/${b.agentId}`).set(bearer(a.token)).expect(403);
  });
});
