import { bearer, TestApp, TestUser } from '../support/test-app';

/** Four hours on Monday 2 Feb 2026, 09:00-13:00 in Shanghai (01:00-05:00Z). */
const starts = Array.from({ length: 8 }, (_, k) =>
  new Date(Date.parse('2026-02-02T01:00:00Z') + k * 30 * 60_000).toISOString(),
);

// Generation runs a real solver in the background; a busy machine may need a while.
jest.setTimeout(300_000);

describe('forecasts and requirements', () => {
  let t: TestApp;
  let scheduler: TestUser;
  let teamId: string;
  const agentIds: string[] = [];

  beforeAll(async () => {
    t = await TestApp.create();
    const siteId = await t.createSite(undefined, 'Asia/Shanghai');
    teamId = await t.createTeam(siteId);
    scheduler = await t.createUser(['scheduler']);
    for (let k = 0; k < 4; k++) agentIds.push((await t.createAgent({ teamId })).agentId);
    await t
      .http()
      .put(`/v1/sites/${siteId}/labour-rules`)
      .set(bearer(scheduler.token))
      .send({ solverTimeLimitSeconds: 120 })
      .expect(200);
  });
  afterAll(() => t.close());

  it('uploads a CSV forecast and rejects bad lines', async () => {
    const csv = ['start,calls,ahtSeconds', ...starts.map((s) => `${s},100,180`)].join('\n');
    const res = await t
      .http()
      .put(`/v1/teams/${teamId}/forecast`)
      .set(bearer(scheduler.token))
      .send({ intervalMinutes: 30, csv })
      .expect(200);
    expect(res.body).toEqual({ stored: 8 });
    const bad = await t
      .http()
      .put(`/v1/teams/${teamId}/forecast`)
      .set(bearer(scheduler.token))
      .send({ intervalMinutes: 30, csv: 'start,calls,ahtSeconds\nyesterday,1,1' })
      .expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    const both = await t
      .http()
      .put(`/v1/teams/${teamId}/forecast`)
      .set(bearer(scheduler.token))
      .send({ intervalMinutes: 30, csv: 'x', intervals: [] })
      .expect(400);
    expect(both.body.error).toBe('VALIDATION_FAILED');
    const got = await t
      .http()
      .get(`/v1/teams/${teamId}/forecast?from=2026-02-02T00:00:00Z&to=2026-02-03T00:00:00Z`)
      .set(bearer(scheduler.token))
      .expect(200);
    expect(got.body.intervals).toHaveLength(8);
    expect(got.body.intervals[0]).toEqual({
      start: starts[0],
      calls: 100,
      ahtSeconds: 180,
      intervalMinutes: 30,
    });
  });

  it('turns the forecast into requirements through Erlang C with wellbeing shrinkage', async () => {
    const settings = {
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      shrinkage: 0.3,
      maxOccupancy: 0.85,
      hostileCallRate: 0,
      recoveryMinutesPerHostileCall: 0,
    };
    await t
      .http()
      .put(`/v1/teams/${teamId}/planning-settings`)
      .set(bearer(scheduler.token))
      .send(settings)
      .expect(200);
    const preview = () =>
      t
        .http()
        .get(
          `/v1/schedules/requirements-preview?teamId=${teamId}&startDate=2026-02-02&days=1&intervalMinutes=30`,
        )
        .set(bearer(scheduler.token))
        .expect(200);
    const plain = await preview();
    expect(plain.body.requirements).toEqual(starts.map((start) => ({ start, agents: 20 })));
    await t
      .http()
      .put(`/v1/teams/${teamId}/planning-settings`)
      .set(bearer(scheduler.token))
      .send({ ...settings, hostileCallRate: 0.05, recoveryMinutesPerHostileCall: 7 })
      .expect(200);
    const withRecovery = await preview();
    // 14 raw agents; shrinkage 0.3 + 1.1667/14 → ceil(14 / 0.6167) = 23
    expect(withRecovery.body.requirements[0].agents).toBe(23);
  });

  it('generates from the forecast when no requirements are given', async () => {
    await t
      .http()
      .put(`/v1/teams/${teamId}/forecast`)
      .set(bearer(scheduler.token))
      .send({
        intervalMinutes: 30,
        intervals: starts.map((start) => ({ start, calls: 5, ahtSeconds: 180 })),
      })
      .expect(200);
    await t
      .http()
      .put(`/v1/teams/${teamId}/planning-settings`)
      .set(bearer(scheduler.token))
      .send({
        targetServiceLevel: 0.8,
        targetAnswerSeconds: 20,
        shrinkage: 0.3,
        hostileCallRate: 0,
        recoveryMinutesPerHostileCall: 0,
      })
      .expect(200);
    const res = await t
      .http()
      .post('/v1/schedules/generate')
      .set(bearer(scheduler.token))
      .send({ teamId, startDate: '2026-02-02', days: 1, intervalMinutes: 30 })
      .expect(202);
    let body: any;
    for (let i = 0; i < 3000; i++) {
      body = (
        await t.http().get(`/v1/schedules/${res.body.scheduleId}`).set(bearer(scheduler.token))
      ).body;
      if (body.status !== 'solving') break;
      await new Promise((r) => setTimeout(r, 100)); // waits for the background solver only
    }
    expect(body.status).toBe('draft');
    expect(body.violations).toEqual([]);
    // 5 calls of 180 s: 2 working agents, 3 rostered at 30 % shrinkage.
    expect(body.coverage.map((c: any) => c.required)).toEqual(starts.map(() => 3));
    // One more on shift than required, so that rest breaks never take coverage below the requirement.
    expect(body.shifts).toHaveLength(4);
    for (const c of body.coverage) expect(c.scheduled).toBeGreaterThanOrEqual(c.required);
  });

  it('builds a forecast from the same weekday and interval of past weeks', async () => {
    // Four past Mondays at 09:00 local: 4, 8, 12, 16 answered calls of 200 s (oldest first).
    const week = 7 * 86_400_000;
    let n = 0;
    for (const [k, count] of [16, 12, 8, 4].entries()) {
      const at = Date.parse('2026-02-02T01:00:00Z') - (k + 1) * week;
      for (let c = 0; c < count; c++)
        await t.dataSource.query(
          `INSERT INTO calls (call_id, agent_id, answered_at, ended_at, duration_seconds) VALUES ($1, $2, $3, $4, 200)`,
          [
            `hist-${n++}`,
            agentIds[c % 4],
            new Date(at + c * 60_000),
            new Date(at + c * 60_000 + 200_000),
          ],
        );
    }
    const res = await t
      .http()
      .post(`/v1/teams/${teamId}/forecast/from-history`)
      .set(bearer(scheduler.token))
      .send({ startDate: '2026-02-02', days: 1, intervalMinutes: 30, weeks: 4 })
      .expect(200);
    const first = res.body.intervals.find((i: any) => i.start === starts[0]);
    // weights 4,3,2,1 newest first: (4·16 + 3·12 + 2·8 + 1·4) / 10 = 12
    expect(first).toMatchObject({ calls: 12, ahtSeconds: 200 });
  });
});
