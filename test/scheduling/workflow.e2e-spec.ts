import { withDefaults } from '../../src/workforce/scheduling/labour-rules';
import { checkShifts } from '../../src/workforce/scheduling/rule-checker';
import { waitForSchedule } from '../support/scheduling';
import { bearer, TestApp, TestUser } from '../support/test-app';
import { runCall, teamWithAgent } from '../wellbeing/helpers';

type Agent = TestUser & { agentId: string; externalId: string };

/**
 * The scheduling workflow around the solver, through the API: diagnostics, past dates, contracts and
 * preferences, time off over published shifts, the open-shift board (raced by two replicas), repair and
 * trades. Asia/Shanghai is UTC+8; the clock starts Monday 5 Jan 2026, 16:00 local.
 */
const ZONE = 'Asia/Shanghai';
// Six-hour shifts exactly, owing no rest break (one per 8 h) and no meal (over 6 h): one shift is one
// agent at work for every interval it spans.
const TEST_RULES = {
  minShiftMinutes: 360,
  maxShiftMinutes: 360,
  restBreakPerWorkedMinutes: 480,
  solverTimeLimitSeconds: 60,
};
const H = 3_600_000;

/** Half-hour requirement rows from a UTC instant. */
function slots(fromIso: string, hours: number, agents: number, dialect?: string) {
  return Array.from({ length: hours * 2 }, (_, k) => ({
    start: new Date(Date.parse(fromIso) + k * 30 * 60_000).toISOString(),
    agents,
    ...(dialect ? { dialect } : {}),
  }));
}

const checkedShifts = (shifts: any[]) =>
  shifts.map((x) => ({
    agentId: x.agentId,
    start: Date.parse(x.startsAt),
    end: Date.parse(x.endsAt),
    breaks: x.breaks.map((b: any) => ({
      start: Date.parse(b.startsAt),
      end: Date.parse(b.endsAt),
      kind: b.kind,
    })),
  }));

/** Local 08:00 of a January 2026 day, in UTC. */
const at8 = (day: number) => `2026-01-${String(day).padStart(2, '0')}T00:00:00.000Z`;

jest.setTimeout(600_000);

describe('scheduling workflow', () => {
  let t: TestApp;
  let replica: TestApp;
  let siteId: string;

  beforeAll(async () => {
    t = await TestApp.create({ env: { DATABASE_POOL_SIZE: '10' } });
    replica = await TestApp.create({
      databaseUrl: t.databaseUrl,
      clock: t.clock,
      env: { DATABASE_POOL_SIZE: '10' },
    });
    siteId = await t.createSite(undefined, ZONE);
    await t
      .http()
      .put(`/v1/sites/${siteId}/labour-rules`)
      .set(await t.asAdmin())
      .send(TEST_RULES)
      .expect(200);
  });
  afterAll(async () => {
    await replica.close();
    await t.close();
  });

  async function team(size: number, dialects: Array<Array<{ tag: string; proficiency: number }>>) {
    const teamId = await t.createTeam(siteId);
    const scheduler = await t.createUser(['scheduler'], teamId);
    const agents: Agent[] = [];
    for (let i = 0; i < size; i++)
      agents.push(await t.createAgent({ teamId, dialects: dialects[i % dialects.length] }));
    return { teamId, scheduler, agents };
  }

  async function generate(
    token: string,
    teamId: string,
    startDate: string,
    days: number,
    requirements: unknown[],
  ) {
    const res = await t
      .http()
      .post('/v1/schedules/generate')
      .set(bearer(token))
      .send({ teamId, startDate, days, intervalMinutes: 30, requirements })
      .expect(202);
    const first = await t
      .http()
      .get(`/v1/schedules/${res.body.scheduleId}`)
      .set(bearer(token))
      .expect(200);
    return {
      id: res.body.scheduleId as string,
      first: first.body,
      // Every schedule a test produces goes through the rule checker, independently of the service's
      // own `violations` (time off and contracts are checked where a test sets them).
      done: async () => {
        const body = await waitForSchedule(t, token, res.body.scheduleId);
        expect(
          checkShifts(checkedShifts(body.shifts), {
            rules: withDefaults(TEST_RULES),
            timeZone: ZONE,
          }),
        ).toEqual([]);
        return body;
      },
    };
  }

  async function approvedTimeOff(agent: Agent, scheduler: TestUser, from: string, to: string) {
    const req = await t
      .http()
      .post('/v1/time-off')
      .set(bearer(agent.token))
      .send({ agentId: agent.agentId, kind: 'time_off', startsAt: from, endsAt: to })
      .expect(201);
    const ok = await t
      .http()
      .post(`/v1/time-off/${req.body.id}/approve`)
      .set(bearer(scheduler.token))
      .expect(200);
    return ok.body;
  }

  const cmn = [{ tag: 'cmn', proficiency: 5 }];
  const cmnYue = [...cmn, { tag: 'yue', proficiency: 4 }];

  describe('diagnostics and past dates', () => {
    let d: Awaited<ReturnType<typeof team>>;
    beforeAll(async () => {
      d = await team(3, [cmn]);
    });

    it('refuses a start date in the past (400 START_DATE_IN_PAST) and another team (403)', async () => {
      const past = await t
        .http()
        .post('/v1/schedules/generate')
        .set(bearer(d.scheduler.token))
        .send({ teamId: d.teamId, startDate: '2026-01-04', days: 1, intervalMinutes: 30 })
        .expect(400);
      expect(past.body).toMatchObject({
        error: 'START_DATE_IN_PAST',
        details: { startDate: '2026-01-04', today: '2026-01-05' },
      });
      const other = await t.createTeam(siteId);
      const foreign = await t
        .http()
        .post('/v1/schedules/generate')
        .set(bearer(d.scheduler.token))
        .send({ teamId: other, startDate: '2026-01-10', days: 1, intervalMinutes: 30 })
        .expect(403);
      expect(foreign.body.error).toBe('FORBIDDEN');
    });

    it('says the team is too small and names a dialect nobody speaks, before and after solving', async () => {
      // 5 agents for 12 h = 60 agent-hours; three agents, one six-hour shift each in a day = 18.
      const s = await generate(d.scheduler.token, d.teamId, '2026-01-07', 1, [
        ...slots(at8(7), 12, 5),
        ...slots('2026-01-07T02:00:00Z', 1, 1, 'nan'),
      ]);
      const codes = (b: any) => b.diagnostics.reasons.map((r: any) => r.code);
      // Known before the solver has run.
      expect(s.first.diagnostics).toMatchObject({ demandAgentHours: 60, capacityAgentHours: 18 });
      expect(codes(s.first)).toEqual(
        expect.arrayContaining(['TEAM_TOO_SMALL', 'NO_QUALIFIED_AGENTS', 'HEADCOUNT_SHORT']),
      );
      const small = s.first.diagnostics.reasons.find((r: any) => r.code === 'TEAM_TOO_SMALL');
      expect(small.message).toContain('60 agent-hours');
      expect(small.details).toMatchObject({
        neededAgentHours: 60,
        availableAgentHours: 18,
        agents: 3,
      });
      const nan = s.first.diagnostics.reasons.find((r: any) => r.code === 'NO_QUALIFIED_AGENTS');
      expect(nan.details.dialect).toBe('nan');
      const body = await s.done();
      expect(body.status).toBe('draft');
      expect(codes(body)).toEqual(
        expect.arrayContaining(['TEAM_TOO_SMALL', 'NO_QUALIFIED_AGENTS']),
      );
      expect(body.diagnostics.solverStatus).toEqual(expect.any(String));
      const { shortfall } = body.diagnostics;
      expect(shortfall.byDialect).toEqual([
        { dialect: 'nan', requiredAgentIntervals: 2, shortAgentIntervals: 2, share: 1 },
      ]);
      expect(shortfall.byDay).toHaveLength(1);
      expect(shortfall.byDay[0].date).toBe('2026-01-07');
      // At most 3 of the 5 agents in any interval: at least 2 × 24 intervals short.
      expect(shortfall.total.shortAgentIntervals).toBeGreaterThanOrEqual(48 + 2);
      const short = body.coverage.reduce(
        (n: number, c: any) => n + Math.max(0, c.required - c.scheduled),
        0,
      );
      expect(shortfall.total.shortAgentIntervals).toBe(short);
    });

    it('names time off over a peak', async () => {
      // Agent 3 is off 09:00-13:00 local on Thursday 8 Jan; 10:00-12:00 needs all three agents.
      const off = await approvedTimeOff(
        d.agents[2],
        d.scheduler,
        '2026-01-08T01:00:00Z',
        '2026-01-08T05:00:00Z',
      );
      expect(off.removedShifts).toEqual([]);
      const s = await generate(d.scheduler.token, d.teamId, '2026-01-08', 1, [
        ...slots(at8(8), 2, 1),
        ...slots('2026-01-08T02:00:00Z', 2, 3),
        ...slots('2026-01-08T04:00:00Z', 4, 1),
      ]);
      const peak = s.first.diagnostics.reasons.find((r: any) => r.code === 'TIME_OFF_OVER_PEAK');
      expect(peak.details).toMatchObject({
        date: '2026-01-08',
        required: 3,
        available: 2,
        agentsOff: 1,
      });
      expect(peak.message).toContain('10:00-12:00');
      expect(s.first.diagnostics.reasons.map((r: any) => r.code)).not.toContain('TEAM_TOO_SMALL');
      const body = await s.done();
      expect(body.shifts.map((x: any) => x.agentId)).not.toContain(d.agents[2].agentId);
      expect(body.diagnostics.shortfall.byDay[0]).toMatchObject({ date: '2026-01-08' });
      expect(body.diagnostics.shortfall.byDay[0].shortAgentIntervals).toBeGreaterThanOrEqual(4);
    });
  });

  describe('contracts and preferences', () => {
    let c: Awaited<ReturnType<typeof team>>;
    beforeAll(async () => {
      c = await team(3, [cmn]);
    });

    it('keeps contracts and preferences per agent: schedulers of the team write, the agent reads its own', async () => {
      const [p, q] = c.agents;
      const profile = {
        minWeeklyHours: 4,
        maxWeeklyHours: 8,
        preferredStartWindow: { earliest: '08:00', latest: '09:00' },
        preferredDaysOff: [3],
      };
      const put = await t
        .http()
        .put(`/v1/agents/${p.agentId}/work-profile`)
        .set(bearer(c.scheduler.token))
        .send(profile)
        .expect(200);
      expect(put.body).toEqual({ agentId: p.agentId, unavailability: [], ...profile });
      await t
        .http()
        .put(`/v1/agents/${q.agentId}/work-profile`)
        .set(bearer(c.scheduler.token))
        .send({ unavailability: [{ weekday: 3, start: '00:00', end: '24:00' }] })
        .expect(200);
      const own = await t
        .http()
        .get(`/v1/agents/${p.agentId}/work-profile`)
        .set(bearer(p.token))
        .expect(200);
      expect(own.body.maxWeeklyHours).toBe(8);
      await t.http().get(`/v1/agents/${p.agentId}/work-profile`).set(bearer(q.token)).expect(403);
      await t
        .http()
        .put(`/v1/agents/${p.agentId}/work-profile`)
        .set(bearer(p.token))
        .send(profile)
        .expect(403);
      const outsider = await t.createUser(['scheduler'], await t.createTeam(siteId));
      await t
        .http()
        .put(`/v1/agents/${p.agentId}/work-profile`)
        .set(bearer(outsider.token))
        .send(profile)
        .expect(403);
      await t
        .http()
        .get(`/v1/teams/${c.teamId}/shift-settings`)
        .set(bearer(outsider.token))
        .expect(403);
      for (const bad of [
        { minWeeklyHours: 10, maxWeeklyHours: 8 },
        { preferredStartWindow: { earliest: '10:00', latest: '09:00' } },
        { preferredDaysOff: [8] },
        { unavailability: [{ weekday: 1, start: '9:00', end: '10:00' }] },
        { maxWeeklyHours: 8, contractType: 'part' },
      ]) {
        const res = await t
          .http()
          .put(`/v1/agents/${p.agentId}/work-profile`)
          .set(bearer(c.scheduler.token))
          .send(bad)
          .expect(400);
        expect(res.body.error).toBe('VALIDATION_FAILED');
      }
      const settings = {
        shiftTemplates: [{ start: '08:00', minutes: 360 }],
        consistentStartTimes: true,
      };
      await t
        .http()
        .put(`/v1/teams/${c.teamId}/shift-settings`)
        .set(bearer(c.scheduler.token))
        .send(settings)
        .expect(200);
      const got = await t
        .http()
        .get(`/v1/teams/${c.teamId}/shift-settings`)
        .set(bearer(c.scheduler.token))
        .expect(200);
      expect(got.body).toEqual(settings);
    });

    it('respects the part-time maximum and recurring unavailability, and reports preferences', async () => {
      const [p, q, r] = c.agents;
      // Mon 12 - Fri 16 Jan, two agents 08:00-14:00 each day: 60 agent-hours for three agents, so the
      // part-timer would carry ~20 h without a contract.
      const reqs = [12, 13, 14, 15, 16].flatMap((day) => slots(at8(day), 6, 2));
      const s = await generate(c.scheduler.token, c.teamId, '2026-01-12', 5, reqs);
      // Phone time seen by planning, in six-hour shifts: p 6 h (an 8-hour contract holds one), q 24 h
      // (four days, Wednesday unavailable), r 30 h (five days).
      expect(s.first.diagnostics.capacityAgentHours).toBe(60);
      const body = await s.done();
      expect(body.status).toBe('draft');
      const hoursOf = (agentId: string) =>
        body.shifts
          .filter((x: any) => x.agentId === agentId)
          .reduce(
            (h: number, x: any) => h + (Date.parse(x.endsAt) - Date.parse(x.startsAt)) / H,
            0,
          );
      expect(hoursOf(p.agentId)).toBeLessThanOrEqual(8);
      expect(hoursOf(q.agentId) + hoursOf(r.agentId)).toBeGreaterThan(0);
      const wednesday = (x: any) =>
        Date.parse(x.startsAt) < Date.parse('2026-01-14T16:00:00Z') &&
        Date.parse(x.endsAt) > Date.parse('2026-01-13T16:00:00Z');
      expect(body.shifts.filter((x: any) => x.agentId === q.agentId && wednesday(x))).toEqual([]);
      // The independent checker, told the contract and the recurring unavailability, finds nothing.
      const checked = checkedShifts(body.shifts);
      expect(
        checkShifts(checked, {
          rules: withDefaults(TEST_RULES),
          timeZone: ZONE,
          contractMaxWeeklyMinutes: new Map([[p.agentId, 480]]),
          blocked: new Map([
            [
              q.agentId,
              [
                {
                  start: Date.parse('2026-01-13T16:00:00Z'),
                  end: Date.parse('2026-01-14T16:00:00Z'),
                  reason: 'unavailable',
                },
              ],
            ],
          ]),
        }),
      ).toEqual([]);
      // The preference report matches the shifts: p prefers Wednesdays off and 08:00-09:00 starts.
      const mine = body.shifts.filter((x: any) => x.agentId === p.agentId);
      const localStart = (x: any) => new Date(Date.parse(x.startsAt) + 8 * H);
      expect(body.diagnostics.preferences).toMatchObject({
        shiftsOnPreferredDaysOff: mine.filter((x: any) => localStart(x).getUTCDay() === 3).length,
        shiftsOutsideStartWindow: mine.filter((x: any) => {
          const m = localStart(x).getUTCHours() * 60 + localStart(x).getUTCMinutes();
          return m < 8 * 60 || m > 9 * 60;
        }).length,
      });
    });
  });

  describe('the loop closed', () => {
    let l: Awaited<ReturnType<typeof team>>;
    let published: any;
    let removed: any;

    beforeAll(async () => {
      l = await team(5, [cmnYue, cmn]);
    });

    async function publishedSchedule(startDate: string, days: number, reqs: unknown[]) {
      const s = await generate(l.scheduler.token, l.teamId, startDate, days, reqs);
      const body = await s.done();
      expect(body.status).toBe('draft');
      return body;
    }

    async function publish(id: string) {
      const res = await t
        .http()
        .post(`/v1/schedules/${id}/publish`)
        .set(bearer(l.scheduler.token))
        .expect(200);
      return res.body;
    }

    const agentOf = (agentId: string) => l.agents.find((a) => a.agentId === agentId)!;

    /** A bodiless POST as `token` to replica 0 (the set-up app) or 1 over real HTTP, for races. */
    async function postOn(replicaIndex: number, path: string, token: string) {
      const base = replicaIndex % 2 === 0 ? await t.url() : await replica.url();
      const r = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: '{}',
      });
      return { status: r.status, body: (await r.json()) as any };
    }

    /** Gives every shift of a draft to one agent, then publishes it. */
    const publishAllTo = (draft: { id: string; shifts: Array<{ id: string }> }, agent: Agent) =>
      publishAssigned(
        draft.id,
        draft.shifts.map((x) => [x, agent] as [{ id: string }, Agent]),
      );

    /** Gives each shift of a draft to an agent, then publishes it. */
    async function publishAssigned(
      scheduleId: string,
      pairs: Array<[{ id: string }, { agentId: string }]>,
    ) {
      for (const [shift, agent] of pairs)
        await t
          .http()
          .patch(`/v1/schedules/${scheduleId}/shifts/${shift.id}`)
          .set(bearer(l.scheduler.token))
          .send({ agentId: agent.agentId })
          .expect(200);
      await publish(scheduleId);
    }

    it('approving time off over a published shift removes it, shows the coverage effect and posts it', async () => {
      const draft = await publishedSchedule('2026-01-13', 1, slots(at8(13), 6, 2));
      published = await publish(draft.id);
      expect(published.shifts).toHaveLength(2);
      const shift = published.shifts[0];
      const holder = agentOf(shift.agentId);
      const asked = await t
        .http()
        .post('/v1/time-off')
        .set(bearer(holder.token))
        .send({
          agentId: holder.agentId,
          kind: 'time_off',
          startsAt: '2026-01-12T23:00:00Z',
          endsAt: '2026-01-13T07:00:00Z',
        })
        .expect(201);
      // Before deciding, the scheduler sees what approving would cost; nothing changes yet.
      const preview = await t
        .http()
        .get(`/v1/time-off/${asked.body.id}/effect`)
        .set(bearer(l.scheduler.token))
        .expect(200);
      expect(preview.body.removedShifts).toEqual([
        expect.objectContaining({ shiftId: shift.id, openShiftId: null }),
      ]);
      expect(preview.body.coverageEffect).toHaveLength(12);
      expect(preview.body.coverageEffect[0]).toMatchObject({
        scheduledBefore: 2,
        scheduledAfter: 1,
      });
      const approval = (
        await t
          .http()
          .post(`/v1/time-off/${asked.body.id}/approve`)
          .set(bearer(l.scheduler.token))
          .expect(200)
      ).body;
      expect(approval.status).toBe('approved');
      expect(approval.removedShifts).toEqual([
        {
          shiftId: shift.id,
          scheduleId: published.id,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          openShiftId: expect.any(String),
        },
      ]);
      // Every interval of the shift lost one agent.
      expect(approval.coverageEffect).toHaveLength(12);
      for (const row of approval.coverageEffect)
        expect(row).toMatchObject({ required: 2, scheduledBefore: 2, scheduledAfter: 1 });
      removed = { shift, holder, openShiftId: approval.removedShifts[0].openShiftId };
      const after = await t
        .http()
        .get(`/v1/schedules/${published.id}`)
        .set(bearer(l.scheduler.token))
        .expect(200);
      expect(after.body.shifts.map((x: any) => x.id)).toEqual([published.shifts[1].id]);
      expect(after.body.coverage.every((c: any) => c.scheduled === 1)).toBe(true);
      const own = await t
        .http()
        .get(`/v1/agents/${holder.agentId}/shifts`)
        .set(bearer(holder.token))
        .expect(200);
      expect(own.body.items).toEqual([]);
      const board = await t
        .http()
        .get('/v1/open-shifts?status=open')
        .set(bearer(l.agents[4].token))
        .expect(200);
      expect(board.body.items).toEqual([
        expect.objectContaining({
          id: removed.openShiftId,
          scheduleId: published.id,
          startsAt: shift.startsAt,
          endsAt: shift.endsAt,
          origin: 'time_off',
          status: 'open',
          requiredDialects: [],
        }),
      ]);
      // Another team's agent sees its own (empty) board, never this one.
      const stranger = await t.createAgent({ teamId: await t.createTeam(siteId), dialects: cmn });
      const theirs = await t.http().get('/v1/open-shifts').set(bearer(stranger.token)).expect(200);
      expect(theirs.body.items).toEqual([]);
    });

    it('the open shift is rule-checked, and two agents racing on two replicas: exactly one wins', async () => {
      // The agent on time off cannot pick its own shift back up.
      const refused = await t
        .http()
        .post(`/v1/open-shifts/${removed.openShiftId}/claim`)
        .set(bearer(removed.holder.token))
        .send({})
        .expect(409);
      expect(refused.body).toMatchObject({
        error: 'RULE_VIOLATION',
        details: { rule: 'TIME_OFF' },
      });
      const busy = new Set(published.shifts.map((x: any) => x.agentId));
      const idle = l.agents.filter((a) => !busy.has(a.agentId));
      expect(idle.length).toBeGreaterThanOrEqual(2);
      const [x, y] = idle;
      const results = await Promise.all(
        [x, y].map(async (agent, i) => ({
          agent,
          ...(await postOn(i, `/v1/open-shifts/${removed.openShiftId}/claim`, agent.token)),
        })),
      );
      const won = results.filter((r) => r.status === 200);
      const lost = results.filter((r) => r.status === 409);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].body.error).toBe('OPEN_SHIFT_TAKEN');
      expect(won[0].body.openShift).toMatchObject({
        status: 'taken',
        takenBy: won[0].agent.agentId,
      });
      const rows = await t.dataSource.query(
        `SELECT agent_id FROM shifts WHERE open_shift_id = $1`,
        [removed.openShiftId],
      );
      expect(rows).toEqual([{ agent_id: won[0].agent.agentId }]);
      const theirs = await t
        .http()
        .get(`/v1/agents/${won[0].agent.agentId}/shifts`)
        .set(bearer(won[0].agent.token))
        .expect(200);
      expect(theirs.body.items.map((s: any) => [s.startsAt, s.endsAt])).toEqual([
        [removed.shift.startsAt, removed.shift.endsAt],
      ]);
    });

    it('repair fills the gap left by time off and keeps every other shift exactly', async () => {
      const draft = await publishedSchedule('2026-01-15', 2, [
        ...slots(at8(15), 6, 2),
        ...slots(at8(16), 6, 2),
      ]);
      const notPublished = await t
        .http()
        .post(`/v1/schedules/${draft.id}/repair`)
        .set(bearer(l.scheduler.token))
        .expect(409);
      expect(notPublished.body.error).toBe('SCHEDULE_NOT_PUBLISHED');
      const before = (await publish(draft.id)).shifts;
      expect(before).toHaveLength(4);
      const gone = before.find((s: any) => s.startsAt === at8(15))!;
      await approvedTimeOff(
        agentOf(gone.agentId),
        l.scheduler,
        '2026-01-14T16:00:00Z',
        '2026-01-15T16:00:00Z',
      );
      const outsider = await t.createUser(['scheduler'], await t.createTeam(siteId));
      await t
        .http()
        .post(`/v1/schedules/${draft.id}/repair`)
        .set(bearer(outsider.token))
        .expect(403);
      const repair = await t
        .http()
        .post(`/v1/schedules/${draft.id}/repair`)
        .set(bearer(l.scheduler.token))
        .expect(200);
      expect(repair.body.unfilled).toEqual([]);
      expect(repair.body.filled).toHaveLength(1);
      const filled = repair.body.filled[0];
      expect(filled).toMatchObject({ startsAt: gone.startsAt, endsAt: gone.endsAt });
      expect(filled.agentId).not.toBe(gone.agentId);
      expect(repair.body.keptShifts).toBe(3);
      expect(repair.body.shortfallBefore.total.shortAgentIntervals).toBe(12);
      expect(repair.body.shortfallAfter.total.shortAgentIntervals).toBe(0);
      const after = await t
        .http()
        .get(`/v1/schedules/${draft.id}`)
        .set(bearer(l.scheduler.token))
        .expect(200);
      const key = (s: any) => `${s.id}|${s.agentId}|${s.startsAt}|${s.endsAt}`;
      const kept = before.filter((s: any) => s.id !== gone.id).map(key);
      expect(after.body.shifts.map(key)).toEqual(expect.arrayContaining(kept));
      expect(after.body.shifts).toHaveLength(4);
      expect(after.body.coverage.every((c: any) => c.scheduled === c.required)).toBe(true);
      // The new shift keeps every rule for its agent.
      const checked = checkedShifts(after.body.shifts);
      expect(checkShifts(checked, { rules: withDefaults(TEST_RULES), timeZone: ZONE })).toEqual([]);
    });

    it('a trade: my shift for yours, rule-checked, accepted by the colleague, approved by the scheduler', async () => {
      // Mon 19 - Wed 21 Jan, one agent 08:00-14:00 each day; the shifts are given to a1, a3 and a4.
      const draft = await publishedSchedule(
        '2026-01-19',
        3,
        [19, 20, 21].flatMap((d) => slots(at8(d), 6, 1)),
      );
      expect(draft.shifts).toHaveLength(3);
      const [a1, , a3, a4, a5] = l.agents;
      const byDay = [...draft.shifts].sort((x: any, y: any) =>
        x.startsAt.localeCompare(y.startsAt),
      );
      await publishAssigned(draft.id, [
        [byDay[0], a1],
        [byDay[1], a3],
        [byDay[2], a4],
      ]);
      // a4 is off on Monday: taking a1's Monday shift in a trade breaks the time-off rule.
      await approvedTimeOff(a4, l.scheduler, '2026-01-18T16:00:00Z', '2026-01-19T16:00:00Z');
      const bad = await t
        .http()
        .post('/v1/shift-swaps')
        .set(bearer(a1.token))
        .send({ shiftId: byDay[0].id, counterShiftId: byDay[2].id })
        .expect(201);
      expect(bad.body).toMatchObject({ status: 'proposed', counterAgentId: a4.agentId });
      const refused = await t
        .http()
        .post(`/v1/shift-swaps/${bad.body.id}/accept`)
        .set(bearer(a4.token))
        .send({})
        .expect(409);
      expect(refused.body).toMatchObject({
        error: 'RULE_VIOLATION',
        details: { rule: 'TIME_OFF' },
      });
      await t
        .http()
        .post(`/v1/shift-swaps/${bad.body.id}/reject`)
        .set(bearer(a4.token))
        .expect(200);

      const trade = await t
        .http()
        .post('/v1/shift-swaps')
        .set(bearer(a1.token))
        .send({ shiftId: byDay[0].id, counterShiftId: byDay[1].id })
        .expect(201);
      expect(trade.body).toMatchObject({
        status: 'proposed',
        counterShiftId: byDay[1].id,
        counterAgentId: a3.agentId,
        counterStartsAt: byDay[1].startsAt,
      });
      // Only the colleague asked accepts; approval waits for acceptance.
      await t
        .http()
        .post(`/v1/shift-swaps/${trade.body.id}/accept`)
        .set(bearer(a5.token))
        .send({})
        .expect(403);
      const early = await t
        .http()
        .post(`/v1/shift-swaps/${trade.body.id}/approve`)
        .set(bearer(l.scheduler.token))
        .expect(409);
      expect(early.body.error).toBe('SWAP_CLOSED');
      const accepted = await t
        .http()
        .post(`/v1/shift-swaps/${trade.body.id}/accept`)
        .set(bearer(a3.token))
        .send({})
        .expect(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', acceptedBy: a3.agentId });
      const outsider = await t.createUser(['scheduler'], await t.createTeam(siteId));
      await t
        .http()
        .post(`/v1/shift-swaps/${trade.body.id}/approve`)
        .set(bearer(outsider.token))
        .expect(403);
      const done = await t
        .http()
        .post(`/v1/shift-swaps/${trade.body.id}/approve`)
        .set(bearer(l.scheduler.token))
        .expect(200);
      expect(done.body.status).toBe('completed');
      const after = await t
        .http()
        .get(`/v1/schedules/${draft.id}`)
        .set(bearer(l.scheduler.token))
        .expect(200);
      const owner = new Map(after.body.shifts.map((s: any) => [s.id, s.agentId]));
      expect(owner.get(byDay[0].id)).toBe(a3.agentId);
      expect(owner.get(byDay[1].id)).toBe(a1.agentId);
      expect(owner.get(byDay[2].id)).toBe(a4.agentId);
    });

    it('a shift that changes hands or times voids its other swaps, and their agents are told', async () => {
      // Mon 26 - Wed 28 Jan, 08:00-14:00: a1 on Monday, a3 on Tuesday, a4 on Wednesday.
      const draft = await publishedSchedule(
        '2026-01-26',
        3,
        [26, 27, 28].flatMap((d) => slots(at8(d), 6, 1)),
      );
      const [a1, , a3, a4] = l.agents;
      const [mon, tue, wed] = [...draft.shifts].sort((x: any, y: any) =>
        x.startsAt.localeCompare(y.startsAt),
      );
      await publishAssigned(draft.id, [
        [mon, a1],
        [tue, a3],
        [wed, a4],
      ]);
      const swap = async (agent: { token: string }, body: object) =>
        (await t.http().post('/v1/shift-swaps').set(bearer(agent.token)).send(body).expect(201))
          .body.id as string;
      const statusOf = async (id: string) =>
        (await t.dataSource.query(`SELECT status FROM shift_swaps WHERE id = $1`, [id]))[0].status;
      // a1 gives Monday away; a4 asks for it in a trade for Wednesday; a3 takes it first.
      const giveAway = await swap(a1, { shiftId: mon.id });
      const trade = await swap(a4, { shiftId: wed.id, counterShiftId: mon.id });
      const news = await t.dataSource.query(`SELECT coalesce(max(id), 0) AS n FROM events`);
      await t
        .http()
        .post(`/v1/shift-swaps/${giveAway}/accept`)
        .set(bearer(a3.token))
        .send({})
        .expect(200);
      expect([await statusOf(giveAway), await statusOf(trade)]).toEqual(['completed', 'cancelled']);
      const told = await t.dataSource.query(
        `SELECT agent_id, payload->>'status' AS status FROM events
          WHERE type = 'shift_swap.decided' AND payload->>'swapId' = $1 AND id > $2`,
        [trade, news[0].n],
      );
      expect(told).toEqual(expect.arrayContaining([{ agent_id: a4.agentId, status: 'cancelled' }]));
      // A scheduler moving Wednesday an hour voids a4's new offer of it; (an offer is for the shift as it was).
      const offer = await swap(a4, { shiftId: wed.id });
      await t
        .http()
        .patch(`/v1/schedules/${draft.id}/shifts/${wed.id}`)
        .set(bearer(l.scheduler.token))
        .send({
          startsAt: new Date(Date.parse(wed.startsAt) + 3_600_000).toISOString(),
          endsAt: new Date(Date.parse(wed.endsAt) + 3_600_000).toISOString(),
        })
        .expect(200);
      expect(await statusOf(offer)).toBe('cancelled');
    });

    it('an agent withdrawing and a scheduler approving the same request on two replicas: exactly one wins, and the shift follows the winner', async () => {
      // Mon 9 - Thu 12 Feb, one 08:00-14:00 shift a day, all a2's; a2 asks for each day off.
      const days = [9, 10, 11, 12];
      const day = (d: number) => `2026-02-${String(d).padStart(2, '0')}T00:00:00.000Z`;
      const draft = await publishedSchedule(
        '2026-02-09',
        days.length,
        days.flatMap((d) => slots(day(d), 6, 1)),
      );
      const a2 = l.agents[1];
      await publishAllTo(draft, a2);
      for (const [k, d] of days.entries()) {
        const asked = await t
          .http()
          .post('/v1/time-off')
          .set(bearer(a2.token))
          .send({
            agentId: a2.agentId,
            kind: 'time_off',
            startsAt: new Date(Date.parse(day(d)) - 8 * 3_600_000).toISOString(),
            endsAt: new Date(Date.parse(day(d)) + 16 * 3_600_000).toISOString(),
          })
          .expect(201);
        const id = asked.body.id as string;
        // Each round the two requests swap replicas.
        const [withdrawn, approved] = await Promise.all([
          postOn(k, `/v1/time-off/${id}/withdraw`, a2.token),
          postOn(k + 1, `/v1/time-off/${id}/approve`, l.scheduler.token),
        ]);
        expect([withdrawn.status, approved.status].sort()).toEqual([200, 409]);
        const loser = withdrawn.status === 409 ? withdrawn : approved;
        const winner = withdrawn.status === 200 ? 'withdrawn' : 'approved';
        expect(loser.body).toMatchObject({ error: 'ALREADY_DECIDED', details: { status: winner } });
        const [stored] = await t.dataSource.query(
          `SELECT status FROM time_off_requests WHERE id = $1`,
          [id],
        );
        expect(stored.status).toBe(winner);
        // The day's shift left for the board only if the approval won.
        const shift = await t.dataSource.query(
          `SELECT id FROM shifts WHERE schedule_id = $1 AND agent_id = $2 AND starts_at = $3`,
          [draft.id, a2.agentId, day(d)],
        );
        const posted = await t.dataSource.query(
          `SELECT id FROM open_shifts WHERE schedule_id = $1 AND starts_at = $2`,
          [draft.id, day(d)],
        );
        expect({ shifts: shift.length, posted: posted.length }).toEqual(
          winner === 'approved' ? { shifts: 0, posted: 1 } : { shifts: 1, posted: 0 },
        );
      }
    });

    it('two colleagues taking a give-away and its giver withdrawing it, on two replicas: exactly one wins', async () => {
      // Mon 23 - Wed 25 Feb, one 08:00-14:00 shift a day, all a1's; each day given away and raced.
      const days = [23, 24, 25];
      const day = (d: number) => `2026-02-${d}T00:00:00.000Z`;
      const draft = await publishedSchedule(
        '2026-02-23',
        days.length,
        days.flatMap((d) => slots(day(d), 6, 1)),
      );
      const [a1, , a3, , a5] = l.agents;
      await publishAllTo(draft, a1);
      for (const [k, d] of days.entries()) {
        const [shift] = await t.dataSource.query(
          `SELECT id FROM shifts WHERE schedule_id = $1 AND starts_at = $2`,
          [draft.id, day(d)],
        );
        const offer = await t
          .http()
          .post('/v1/shift-swaps')
          .set(bearer(a1.token))
          .send({ shiftId: shift.id })
          .expect(201);
        const id = offer.body.id as string;
        const results = await Promise.all([
          postOn(k, `/v1/shift-swaps/${id}/accept`, a3.token),
          postOn(k + 1, `/v1/shift-swaps/${id}/accept`, a5.token),
          postOn(k, `/v1/shift-swaps/${id}/cancel`, a1.token),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
        const [stored] = await t.dataSource.query(
          `SELECT status, accepted_by FROM shift_swaps WHERE id = $1`,
          [id],
        );
        for (const lost of results.filter((r) => r.status === 409))
          expect(lost.body).toMatchObject({
            error: 'SWAP_CLOSED',
            details: { status: stored.status },
          });
        // The shift is with whoever won: the taker, or still the giver after a withdrawal.
        const [holder] = await t.dataSource.query(`SELECT agent_id FROM shifts WHERE id = $1`, [
          shift.id,
        ]);
        if (stored.status === 'completed') {
          expect([a3.agentId, a5.agentId]).toContain(stored.accepted_by);
          expect(holder.agent_id).toBe(stored.accepted_by);
        } else {
          expect(stored).toEqual({ status: 'cancelled', accepted_by: null });
          expect(holder.agent_id).toBe(a1.agentId);
        }
      }
    });

    it("agents read their team's roster (names and times) and ask a colleague for any of its shifts in a trade", async () => {
      // Mon 16 Feb, two 08:00-14:00 shifts: a1's and a3's.
      const draft = await publishedSchedule(
        '2026-02-16',
        1,
        slots('2026-02-16T00:00:00.000Z', 6, 2),
      );
      const [a1, , a3] = l.agents;
      await publishAssigned(draft.id, [
        [draft.shifts[0], a1],
        [draft.shifts[1], a3],
      ]);
      const read = (token: string, from: string, to: string) =>
        t.http().get(`/v1/teams/${l.teamId}/roster?from=${from}&to=${to}`).set(bearer(token));
      const roster = await read(a1.token, '2026-02-15T16:00:00Z', '2026-02-16T16:00:00Z').expect(
        200,
      );
      const names = await t.dataSource.query(
        `SELECT id, display_name FROM agents WHERE id = ANY($1::uuid[])`,
        [[a1.agentId, a3.agentId]],
      );
      const nameOf = new Map(names.map((r: any) => [r.id, r.display_name]));
      expect(roster.body).toEqual({
        teamId: l.teamId,
        from: '2026-02-15T16:00:00.000Z',
        to: '2026-02-16T16:00:00.000Z',
        shifts: expect.any(Array),
      });
      const mine = roster.body.shifts.find((x: any) => x.agentId === a1.agentId);
      const theirs = roster.body.shifts.find((x: any) => x.agentId === a3.agentId);
      expect(theirs).toEqual({
        shiftId: expect.any(String),
        agentId: a3.agentId,
        displayName: nameOf.get(a3.agentId),
        startsAt: '2026-02-16T00:00:00.000Z',
        endsAt: '2026-02-16T06:00:00.000Z',
      });
      expect(roster.body.shifts).toHaveLength(2);
      // An agent of another team may not read it; a range over 35 days or backwards is refused.
      const stranger = await t.createAgent({ teamId: await t.createTeam(siteId) });
      await read(stranger.token, '2026-02-15T16:00:00Z', '2026-02-16T16:00:00Z').expect(403);
      const long = await read(a1.token, '2026-02-01T00:00:00Z', '2026-03-08T00:00:01Z').expect(400);
      expect(long.body.error).toBe('VALIDATION_FAILED');
      await read(a1.token, '2026-02-16T16:00:00Z', '2026-02-15T16:00:00Z').expect(400);
      // a1 asks a3 for their shift (never given away) in exchange for a1's own.
      const trade = await t
        .http()
        .post('/v1/shift-swaps')
        .set(bearer(a1.token))
        .send({ shiftId: mine.shiftId, counterShiftId: theirs.shiftId })
        .expect(201);
      expect(trade.body).toMatchObject({ status: 'proposed', counterAgentId: a3.agentId });
    });

    it("a shift moved or an open shift posted must start on one of the schedule's days (400 OUTSIDE_SCHEDULE)", async () => {
      // Thu 29 Jan only, 08:00-14:00 Shanghai; its days span 28 Jan 16:00Z to 29 Jan 16:00Z.
      const draft = await publishedSchedule('2026-01-29', 1, slots(at8(29), 6, 1));
      const [shift] = draft.shifts;
      const hour = 3_600_000;
      const move = (startsAt: string, endsAt: string) =>
        t
          .http()
          .patch(`/v1/schedules/${draft.id}/shifts/${shift.id}`)
          .set(bearer(l.scheduler.token))
          .send({ startsAt, endsAt });
      const refused = await move('2026-01-29T16:00:00.000Z', '2026-01-29T22:00:00.000Z').expect(
        400,
      );
      expect(refused.body).toMatchObject({
        error: 'OUTSIDE_SCHEDULE',
        details: { from: '2026-01-28T16:00:00.000Z', to: '2026-01-29T16:00:00.000Z' },
      });
      // A late shift starting on the day may run past its midnight.
      await move('2026-01-29T12:00:00.000Z', '2026-01-29T18:00:00.000Z').expect(200);
      await publish(draft.id);
      const post = (startsAt: number) =>
        t
          .http()
          .post(`/v1/schedules/${draft.id}/open-shifts`)
          .set(bearer(l.scheduler.token))
          .send({
            startsAt: new Date(startsAt).toISOString(),
            endsAt: new Date(startsAt + 4 * hour).toISOString(),
          });
      const dayAfter = await post(Date.parse('2026-01-30T01:00:00Z')).expect(400);
      expect(dayAfter.body.error).toBe('OUTSIDE_SCHEDULE');
      const ok = await post(Date.parse('2026-01-29T01:00:00Z')).expect(201);
      const board = await t.dataSource.query(
        `SELECT id FROM open_shifts WHERE schedule_id = $1 AND origin = 'manual'`,
        [draft.id],
      );
      expect(board).toEqual([{ id: ok.body.id }]);
    });
  });

  it("staffing: maxOccupancy defaults to the team's cap; a capped shrinkage is reported", async () => {
    const { teamId, scheduler } = await team(1, [cmn]);
    const base = {
      callsPerInterval: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.5,
      targetAnswerSeconds: 60,
      teamId,
    };
    const res = await t
      .http()
      .post('/v1/staffing/erlang-c')
      .set(bearer(scheduler.token))
      .send(base)
      .expect(200);
    // 10 Erlangs: a 50 % target alone needs 11 agents (91 % occupancy); the 0.85 cap needs 12.
    expect(res.body.rawAgents).toBe(12);
    expect(res.body.occupancy).toBeLessThanOrEqual(0.85);
    expect(res.body.shrinkage.sources.maxOccupancy).toBe('team-cap');
    const capped = await t
      .http()
      .post('/v1/staffing/erlang-c')
      .set(bearer(scheduler.token))
      .send({ ...base, shrinkage: 0.9, hostileCallRate: 0.5, recoveryMinutesPerHostileCall: 30 })
      .expect(200);
    expect(capped.body.shrinkage).toMatchObject({ total: 0.95, capped: true });
    expect(capped.body.shrinkage.uncappedTotal).toBeGreaterThan(0.95);
  });

  it('staffing: recovery minutes are what the policy granted, escalations included', async () => {
    const key = await t.createRouterKey();
    const { teamId, agent } = await teamWithAgent(t);
    const scheduler = await t.createUser(['scheduler'], teamId);
    // Three severity-1 calls in one shift: 5, 5, then the third is escalated to 15 minutes.
    for (let i = 0; i < 3; i++) {
      await runCall(t, key, agent.agentId, 2, { severity: 1 });
      t.clock.advanceMinutes(20);
    }
    const res = await t
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
    expect(res.body.shrinkage.sources.recoveryMinutesPerHostileCall).toBe('history');
    // (5 + 5 + 15) / 3, where the severity minutes alone would say 5.
    expect(res.body.shrinkage.wellbeingInputs.recoveryMinutesPerHostileCall).toBeCloseTo(8.3333, 3);
    // Three hostile calls out of three answered are not 100% hostility: weighed against the default
    // 5% counted as 100 calls, (3 + 5) / 103.
    expect(res.body.shrinkage.wellbeingInputs.hostileCallRate).toBe(0.07767);
  });
});
