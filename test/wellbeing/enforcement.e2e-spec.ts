import { OccupancyCheckService } from '../../src/wellbeing/occupancy-check.service';
import { setPresence } from '../support/router';
import { bearer, TestApp } from '../support/test-app';
import { availableIds, insertShift, plusSeconds, runCall, stateOf, teamWithAgent } from './helpers';

const WRAP = 30;

describe('wellbeing: recovery after hostile calls (controlled clock)', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await TestApp.create();
    key = await t.createRouterKey();
  });
  afterAll(() => t.close());

  const alertsOf = async (teamId: string, token: string) =>
    (await t.http().get(`/v1/wellbeing/alerts?teamId=${teamId}`).set(bearer(token)).expect(200))
      .body.alerts;
  const offersOf = async (token: string) =>
    (await t.http().get('/v1/wellbeing/offers').set(bearer(token)).expect(200)).body.offers;

  it('1 hostile call: recovery for the severity’s minutes after wrap-up, enforced, unlisted, then available', async () => {
    const { teamId, agent, supervisor } = await teamWithAgent(t);
    const { endedAt } = await runCall(t, key, agent.agentId, 3, { severity: 2 });
    t.clock.advanceSeconds(WRAP);
    const p = await stateOf(t, agent);
    expect(p).toMatchObject({
      state: 'recovery',
      reason: 'hostile_call',
      until: plusSeconds(endedAt, WRAP + 600),
    });
    const refused = await t
      .http()
      .put(`/v1/agents/${agent.agentId}/presence`)
      .set(bearer(agent.token))
      .send({ state: 'available' })
      .expect(409);
    expect(refused.body).toMatchObject({ error: 'BREAK_ENFORCED', details: { until: p.until } });
    expect(await availableIds(t, key)).not.toContain(agent.agentId);
    const reserve = await t
      .http()
      .post('/v1/routing/reservations')
      .set({ 'X-Api-Key': key })
      .send({ callId: `r-${agent.agentId}`, dialect: 'cmn' });
    expect(reserve.body.agentId).not.toBe(agent.agentId);
    if (reserve.status === 201)
      await t
        .http()
        .post(`/v1/routing/reservations/${reserve.body.reservationId}/reject`)
        .set({ 'X-Api-Key': key });
    expect(await alertsOf(teamId, supervisor.token)).toEqual([]);
    expect(await offersOf(agent.token)).toEqual([]);
    t.clock.advanceMinutes(10);
    expect((await stateOf(t, agent)).state).toBe('available');
    expect(await availableIds(t, key)).toContain(agent.agentId);
    const audit = await t
      .http()
      .get('/v1/audit?action=recovery.enforced')
      .set(await t.asAdmin())
      .expect(200);
    expect(
      audit.body.items.some((e: any) => e.subjectId === agent.agentId && e.details.severity === 2),
    ).toBe(true);
  });

  it('2 hostile calls in the window: the supervisor is alerted; 3: at least 15 min and an offer only the agent sees', async () => {
    const { teamId, agent, supervisor } = await teamWithAgent(t);
    await runCall(t, key, agent.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP + 5 * 60);
    expect((await stateOf(t, agent)).state).toBe('available');
    expect(await alertsOf(teamId, supervisor.token)).toEqual([]);

    const second = await runCall(t, key, agent.agentId, 2, { severity: 1 });
    const alerts = await alertsOf(teamId, supervisor.token);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'escalation',
      agentId: agent.agentId,
      details: { hostileCallsInWindow: 2 },
    });
    expect(await offersOf(agent.token)).toEqual([]);
    t.clock.advanceSeconds(WRAP);
    expect((await stateOf(t, agent)).until).toBe(plusSeconds(second.endedAt, WRAP + 300));
    t.clock.advanceMinutes(5);

    const third = await runCall(t, key, agent.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP);
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(third.endedAt, WRAP + 15 * 60),
    });
    const offers = await offersOf(agent.token);
    expect(offers).toHaveLength(1);
    expect(offers[0].kind).toBe('counselling');
    const all = await alertsOf(teamId, supervisor.token);
    expect(all.map((a: any) => a.kind)).toEqual(['escalation', 'escalation']);
    expect(JSON.stringify(all)).not.toMatch(/counsel/i);
    // Nobody else sees the offer; the audit trail never mentions it.
    await t.http().get('/v1/wellbeing/offers').set(bearer(supervisor.token)).expect(403);
    const audit = await t
      .http()
      .get('/v1/audit?pageSize=200')
      .set(await t.asAdmin())
      .expect(200);
    expect(JSON.stringify(audit.body)).not.toMatch(/counsel/i);

    // Acknowledge: gone from the open list, kept with includeAcknowledged.
    await t
      .http()
      .post(`/v1/wellbeing/alerts/${all[0].id}/ack`)
      .set(bearer(supervisor.token))
      .expect(200);
    expect(await alertsOf(teamId, supervisor.token)).toHaveLength(1);
    const withAcked = await t
      .http()
      .get(`/v1/wellbeing/alerts?teamId=${teamId}&includeAcknowledged=true`)
      .set(bearer(supervisor.token))
      .expect(200);
    expect(withAcked.body.alerts).toHaveLength(2);
    const foreign = await t.createUser(['supervisor'], await t.createTeam());
    await t
      .http()
      .get(`/v1/wellbeing/alerts?teamId=${teamId}`)
      .set(bearer(foreign.token))
      .expect(403);
    await t
      .http()
      .post(`/v1/wellbeing/alerts/${all[1].id}/ack`)
      .set(bearer(foreign.token))
      .expect(403);
    t.clock.advanceMinutes(15);
  });

  it('with a published shift, the 3rd hostile call counts within that shift, not the rolling window', async () => {
    const { teamId, agent } = await teamWithAgent(t);
    // One hostile call before the shift (overtime, or another shift earlier that day).
    const before = await runCall(t, key, agent.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP + 5 * 60);
    expect((await stateOf(t, agent)).state).toBe('available');
    const shiftStart = t.clock.advanceMinutes(1);
    await insertShift(
      t,
      teamId,
      agent.agentId,
      shiftStart.toISOString(),
      plusSeconds(shiftStart, 8 * 3600),
    );
    expect(before.endedAt.getTime()).toBeLessThan(shiftStart.getTime());
    for (let i = 0; i < 2; i++) {
      t.clock.advanceMinutes(1);
      const c = await runCall(t, key, agent.agentId, 2, { severity: 1 });
      t.clock.advanceSeconds(WRAP);
      // The 2nd and 3rd in the rolling 8 h, but the 1st and 2nd in the shift: no escalation yet.
      expect((await stateOf(t, agent)).until).toBe(plusSeconds(c.endedAt, WRAP + 300));
      t.clock.advanceMinutes(5);
    }
    expect(await offersOf(agent.token)).toEqual([]);
    t.clock.advanceMinutes(1);
    const third = await runCall(t, key, agent.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP);
    expect((await stateOf(t, agent)).until).toBe(plusSeconds(third.endedAt, WRAP + 15 * 60));
    expect(await offersOf(agent.token)).toHaveLength(1);
    t.clock.advanceMinutes(16);
  });

  it('a late report after the call starts the recovery at once; a re-report raises it without a second break', async () => {
    const { agent, supervisor } = await teamWithAgent(t);
    const { callId } = await runCall(t, key, agent.agentId, 2);
    t.clock.advanceMinutes(10);
    expect((await stateOf(t, agent)).state).toBe('available');
    const res = await t
      .http()
      .post(`/v1/calls/${callId}/hostile`)
      .set(bearer(agent.token))
      .send({ severity: 1, note: 'shouted and threatened' })
      .expect(200);
    expect(res.body).toMatchObject({
      callId,
      severity: 1,
      previousSeverity: null,
      recoveryMinutes: 5,
    });
    const started = t.clock.now();
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(started, 300),
    });
    expect(await availableIds(t, key)).not.toContain(agent.agentId);

    t.clock.advanceMinutes(2);
    const again = await t
      .http()
      .post(`/v1/calls/${callId}/hostile`)
      .set(bearer(supervisor.token))
      .send({ severity: 3 })
      .expect(200);
    expect(again.body).toMatchObject({ severity: 3, previousSeverity: 1, recoveryMinutes: 15 });
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(started, 900),
    });
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM scheduled_states WHERE source_id = $1`,
      [callId],
    );
    expect(n).toBe(1);
    // The note is stored, never audited.
    const [{ note }] = await t.dataSource.query(
      `SELECT note FROM hostile_reports WHERE call_id = $1 AND note IS NOT NULL`,
      [callId],
    );
    expect(note).toBe('shouted and threatened');
    const audit = await t
      .http()
      .get('/v1/audit?pageSize=200')
      .set(await t.asAdmin())
      .expect(200);
    expect(JSON.stringify(audit.body)).not.toContain('shouted');
    t.clock.advanceMinutes(14);
    expect((await stateOf(t, agent)).state).toBe('available');
  });

  it('a higher severity while the recovery is pending or running raises it from its start, never a second break, never shorter', async () => {
    const { sendEvents, eventId } = await import('../support/router');
    const hostileEvent = (callId: string, agentId: string, severity: number) => ({
      eventId: eventId(),
      type: 'call.hostile' as const,
      callId,
      agentId,
      at: t.clock.now().toISOString(),
      severity,
      source: 'sentiment' as const,
    });
    const recoveriesOf = async (callId: string) =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM scheduled_states WHERE source_id = $1`,
          [callId],
        )
      )[0].n;

    // Pending (the agent is still in wrap-up): the agent reported 1, a supervisor raises it to 3.
    const a = await teamWithAgent(t);
    const first = await runCall(t, key, a.agent.agentId, 2, { severity: 1 });
    // The agent is told what follows the wrap-up; the supervisor's view does not carry it.
    const wrapping = await stateOf(t, a.agent);
    expect(wrapping).toMatchObject({ state: 'wrap_up', next: { state: 'recovery' } });
    const asSupervisor = await t
      .http()
      .get(`/v1/agents/${a.agent.agentId}/presence`)
      .set(bearer(a.supervisor.token))
      .expect(200);
    expect(asSupervisor.body.state).toBe('wrap_up');
    expect(asSupervisor.body).not.toHaveProperty('next');
    await t
      .http()
      .post(`/v1/calls/${first.callId}/hostile`)
      .set(bearer(a.supervisor.token))
      .send({ severity: 3 })
      .expect(200);
    // Raised: what the agent is shown follows, and a "take calls" is refused until exactly then.
    const raisedUntil = plusSeconds(first.endedAt, WRAP + 900);
    expect((await stateOf(t, a.agent)).next).toEqual({ state: 'recovery', until: raisedUntil });
    const refused = await t
      .http()
      .put(`/v1/agents/${a.agent.agentId}/presence`)
      .set(bearer(a.agent.token))
      .send({ state: 'available' })
      .expect(409);
    expect(refused.body).toMatchObject({
      error: 'BREAK_ENFORCED',
      details: { until: raisedUntil },
    });
    t.clock.advanceSeconds(WRAP);
    expect(await stateOf(t, a.agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(first.endedAt, WRAP + 900),
    });
    expect(await recoveriesOf(first.callId)).toBe(1);
    t.clock.advanceMinutes(15);
    expect((await stateOf(t, a.agent)).state).toBe('available');

    // Pending, raised by the router's call.hostile event during wrap-up: 5 → 10 minutes.
    const b = await teamWithAgent(t);
    const second = await runCall(t, key, b.agent.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(10);
    await sendEvents(t, key, [hostileEvent(second.callId, b.agent.agentId, 2)]);
    t.clock.advanceSeconds(WRAP - 10);
    expect(await stateOf(t, b.agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(second.endedAt, WRAP + 600),
    });
    expect(await recoveriesOf(second.callId)).toBe(1);
    t.clock.advanceMinutes(10);
    expect((await stateOf(t, b.agent)).state).toBe('available');

    // Running: the agent reported 1, then a supervisor reports 2: 5 → 10 minutes from its start.
    const c = await teamWithAgent(t);
    const third = await runCall(t, key, c.agent.agentId, 2);
    t.clock.advanceMinutes(1);
    await t
      .http()
      .post(`/v1/calls/${third.callId}/hostile`)
      .set(bearer(c.agent.token))
      .send({ severity: 1 })
      .expect(200);
    const started = t.clock.now();
    expect((await stateOf(t, c.agent)).until).toBe(plusSeconds(started, 300));
    t.clock.advanceMinutes(2);
    const raised = await t
      .http()
      .post(`/v1/calls/${third.callId}/hostile`)
      .set(bearer(c.supervisor.token))
      .send({ severity: 2 })
      .expect(200);
    expect(raised.body).toMatchObject({ severity: 2, previousSeverity: 1, recoveryMinutes: 10 });
    expect(await stateOf(t, c.agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(started, 600),
    });
    // A lower severity afterwards (router or person) changes nothing; never shorter.
    await sendEvents(t, key, [hostileEvent(third.callId, c.agent.agentId, 1)]);
    await t
      .http()
      .post(`/v1/calls/${third.callId}/hostile`)
      .set(bearer(c.supervisor.token))
      .send({ severity: 1 })
      .expect(200);
    expect((await stateOf(t, c.agent)).until).toBe(plusSeconds(started, 600));
    expect(await recoveriesOf(third.callId)).toBe(1);
    const [grant] = await t.dataSource.query(
      `SELECT severity, granted_seconds FROM wellbeing_grants WHERE source_id = $1`,
      [third.callId],
    );
    expect(grant).toEqual({ severity: 2, granted_seconds: 600 });
    // The router's own event at severity 3 while it runs: 10 → 15 minutes from its start.
    t.clock.advanceMinutes(1);
    await sendEvents(t, key, [hostileEvent(third.callId, c.agent.agentId, 3)]);
    expect(await stateOf(t, c.agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(started, 900),
    });
    const [active] = await t.dataSource.query(
      `SELECT ends_at FROM scheduled_states WHERE source_id = $1 AND status = 'active'`,
      [third.callId],
    );
    expect(new Date(active.ends_at).toISOString()).toBe(plusSeconds(started, 900));
    expect(await recoveriesOf(third.callId)).toBe(1);
    t.clock.advanceMinutes(11);
    expect((await stateOf(t, c.agent)).state).toBe('recovery');
    t.clock.advanceMinutes(1);
    expect((await stateOf(t, c.agent)).state).toBe('available');
  });

  it('a late call.hostile event from the router starts the recovery at once', async () => {
    const { agent } = await teamWithAgent(t);
    const { callId } = await runCall(t, key, agent.agentId, 2);
    t.clock.advanceMinutes(4);
    const { sendEvents, eventId } = await import('../support/router');
    await sendEvents(t, key, [
      {
        eventId: eventId(),
        type: 'call.hostile',
        callId,
        agentId: agent.agentId,
        at: t.clock.now().toISOString(),
        severity: 1,
        source: 'sentiment',
      },
    ]);
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(t.clock.now(), 300),
    });
    t.clock.advanceMinutes(5);
    expect((await stateOf(t, agent)).state).toBe('available');
  });

  it('a report made while the agent is on another call applies right after that call', async () => {
    const { agent } = await teamWithAgent(t);
    const first = await runCall(t, key, agent.agentId, 2);
    t.clock.advanceMinutes(1);
    const start2 = t.clock.now();
    const { callEvents, sendEvents } = await import('../support/router');
    const call2 = callEvents(agent.agentId, start2, 4);
    await sendEvents(t, key, [call2.events[0]]);
    t.clock.advanceMinutes(1);
    await t
      .http()
      .post(`/v1/calls/${first.callId}/hostile`)
      .set(bearer(agent.token))
      .send({ severity: 2 })
      .expect(200);
    expect((await stateOf(t, agent)).state).toBe('on_call');
    t.clock.advanceMinutes(3);
    await sendEvents(t, key, [call2.events[1]]);
    const end2 = t.clock.now();
    expect((await stateOf(t, agent)).state).toBe('wrap_up');
    expect(await availableIds(t, key)).not.toContain(agent.agentId);
    t.clock.advanceSeconds(WRAP);
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(end2, WRAP + 600),
    });
    t.clock.advanceMinutes(10);
  });

  it('a supervisor shortens a recovery with a reason but not below the floor; the agent extends up to the maximum', async () => {
    const { agent, supervisor } = await teamWithAgent(t);
    await runCall(t, key, agent.agentId, 2, { severity: 3 });
    t.clock.advanceSeconds(WRAP);
    const started = t.clock.now();
    const url = `/v1/agents/${agent.agentId}/recovery`;
    const below = await t
      .http()
      .post(`${url}/shorten`)
      .set(bearer(supervisor.token))
      .send({ totalMinutes: 2, reason: 'agent asked' })
      .expect(400);
    expect(below.body.error).toBe('BELOW_RECOVERY_FLOOR');
    await t
      .http()
      .post(`${url}/shorten`)
      .set(bearer(agent.token))
      .send({ totalMinutes: 5, reason: 'x' })
      .expect(403);
    const foreign = await t.createUser(['supervisor'], await t.createTeam());
    await t
      .http()
      .post(`${url}/shorten`)
      .set(bearer(foreign.token))
      .send({ totalMinutes: 5, reason: 'why not' })
      .expect(403);
    const ok = await t
      .http()
      .post(`${url}/shorten`)
      .set(bearer(supervisor.token))
      .send({ totalMinutes: 10, reason: 'agent asked to return' })
      .expect(200);
    expect(ok.body).toMatchObject({
      state: 'recovery',
      until: plusSeconds(started, 600),
      totalMinutes: 10,
    });

    const past = await t
      .http()
      .post(`${url}/extend`)
      .set(bearer(agent.token))
      .send({ minutes: 21 })
      .expect(400);
    expect(past.body.error).toBe('ABOVE_RECOVERY_MAXIMUM');
    await t
      .http()
      .post(`${url}/extend`)
      .set(bearer(supervisor.token))
      .send({ minutes: 5 })
      .expect(403);
    const ext = await t
      .http()
      .post(`${url}/extend`)
      .set(bearer(agent.token))
      .send({ minutes: 20 })
      .expect(200);
    expect(ext.body).toMatchObject({ until: plusSeconds(started, 1800), totalMinutes: 30 });

    const audit = await t
      .http()
      .get('/v1/audit?pageSize=200')
      .set(await t.asAdmin())
      .expect(200);
    const shortened = audit.body.items.find(
      (e: any) => e.action === 'recovery.shortened' && e.subjectId === agent.agentId,
    );
    expect(shortened).toMatchObject({
      actor: supervisor.id,
      details: { reason: 'agent asked to return' },
    });
    expect(
      audit.body.items.some((e: any) => e.action === 'recovery.extended' && e.actor === agent.id),
    ).toBe(true);
    await t.http().get('/v1/audit').set(bearer(supervisor.token)).expect(403);
    t.clock.advanceMinutes(30);
    const notIn = await t
      .http()
      .post(`${url}/extend`)
      .set(bearer(agent.token))
      .send({ minutes: 1 })
      .expect(409);
    expect(notIn.body.error).toBe('NOT_IN_RECOVERY');
  });

  it('role checks: another agent → 403, a supervisor of another team → 403, the agent after 30 min → 403', async () => {
    const { agent, supervisor } = await teamWithAgent(t);
    const { callId } = await runCall(t, key, agent.agentId, 2);
    const other = await t.createAgent({ teamId: (await teamWithAgent(t)).teamId });
    const foreign = await t.createUser(['supervisor'], await t.createTeam());
    const body = { severity: 1 };
    await t
      .http()
      .post(`/v1/calls/${callId}/hostile`)
      .set(bearer(other.token))
      .send(body)
      .expect(403);
    await t
      .http()
      .post(`/v1/calls/${callId}/hostile`)
      .set(bearer(foreign.token))
      .send(body)
      .expect(403);
    await t
      .http()
      .post(`/v1/calls/${callId}/hostile`)
      .set(await t.asAdmin())
      .send(body)
      .expect(403);
    await t
      .http()
      .post(`/v1/calls/nope-${callId}/hostile`)
      .set(bearer(supervisor.token))
      .send(body)
      .expect(404);
    await t
      .http()
      .post(`/v1/calls/${callId}/hostile`)
      .set(bearer(agent.token))
      .send({ severity: 4 })
      .expect(400);
    t.clock.advanceMinutes(31);
    const late = await t
      .http()
      .post(`/v1/calls/${callId}/hostile`)
      .set(bearer(agent.token))
      .send(body)
      .expect(403);
    expect(late.body.error).toBe('REPORT_WINDOW_CLOSED');
    // The supervisor still may, and the recovery starts now.
    await t
      .http()
      .post(`/v1/calls/${callId}/hostile`)
      .set(bearer(supervisor.token))
      .send(body)
      .expect(200);
    expect((await stateOf(t, agent)).state).toBe('recovery');
    t.clock.advanceMinutes(6);
  });

  it('continuous work: 20 consecutive calls, or 55 minutes without a break, give a 5 minute micro-break', async () => {
    const { agent } = await teamWithAgent(t);
    for (let i = 0; i < 19; i++) {
      await runCall(t, key, agent.agentId, 1);
      t.clock.advanceSeconds(WRAP);
      expect((await stateOf(t, agent)).state).toBe('available');
    }
    const last = await runCall(t, key, agent.agentId, 1);
    t.clock.advanceSeconds(WRAP);
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'break',
      reason: 'micro_break',
      until: plusSeconds(last.endedAt, WRAP + 300),
    });
    t.clock.advanceMinutes(5);
    expect((await stateOf(t, agent)).state).toBe('available');
    // The break reset the count: the next call is just a call.
    await runCall(t, key, agent.agentId, 1);
    t.clock.advanceSeconds(WRAP);
    expect((await stateOf(t, agent)).state).toBe('available');

    const b = await teamWithAgent(t);
    t.clock.advanceMinutes(50);
    const long = await runCall(t, key, b.agent.agentId, 5);
    t.clock.advanceSeconds(WRAP);
    expect(await stateOf(t, b.agent)).toMatchObject({
      state: 'break',
      reason: 'micro_break',
      until: plusSeconds(long.endedAt, WRAP + 300),
    });
    t.clock.advanceMinutes(6);
  });

  it('policy per team: supervisors change their own team’s (audited), the engine uses it; incoherent → 400', async () => {
    const { teamId, agent, supervisor } = await teamWithAgent(t);
    const url = `/v1/wellbeing/policies/teams/${teamId}`;
    const before = await t.http().get(url).set(bearer(supervisor.token)).expect(200);
    expect(before.body).toMatchObject({
      source: 'default',
      policy: {
        recoveryMinutesBySeverity: [5, 10, 15],
        recoveryFloorMinutes: 3,
        recoveryMaximumMinutes: 30,
        microBreakAfterMinutes: 55,
        microBreakAfterCalls: 20,
        microBreakMinutes: 5,
        teamBreakCapPercent: 15,
        escalationWindowMinutes: 60,
      },
    });
    await t
      .http()
      .put(url)
      .set(bearer(supervisor.token))
      .send({ recoveryMinutesBySeverity: [7, 10, 15] })
      .expect(200);
    const bad = await t
      .http()
      .put(url)
      .set(bearer(supervisor.token))
      .send({ recoveryFloorMinutes: 8 })
      .expect(400);
    expect(bad.body.error).toBe('INVALID_POLICY');
    await t.http().put(url).set(bearer(supervisor.token)).send({ bogus: 1 }).expect(400);
    const foreign = await t.createUser(['supervisor'], await t.createTeam());
    await t.http().put(url).set(bearer(foreign.token)).send({ shiftHours: 6 }).expect(403);
    await t.http().get(url).set(bearer(agent.token)).expect(403);

    const { endedAt } = await runCall(t, key, agent.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP);
    expect((await stateOf(t, agent)).until).toBe(plusSeconds(endedAt, WRAP + 7 * 60));
    const audit = await t
      .http()
      .get('/v1/audit?action=policy.changed')
      .set(await t.asAdmin())
      .expect(200);
    expect(audit.body.items.find((e: any) => e.subjectId === teamId)).toMatchObject({
      actor: supervisor.id,
      details: { after: { recoveryMinutesBySeverity: [7, 10, 15] } },
    });
    // A site default applies to teams without their own setting.
    const site = await t.createSite();
    const team2 = await t.createTeam(site);
    await t
      .http()
      .put(`/v1/wellbeing/policies/sites/${site}`)
      .set(await t.asAdmin())
      .send({ microBreakAfterCalls: 10 })
      .expect(200);
    await t
      .http()
      .put(`/v1/wellbeing/policies/sites/${site}`)
      .set(bearer(supervisor.token))
      .send({ microBreakAfterCalls: 9 })
      .expect(403);
    const p2 = await t
      .http()
      .get(`/v1/wellbeing/policies/teams/${team2}`)
      .set(await t.asAdmin())
      .expect(200);
    expect(p2.body).toMatchObject({ source: 'site', policy: { microBreakAfterCalls: 10 } });
    t.clock.advanceMinutes(8);
  });

  it('recovery breaks switched off: hostile calls are recorded, alerted and reported, but give no recovery', async () => {
    const site = await t.createSite(undefined, 'UTC');
    const teamId = await t.createTeam(site);
    const agent = await t.createAgent({ teamId });
    const supervisor = await t.createUser(['supervisor'], teamId);
    await setPresence(t, agent, 'available');
    const url = `/v1/wellbeing/policies/teams/${teamId}`;
    const off = await t
      .http()
      .put(url)
      .set(bearer(supervisor.token))
      .send({ recoveryBreaksEnabled: false })
      .expect(200);
    expect(off.body).toMatchObject({ source: 'team', policy: { recoveryBreaksEnabled: false } });
    await t
      .http()
      .put(url)
      .set(bearer(supervisor.token))
      .send({ recoveryBreaksEnabled: 'no' })
      .expect(400);
    const date = t.clock.now().toISOString().slice(0, 10);

    const first = await runCall(t, key, agent.agentId, 2, { severity: 2 });
    expect((await stateOf(t, agent)).state).toBe('wrap_up');
    t.clock.advanceSeconds(WRAP);
    expect((await stateOf(t, agent)).state).toBe('available');
    expect(await availableIds(t, key)).toContain(agent.agentId);
    // A re-report raises the severity; still no recovery, never a scheduled state.
    const again = await t
      .http()
      .post(`/v1/calls/${first.callId}/hostile`)
      .set(bearer(agent.token))
      .send({ severity: 3 })
      .expect(200);
    expect(again.body).toMatchObject({ severity: 3, previousSeverity: 2, recoveryMinutes: 0 });
    expect((await stateOf(t, agent)).state).toBe('available');
    const [grant] = await t.dataSource.query(
      `SELECT severity, minimum_seconds, granted_seconds FROM wellbeing_grants WHERE source_id = $1`,
      [first.callId],
    );
    expect(grant).toEqual({ severity: 3, minimum_seconds: 900, granted_seconds: 0 });

    t.clock.advanceMinutes(3);
    const second = await runCall(t, key, agent.agentId, 2);
    t.clock.advanceSeconds(WRAP);
    await t
      .http()
      .post(`/v1/calls/${second.callId}/hostile`)
      .set(bearer(supervisor.token))
      .send({ severity: 1 })
      .expect(200);
    await t
      .http()
      .post(`/v1/calls/${second.callId}/hostile`)
      .set(bearer(supervisor.token))
      .send({ severity: 2 })
      .expect(200);
    expect((await stateOf(t, agent)).state).toBe('available');
    const alerts = (
      await t
        .http()
        .get(`/v1/wellbeing/alerts?teamId=${teamId}`)
        .set(bearer(supervisor.token))
        .expect(200)
    ).body.alerts;
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'escalation',
        agentId: agent.agentId,
        details: expect.objectContaining({ hostileCallsInWindow: 2 }),
      }),
    ]);

    t.clock.advanceMinutes(3);
    await runCall(t, key, agent.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP);
    expect((await stateOf(t, agent)).state).toBe('available');
    const offers = (await t.http().get('/v1/wellbeing/offers').set(bearer(agent.token)).expect(200))
      .body.offers;
    expect(offers).toHaveLength(1);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM scheduled_states WHERE agent_id = $1`,
      [agent.agentId],
    );
    expect(n).toBe(0);
    const audit = await t
      .http()
      .get('/v1/audit?action=hostile_call.recorded&pageSize=200')
      .set(await t.asAdmin())
      .expect(200);
    expect(
      audit.body.items.filter((e: any) => e.subjectId === agent.agentId).map((e: any) => e.action),
    ).toEqual(['hostile_call.recorded', 'hostile_call.recorded', 'hostile_call.recorded']);

    const report = await t
      .http()
      .get(`/v1/wellbeing/report?teamId=${teamId}&date=${date}`)
      .set(bearer(supervisor.token))
      .expect(200);
    expect(report.body).toMatchObject({
      hostileCalls: 3,
      hostileCallsPerAgent: [{ hostileCalls: 3, agents: 1 }],
      recoveryMinutesGranted: 0,
      hostileCallsWithFullRecovery: 0,
      fullRecoveryShare: 0,
    });

    // Switched back on: the next hostile call gets its recovery again.
    await t
      .http()
      .put(url)
      .set(bearer(supervisor.token))
      .send({ recoveryBreaksEnabled: true })
      .expect(200);
    t.clock.advanceMinutes(3);
    const fourth = await runCall(t, key, agent.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP);
    // The 4th in the shift: escalated to 15 minutes.
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'recovery',
      until: plusSeconds(fourth.endedAt, WRAP + 15 * 60),
    });
    t.clock.advanceMinutes(16);
  });

  it('occupancy above the cap for 30 min alerts the supervisor once; the team report counts the day', async () => {
    const { teamId, agent, supervisor } = await teamWithAgent(t);
    t.clock.advanceMinutes(1);
    const { callEvents, sendEvents } = await import('../support/router');
    const c = callEvents(agent.agentId, t.clock.now(), 40);
    await sendEvents(t, key, [c.events[0]]);
    t.clock.advanceMinutes(35);
    const svc = t.app.get(OccupancyCheckService);
    expect(await svc.checkOccupancy(t.clock.now())).toBe(1);
    expect(await svc.checkOccupancy(t.clock.now())).toBe(0);
    const alerts = (
      await t
        .http()
        .get(`/v1/wellbeing/alerts?teamId=${teamId}`)
        .set(bearer(supervisor.token))
        .expect(200)
    ).body.alerts;
    expect(alerts).toEqual([
      expect.objectContaining({ kind: 'occupancy_above_cap', agentId: agent.agentId }),
    ]);
    t.clock.advanceMinutes(5);
    await sendEvents(t, key, [c.events[1]]);
    t.clock.advanceMinutes(1);

    // Two hostile calls for this agent (one shortened to the floor), none for a teammate.
    const mate = await t.createAgent({ teamId });
    await setPresence(t, mate, 'available');
    await runCall(t, key, agent.agentId, 2, { severity: 1 });
    t.clock.advanceSeconds(WRAP);
    await t
      .http()
      .post(`/v1/agents/${agent.agentId}/recovery/shorten`)
      .set(bearer(supervisor.token))
      .send({ totalMinutes: 3, reason: 'fine now' })
      .expect(200);
    t.clock.advanceMinutes(4);
    await runCall(t, key, agent.agentId, 2, { severity: 2 });
    t.clock.advanceMinutes(11);
    const date = t.clock.now().toISOString().slice(0, 10);
    const report = await t
      .http()
      .get(`/v1/wellbeing/report?teamId=${teamId}&date=${date}`)
      .set(bearer(supervisor.token))
      .expect(200);
    expect(report.body).toMatchObject({
      teamId,
      hostileCalls: 2,
      hostileCallsPerAgent: [
        { hostileCalls: 0, agents: 1 },
        { hostileCalls: 2, agents: 1 },
      ],
      recoveryMinutesGranted: 13,
      hostileCallsWithFullRecovery: 1,
      fullRecoveryShare: 0.5,
    });
    expect(JSON.stringify(report.body)).not.toContain(agent.agentId);
    const foreign = await t.createUser(['supervisor'], await t.createTeam());
    await t
      .http()
      .get(`/v1/wellbeing/report?teamId=${teamId}&date=${date}`)
      .set(bearer(foreign.token))
      .expect(403);
  });
});
