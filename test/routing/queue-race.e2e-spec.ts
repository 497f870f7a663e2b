import { eventId } from '../support/router';
import { TestApp } from '../support/test-app';
import { pause, useRaceReplicas } from './race-replicas';

/**
 * Two real service processes (system clock, jobs on) share one database. 500 calls arrive at once,
 * spread over both; 40 agents take them, reject some, and free up at random moments. Whatever
 * the interleaving: every call is offered to one agent at a time, no agent ever holds two offers,
 * and every call ends.
 */
describe('queue race: two service processes, 500 concurrent calls', () => {
  const race = useRaceReplicas();
  const { api, pick } = race;
  let t: TestApp;
  beforeAll(() => (t = race.t));

  it('offers each call to one agent at a time, never two offers to an agent, and ends every call', async () => {
    const teamId = await t.createTeam();
    await t
      .http()
      .put(`/v1/teams/${teamId}/settings`)
      .set(await t.asAdmin())
      .send({ wrapUpSeconds: 0, hostileReportWindowSeconds: 0, reservationTtlSeconds: 60 })
      .expect(200);
    const agents = [];
    for (let i = 0; i < 40; i++)
      agents.push(
        await t.createRoutableAgent({ teamId, dialects: [{ tag: 'cmn', proficiency: 4 }] }),
      );
    for (const agent of agents) {
      const res = await api(pick(), 'PUT', `/v1/agents/${agent.agentId}/presence`, {
        state: 'available',
      });
      expect(res.status).toBe(200);
    }

    const serverErrors: string[] = [];
    const check = (what: string, res: { status: number; body: any }) => {
      if (res.status >= 500)
        serverErrors.push(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };
    let rejects = 0;
    // What this client saw of each offer, on its own clock: from the answer that showed the offer to
    // the moment it sent the reject or the call's end. The server held the offer at least that long.
    const offersSeen = new Map<string, { agentId: string; seenAt: number; releasedAt?: number }>();
    const seen = (reservationId: string, agentId: string) => {
      if (!offersSeen.has(reservationId))
        offersSeen.set(reservationId, { agentId, seenAt: performance.now() });
      return offersSeen.get(reservationId)!;
    };
    const run = async (n: number) => {
      const callId = `race-${n}-${process.pid}`;
      const enqueued = check(
        'enqueue',
        await api(n % 2, 'POST', '/v1/routing/calls', { callId, dialect: 'cmn', priority: n % 10 }),
      );
      // 200: a retried POST whose first answer was lost (the stand-in retries) gets the call's state.
      if (![200, 201, 202].includes(enqueued.status))
        throw new Error(`enqueue ${enqueued.status} ${JSON.stringify(enqueued.body)}`);
      let state = enqueued.body;
      for (let round = 0; round < 60; round++) {
        if (state.status !== 'offered') {
          state = check(
            'poll',
            await api(
              pick(),
              'GET',
              `/v1/routing/calls/${callId}?waitSeconds=20&status=${state.status}`,
            ),
          ).body;
          continue;
        }
        const { reservationId, agentId } = state.reservation;
        const held = seen(reservationId, agentId);
        if (Math.random() < 0.15) {
          rejects++;
          held.releasedAt = performance.now();
          check(
            'reject',
            await api(pick(), 'POST', `/v1/routing/reservations/${reservationId}/reject`, {
              reason: 'busy',
            }),
          );
          state = { status: 'queued' };
          continue;
        }
        check(
          'accept',
          await api(pick(), 'POST', `/v1/routing/reservations/${reservationId}/accept`),
        );
        await pause(Math.random() * 30); // the agent frees up at a random moment
        held.releasedAt = performance.now();
        const ended = check(
          'end',
          await api(pick(), 'POST', '/v1/calls/events', {
            events: [
              {
                eventId: eventId(),
                type: 'call.ended',
                callId,
                agentId,
                at: new Date().toISOString(),
                durationSeconds: 1,
              },
            ],
          }),
        );
        expect(ended.status).toBe(202);
        return;
      }
      throw new Error(`${callId} was never connected`);
    };
    await Promise.all(Array.from({ length: 500 }, (_, n) => run(n)));
    expect(serverErrors).toEqual([]);
    // Retries of 503 answers (a busy database on this shared machine) are what a router does too.
    expect(race.retries).toBeLessThan(5000);

    const [{ ended }] = await t.dataSource.query(
      `SELECT count(*)::int AS ended FROM queued_calls WHERE status = 'ended'`,
    );
    expect(ended).toBe(500);
    const reservations: Array<{
      call_id: string;
      agent_id: string;
      status: string;
      created_at: Date;
      decided_at: Date;
    }> = await t.dataSource.query(
      `SELECT call_id, agent_id, status, created_at, decided_at FROM reservations ORDER BY agent_id, created_at`,
    );
    expect(reservations.every((r) => r.status === 'accepted' || r.status === 'rejected')).toBe(
      true,
    );
    expect(reservations.filter((r) => r.status === 'rejected')).toHaveLength(rejects);
    // No agent held two offers at once. Server stamps cannot show it: a replica stamps a dispatch pass
    // with the time the pass began, so under load two replicas' stamps invert by the length of a pass.
    // This client's own intervals can: if two offers to one agent were both seen before either was
    // released, the server held both at that moment.
    expect(offersSeen.size).toBe(reservations.length);
    const byAgent = new Map<string, Array<{ seenAt: number; releasedAt?: number }>>();
    for (const o of offersSeen.values())
      byAgent.set(o.agentId, [...(byAgent.get(o.agentId) ?? []), o]);
    for (const offers of byAgent.values()) {
      offers.sort((x, y) => x.seenAt - y.seenAt);
      for (let i = 1; i < offers.length; i++)
        expect(offers[i].seenAt).toBeGreaterThanOrEqual(offers[i - 1].releasedAt!);
    }
    // No call offered to two agents at once (the database's one-held-offer constraints, below), and
    // each call accepted exactly once.
    const byCall = new Map<string, typeof reservations>();
    for (const r of reservations) byCall.set(r.call_id, [...(byCall.get(r.call_id) ?? []), r]);
    expect(byCall.size).toBe(500);
    for (const offers of byCall.values()) {
      expect(offers.filter((o) => o.status === 'accepted')).toHaveLength(1);
      // A rejected call never went back to the agent who rejected it.
      expect(new Set(offers.map((o) => o.agent_id)).size).toBe(offers.length);
    }
    const [{ offered }] = await t.dataSource.query(
      `SELECT count(*)::int AS offered FROM events WHERE type = 'call.offered'`,
    );
    expect(offered).toBe(reservations.length);
  }, 400_000);

  it('the database refuses a second undecided offer to one agent or for one call', async () => {
    const teamId = await t.createTeam();
    const [a, b] = [
      await t.createRoutableAgent({ teamId }),
      await t.createRoutableAgent({ teamId }),
    ];
    const hold = (callId: string, agentId: string) =>
      t.dataSource.query(
        `INSERT INTO reservations (id, call_id, agent_id, status, created_at, expires_at, criteria)
         VALUES (gen_random_uuid(), $1, $2, 'held', now(), now() + interval '20 seconds', '{}')`,
        [callId, agentId],
      );
    await hold('held-1', a.agentId);
    await expect(hold('held-2', a.agentId)).rejects.toMatchObject({ code: '23P01' });
    await expect(hold('held-1', b.agentId)).rejects.toMatchObject({ code: '23P01' });
    await t.dataSource.query(
      `UPDATE reservations SET status = 'rejected', decided_at = now() WHERE call_id = 'held-1'`,
    );
    await hold('held-2', a.agentId); // decided offers leave room for the next
  });
});
