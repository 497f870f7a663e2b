import { callEvents, sendEvents, setPresence } from '../support/router';
import { bearer, TestApp } from '../support/test-app';
import { stateOf } from './helpers';

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
    t.clock.advanceSeconds(30);
    expect(await stateOf(t, agent)).toMatchObject({
      state: 'break',
      reason: 'meal',
      until: res.body.endsAt,
    });
    t.clock.advanceMinutes(15);
    expect((await stateOf(t, agent)).state).toBe('available');
  });
});
