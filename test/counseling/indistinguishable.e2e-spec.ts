import { book, createCounselor, TestCounselor } from '../support/counseling';
import { callId, eventId, presenceOf, sendEvents, setPresence } from '../support/router';
import { bearer, routerKey, TestApp } from '../support/test-app';

// Clock starts Monday 2026-01-05 08:00Z; the session is Tuesday 02:00–02:50Z.
const START = '2026-01-06T02:00:00.000Z';
const END = '2026-01-06T02:50:00.000Z';

/**
 * Toward anyone but the agent, an agent in a counselling session is indistinguishable from one who
 * set not_ready/private themselves. Each check asks the same of both and compares the answers.
 */
describe('counselling confidentiality: a session looks like the agent’s own not_ready/private', () => {
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
  });

  /** The answer without the agent's id (the only thing allowed to differ). */
  const strip = (body: any) => JSON.parse(JSON.stringify(body).split(body.agentId).join('AGENT'));
  const put = (agentId: string, headers: Record<string, string>, body: Record<string, unknown>) =>
    t.http().put(`/v1/agents/${agentId}/presence`).set(headers).send(body);

  it('same GET presence, same PUT answers (409 AGENT_NOT_READY, no until), same list, same alert after a routed call', async () => {
    const teamId = await t.createTeam();
    const supervisor = await t.createUser(['supervisor'], teamId);
    const inSession = await t.createAgent({ teamId });
    const ownPrivate = await t.createAgent({ teamId });
    await book(t, inSession, c.counselorId, START).expect(201);
    await setPresence(t, inSession, 'available');
    await setPresence(t, ownPrivate, 'available');

    t.clock.set(START);
    await put(ownPrivate.agentId, bearer(ownPrivate.token), {
      state: 'not_ready',
      reason: 'private',
    }).expect(200);
    t.clock.set('2026-01-06T02:10:00Z');

    const viewers: Array<[string, Record<string, string>]> = [
      ['router', routerKey(key)],
      ['supervisor', bearer(supervisor.token)],
      ['admin', await t.asAdmin()],
    ];
    for (const [, headers] of viewers) {
      const a = await presenceOf(t, inSession.agentId, headers);
      const b = await presenceOf(t, ownPrivate.agentId, headers);
      expect(a).toEqual({
        agentId: inSession.agentId,
        state: 'not_ready',
        reason: 'private',
        since: START,
      });
      expect(strip(a)).toEqual(strip(b));
    }
    for (const [, headers] of viewers) {
      for (const body of [
        { state: 'available' },
        { state: 'offline' },
        { state: 'not_ready', reason: 'meeting' },
        { state: 'not_ready', reason: 'private' },
      ]) {
        const a = await put(inSession.agentId, headers, body);
        const b = await put(ownPrivate.agentId, headers, body);
        expect([a.status, strip(a.body)]).toEqual([b.status, strip(b.body)]);
        if (body.state === 'available') {
          expect(a.status).toBe(409);
          expect(a.body.error).toBe('AGENT_NOT_READY');
          expect(a.body.details).toBeUndefined();
          expect(JSON.stringify(a.body)).not.toContain('2026-01-06T02:50');
        }
      }
    }
    const listed = (
      await t.http().get('/v1/routing/available-agents?limit=100').set(routerKey(key)).expect(200)
    ).body.agents.map((a: any) => a.agentId);
    expect(listed).not.toContain(inSession.agentId);
    expect(listed).not.toContain(ownPrivate.agentId);

    // Only the agent in the session is told its end.
    const own = await put(inSession.agentId, bearer(inSession.token), { state: 'available' });
    expect(own.status).toBe(409);
    expect(own.body).toMatchObject({ error: 'BREAK_ENFORCED', details: { until: END } });

    // The router puts a call through to both: the same breach alert, the same state afterwards.
    const calls = [callId(), callId()];
    const agents = [inSession, ownPrivate];
    const at = (s: string) => new Date(s).toISOString();
    await sendEvents(
      t,
      key,
      agents.map((a, i) => ({
        eventId: eventId(),
        type: 'call.answered',
        callId: calls[i],
        agentId: a.agentId,
        at: at('2026-01-06T02:10:00Z'),
      })),
    );
    t.clock.set('2026-01-06T02:14:00Z');
    await sendEvents(
      t,
      key,
      agents.map((a, i) => ({
        eventId: eventId(),
        type: 'call.ended',
        callId: calls[i],
        agentId: a.agentId,
        at: at('2026-01-06T02:14:00Z'),
        durationSeconds: 240,
      })),
    );
    const alerts = (
      await t
        .http()
        .get(`/v1/wellbeing/alerts?teamId=${teamId}`)
        .set(bearer(supervisor.token))
        .expect(200)
    ).body.alerts;
    const alertOf = (agentId: string) => {
      const found = alerts.filter((x: any) => x.agentId === agentId);
      expect(found).toHaveLength(1);
      const { id: _id, agentId: _a, details, ...rest } = found[0];
      return { ...rest, details: { ...details, callId: 'CALL' } };
    };
    expect(alertOf(inSession.agentId)).toEqual(alertOf(ownPrivate.agentId));
    expect(alertOf(inSession.agentId).kind).toBe('routed_during_protected_time');

    t.clock.set('2026-01-06T02:15:00Z');
    for (const [, headers] of viewers) {
      const a = await presenceOf(t, inSession.agentId, headers);
      const b = await presenceOf(t, ownPrivate.agentId, headers);
      expect(a).toMatchObject({ state: 'not_ready', reason: 'private' });
      expect(a.until).toBeUndefined();
      expect(strip(a)).toEqual(strip(b));
    }
    // The same load figures for both.
    const loadOf = async (agentId: string) => {
      const body = (
        await t
          .http()
          .get(`/v1/agents/${agentId}/load?window=60`)
          .set(bearer(supervisor.token))
          .expect(200)
      ).body;
      const { agentId: _id, ...figures } = body;
      return figures;
    };
    expect(await loadOf(inSession.agentId)).toEqual(await loadOf(ownPrivate.agentId));
    // The agent sees its session resumed for at least the 40 minutes it had left at 02:10.
    const mine = await presenceOf(t, inSession.agentId, bearer(inSession.token));
    expect(mine.state).toBe('counseling');
    expect(Date.parse(mine.until)).toBeGreaterThanOrEqual(
      Date.parse('2026-01-06T02:14:30Z') + 40 * 60_000,
    );
  });

  it('the counsellor sees the agent’s display name on their bookings; nobody else sees the booking', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const booked = await book(t, agent, c.counselorId, START).expect(201);
    const [{ display_name: name }] = await t.dataSource.query(
      `SELECT display_name FROM agents WHERE id = $1`,
      [agent.agentId],
    );
    const list = await t.http().get('/v1/counseling/bookings').set(bearer(c.token)).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: booked.body.id, agentId: agent.agentId, agentName: name }),
    ]);
    const one = await t
      .http()
      .get(`/v1/counseling/bookings/${booked.body.id}`)
      .set(bearer(c.token))
      .expect(200);
    expect(one.body.agentName).toBe(name);
    const supervisor = await t.createUser(['supervisor'], teamId);
    await t
      .http()
      .get(`/v1/counseling/bookings/${booked.body.id}`)
      .set(bearer(supervisor.token))
      .expect(404);
  });

  it('erasing one’s counselling data cancels upcoming sessions and tells the counsellor without content, then erases', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const booked = await book(t, agent, c.counselorId, START).expect(201);
    await t
      .http()
      .put(`/v1/counseling/bookings/${booked.body.id}/notes`)
      .set(bearer(c.token))
      .send({ notes: 'very private' })
      .expect(200);
    const erased = await t
      .http()
      .delete('/v1/counseling/me/history')
      .set(bearer(agent.token))
      .expect(200);
    expect(erased.body).toEqual({ erased: 1, cancelled: 1 });
    const notes = await t
      .http()
      .get('/v1/counseling/notifications')
      .set(bearer(c.token))
      .expect(200);
    expect(notes.body.notifications).toEqual([
      {
        id: expect.any(String),
        kind: 'session_cancelled',
        startsAt: START,
        endsAt: END,
        createdAt: t.clock.now().toISOString(),
      },
    ]);
    expect(JSON.stringify(notes.body)).not.toContain(agent.agentId);
    expect(JSON.stringify(notes.body)).not.toContain('private');
    // Then erased: the counsellor no longer has it, the slot is free, presence has nothing scheduled.
    await t
      .http()
      .get(`/v1/counseling/bookings/${booked.body.id}`)
      .set(bearer(c.token))
      .expect(404);
    const other = await t.createAgent({ teamId });
    await book(t, other, c.counselorId, START).expect(201);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM scheduled_states WHERE agent_id = $1 AND status IN ('pending', 'active')`,
      [agent.agentId],
    );
    expect(count).toBe(0);
    // Another counsellor is told nothing.
    const stranger = await createCounselor(t);
    const none = await t
      .http()
      .get('/v1/counseling/notifications')
      .set(bearer(stranger.token))
      .expect(200);
    expect(none.body.notifications).toEqual([]);
  });
});
