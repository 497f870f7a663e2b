import { callEvents, sendEvents, setPresence } from '../support/router';
import { bearer, TestApp } from '../support/test-app';
import { insertShift, plusSeconds, stateOf } from './helpers';

describe('self-booked breaks', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await TestApp.create();
    key = await t.createRouterKey();
  });
  afterAll(() => t.close());

  const inMinutes = (m: number) => new Date(t.clock.now().getTime() + m * 60_000).toISOString();

  it('books, refuses overlaps, the past and the daily allowance; lists and cancels before start', async () => {
    const agent = await t.createAgent(); // no team: no cap
    const book = (startsAt: string, minutes: number) =>
      t
        .http()
        .post('/v1/breaks')
        .set(bearer(agent.token))
        .send({ startsAt, minutes, kind: 'rest' });
    const first = await book(inMinutes(60), 15).expect(201);
    expect(first.body).toMatchObject({ agentId: agent.agentId, status: 'booked', kind: 'rest' });
    const overlap = await book(inMinutes(70), 15).expect(409);
    expect(overlap.body.error).toBe('BREAK_OVERLAP');
    expect((await book(inMinutes(-1), 15).expect(400)).body.error).toBe('BREAK_IN_PAST');
    await book(inMinutes(75), 30).expect(201);
    const over = await book(inMinutes(120), 20).expect(409);
    expect(over.body.error).toBe('BREAK_ALLOWANCE_EXCEEDED');
    await t
      .http()
      .post('/v1/breaks')
      .set(bearer(agent.token))
      .send({ startsAt: inMinutes(200), minutes: 90, kind: 'rest' })
      .expect(400);

    const list = await t.http().get('/v1/breaks').set(bearer(agent.token)).expect(200);
    expect(list.body.breaks).toHaveLength(2);
    const other = await t.createAgent();
    await t.http().post(`/v1/breaks/${first.body.id}/cancel`).set(bearer(other.token)).expect(403);
    await t.http().get(`/v1/breaks?agentId=${agent.agentId}`).set(bearer(other.token)).expect(403);
    const cancelled = await t
      .http()
      .post(`/v1/breaks/${first.body.id}/cancel`)
      .set(bearer(agent.token))
      .expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    // The cancelled slot is free again.
    await book(inMinutes(60), 15).expect(201);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM scheduled_states WHERE source_id = $1 AND status = 'cancelled'`,
      [first.body.id],
    );
    expect(n).toBe(1);
  });

  it('at its start the agent moves to break at the end of the call in progress, and a started break cannot be cancelled', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    // 7 logged in → cap 1.
    for (let i = 0; i < 6; i++) await setPresence(t, await t.createAgent({ teamId }), 'available');
    await setPresence(t, agent, 'available');
    const res = await t
      .http()
      .post('/v1/breaks')
      .set(bearer(agent.token))
      .send({ startsAt: inMinutes(10), minutes: 15, kind: 'meal' })
      .expect(201);
    const call = callEvents(agent.agentId, new Date(Date.parse(inMinutes(8))), 4);
    t.clock.advanceMinutes(8);
    await sendEvents(t, key, [call.events[0]]);
    t.clock.advanceMinutes(3);
    expect((await stateOf(t, agent)).state).toBe('on_call');
    const started = await t
      .http()
      .post(`/v1/breaks/${res.body.id}/cancel`)
      .set(bearer(agent.token))
      .expect(409);
    expect(started.body.error).toBe('BREAK_STARTED');
    t.clock.advanceMinutes(1);
    await sendEvents(t, key, [call.events[1]]);
    const callEnd = t.clock.now();
    t.clock.advanceSeconds(30);
    // The call ran 2 minutes into the break: the break still gets its full 15 minutes.
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'break',
      reason: 'meal',
      until: plusSeconds(callEnd, 30 + 15 * 60),
    });
    t.clock.advanceMinutes(15);
    expect((await stateOf(t, agent)).state).toBe('available');
  });

  it('a team too small for its cap is told so, not that it is crowded', async () => {
    const teamId = await t.createTeam();
    const agents = [];
    for (let i = 0; i < 6; i++) agents.push(await t.createAgent({ teamId }));
    for (const a of agents) await setPresence(t, a, 'available');
    // 6 logged in × 15% = 0.9: no self-booked break fits.
    const refused = await t
      .http()
      .post('/v1/breaks')
      .set(bearer(agents[0].token))
      .send({ startsAt: inMinutes(30), minutes: 15, kind: 'rest' })
      .expect(409);
    expect(refused.body).toMatchObject({
      error: 'BREAK_CAPACITY',
      details: { cap: 0, loggedInAgents: 6, alreadyBooked: 0 },
    });
    expect(refused.body.message).toMatch(/too few of the team are logged in.*15%/i);
  });

  /** A team on an Asia/Shanghai site whose agent may always take a break capacity-wise. */
  async function shanghaiAgent() {
    const teamId = await t.createTeam(await t.createSite(undefined, 'Asia/Shanghai'));
    const agent = await t.createAgent({ teamId });
    await t
      .http()
      .put(`/v1/wellbeing/policies/teams/${teamId}`)
      .set(await t.asAdmin())
      .send({ teamBreakCapPercent: 100 })
      .expect(200);
    await setPresence(t, agent, 'available');
    const book = (startsAt: string, minutes: number) =>
      t
        .http()
        .post('/v1/breaks')
        .set(bearer(agent.token))
        .send({ startsAt, minutes, kind: 'rest' });
    return { teamId, agent, book };
  }

  it('once the agent has published shifts that (local) day, a break lies wholly inside one; no shift that day: any time', async () => {
    t.clock.set('2026-02-01T00:00:00Z');
    const { teamId, agent, book } = await shanghaiAgent();
    // 2 February, Shanghai (UTC+8): a published shift 09:00-17:00 local = 01:00-09:00Z.
    await insertShift(t, teamId, agent.agentId, '2026-02-02T01:00:00Z', '2026-02-02T09:00:00Z');
    await book('2026-02-02T02:00:00Z', 15).expect(201); // 10:00 local: inside
    await book('2026-02-02T01:00:00Z', 15).expect(201); // right at the shift's start
    await book('2026-02-02T08:45:00Z', 15).expect(201); // ending right at the shift's end
    const after = await book('2026-02-02T10:00:00Z', 15).expect(409); // 18:00 local
    expect(after.body).toMatchObject({
      error: 'OUTSIDE_SHIFT',
      details: { startsAt: '2026-02-02T10:00:00.000Z', endsAt: '2026-02-02T10:15:00.000Z' },
    });
    // 23:30 local on the 2nd is 15:30Z: the same local day as the shift, so still refused.
    expect((await book('2026-02-02T15:30:00Z', 15).expect(409)).body.error).toBe('OUTSIDE_SHIFT');
    // Straddling the shift's end, or before its start.
    expect((await book('2026-02-02T08:50:00Z', 15).expect(409)).body.error).toBe('OUTSIDE_SHIFT');
    expect((await book('2026-02-02T00:30:00Z', 15).expect(409)).body.error).toBe('OUTSIDE_SHIFT');
    // 00:30 local on the 3rd (16:30Z on the 2nd): no published shift that local day → allowed.
    await book('2026-02-02T16:30:00Z', 15).expect(201);
    // A draft (unpublished) shift on the 4th does not count: any time is still fine.
    await insertShift(
      t,
      teamId,
      agent.agentId,
      '2026-02-04T01:00:00Z',
      '2026-02-04T09:00:00Z',
      false,
    );
    await book('2026-02-04T12:00:00Z', 15).expect(201);
    // An agent without any schedule books as before.
    const other = await shanghaiAgent();
    await other.book('2026-02-02T10:00:00Z', 15).expect(201);
  });

  it('answers when a break may lie, the windows the booking itself checks', async () => {
    t.clock.set('2026-02-01T00:00:00Z');
    const { teamId, agent, book } = await shanghaiAgent();
    // 2 February, Shanghai (UTC+8): two published shifts, 09:00-13:00 and 14:00-18:00 local; the 3rd
    // not scheduled yet; a shift from 22:00 on the 3rd to 02:00 on the 4th.
    await insertShift(t, teamId, agent.agentId, '2026-02-02T01:00:00Z', '2026-02-02T05:00:00Z');
    await insertShift(t, teamId, agent.agentId, '2026-02-02T06:00:00Z', '2026-02-02T10:00:00Z');
    await insertShift(t, teamId, agent.agentId, '2026-02-04T14:00:00Z', '2026-02-04T18:00:00Z');
    const windows = (from: string, to: string, token = agent.token) =>
      t.http().get('/v1/breaks/windows').query({ from, to }).set(bearer(token));
    const res = await windows('2026-02-02T03:00:00Z', '2026-02-04T15:00:00Z').expect(200);
    expect(res.body).toEqual({
      timeZone: 'Asia/Shanghai',
      windows: [
        // The 2nd: one window per shift.
        {
          startsFrom: '2026-02-02T01:00:00.000Z',
          startsBefore: '2026-02-02T05:00:00.000Z',
          endsBy: '2026-02-02T05:00:00.000Z',
        },
        {
          startsFrom: '2026-02-02T06:00:00.000Z',
          startsBefore: '2026-02-02T10:00:00.000Z',
          endsBy: '2026-02-02T10:00:00.000Z',
        },
        // The 3rd, local midnight to midnight: no shift, the whole day.
        {
          startsFrom: '2026-02-02T16:00:00.000Z',
          startsBefore: '2026-02-03T16:00:00.000Z',
          endsBy: null,
        },
        // The 4th, 22:00-02:00 local: a break starting on the 4th starts before its midnight.
        {
          startsFrom: '2026-02-04T14:00:00.000Z',
          startsBefore: '2026-02-04T16:00:00.000Z',
          endsBy: '2026-02-04T18:00:00.000Z',
        },
      ],
    });
    // The booking agrees at every edge.
    await book('2026-02-02T04:45:00Z', 15).expect(201); // ends at the first shift's end
    expect((await book('2026-02-02T05:30:00Z', 15).expect(409)).body.error).toBe('OUTSIDE_SHIFT');
    await book('2026-02-03T10:00:00Z', 60).expect(201); // a day without shifts
    await book('2026-02-04T15:50:00Z', 15).expect(201); // 23:50 on the 4th, running past midnight
    // 00:10 on the 5th belongs to the 5th, where the same shift is published too.
    const fifth = await windows('2026-02-04T16:00:00Z', '2026-02-04T17:00:00Z').expect(200);
    expect(fifth.body.windows).toEqual([
      {
        startsFrom: '2026-02-04T16:00:00.000Z',
        startsBefore: '2026-02-04T18:00:00.000Z',
        endsBy: '2026-02-04T18:00:00.000Z',
      },
    ]);
    await book('2026-02-04T16:10:00Z', 15).expect(201);
    // A span backwards or over a week is refused, and nobody but the agent asks.
    for (const [from, to] of [
      ['2026-02-03T00:00:00Z', '2026-02-02T00:00:00Z'],
      ['2026-02-02T00:00:00Z', '2026-02-10T00:00:00Z'],
    ])
      expect((await windows(from, to).expect(400)).body.error).toBe('VALIDATION_FAILED');
    expect(
      (
        await t
          .http()
          .get('/v1/breaks/windows')
          .query({ from: 'yesterday', to: 'now' })
          .set(bearer(agent.token))
          .expect(400)
      ).body.error,
    ).toBe('VALIDATION_FAILED');
    const supervisor = await t.createUser(['supervisor'], teamId);
    await windows('2026-02-02T00:00:00Z', '2026-02-03T00:00:00Z', supervisor.token).expect(403);
  });

  it('a day the published schedule gives me off has no window, and the booking says so', async () => {
    t.clock.set('2026-03-01T00:00:00Z');
    const { teamId, agent, book } = await shanghaiAgent();
    // The team's schedule covers 2-4 March; the agent works the 2nd only (09:00-17:00 local).
    const [schedule] = await t.dataSource.query(
      `INSERT INTO schedules (team_id, status, start_date, days, interval_minutes, created_at, published_at)
       VALUES ($1, 'published', '2026-03-02', 3, 30, $2, $2) RETURNING id`,
      [teamId, t.clock.now()],
    );
    await t.dataSource.query(
      `INSERT INTO shifts (schedule_id, agent_id, starts_at, ends_at, live) VALUES ($1, $2, $3, $4, true)`,
      [schedule.id, agent.agentId, '2026-03-02T01:00:00Z', '2026-03-02T09:00:00Z'],
    );
    const res = await t
      .http()
      .get('/v1/breaks/windows')
      .query({ from: '2026-03-01T16:00:00Z', to: '2026-03-05T16:00:00Z' })
      .set(bearer(agent.token))
      .expect(200);
    // The 2nd: the shift; the 3rd and 4th: days off, nothing; the 5th: not scheduled yet, all day.
    expect(res.body.windows).toEqual([
      {
        startsFrom: '2026-03-02T01:00:00.000Z',
        startsBefore: '2026-03-02T09:00:00.000Z',
        endsBy: '2026-03-02T09:00:00.000Z',
      },
      {
        startsFrom: '2026-03-04T16:00:00.000Z',
        startsBefore: '2026-03-05T16:00:00.000Z',
        endsBy: null,
      },
    ]);
    const dayOff = await book('2026-03-03T02:00:00Z', 15).expect(409);
    expect(dayOff.body).toMatchObject({ error: 'OUTSIDE_SHIFT' });
    expect(dayOff.body.message).toMatch(/day off/);
    await book('2026-03-02T02:00:00Z', 15).expect(201);
    await book('2026-03-05T02:00:00Z', 15).expect(201);
    // Nothing was booked on the day off.
    const listed = await t.http().get('/v1/breaks').set(bearer(agent.token)).expect(200);
    expect(listed.body.breaks.map((b: { startsAt: string }) => b.startsAt)).toEqual([
      '2026-03-02T02:00:00.000Z',
      '2026-03-05T02:00:00.000Z',
    ]);
  });

  it('the daily allowance counts the site’s local day, not the UTC day', async () => {
    // 21:00 local on 9 February in Shanghai.
    t.clock.set('2026-02-09T13:00:00Z');
    const { book } = await shanghaiAgent();
    // 23:00-23:45 local on the 9th (15:00Z) and 00:10-00:50 local on the 10th (16:10Z): the same UTC
    // day, 85 minutes together, but two local days of 45 and 40 minutes.
    await book('2026-02-09T15:00:00Z', 45).expect(201);
    t.clock.advanceMinutes(60); // 22:00 local, around local midnight from here on
    await book('2026-02-09T16:10:00Z', 40).expect(201);
    // 22:30 local on the 9th: 45 + 20 > 60 for that local day.
    t.clock.set('2026-02-09T14:10:00Z');
    const over = await book('2026-02-09T14:30:00Z', 20).expect(409);
    expect(over.body).toMatchObject({
      error: 'BREAK_ALLOWANCE_EXCEEDED',
      details: { allowanceMinutes: 60, usedMinutes: 45 },
    });
    // 15 more minutes fit the 9th exactly; 20 fit the 10th exactly (40 + 20).
    await book('2026-02-09T14:30:00Z', 15).expect(201);
    await book('2026-02-09T17:00:00Z', 20).expect(201);
    expect((await book('2026-02-09T18:00:00Z', 5).expect(409)).body.error).toBe(
      'BREAK_ALLOWANCE_EXCEEDED',
    );
  });
});
