import { bearer, TestApp } from '../support/test-app';

describe('POST /v1/agents/import (CSV, row by row)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('checks every row, reports bad ones by line, creates the good ones with their tags', async () => {
    const teamId = await t.createTeam();
    const existing = await t.createAgent();
    const csv = [
      'external_id,display_name,dialects,skills',
      'imp-1,Wang Fang,cmn:5;cmn-x-wuhan:4,',
      `${existing.externalId},Taken,cmn:3,`,
      'imp-3,Li Na,klingon:5,',
      'imp-4,Zhao Lei,cmn:4,',
    ].join('\n');
    const admin = await t.asAdmin();
    const dry = await t
      .http()
      .post('/v1/agents/import')
      .set(admin)
      .send({ csv, teamId, dryRun: true })
      .expect(200);
    expect(dry.body).toMatchObject({ rows: 4, valid: 2, created: 0 });
    expect(dry.body.errors.map((e: any) => [e.line, e.field, e.code])).toEqual([
      [3, 'external_id', 'DUPLICATE_EXTERNAL_ID'],
      [4, 'dialects', 'UNKNOWN_TAG'],
    ]);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM agents WHERE team_id = $1`,
      [teamId],
    );
    expect(n).toBe(0);

    const done = await t
      .http()
      .post('/v1/agents/import')
      .set(admin)
      .send({ csv, teamId })
      .expect(200);
    expect(done.body).toMatchObject({ rows: 4, valid: 2, created: 2 });
    const found = await t.http().get('/v1/agents?externalId=imp-1').set(admin).expect(200);
    expect(found.body.items[0]).toMatchObject({
      displayName: 'Wang Fang',
      teamId,
      dialects: expect.arrayContaining([
        expect.objectContaining({ tag: 'cmn-x-wuhan', proficiency: 4 }),
      ]),
    });
    // Importing the same file again creates nothing: the ids are taken now.
    const again = await t
      .http()
      .post('/v1/agents/import')
      .set(admin)
      .send({ csv, teamId })
      .expect(200);
    expect(again.body.created).toBe(0);
  });

  it('refuses a file without the columns, unknown body fields, and non-admins', async () => {
    const admin = await t.asAdmin();
    const res = await t
      .http()
      .post('/v1/agents/import')
      .set(admin)
      .send({ csv: 'id,name\n1,x' })
      .expect(400);
    expect(res.body.error).toBe('INVALID_CSV_HEADER');
    expect(
      (await t.http().post('/v1/agents/import').set(admin).send({ csv: 'a', extra: 1 }).expect(400))
        .body.error,
    ).toBe('VALIDATION_FAILED');
    const teamId = await t.createTeam();
    const supervisor = await t.createUser(['supervisor'], teamId);
    await t
      .http()
      .post('/v1/agents/import')
      .set(bearer(supervisor.token))
      .send({ csv: 'a' })
      .expect(403);
  });
});
