import { PresenceService } from '../../src/routing/presence/presence.service';
import { book, createCounselor, TestCounselor } from '../support/counseling';
import { callId, eventId, presenceOf, sendEvents, setPresence } from '../support/router';
import { bearer, routerKey, TestApp } from '../support/test-app';

// Clock starts Monday 2026-01-05 08:00Z; sessions are booked for Tuesday 02:00–02:50Z.
const START = '2026-01-06T02:00:00.000Z';
const END = '2026-01-06T02:50:00.000Z';

describe('counselling sessions and routing', () => {
  let t: TestApp;
  let key: string;
  let c: TestCounselor;
  beforeAll(async () => {
    t = await TestApp.create();
    key = await t.createRouterKey();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    t.clock.set('2026-01-05T08:00:00Z');
    c = await createCounselor(t);
    // Only this test's agent may be routable.
    await t.dataSource.query(`UPDATE agent_presence SET state = 'offline', until = NULL`);
  });

  const sweep = () => t.app.get(PresenceService).sweep(t.clock.now());
  const listed = async () =>
    (
      await t.http().get('/v1/routing/available-agents').set(routerKey(key)).expect(200)
    ).body.agents.map((a: { agentId: string }) => a.agentId);
  const reserve = () =>
    t.http().post('/v1/routing/reservations').set(routerKey(key)).send({ callId: callId() });
  const event = (type: string, agentId: string, call: string, extra = {}) => ({
    eventId: eventId(),
    type,
    callId: call,
    agentId,
    at: t.clock.now().toISOString(),
    ...extra,
  });

  it('a session due while the agent is on a call begins when the call ends; the router never gets the agent', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const supervisor = await t.createUser(['supervisor'], teamId);
    await book(t, agent, c.counselorId, START).expect(201);
    await setPresence(t, agent, 'available');

    // Before the session the agent is routable: the router reserves and the agent answers.
    t.clock.set('2026-01-06T01:50:00Z');
    expect(await listed()).toEqual([agent.agentId]);
    const reservation = (await reserve().expect(201)).body;
    expect(reservation.agentId).toBe(agent.agentId);
    await t
      .http()
      .post(`/v1/routing/reservations/${reservation.reservationId}/accept`)
      .set(routerKey(key))
      .expect(200);
    await sendEvents(t, key, [event('call.answered', agent.agentId, reservation.callId)]);

    // The session is due, but the call goes on: the agent stays on the call.
    t.clock.set('2026-01-06T02:05:00Z');
    await sweep();
    expect(await presenceOf(t, agent.agentId, bearer(agent.token))).toMatchObject({
      state: 'on_call',
    });
    expect(await listed()).toEqual([]);
    expect((await reserve().expect(409)).body.error).toBe('NO_AGENT_AVAILABLE');

    // The call ends: the session starts at once (no wrap-up eats into it), never available between.
    await sendEvents(t, key, [
      event('call.ended', agent.agentId, reservation.callId, { durationSeconds: 600 }),
    ]);
    const callEnd = t.clock.now();
    expect(await listed()).toEqual([]);
    expect(await presenceOf(t, agent.agentId, bearer(agent.token))).toMatchObject({
      state: 'counseling',
      since: callEnd.toISOString(),
    });
    t.clock.advanceSeconds(31);
    expect(await listed()).toEqual([]);
    expect((await reserve().expect(409)).body.error).toBe('NO_AGENT_AVAILABLE');
    await sweep();
    const own = await presenceOf(t, agent.agentId, bearer(agent.token));
    expect(own).toMatchObject({ state: 'counseling', until: END });
    const seen = await presenceOf(t, agent.agentId, bearer(supervisor.token));
    expect(seen.state).toBe('not_ready');
    expect(seen.reason).toBe('private');
    expect(seen.until).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain('counsel');
    const router = await presenceOf(t, agent.agentId, routerKey(key));
    expect(router).toMatchObject({ state: 'not_ready', reason: 'private' });
    // The agent cannot make itself available during the session.
    const refused = await t
      .http()
      .put(`/v1/agents/${agent.agentId}/presence`)
      .set(bearer(agent.token))
      .send({ state: 'available' })
      .expect(409);
    expect(refused.body).toMatchObject({ error: 'BREAK_ENFORCED', details: { until: END } });
    const intervals = await t.dataSource.query(
      // Zero-length steps (a wrap-up of no time) are not time spent.
      `SELECT state, started_at FROM presence_intervals
        WHERE agent_id = $1 AND (ended_at IS NULL OR ended_at > started_at) ORDER BY started_at, id`,
      [agent.agentId],
    );
    const states = intervals.map((r: { state: string }) => r.state);
    expect(states.slice(-2)).toEqual(['on_call', 'counseling']);
    const counseling = intervals[intervals.length - 1];
    expect(new Date(counseling.started_at).getTime()).toBe(callEnd.getTime());

    // During the session: never listed, never reserved.
    t.clock.set('2026-01-06T02:30:00Z');
    await sweep();
    expect(await listed()).toEqual([]);
    expect((await reserve().expect(409)).body.error).toBe('NO_AGENT_AVAILABLE');

    // After it, back to available and routable.
    t.clock.set('2026-01-06T02:50:00Z');
    await sweep();
    expect(await presenceOf(t, agent.agentId, bearer(agent.token))).toMatchObject({
      state: 'available',
    });
    expect(await listed()).toEqual([agent.agentId]);
  });

  it('keeps a free agent out of routing from the session start, even before the sweep runs', async () => {
    const agent = await t.createAgent();
    await book(t, agent, c.counselorId, START).expect(201);
    await setPresence(t, agent, 'available');
    t.clock.set('2026-01-06T01:59:00Z');
    expect(await listed()).toEqual([agent.agentId]);
    t.clock.set(START);
    expect(await listed()).toEqual([]);
    expect((await reserve().expect(409)).body.error).toBe('NO_AGENT_AVAILABLE');
    expect(await presenceOf(t, agent.agentId, bearer(agent.token))).toMatchObject({
      state: 'counseling',
      reason: 'session',
      until: END,
    });
  });

  it('cancelling a session in progress returns the agent to routing at once', async () => {
    const agent = await t.createAgent();
    const booking = (await book(t, agent, c.counselorId, START).expect(201)).body;
    await setPresence(t, agent, 'available');
    t.clock.set('2026-01-06T02:10:00Z');
    await sweep();
    expect(await listed()).toEqual([]);
    await t
      .http()
      .post(`/v1/counseling/bookings/${booking.id}/cancel`)
      .set(bearer(c.token))
      .send({ reason: 'counsellor unwell' })
      .expect(200);
    expect(await presenceOf(t, agent.agentId, bearer(agent.token))).toMatchObject({
      state: 'available',
    });
    expect(await listed()).toEqual([agent.agentId]);
  });

  it('a cancelled booking never takes the agent out of routing', async () => {
    const agent = await t.createAgent();
    const booking = (await book(t, agent, c.counselorId, START).expect(201)).body;
    await setPresence(t, agent, 'available');
    await t
      .http()
      .post(`/v1/counseling/bookings/${booking.id}/cancel`)
      .set(bearer(agent.token))
      .send({})
      .expect(200);
    t.clock.set('2026-01-06T02:10:00Z');
    await sweep();
    expect(await listed()).toEqual([agent.agentId]);
  });

  it('erasing the history leaves no counselling in presence history: the session’s time stays, as private not_ready', async () => {
    const agent = await t.createAgent({ teamId: await t.createTeam() });
    await book(t, agent, c.counselorId, START).expect(201);
    await setPresence(t, agent, 'available');
    t.clock.set('2026-01-06T02:00:00Z');
    await sweep();
    expect(await presenceOf(t, agent.agentId, bearer(agent.token))).toMatchObject({
      state: 'counseling',
    });
    t.clock.set('2026-01-06T03:00:00Z');
    await sweep();
    const intervals = () =>
      t.dataSource.query(
        `SELECT state, reason, started_at, ended_at FROM presence_intervals WHERE agent_id = $1 ORDER BY started_at, id`,
        [agent.agentId],
      );
    const before = await intervals();
    const session = before.find((i: { state: string }) => i.state === 'counseling');
    expect(session).toMatchObject({
      started_at: new Date(START),
      ended_at: new Date(END),
    });

    await t.http().delete('/v1/counseling/me/history').set(bearer(agent.token)).expect(200);
    const after = await intervals();
    expect(after).toHaveLength(before.length);
    expect(JSON.stringify(after)).not.toMatch(/counsel/i);
    expect(after).toContainEqual({
      state: 'not_ready',
      reason: 'private',
      started_at: new Date(START),
      ended_at: new Date(END),
    });
    const scheduled = await t.dataSource.query(
      `SELECT state FROM scheduled_states WHERE agent_id = $1 AND state = 'counseling'`,
      [agent.agentId],
    );
    expect(scheduled).toEqual([]);
    expect(await presenceOf(t, agent.agentId, bearer(agent.token))).toMatchObject({
      state: 'available',
    });
  });
});
