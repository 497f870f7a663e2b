import { routerKey, TestApp } from '../support/test-app';

/**
 * POST /v1/routing/reservations as a router does: a 503 DATABASE_UNAVAILABLE (the request's
 * database budget ran out waiting for a pooled connection, nothing written) is asked again at once.
 * On a loaded machine a burst of requests serialised on one call's lock can meet it; what the
 * tests below count is the answers after such retries.
 */
async function reserve(url: string, key: string, body: object) {
  for (let attempt = 1; ; attempt++) {
    const r = await fetch(`${url}/v1/routing/reservations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': key },
      body: JSON.stringify(body),
    });
    const answer = { status: r.status, body: (await r.json()) as any };
    if (answer.status !== 503 || answer.body?.error !== 'DATABASE_UNAVAILABLE' || attempt === 10)
      return answer;
  }
}

/** Two service replicas on one database, racing real HTTP requests. */
describe('reservation race across two replicas', () => {
  let a: TestApp;
  let b: TestApp;
  let key: string;

  beforeAll(async () => {
    a = await TestApp.create({ env: { DATABASE_POOL_SIZE: '20' } });
    b = await TestApp.create({
      databaseUrl: a.databaseUrl,
      clock: a.clock,
      env: { DATABASE_POOL_SIZE: '20' },
    });
    key = await a.createRouterKey();
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('200 concurrent reservations for 50 matching agents: exactly 50 succeed, 150 get NO_AGENT_AVAILABLE, nobody held twice', async () => {
    const teamId = await a.createTeam();
    const agents = [];
    for (let i = 0; i < 50; i++)
      agents.push(
        await a.createRoutableAgent({
          teamId,
          dialects: [{ tag: 'cmn-x-sichuan', proficiency: 4 }],
        }),
      );
    // A non-matching agent must never be picked.
    const other = await a.createRoutableAgent({
      teamId,
      dialects: [{ tag: 'yue', proficiency: 5 }],
    });
    for (const agent of [...agents, other])
      await a
        .http()
        .put(`/v1/agents/${agent.agentId}/presence`)
        .set(routerKey(key))
        .send({ state: 'available' })
        .expect(200);

    const urls = [await a.url(), await b.url()];
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        reserve(urls[i % 2], key, {
          callId: `race-${i}`,
          dialect: 'cmn-x-sichuan',
          minProficiency: 3,
        }),
      ),
    );
    const won = results.filter((r) => r.status === 201);
    const lost = results.filter((r) => r.status === 409);
    // The whole tally first: a failure says which answers came (a 503 that ten tries did not get
    // past, or a 409 while an agent was still free), not only that the winners were short.
    const tally: Record<string, number> = {};
    for (const r of results) {
      const answer = `${r.status} ${r.body?.error ?? ''}`.trim();
      tally[answer] = (tally[answer] ?? 0) + 1;
    }
    expect(tally).toEqual({ '201': 50, '409 NO_AGENT_AVAILABLE': 150 });
    expect(won).toHaveLength(50);
    expect(lost).toHaveLength(150);
    expect(lost.every((r) => r.body.error === 'NO_AGENT_AVAILABLE')).toBe(true);
    const held = won.map((r) => r.body.agentId);
    expect(new Set(held).size).toBe(50);
    expect(held).not.toContain(other.agentId);
    expect(new Set(held)).toEqual(new Set(agents.map((x) => x.agentId)));

    const [{ live, agentsHeld }] = await a.dataSource.query(
      `SELECT count(*)::int AS live, count(DISTINCT agent_id)::int AS "agentsHeld" FROM reservations WHERE status = 'held'`,
    );
    expect({ live, agentsHeld }).toEqual({ live: 50, agentsHeld: 50 });
    const [{ reserved }] = await a.dataSource.query(
      `SELECT count(*)::int AS reserved FROM agent_presence WHERE state = 'reserved'`,
    );
    expect(reserved).toBe(50);
  });

  it('retries of one callId racing on both replicas yield one reservation', async () => {
    // One matching agent: a retry that skips the agent its sibling has locked must still find the hold.
    const teamId = await a.createTeam();
    const { agentId } = await a.createRoutableAgent({
      teamId,
      dialects: [{ tag: 'wuu', proficiency: 4 }],
    });
    await a
      .http()
      .put(`/v1/agents/${agentId}/presence`)
      .set(routerKey(key))
      .send({ state: 'available' })
      .expect(200);
    const urls = [await a.url(), await b.url()];
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        reserve(urls[i % 2], key, { callId: 'same-call', dialect: 'wuu' }),
      ),
    );
    expect(results.filter((r) => r.status !== 201 && r.status !== 200)).toEqual([]);
    expect(new Set(results.map((r) => r.body.reservationId)).size).toBe(1);
    const [{ n }] = await a.dataSource.query(
      `SELECT count(*)::int AS n FROM reservations WHERE call_id = 'same-call'`,
    );
    expect(n).toBe(1);
  });
});
