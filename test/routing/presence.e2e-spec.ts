import { presenceOf, setPresence } from '../support/router';
import { bearer, routerKey, TestApp } from '../support/test-app';

describe('presence', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await TestApp.create();
    key = await t.createRouterKey();
  });
  afterAll(() => t.close());

  it('starts offline and follows the agent’s own requests, recording history', async () => {
    const a = await t.createAgent();
    expect(await presenceOf(t, a.agentId, bearer(a.token))).toMatchObject({
      agentId: a.agentId,
      state: 'offline',
    });
    t.clock.advanceMinutes(1);
    const res = await setPresence(t, a, 'available');
    expect(res).toMatchObject({ state: 'available', since: t.clock.now().toISOString() });
    t.clock.advanceMinutes(5);
    await t
      .http()
      .put(`/v1/agents/${a.agentId}/presence`)
      .set(bearer(a.token))
      .send({ state: 'not_ready', reason: 'training' })
      .expect(200);
    const rows = await t.dataSource.query(
      `SELECT state, reason, ended_at FROM presence_intervals WHERE agent_id = $1 ORDER BY started_at, id`,
      [a.agentId],
    );
    expect(rows.map((r: any) => [r.state, r.reason, r.ended_at === null])).toEqual([
      ['offline', null, false],
      ['available', null, false],
      ['not_ready', 'training', true],
    ]);
  });

  it('lets the router set presence, and refuses other agents and other teams’ supervisors', async () => {
    const teamA = await t.createTeam();
    const a = await t.createAgent({ teamId: teamA });
    const other = await t.createAgent();
    const foreignSup = await t.createUser(['supervisor'], await t.createTeam());
    const ownSup = await t.createUser(['supervisor'], teamA);
    await t
      .http()
      .put(`/v1/agents/${a.agentId}/presence`)
      .set(routerKey(key))
      .send({ state: 'available' })
      .expect(200);
    await t
      .http()
      .put(`/v1/agents/${a.agentId}/presence`)
      .set(bearer(other.token))
      .send({ state: 'offline' })
      .expect(403);
    await t
      .http()
      .get(`/v1/agents/${a.agentId}/presence`)
      .set(bearer(foreignSup.token))
      .expect(403);
    await t
      .http()
      .put(`/v1/agents/${a.agentId}/presence`)
      .set(bearer(ownSup.token))
      .send({ state: 'not_ready' })
      .expect(200);
  });

  it('rejects states that cannot be requested and unknown fields', async () => {
    const a = await t.createAgent();
    const res = await t
      .http()
      .put(`/v1/agents/${a.agentId}/presence`)
      .set(bearer(a.token))
      .send({ state: 'on_call' })
      .expect(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    await t
      .http()
      .put(`/v1/agents/${a.agentId}/presence`)
      .set(bearer(a.token))
      .send({ state: 'available', until: 'x' })
      .expect(400);
  });

  it('answers 409 INVALID_TRANSITION naming the current state', async () => {
    const a = await t.createAgent();
    await setPresence(t, a, 'available');
    await t
      .http()
      .post('/v1/calls/events')
      .set(routerKey(key))
      .send({
        events: [
          {
            eventId: `e-${a.agentId}`,
            type: 'call.answered',
            callId: `c-${a.agentId}`,
            agentId: a.agentId,
            at: t.clock.now().toISOString(),
          },
        ],
      })
      .expect(202);
    const res = await t
      .http()
      .put(`/v1/agents/${a.agentId}/presence`)
      .set(bearer(a.token))
      .send({ state: 'not_ready' })
      .expect(409);
    expect(res.body).toMatchObject({
      error: 'INVALID_TRANSITION',
      details: { from: 'on_call', to: 'not_ready' },
    });
    expect(res.body.message).toContain('on_call');
  });

  it('404s an unknown agent', async () => {
    await t
      .http()
      .get('/v1/agents/00000000-0000-4000-8000-000000000000/presence')
      .set(await t.asAdmin())
      .expect(404);
  });
});
