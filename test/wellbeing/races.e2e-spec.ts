import { callEvents, sendEvents, setPresence } from '../support/router';
import { bearer, TestApp } from '../support/test-app';
import { stateOf } from './helpers';

describe('wellbeing races', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await TestApp.create({ env: { DATABASE_POOL_SIZE: '30' } });
    key = await t.createRouterKey();
  });
  afterAll(() => t.close());

  const reserve = (url: string, callId: string) =>
    fetch(`${url}/v1/routing/reservations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': key },
      body: JSON.stringify({ callId, dialect: 'nan', minProficiency: 3 }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

  it('a hostile call ends while 20 reservations for its dialect arrive: none gets the agent, before or after wrap-up', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId, dialects: [{ tag: 'nan', proficiency: 5 }] });
    await setPresence(t, agent, 'available');
    // An ordinary call first: the team's policy is then cached, as in a running service.
    const warm = callEvents(agent.agentId, t.clock.now(), 1);
    t.clock.advanceMinutes(1);
    await sendEvents(t, key, warm.events);
    t.clock.advanceMinutes(1);
    const start = t.clock.now();
    const call = callEvents(agent.agentId, start, 3, { severity: 1 });
    await sendEvents(t, key, [call.events[0]]);
    t.clock.advanceMinutes(3);
    const url = await t.url();
    const [ended, ...results] = await Promise.all([
      fetch(`${url}/v1/calls/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Api-Key': key },
        body: JSON.stringify({ events: call.events.slice(1) }),
      }).then((r) => r.status),
      ...Array.from({ length: 20 }, (_, i) => reserve(url, `race-end-${i}`)),
    ]);
    expect(ended).toBe(202);
    expect(results.filter((r) => r.status === 201)).toEqual([]);
    expect(results.filter((r) => r.body.error !== 'NO_AGENT_AVAILABLE')).toEqual([]);

    // Right when wrap-up ends (before any sweep), the recovery holds: still nobody gets the agent.
    t.clock.advanceSeconds(31);
    const later = await Promise.all(
      Array.from({ length: 20 }, (_, i) => reserve(url, `race-after-${i}`)),
    );
    expect(later.filter((r) => r.status === 201)).toEqual([]);
    expect((await stateOf(t, agent)).state).toBe('recovery');
    const [{ held }] = await t.dataSource.query(
      `SELECT count(*)::int AS held FROM reservations WHERE agent_id = $1`,
      [agent.agentId],
    );
    expect(held).toBe(0);
    t.clock.advanceMinutes(6);
  }, 180_000);

  it('capacity: concurrent self-booked breaks at the team cap, exactly the cap succeed', async () => {
    const teamId = await t.createTeam();
    const agents = [];
    for (let i = 0; i < 20; i++) agents.push(await t.createAgent({ teamId }));
    for (const a of agents) await setPresence(t, a, 'available');
    // 20 logged in × 15% = 3 at once.
    const url = await t.url();
    const startsAt = new Date(t.clock.now().getTime() + 60 * 60_000).toISOString();
    const results = await Promise.all(
      agents.slice(0, 12).map((a) =>
        fetch(`${url}/v1/breaks`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...bearer(a.token) },
          body: JSON.stringify({ startsAt, minutes: 15, kind: 'rest' }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as any })),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(9);
    expect(refused.every((r) => r.status === 409 && r.body.error === 'BREAK_CAPACITY')).toBe(true);
    expect(refused[0].body.details).toMatchObject({ cap: 3, loggedInAgents: 20, alreadyBooked: 3 });
    // A window that does not overlap is free again.
    await t
      .http()
      .post('/v1/breaks')
      .set(bearer(agents[15].token))
      .send({
        startsAt: new Date(Date.parse(startsAt) + 15 * 60_000).toISOString(),
        minutes: 15,
        kind: 'meal',
      })
      .expect(201);
  }, 300_000);
});

describe('a burst of first call ends on a small pool', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await TestApp.create({ env: { DATABASE_POOL_SIZE: '3' } });
    key = await t.createRouterKey();
  });
  afterAll(() => t.close());

  it("ends six agents' first calls at once on three connections: the policy look-up never waits for a second connection", async () => {
    // A team no call has ended for yet: its policy and site are not cached, as after a restart.
    const teamId = await t.createTeam();
    const agents = [];
    for (let i = 0; i < 6; i++) {
      const agent = await t.createAgent({ teamId, dialects: [{ tag: 'cmn', proficiency: 4 }] });
      await setPresence(t, agent, 'available');
      agents.push(agent);
    }
    const start = t.clock.now();
    const batches = agents.map((a) => callEvents(a.agentId, start, 2).events);
    t.clock.advanceMinutes(2); // at the calls' end: every agent is then in wrap-up
    const url = await t.url();
    const statuses = await Promise.all(
      batches.map((events) =>
        fetch(`${url}/v1/calls/events`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Api-Key': key },
          body: JSON.stringify({ events }),
        }).then((r) => r.status),
      ),
    );
    // Before the look-up went through the transaction's own connection, three transactions held
    // the three connections, each waiting for a fourth: 503 DATABASE_UNAVAILABLE after the budget.
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202]);
    for (const a of agents) expect((await stateOf(t, a)).state).toBe('wrap_up');
  });
});
