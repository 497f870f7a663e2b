import { DEFAULT_LABOUR_RULES, withDefaults } from '../../src/workforce/scheduling/labour-rules';
import { checkShifts } from '../../src/workforce/scheduling/rule-checker';
import { bearer, TestApp, TestUser } from '../support/test-app';
import { waitForSchedule } from '../support/scheduling';

type Agent = TestUser & { agentId: string; externalId: string };

const ZONE = 'Asia/Shanghai';
/** Local 16:00-22:00 on Monday 5 Jan, then 08:00-12:00 on Tuesday (UTC+8). */
const DAY1 = { from: '2026-01-05T08:00:00Z', hours: 6 };
const DAY2 = { from: '2026-01-06T00:00:00Z', hours: 4 };
// One rest break per 8 h worked: these short shifts owe none, so one agent covers an interval whole.
const TEST_RULES = {
  maxShiftMinutes: 360,
  restBreakPerWorkedMinutes: 480,
  solverTimeLimitSeconds: 120,
};

function slots(fromIso: string, hours: number, dialect?: string) {
  const out: Array<{ start: string; agents: number; dialect?: string }> = [];
  for (let k = 0; k < hours * 2; k++)
    out.push({
      start: new Date(Date.parse(fromIso) + k * 30 * 60_000).toISOString(),
      agents: 1,
      ...(dialect ? { dialect } : {}),
    });
  return out;
}

// Generation runs a real solver in the background; a busy machine may need a while.
jest.setTimeout(300_000);

describe('scheduling', () => {
  let t: TestApp;
  let scheduler: TestUser;
  let supervisor: TestUser;
  let siteId: string;
  let teamId: string;
  const agents: Record<string, Agent> = {};
  let scheduleId: string;
  let body: any;

  beforeAll(async () => {
    t = await TestApp.create();
    siteId = await t.createSite(undefined, ZONE);
    teamId = await t.createTeam(siteId);
    scheduler = await t.createUser(['scheduler'], teamId);
    supervisor = await t.createUser(['supervisor'], teamId);
    const cmn = [{ tag: 'cmn', proficiency: 5 }];
    const yue = [...cmn, { tag: 'yue', proficiency: 4 }];
    for (const [name, dialects] of Object.entries({
      a: cmn,
      c: cmn,
      b: yue,
      d: yue,
      e: yue,
      f: yue,
    }))
      agents[name] = await t.createAgent({ teamId, dialects });
  });
  afterAll(() => t.close());

  it('staffs an interval by Erlang C (Call Centre Helper case) with shrinkage parts', async () => {
    const req = {
      callsPerInterval: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      shrinkage: 0.3,
      maxOccupancy: 0.85,
    };
    const res = await t
      .http()
      .post('/v1/staffing/erlang-c')
      .set(bearer(scheduler.token))
      .send(req)
      .expect(200);
    expect(res.body).toMatchObject({
      rawAgents: 14,
      agents: 20,
      serviceLevel: 0.8884,
      probabilityOfWaiting: 0.1741,
      asaSeconds: 7.84,
      occupancy: 0.7143,
      shrinkage: { base: 0.3, wellbeing: 0, total: 0.3 },
    });
    const wellbeing = await t
      .http()
      .post('/v1/staffing/erlang-c')
      .set(bearer(scheduler.token))
      .send({ ...req, hostileCallRate: 0.05, recoveryMinutesPerHostileCall: 7 })
      .expect(200);
    // Recovery over rostered time: R = 1.1667 Erl, N = (14 + R) / 0.7, R / N = 0.0538.
    expect(wellbeing.body.shrinkage.wellbeing).toBeCloseTo(0.0538, 4);
    expect(wellbeing.body.agents).toBeGreaterThan(20);
    const a = await t
      .http()
      .post('/v1/staffing/erlang-c')
      .set(bearer(scheduler.token))
      .send({ ...req, patienceSeconds: 120 })
      .expect(200);
    expect(a.body.abandonmentProbability).toBeGreaterThan(0);
    await t.http().post('/v1/staffing/erlang-c').set(bearer(agents.a.token)).send(req).expect(403);
    const bad = await t
      .http()
      .post('/v1/staffing/erlang-c')
      .set(bearer(scheduler.token))
      .send({ ...req, ahtSeconds: 'x', extra: 1 })
      .expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
  });

  it('keeps labour rules per site with defaults: the admin sets them, the site scheduler reads them', async () => {
    const get = await t
      .http()
      .get(`/v1/sites/${siteId}/labour-rules`)
      .set(bearer(scheduler.token))
      .expect(200);
    expect(get.body).toEqual(DEFAULT_LABOUR_RULES);
    const put = await t
      .http()
      .put(`/v1/sites/${siteId}/labour-rules`)
      .set(await t.asAdmin())
      .send(TEST_RULES)
      .expect(200);
    expect(put.body).toEqual(withDefaults(TEST_RULES));
    const bad = await t
      .http()
      .put(`/v1/sites/${siteId}/labour-rules`)
      .set(await t.asAdmin())
      .send({ minShiftMinutes: 600, maxShiftMinutes: 300 })
      .expect(400);
    expect(bad.body.error).toBe('VALIDATION_FAILED');
    // A site's rules bind every team there: a scheduler may not change them.
    const refused = await t
      .http()
      .put(`/v1/sites/${siteId}/labour-rules`)
      .set(bearer(scheduler.token))
      .send(TEST_RULES)
      .expect(403);
    expect(refused.body.error).toBe('FORBIDDEN');
  });

  it('approved time off is honoured; agents request, schedulers decide', async () => {
    const req = await t
      .http()
      .post('/v1/time-off')
      .set(bearer(agents.f.token))
      .send({
        agentId: agents.f.agentId,
        kind: 'time_off',
        startsAt: '2026-01-04T16:00:00Z',
        endsAt: '2026-01-07T16:00:00Z',
      })
      .expect(201);
    expect(req.body.status).toBe('pending');
    await t
      .http()
      .post('/v1/time-off')
      .set(bearer(agents.f.token))
      .send({
        agentId: agents.a.agentId,
        kind: 'time_off',
        startsAt: '2026-01-04T16:00:00Z',
        endsAt: '2026-01-05T16:00:00Z',
      })
      .expect(403);
    await t
      .http()
      .post(`/v1/time-off/${req.body.id}/approve`)
      .set(bearer(agents.f.token))
      .expect(403);
    const ok = await t
      .http()
      .post(`/v1/time-off/${req.body.id}/approve`)
      .set(bearer(scheduler.token))
      .expect(200);
    expect(ok.body.status).toBe('approved');
    const again = await t
      .http()
      .post(`/v1/time-off/${req.body.id}/deny`)
      .set(bearer(scheduler.token))
      .expect(409);
    expect(again.body.error).toBe('ALREADY_DECIDED');
  });

  it('an agent withdraws a pending request; a decided one stays, and a colleague cannot touch it', async () => {
    const ask = (agent: { token: string; agentId: string }, day: string) =>
      t
        .http()
        .post('/v1/time-off')
        .set(bearer(agent.token))
        .send({
          agentId: agent.agentId,
          kind: 'time_off',
          startsAt: `${day}T16:00:00Z`,
          endsAt: `${day.slice(0, 8)}${String(Number(day.slice(8)) + 1).padStart(2, '0')}T16:00:00Z`,
        })
        .expect(201);
    const pending = (await ask(agents.a, '2026-02-10')).body.id;
    await t.http().post(`/v1/time-off/${pending}/withdraw`).set(bearer(agents.f.token)).expect(403);
    for (let i = 0; i < 2; i++) {
      const res = await t
        .http()
        .post(`/v1/time-off/${pending}/withdraw`)
        .set(bearer(agents.a.token))
        .expect(200);
      expect(res.body).toMatchObject({ id: pending, status: 'withdrawn' });
    }
    // A scheduler can no longer decide it, and it is no longer among the pending ones.
    const late = await t
      .http()
      .post(`/v1/time-off/${pending}/approve`)
      .set(bearer(scheduler.token))
      .expect(409);
    expect(late.body).toMatchObject({ error: 'ALREADY_DECIDED', details: { status: 'withdrawn' } });
    const waiting = await t
      .http()
      .get('/v1/time-off?status=pending&pageSize=200')
      .set(bearer(scheduler.token))
      .expect(200);
    expect(waiting.body.items.map((r: { id: string }) => r.id)).not.toContain(pending);
    // A decided request cannot be taken back.
    const denied = (await ask(agents.a, '2026-02-12')).body.id;
    await t.http().post(`/v1/time-off/${denied}/deny`).set(bearer(scheduler.token)).expect(200);
    const refused = await t
      .http()
      .post(`/v1/time-off/${denied}/withdraw`)
      .set(bearer(agents.a.token))
      .expect(409);
    expect(refused.body).toMatchObject({ error: 'ALREADY_DECIDED', details: { status: 'denied' } });
  });

  it('generates a violation-free draft in the background meeting dialect coverage', async () => {
    const res = await t
      .http()
      .post('/v1/schedules/generate')
      .set(bearer(scheduler.token))
      .send({
        teamId,
        startDate: '2026-01-05',
        days: 2,
        intervalMinutes: 30,
        requirements: [
          ...slots(DAY1.from, DAY1.hours),
          ...slots(DAY2.from, DAY2.hours),
          ...slots(DAY2.from, DAY2.hours, 'yue'),
        ],
      })
      .expect(202);
    expect(res.body).toEqual({ scheduleId: expect.any(String), status: 'solving' });
    scheduleId = res.body.scheduleId;
    body = await waitForSchedule(t, scheduler.token, scheduleId);
    expect(body.status).toBe('draft');
    expect(body.violations).toEqual([]);
    expect(body.objective).toBeGreaterThanOrEqual(body.lowerBound - 1e-6);
    expect(body.shifts).toHaveLength(2);
    // Independent check of every rule on what the API returned.
    const rules = withDefaults(TEST_RULES);
    const blocked = new Map([
      [
        agents.f.agentId,
        [
          {
            start: Date.parse('2026-01-04T16:00:00Z'),
            end: Date.parse('2026-01-07T16:00:00Z'),
            reason: 'time_off',
          },
        ],
      ],
    ]);
    const checked = body.shifts.map((s: any) => ({
      agentId: s.agentId,
      start: Date.parse(s.startsAt),
      end: Date.parse(s.endsAt),
      breaks: s.breaks.map((b: any) => ({
        start: Date.parse(b.startsAt),
        end: Date.parse(b.endsAt),
        kind: b.kind,
      })),
    }));
    expect(checkShifts(checked, { rules, timeZone: ZONE, blocked })).toEqual([]);
    expect(body.shifts.map((s: any) => s.agentId)).not.toContain(agents.f.agentId);
    const [s1, s2] = body.shifts;
    expect([s1.startsAt, s1.endsAt]).toEqual([
      '2026-01-05T08:00:00.000Z',
      '2026-01-05T14:00:00.000Z',
    ]);
    expect([s2.startsAt, s2.endsAt]).toEqual([
      '2026-01-06T00:00:00.000Z',
      '2026-01-06T04:00:00.000Z',
    ]);
    expect(s1.agentId).not.toBe(s2.agentId); // 22:00 → 08:00 is only 10 h of rest
    const yueSpeakers = [agents.b, agents.d, agents.e].map((x) => x.agentId);
    expect(yueSpeakers).toContain(s2.agentId);
    for (const c of body.coverage) expect(c.scheduled).toBe(c.required);
    expect(body.coverage.filter((c: any) => c.dialect === 'yue')).toHaveLength(8);
    await t.http().get(`/v1/schedules/${scheduleId}`).set(bearer(agents.a.token)).expect(403);
    const list = await t
      .http()
      .get(`/v1/schedules?teamId=${teamId}`)
      .set(bearer(scheduler.token))
      .expect(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
  });

  it('publishes; agents read their own shifts and calendar', async () => {
    const holder = body.shifts[0].agentId;
    const agent = Object.values(agents).find((x) => x.agentId === holder)!;
    const other = Object.values(agents).find(
      (x) => !body.shifts.some((s: any) => s.agentId === x.agentId),
    )!;
    const before = await t
      .http()
      .get(`/v1/agents/${holder}/shifts`)
      .set(bearer(agent.token))
      .expect(200);
    expect(before.body.items).toEqual([]);
    const pub = await t
      .http()
      .post(`/v1/schedules/${scheduleId}/publish`)
      .set(bearer(scheduler.token))
      .expect(200);
    expect(pub.body.status).toBe('published');
    await t
      .http()
      .post(`/v1/schedules/${scheduleId}/publish`)
      .set(bearer(scheduler.token))
      .expect(409);
    // Who published which team's week is in the audit log, once (the refused second try is not).
    const audit = await t
      .http()
      .get('/v1/audit?action=schedule.published')
      .set(await t.asAdmin())
      .expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        actor: scheduler.id,
        subjectType: 'team',
        subjectId: teamId,
        details: {
          scheduleId,
          startDate: '2026-01-05',
          days: 2,
          shifts: body.shifts.length,
        },
      }),
    ]);
    const mine = await t
      .http()
      .get(`/v1/agents/${holder}/shifts`)
      .set(bearer(agent.token))
      .expect(200);
    expect(mine.body).toMatchObject({
      total: 1,
      items: [{ startsAt: '2026-01-05T08:00:00.000Z' }],
    });
    await t.http().get(`/v1/agents/${holder}/shifts`).set(bearer(other.token)).expect(403);
    await t.http().get(`/v1/agents/${holder}/shifts`).set(bearer(supervisor.token)).expect(200);
    const ics = await t
      .http()
      .get(`/v1/agents/${holder}/schedule.ics`)
      .set(bearer(agent.token))
      .expect(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    expect(ics.text).toContain('DTSTART:20260105T080000Z');
    expect(ics.text).toContain('DTEND:20260105T140000Z');
    await t.http().get(`/v1/agents/${holder}/schedule.ics`).set(bearer(other.token)).expect(403);
  });

  it('refuses an edit that breaks a rule, naming it; accepts a valid one', async () => {
    const s1 = body.shifts[0];
    const shift = (await t.http().get(`/v1/schedules/${scheduleId}`).set(bearer(scheduler.token)))
      .body.shifts[0];
    const tooLong = await t
      .http()
      .patch(`/v1/schedules/${scheduleId}/shifts/${shift.id}`)
      .set(bearer(scheduler.token))
      .send({ endsAt: '2026-01-05T15:30:00Z' })
      .expect(409);
    expect(tooLong.body).toMatchObject({
      error: 'RULE_VIOLATION',
      details: { rule: 'SHIFT_LENGTH' },
    });
    const rest = await t
      .http()
      .patch(`/v1/schedules/${scheduleId}/shifts/${shift.id}`)
      .set(bearer(scheduler.token))
      .send({ agentId: body.shifts[1].agentId })
      .expect(409);
    expect(rest.body.details.rule).toBe('REST_BETWEEN_SHIFTS');
    // A dry run answers the same refusal, or the shift as it would be, and saves nothing.
    const dryTooLong = await t
      .http()
      .patch(`/v1/schedules/${scheduleId}/shifts/${shift.id}?dryRun=true`)
      .set(bearer(scheduler.token))
      .send({ endsAt: '2026-01-05T15:30:00Z' })
      .expect(409);
    expect(dryTooLong.body.details.rule).toBe('SHIFT_LENGTH');
    const dry = await t
      .http()
      .patch(`/v1/schedules/${scheduleId}/shifts/${shift.id}?dryRun=true`)
      .set(bearer(scheduler.token))
      .send({ startsAt: '2026-01-05T08:30:00Z' })
      .expect(200);
    expect(dry.body).toMatchObject({ id: shift.id, startsAt: '2026-01-05T08:30:00.000Z' });
    const unchanged = (
      await t.http().get(`/v1/schedules/${scheduleId}`).set(bearer(scheduler.token))
    ).body.shifts.find((x: { id: string }) => x.id === shift.id);
    expect(unchanged.startsAt).toBe(shift.startsAt);
    const ok = await t
      .http()
      .patch(`/v1/schedules/${scheduleId}/shifts/${shift.id}`)
      .set(bearer(scheduler.token))
      .send({ startsAt: '2026-01-05T08:30:00Z' })
      .expect(200);
    expect(ok.body).toMatchObject({
      startsAt: '2026-01-05T08:30:00.000Z',
      endsAt: s1.endsAt,
      agentId: s1.agentId,
    });
  });

  it('swaps only when the taker has the dialect and every rule holds for both', async () => {
    const shifts = (await t.http().get(`/v1/schedules/${scheduleId}`).set(bearer(scheduler.token)))
      .body.shifts;
    const [late, early] = shifts;
    const byId = (id: string) => Object.values(agents).find((x) => x.agentId === id)!;
    const offerer = byId(early.agentId);
    await t
      .http()
      .post('/v1/shift-swaps')
      .set(bearer(byId(late.agentId).token))
      .send({ shiftId: early.id })
      .expect(403);
    const offer = await t
      .http()
      .post('/v1/shift-swaps')
      .set(bearer(offerer.token))
      .send({ shiftId: early.id })
      .expect(201);
    expect(offer.body).toMatchObject({ status: 'open', requiredDialects: ['yue'] });
    // The agent who works until 22:00 the evening before would get 10 h of rest.
    const tired = await t
      .http()
      .post(`/v1/shift-swaps/${offer.body.id}/accept`)
      .set(bearer(byId(late.agentId).token))
      .send({})
      .expect(409);
    if (tired.body.details.rule !== 'DIALECT')
      expect(tired.body.details.rule).toBe('REST_BETWEEN_SHIFTS');
    const noYue = [agents.a, agents.c].find((x) => x.agentId !== late.agentId)!;
    const dialect = await t
      .http()
      .post(`/v1/shift-swaps/${offer.body.id}/accept`)
      .set(bearer(noYue.token))
      .send({})
      .expect(409);
    expect(dialect.body).toMatchObject({ error: 'RULE_VIOLATION', details: { rule: 'DIALECT' } });
    const away = await t
      .http()
      .post(`/v1/shift-swaps/${offer.body.id}/accept`)
      .set(bearer(agents.f.token))
      .send({})
      .expect(409);
    expect(away.body.details.rule).toBe('TIME_OFF');
    const taker = [agents.b, agents.d, agents.e].find(
      (x) => x.agentId !== late.agentId && x.agentId !== early.agentId,
    )!;
    const done = await t
      .http()
      .post(`/v1/shift-swaps/${offer.body.id}/accept`)
      .set(bearer(taker.token))
      .send({})
      .expect(200);
    expect(done.body).toMatchObject({ status: 'completed', acceptedBy: taker.agentId });
    const theirs = await t
      .http()
      .get(`/v1/agents/${taker.agentId}/shifts`)
      .set(bearer(taker.token))
      .expect(200);
    expect(theirs.body.items.map((s: any) => s.id)).toEqual([early.id]);
    const gone = await t
      .http()
      .get(`/v1/agents/${offerer.agentId}/shifts`)
      .set(bearer(offerer.token))
      .expect(200);
    expect(gone.body.total).toBe(0);
  });

  it('overlapping shifts are refused: by the rule check (OVERLAP) and the database (SHIFT_OVERLAP)', async () => {
    const res = await t
      .http()
      .post('/v1/schedules/generate')
      .set(bearer(scheduler.token))
      .send({
        teamId,
        startDate: '2026-01-05',
        days: 1,
        intervalMinutes: 30,
        requirements: slots(DAY1.from, DAY1.hours),
      })
      .expect(202);
    const draft = await waitForSchedule(t, scheduler.token, res.body.scheduleId);
    expect(draft.status).toBe('draft');
    // Generation already keeps clear of published shifts: the new shift goes to someone free.
    const live = (await t.http().get(`/v1/schedules/${scheduleId}`).set(bearer(scheduler.token)))
      .body.shifts;
    expect(live.map((s: any) => s.agentId)).not.toContain(draft.shifts[0].agentId);
    const edit = await t
      .http()
      .patch(`/v1/schedules/${res.body.scheduleId}/shifts/${draft.shifts[0].id}`)
      .set(bearer(scheduler.token))
      .send({ agentId: live[0].agentId })
      .expect(409);
    expect(edit.body.details.rule).toBe('OVERLAP');
    // Should a change slip past the checks (a race), the database still refuses overlapping live shifts.
    await t.dataSource.query(`UPDATE shifts SET agent_id = $1 WHERE id = $2`, [
      live[0].agentId,
      draft.shifts[0].id,
    ]);
    const pub = await t
      .http()
      .post(`/v1/schedules/${res.body.scheduleId}/publish`)
      .set(bearer(scheduler.token))
      .expect(409);
    expect(pub.body.error).toBe('SHIFT_OVERLAP');
    const still = await t
      .http()
      .get(`/v1/schedules/${res.body.scheduleId}`)
      .set(bearer(scheduler.token))
      .expect(200);
    expect(still.body.status).toBe('draft');
  });

  it('reports adherence for a scripted day and who is out of adherence now', async () => {
    const shifts = (await t.http().get(`/v1/schedules/${scheduleId}`).set(bearer(scheduler.token)))
      .body.shifts;
    const early = shifts[1];
    // A scripted day of presence history, written straight into the presence feature's table.
    const rows: Array<[string, string | null, string, string | null]> = [
      ['available', null, '2026-01-06T00:00:00Z', '2026-01-06T01:00:00Z'],
      ['on_call', null, '2026-01-06T01:00:00Z', '2026-01-06T02:00:00Z'],
      ['not_ready', 'coffee', '2026-01-06T02:00:00Z', '2026-01-06T02:30:00Z'],
      ['recovery', null, '2026-01-06T02:30:00Z', '2026-01-06T02:45:00Z'],
      ['counseling', null, '2026-01-06T02:45:00Z', '2026-01-06T03:00:00Z'],
      ['available', null, '2026-01-06T03:00:00Z', '2026-01-06T03:30:00Z'],
      ['offline', null, '2026-01-06T03:30:00Z', null],
    ];
    for (const [state, reason, from, to] of rows)
      await t.dataSource.query(
        `INSERT INTO presence_intervals (agent_id, state, reason, started_at, ended_at) VALUES ($1, $2, $3, $4, $5)`,
        [early.agentId, state, reason, from, to],
      );
    t.clock.set('2026-01-06T05:00:00Z');
    const res = await t
      .http()
      .get(`/v1/adherence?teamId=${teamId}&from=2026-01-06T00:00:00Z&to=2026-01-06T04:00:00Z`)
      .set(bearer(supervisor.token))
      .expect(200);
    const mine = res.body.items.filter((r: any) => r.agentId === early.agentId);
    expect(mine.map((r: any) => r.adherence)).toEqual([1, 1, 1, 1, 0, 1, 1, 0]);
    t.clock.set('2026-01-06T02:10:00Z');
    const live = await t
      .http()
      .get(`/v1/adherence/live?teamId=${teamId}`)
      .set(bearer(supervisor.token))
      .expect(200);
    expect(live.body.outOfAdherence).toEqual([
      {
        agentId: early.agentId,
        expected: 'work',
        state: 'not_ready',
        since: '2026-01-06T02:00:00.000Z',
      },
    ]);
    t.clock.set('2026-01-06T02:50:00Z');
    const privateSession = await t
      .http()
      .get(`/v1/adherence/live?teamId=${teamId}`)
      .set(bearer(supervisor.token))
      .expect(200);
    expect(privateSession.body.outOfAdherence).toEqual([]);
    await t
      .http()
      .get(`/v1/adherence/live?teamId=${teamId}`)
      .set(bearer(agents.a.token))
      .expect(403);
  });

  it('rules reach across the horizon: published shifts before it bind generation, edits and swaps', async () => {
    t.clock.set('2026-01-02T00:00:00Z'); // before the shifts, so they can still be swapped
    const first = (await t.http().get(`/v1/schedules/${scheduleId}`).set(bearer(scheduler.token)))
      .body.shifts;
    const late = first.find((s: any) => s.endsAt === '2026-01-05T14:00:00.000Z'); // until 22:00 local
    const early = first.find((s: any) => s.startsAt === '2026-01-06T00:00:00.000Z');
    // Tuesday 6 Jan alone, 07:00-11:00 local: 9 h after the published late shift of the day before.
    const res = await t
      .http()
      .post('/v1/schedules/generate')
      .set(bearer(scheduler.token))
      .send({
        teamId,
        startDate: '2026-01-06',
        days: 1,
        intervalMinutes: 30,
        requirements: slots('2026-01-05T23:00:00Z', 4),
      })
      .expect(202);
    const next = await waitForSchedule(t, scheduler.token, res.body.scheduleId);
    expect(next.status).toBe('draft');
    expect(next.violations).toEqual([]);
    expect(next.shifts).toHaveLength(1);
    const [shift] = next.shifts;
    expect(shift.startsAt).toBe('2026-01-05T23:00:00.000Z');
    expect([late.agentId, early.agentId, agents.f.agentId]).not.toContain(shift.agentId);
    for (const c of next.coverage) expect(c).toMatchObject({ required: 1, scheduled: 1 });
    // An edit handing it to the late agent is refused by the rest rule across the schedules.
    const edit = await t
      .http()
      .patch(`/v1/schedules/${next.id}/shifts/${shift.id}`)
      .set(bearer(scheduler.token))
      .send({ agentId: late.agentId })
      .expect(409);
    expect(edit.body).toMatchObject({
      error: 'RULE_VIOLATION',
      details: { rule: 'REST_BETWEEN_SHIFTS' },
    });
    // Rest breaks: with one per 2 h worked, a 4-hour shift moved to 08:00-12:00 local gets its two
    // breaks placed again, each inside one coverage interval …
    await t
      .http()
      .put(`/v1/sites/${siteId}/labour-rules`)
      .set(await t.asAdmin())
      .send({ ...TEST_RULES, restBreakPerWorkedMinutes: 120 })
      .expect(200);
    const moved = await t
      .http()
      .patch(`/v1/schedules/${next.id}/shifts/${shift.id}`)
      .set(bearer(scheduler.token))
      .send({ startsAt: '2026-01-06T00:00:00Z', endsAt: '2026-01-06T04:00:00Z' })
      .expect(200);
    expect(moved.body.breaks).toHaveLength(2);
    // … and an edit leaving it one rest break is refused, naming the rule.
    const oneRest = await t
      .http()
      .patch(`/v1/schedules/${next.id}/shifts/${shift.id}`)
      .set(bearer(scheduler.token))
      .send({ breaks: moved.body.breaks.slice(0, 1) })
      .expect(409);
    expect(oneRest.body).toMatchObject({
      error: 'RULE_VIOLATION',
      details: { rule: 'REST_BREAK' },
    });
    const rules = withDefaults({ ...TEST_RULES, restBreakPerWorkedMinutes: 120 });
    const checked = {
      agentId: shift.agentId,
      start: Date.parse(moved.body.startsAt),
      end: Date.parse(moved.body.endsAt),
      breaks: moved.body.breaks.map((b: any) => ({
        start: Date.parse(b.startsAt),
        end: Date.parse(b.endsAt),
        kind: b.kind,
      })),
    };
    expect(checkShifts([checked], { rules, timeZone: ZONE })).toEqual([]);
    for (const b of checked.breaks)
      expect(Math.floor(b.start / 1_800_000)).toBe(Math.floor((b.end - 1) / 1_800_000));
    // Published, its shift cannot be swapped to the agent who worked until 22:00 the evening before.
    await t
      .http()
      .post(`/v1/schedules/${next.id}/publish`)
      .set(bearer(scheduler.token))
      .expect(200);
    const holder = Object.values(agents).find((x) => x.agentId === shift.agentId)!;
    const offer = await t
      .http()
      .post('/v1/shift-swaps')
      .set(bearer(holder.token))
      .send({ shiftId: shift.id })
      .expect(201);
    const lateAgent = Object.values(agents).find((x) => x.agentId === late.agentId)!;
    const tired = await t
      .http()
      .post(`/v1/shift-swaps/${offer.body.id}/accept`)
      .set(bearer(lateAgent.token))
      .send({})
      .expect(409);
    expect(tired.body).toMatchObject({
      error: 'RULE_VIOLATION',
      details: { rule: 'REST_BETWEEN_SHIFTS' },
    });
  });
});
