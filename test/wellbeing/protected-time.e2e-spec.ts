import { DateTime } from 'luxon';
import { callId, eventId, sendEvents, setPresence } from '../support/router';
import { bearer, routerKey, TestApp } from '../support/test-app';
import { availableIds, plusSeconds, runCall, stateOf, teamWithAgent } from './helpers';

const WRAP = 30;

/** Enforcement wins: no call event, presence request or late batch ends or shortens protected time. */
describe('wellbeing: protected time wins over the router', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await TestApp.create();
    key = await t.createRouterKey();
  });
  afterAll(() => t.close());

  const answered = (agentId: string, call: string, at = t.clock.now()) => ({
    eventId: eventId(),
    type: 'call.answered',
    callId: call,
    agentId,
    at: at.toISOString(),
  });
  const ended = (agentId: string, call: string, seconds: number, at = t.clock.now()) => ({
    eventId: eventId(),
    type: 'call.ended',
    callId: call,
    agentId,
    at: at.toISOString(),
    durationSeconds: seconds,
  });
  const alertsOf = async (teamId: string, token: string) =>
    (await t.http().get(`/v1/wellbeing/alerts?teamId=${teamId}`).set(bearer(token)).expect(200))
      .body.alerts;
  const putPresence = (agentId: string, headers: Record<string, string>, state: string) =>
    t.http().put(`/v1/agents/${agentId}/presence`).set(headers).send({ state });
  /** Seven logged-in agents: the team's cap allows one self-booked break at a time. */
  const teamForBreaks = async () => {
    const { teamId, agent, supervisor } = await teamWithAgent(t);
    const mates = [];
    for (let i = 0; i < 6; i++) {
      const mate = await t.createAgent({ teamId });
      await setPresence(t, mate, 'available');
      mates.push(mate);
    }
    return { teamId, agent, supervisor, mate: mates[0] };
  };
  const listedWithLoad = async (agentId: string) =>
    (
      await t.http().get('/v1/routing/available-agents?limit=100').set(routerKey(key)).expect(200)
    ).body.agents.find((a: any) => a.agentId === agentId);

  it('a call answered during recovery is a breach: on_call, alerted without the kind, audited; the recovery resumes for what it had left', async () => {
    const { teamId, agent, supervisor } = await teamWithAgent(t);
    const { endedAt } = await runCall(t, key, agent.agentId, 3, { severity: 2 });
    t.clock.advanceSeconds(WRAP);
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(endedAt, WRAP + 600),
    });
    t.clock.advanceMinutes(4); // 6 minutes of recovery left
    const intruder = callId();
    const answeredAt = t.clock.now();
    await sendEvents(t, key, [answered(agent.agentId, intruder)]);
    expect((await stateOf(t, agent)).state).toBe('on_call');
    expect(await availableIds(t, key)).not.toContain(agent.agentId);

    const alerts = await alertsOf(teamId, supervisor.token);
    const breach = alerts.find((a: any) => a.kind === 'routed_during_protected_time');
    expect(breach).toMatchObject({
      agentId: agent.agentId,
      details: { callId: intruder, answeredAt: answeredAt.toISOString() },
    });
    expect(JSON.stringify(breach)).not.toMatch(/recovery|counsel|session|break|hostile/i);
    const audit = await t
      .http()
      .get('/v1/audit?action=routing.protected_time_breached')
      .set(await t.asAdmin())
      .expect(200);
    const entry = audit.body.items.find((e: any) => e.subjectId === agent.agentId);
    expect(entry.details).toEqual({ callId: intruder, answeredAt: answeredAt.toISOString() });

    t.clock.advanceMinutes(2);
    await sendEvents(t, key, [ended(agent.agentId, intruder, 120)]);
    const callEnd = t.clock.now();
    expect((await stateOf(t, agent)).state).toBe('wrap_up');
    expect(await availableIds(t, key)).not.toContain(agent.agentId);
    t.clock.advanceSeconds(WRAP);
    // At least the 6 minutes it had left when the call was answered, after the call and its wrap-up.
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(callEnd, WRAP + 360),
    });
    t.clock.advanceSeconds(359);
    expect((await stateOf(t, agent)).state).toBe('recovery');
    expect(await availableIds(t, key)).not.toContain(agent.agentId);
    t.clock.advanceSeconds(2);
    expect((await stateOf(t, agent)).state).toBe('available');
    // Both calls count in the agent's load.
    expect((await listedWithLoad(agent.agentId)).load.callsLastHour).toBe(2);
  });

  it('a late batch with a call that ended before the recovery began changes nothing; a router request never ends a recovery', async () => {
    const { agent } = await teamWithAgent(t);
    const early = t.clock.now();
    t.clock.advanceMinutes(10);
    const { endedAt } = await runCall(t, key, agent.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP + 60);
    const before = await stateOf(t, agent);
    expect(before).toMatchObject({ state: 'recovery' });
    const late = callId();
    await sendEvents(t, key, [
      answered(agent.agentId, late, early),
      ended(agent.agentId, late, 60, new Date(early.getTime() + 60_000)),
    ]);
    expect(await stateOf(t, agent)).toEqual(before);
    // Out of order: the end of a call first, its answer in a later batch.
    const reversed = callId();
    await sendEvents(t, key, [ended(agent.agentId, reversed, 30)]);
    await sendEvents(t, key, [
      answered(agent.agentId, reversed, new Date(t.clock.now().getTime() - 30_000)),
    ]);
    expect(await stateOf(t, agent)).toEqual(before);
    const refused = await putPresence(agent.agentId, routerKey(key), 'available').expect(409);
    expect(refused.body).toMatchObject({
      error: 'BREAK_ENFORCED',
      details: { until: before.until },
    });
    expect(before.until).toBe(plusSeconds(endedAt, WRAP + 300));
  });

  it('PUT available during a wrap-up that leads into recovery is 409 BREAK_ENFORCED with the recovery’s end', async () => {
    const { agent } = await teamWithAgent(t);
    const { endedAt } = await runCall(t, key, agent.agentId, 2, { severity: 2 });
    t.clock.advanceSeconds(5);
    expect((await stateOf(t, agent)).state).toBe('wrap_up');
    const refused = await putPresence(agent.agentId, bearer(agent.token), 'available').expect(409);
    expect(refused.body).toMatchObject({
      error: 'BREAK_ENFORCED',
      details: { until: plusSeconds(endedAt, WRAP + 600) },
    });
    t.clock.advanceSeconds(WRAP);
    expect((await stateOf(t, agent)).state).toBe('recovery');
  });

  it('the wrap-up holds a reporting window: the router cannot end it early, and a report inside it starts recovery with no routable moment', async () => {
    const teamId = await t.createTeam();
    await t
      .http()
      .put(`/v1/teams/${teamId}/settings`)
      .set(await t.asAdmin())
      .send({ wrapUpSeconds: 0, hostileReportWindowSeconds: 20 })
      .expect(200);
    const nullWindow = await t
      .http()
      .put(`/v1/teams/${teamId}/settings`)
      .set(await t.asAdmin())
      .send({ hostileReportWindowSeconds: null })
      .expect(400);
    expect(nullWindow.body.error).toBe('VALIDATION_FAILED');
    const agent = await t.createAgent({ teamId });
    await setPresence(t, agent, 'available');
    const { callId: call, endedAt } = await runCall(t, key, agent.agentId, 2);
    // No wrap-up configured, yet the reporting window keeps the agent out of routing.
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'wrap_up',
      until: plusSeconds(endedAt, 20),
    });
    t.clock.advanceSeconds(5);
    const routerAsk = await putPresence(agent.agentId, routerKey(key), 'available').expect(200);
    expect(routerAsk.body).toMatchObject({ state: 'wrap_up', until: plusSeconds(endedAt, 20) });
    expect(await availableIds(t, key)).not.toContain(agent.agentId);
    t.clock.advanceSeconds(10);
    await t
      .http()
      .post(`/v1/calls/${call}/hostile`)
      .set(bearer(agent.token))
      .send({ severity: 2 })
      .expect(200);
    expect(await availableIds(t, key)).not.toContain(agent.agentId);
    t.clock.advanceSeconds(5);
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'recovery',
      since: plusSeconds(endedAt, 20),
    });
    expect(await availableIds(t, key)).not.toContain(agent.agentId);
  });

  it('the report shows the share of hostile calls whose recovery began before the next call, from presence history', async () => {
    const { teamId, agent, supervisor } = await teamWithAgent(t);
    // Reported inside the window: the recovery comes first.
    const first = await runCall(t, key, agent.agentId, 2);
    t.clock.advanceSeconds(10);
    await t
      .http()
      .post(`/v1/calls/${first.callId}/hostile`)
      .set(bearer(agent.token))
      .send({ severity: 1 })
      .expect(200);
    t.clock.advanceMinutes(10);
    expect((await stateOf(t, agent)).state).toBe('available');
    // The agent ends the window early and takes another customer before reporting.
    const second = await runCall(t, key, agent.agentId, 2);
    await setPresence(t, agent, 'available');
    const next = callId();
    t.clock.advanceSeconds(5);
    await sendEvents(t, key, [answered(agent.agentId, next)]);
    t.clock.advanceSeconds(30);
    await t
      .http()
      .post(`/v1/calls/${second.callId}/hostile`)
      .set(bearer(agent.token))
      .send({ severity: 1 })
      .expect(200);
    t.clock.advanceMinutes(1);
    await sendEvents(t, key, [ended(agent.agentId, next, 95)]);
    t.clock.advanceMinutes(10);
    const date = DateTime.fromJSDate(t.clock.now(), { zone: 'Asia/Shanghai' }).toISODate();
    const report = await t
      .http()
      .get(`/v1/wellbeing/report?teamId=${teamId}&date=${date}`)
      .set(bearer(supervisor.token))
      .expect(200);
    expect(report.body).toMatchObject({
      hostileCalls: 2,
      hostileCallsRecoveredBeforeNextCall: 1,
      recoveryBeforeNextCallShare: 0.5,
    });
  });

  it('a booked break keeps its length: no offer within the expected handle time, and an overrunning call moves the whole break', async () => {
    const { agent, mate } = await teamForBreaks();
    const startsAt = new Date(t.clock.now().getTime() + 10 * 60_000);
    const brk = await t
      .http()
      .post('/v1/breaks')
      .set(bearer(agent.token))
      .send({ startsAt: startsAt.toISOString(), minutes: 15, kind: 'rest' })
      .expect(201);
    expect(brk.body.startsAt).toBe(startsAt.toISOString());
    t.clock.advanceMinutes(4);
    expect(await availableIds(t, key)).toContain(agent.agentId);
    // Within the team's expected handle time (300 s by default) of the break: not offered.
    t.clock.advanceSeconds(61);
    expect(await availableIds(t, key)).not.toContain(agent.agentId);
    expect(await availableIds(t, key)).toContain(mate.agentId);

    // The router puts a call through anyway; it runs 4 minutes into the break.
    const call = callId();
    await sendEvents(t, key, [answered(agent.agentId, call)]);
    t.clock.advanceSeconds(9 * 60 - 1);
    await sendEvents(t, key, [ended(agent.agentId, call, 9 * 60 - 1)]);
    const callEnd = t.clock.now();
    t.clock.advanceSeconds(WRAP);
    // The break runs its full 15 minutes after the call (and its reporting wrap-up).
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'break',
      reason: 'rest',
      until: plusSeconds(callEnd, WRAP + 15 * 60),
    });
    const early = await putPresence(agent.agentId, bearer(agent.token), 'available').expect(409);
    expect(early.body.error).toBe('BREAK_ENFORCED');
    t.clock.advanceMinutes(14);
    expect((await stateOf(t, agent)).state).toBe('break');
    expect(await availableIds(t, key)).not.toContain(agent.agentId);
    t.clock.advanceMinutes(1);
    expect((await stateOf(t, agent)).state).toBe('available');
  });

  it('a call answered during a booked break is a breach; the break resumes for the time it had left', async () => {
    const { teamId, agent, supervisor } = await teamForBreaks();
    const startsAt = new Date(t.clock.now().getTime() + 10 * 60_000);
    await t
      .http()
      .post('/v1/breaks')
      .set(bearer(agent.token))
      .send({ startsAt: startsAt.toISOString(), minutes: 15, kind: 'meal' })
      .expect(201);
    t.clock.advanceMinutes(15); // 10 minutes of break left
    expect((await stateOf(t, agent)).state).toBe('break');
    const call = callId();
    await sendEvents(t, key, [answered(agent.agentId, call)]);
    expect((await stateOf(t, agent)).state).toBe('on_call');
    t.clock.advanceMinutes(3);
    await sendEvents(t, key, [ended(agent.agentId, call, 180)]);
    const callEnd = t.clock.now();
    t.clock.advanceSeconds(WRAP);
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'break',
      until: plusSeconds(callEnd, WRAP + 600),
    });
    expect(await availableIds(t, key)).not.toContain(agent.agentId);
    expect((await alertsOf(teamId, supervisor.token)).map((a: any) => a.kind)).toContain(
      'routed_during_protected_time',
    );
  });
});
