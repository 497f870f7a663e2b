import { requiredAgents } from '../../src/workforce/staffing/erlang';
import { bearer, TestApp, TestUser } from '../support/test-app';
import { waitForSchedule } from '../support/scheduling';

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
    scheduler = await t.createUser(['scheduler'], teamId);
    for (let k = 0; k < 4; k++) agentIds.push((await t.createAgent({ teamId })).agentId);
    await t
      .http()
      .put(`/v1/sites/${siteId}/labour-rules`)
      .set(await t.asAdmin())
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
    expect(plain.body.requirements.map((r: any) => ({ start: r.start, agents: r.agents }))).toEqual(
      starts.map((start) => ({ start, agents: 20 })),
    );
    expect(plain.body.requirements[0]).toMatchObject({
      rawAgents: 14,
      shrinkage: { base: 0.3, wellbeing: 0, total: 0.3 },
    });
    // No call history yet: the wellbeing figures are the stored settings, and say so.
    expect(plain.body.shrinkage).toMatchObject({
      base: { value: 0.3, source: 'setting' },
      wellbeing: {
        hostileCallRate: { value: 0, source: 'setting' },
        recoveryMinutesPerHostileCall: { value: 0, source: 'setting' },
      },
    });
    await t
      .http()
      .put(`/v1/teams/${teamId}/planning-settings`)
      .set(bearer(scheduler.token))
      .send({ ...settings, hostileCallRate: 0.05, recoveryMinutesPerHostileCall: 7 })
      .expect(200);
    const withRecovery = await preview();
    // 14 raw agents and a recovery load of 1.1667 Erl less the micro-breaks recoveries save under the
    // default policy (5 minutes after 55: 0.5672 Erl), both after 30 % base shrinkage:
    // ceil((14 + 0.5995) / 0.7) = 21 rostered (22 with the recovery load gross).
    expect(withRecovery.body.requirements[0].agents).toBe(21);
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
    const body = await waitForSchedule(t, scheduler.token, res.body.scheduleId);
    expect(body.status).toBe('draft');
    expect(body.violations).toEqual([]);
    // 5 calls of 180 s: 2 working agents, 3 rostered at 30 % shrinkage.
    expect(body.coverage.map((c: any) => c.required)).toEqual(starts.map(() => 3));
    // Four-hour shifts owe two 15-min rest breaks each, and an agent on a break does not count for its
    // interval: the model staffs one more than required (3 ÷ 0.75 presence) and the breaks are spread
    // so that at most one agent is off in any interval.
    expect(body.shifts).toHaveLength(4);
    for (const s of body.shifts)
      expect(s.breaks.filter((b: any) => b.kind === 'rest')).toHaveLength(2);
    for (const c of body.coverage) {
      expect(Number.isInteger(c.scheduled)).toBe(true);
      expect(c.scheduled).toBeGreaterThanOrEqual(c.required - 1);
    }
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
    const build = () =>
      t
        .http()
        .post(`/v1/teams/${teamId}/forecast/from-history`)
        .set(bearer(scheduler.token))
        .send({ startDate: '2026-02-02', days: 1, intervalMinutes: 30, weeks: 4 })
        .expect(200);
    // Stored before: the uploaded day (100 calls every half hour) and a row of the next day.
    const nextDay = '2026-02-03T01:00:00.000Z';
    await t
      .http()
      .put(`/v1/teams/${teamId}/forecast`)
      .set(bearer(scheduler.token))
      .send({ intervalMinutes: 30, intervals: [{ start: nextDay, calls: 7, ahtSeconds: 150 }] })
      .expect(200);
    const res = await build();
    // weights 4,3,2,1 newest first: (4·16 + 3·12 + 2·8 + 1·4) / 10 = 12. The day is history's
    // alone: the half hours without calls then have no forecast now, not the upload's 100.
    expect(res.body.intervals).toEqual([
      { start: starts[0], calls: 12, ahtSeconds: 200, intervalMinutes: 30 },
    ]);
    const [kept] = await t.dataSource.query(
      `SELECT calls FROM team_forecasts WHERE team_id = $1 AND interval_start = $2`,
      [teamId, nextDay],
    );
    expect(kept).toEqual({ calls: 7 });
  });

  it('leaves the stored forecast alone when the weeks looked at hold no calls', async () => {
    // Tuesday 3 Feb: the Tuesday before had no calls, so its stored row (7 calls) stays.
    const res = await t
      .http()
      .post(`/v1/teams/${teamId}/forecast/from-history`)
      .set(bearer(scheduler.token))
      .send({ startDate: '2026-02-03', days: 1, intervalMinutes: 30, weeks: 1 })
      .expect(200);
    expect(res.body.intervals).toEqual([
      { start: '2026-02-03T01:00:00.000Z', calls: 7, ahtSeconds: 150, intervalMinutes: 30 },
    ]);
  });

  it('builds per-dialect forecasts from the dialect each call was routed for', async () => {
    // The router asked for Cantonese on every other call (accepted reservations), Wuhanese on none.
    await t.dataSource.query(
      `INSERT INTO reservations (id, call_id, agent_id, status, created_at, expires_at, decided_at, criteria)
       SELECT gen_random_uuid(), c.call_id, c.agent_id, 'accepted', c.answered_at - interval '5 seconds',
              c.answered_at + interval '15 seconds', c.answered_at, '{"dialect":"yue","minProficiency":3}'::jsonb
         FROM calls c WHERE c.call_id LIKE 'hist-%' AND substring(c.call_id from 6)::int % 2 = 0`,
    );
    // A rejected Cantonese reservation before an accepted plain one does not make a call Cantonese.
    await t.dataSource.query(
      `INSERT INTO reservations (id, call_id, agent_id, status, created_at, expires_at, decided_at, criteria)
       SELECT gen_random_uuid(), c.call_id, c.agent_id, 'rejected', c.answered_at - interval '30 seconds',
              c.answered_at, c.answered_at - interval '20 seconds', '{"dialect":"yue"}'::jsonb
         FROM calls c WHERE c.call_id LIKE 'hist-%' AND substring(c.call_id from 6)::int % 2 = 1`,
    );
    const res = await t
      .http()
      .post(`/v1/teams/${teamId}/forecast/from-history`)
      .set(bearer(scheduler.token))
      .send({
        startDate: '2026-02-02',
        days: 1,
        intervalMinutes: 30,
        weeks: 4,
        dialects: ['yue', 'cmn-x-wuhan'],
      })
      .expect(200);
    const at = res.body.intervals.filter((i: any) => i.start === starts[0]);
    // Team-wide 12 as before; Cantonese: 8, 6, 4, 2 calls newest first → (4·8 + 3·6 + 2·4 + 1·2) / 10 = 6.
    expect(at).toEqual([
      { start: starts[0], calls: 12, ahtSeconds: 200, intervalMinutes: 30 },
      { start: starts[0], dialect: 'yue', calls: 6, ahtSeconds: 200, intervalMinutes: 30 },
    ]);
    // The dialect forecast becomes its own requirement rows.
    const preview = await t
      .http()
      .get(
        `/v1/schedules/requirements-preview?teamId=${teamId}&startDate=2026-02-02&days=1&intervalMinutes=30`,
      )
      .set(bearer(scheduler.token))
      .expect(200);
    expect(
      preview.body.requirements
        .filter((r: any) => r.start === starts[0])
        .map((r: any) => r.dialect),
    ).toEqual([undefined, 'yue']);
  });

  it("staffs enforced recovery from the team's recent hostile calls and its wellbeing policy", async () => {
    // Four of the 40 calls of the last four weeks were hostile: severities 1, 1, 2, 3.
    for (const [id, severity] of [
      ['hist-0', 1],
      ['hist-1', 1],
      ['hist-2', 2],
      ['hist-3', 3],
    ] as const)
      await t.dataSource.query(`UPDATE calls SET hostile_severity = $2 WHERE call_id = $1`, [
        id,
        severity,
      ]);
    // The team's stored figures, which its 40 calls are weighed against.
    await t
      .http()
      .put(`/v1/teams/${teamId}/planning-settings`)
      .set(bearer(scheduler.token))
      .send({
        targetServiceLevel: 0.8,
        targetAnswerSeconds: 20,
        shrinkage: 0.3,
        hostileCallRate: 0.05,
        recoveryMinutesPerHostileCall: 7,
      })
      .expect(200);
    t.clock.set('2026-02-02T00:00:00Z');
    const preview = await t
      .http()
      .get(
        `/v1/schedules/requirements-preview?teamId=${teamId}&startDate=2026-02-02&days=1&intervalMinutes=30`,
      )
      .set(bearer(scheduler.token))
      .expect(200);
    // Rate: 4 of 40 observed, weighed against the stored 5% counted as 100 calls: (4 + 5) / 140.
    // Minutes: the default policy's 5, 10, 15 by severity over the mix 2, 1, 1 → 8.75.
    expect(preview.body.shrinkage.wellbeing).toMatchObject({
      hostileCallRate: {
        value: 0.064286,
        source: 'history',
        answeredCalls: 40,
        hostileCalls: 4,
        observedRate: 0.1,
        settingWeightCalls: 100,
      },
      recoveryMinutesPerHostileCall: {
        value: 8.75,
        source: 'history',
        severityMix: [2, 1, 1],
        recoveryMinutesBySeverity: [5, 10, 15],
      },
      window: { weeks: 4, to: '2026-02-02T00:00:00.000Z' },
    });
    const row = preview.body.requirements.find((r: any) => r.start === starts[0] && !r.dialect);
    const expected = requiredAgents({
      callsPerInterval: 12,
      intervalMinutes: 30,
      ahtSeconds: 200,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      shrinkage: 0.3,
      // No occupancy setting: the team's occupancy cap.
      maxOccupancy: 0.85,
      wellbeing: { hostileCallRate: 0.064286, recoveryMinutesPerHostileCall: 8.75 },
      // The team's policy (the defaults): recoveries take the place of some micro-breaks.
      continuousWorkBreak: { afterMinutes: 55, minutes: 5 },
    });
    expect(preview.body.maxOccupancy).toEqual({ value: 0.85, source: 'team-cap' });
    expect(row).toMatchObject({ agents: expected.agents, shrinkage: expected.shrinkage });
    expect(row.shrinkage.wellbeing).toBeGreaterThan(0);
    // A stricter team policy raises the minutes at once (severity 3 → 30 min).
    await t
      .http()
      .put(`/v1/wellbeing/policies/teams/${teamId}`)
      .set(bearer(await t.adminToken()))
      .send({ recoveryMinutesBySeverity: [5, 10, 30] })
      .expect(200);
    // The Erlang endpoint takes the team's figures when asked, and names their sources.
    const erlang = await t
      .http()
      .post('/v1/staffing/erlang-c')
      .set(bearer(scheduler.token))
      .send({
        callsPerInterval: 100,
        intervalMinutes: 30,
        ahtSeconds: 180,
        targetServiceLevel: 0.8,
        targetAnswerSeconds: 20,
        teamId,
      })
      .expect(200);
    expect(erlang.body.shrinkage).toMatchObject({
      base: 0.3,
      sources: {
        base: 'setting',
        hostileCallRate: 'history',
        recoveryMinutesPerHostileCall: 'history',
      },
    });
    expect(erlang.body.shrinkage.wellbeingInputs.hostileCallRate).toBe(0.064286);
    // (2·5 + 1·10 + 1·30) / 4 = 12.5 with the team's own policy.
    expect(erlang.body.shrinkage.wellbeingInputs.recoveryMinutesPerHostileCall).toBe(12.5);
    // Figures given in the request win.
    const given = await t
      .http()
      .post('/v1/staffing/erlang-c')
      .set(bearer(scheduler.token))
      .send({
        callsPerInterval: 100,
        intervalMinutes: 30,
        ahtSeconds: 180,
        targetServiceLevel: 0.8,
        targetAnswerSeconds: 20,
        shrinkage: 0.2,
        hostileCallRate: 0,
        recoveryMinutesPerHostileCall: 0,
        teamId,
      })
      .expect(200);
    expect(given.body.shrinkage).toMatchObject({
      base: 0.2,
      wellbeing: 0,
      sources: { base: 'request', hostileCallRate: 'request' },
    });
  });
});
