import { ReplicaProcess } from '../reliability/support/replica-process';
import { eventId } from '../support/router';
import { ManualClock } from '../../src/platform/common/clock/clock';
import { TestApp } from '../support/test-app';

/** Real time, for an app that shares a database with processes on the system clock. */
class WallClock extends ManualClock {
  override now(): Date {
    return new Date();
  }
}

/**
 * Two real service processes (system clock, jobs on) share one database. 80 callbacks due now are
 * scheduled at once over both, with inbound calls competing; 12 agents take them, reject some and
 * free up at random moments. Every callback is offered to one agent at a time, no agent holds two
 * offers, and every callback is reached exactly once.
 */
describe('callbacks race: two service processes', () => {
  let t: TestApp;
  let replicas: ReplicaProcess[];
  let key: string;

  beforeAll(async () => {
    t = await TestApp.create({ clock: new WallClock() });
    key = await t.createRouterKey();
    replicas = await Promise.all([
      ReplicaProcess.start(t.databaseUrl, { DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'silent' }),
      ReplicaProcess.start(t.databaseUrl, { DATABASE_POOL_SIZE: '10', LOG_LEVEL: 'silent' }),
    ]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.kill()));
    await t.close();
  });

  const api = async (replica: number, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${replicas[replica].url}${path}`, {
      method,
      headers: { 'X-Api-Key': key, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const pick = () => Math.floor(Math.random() * 2);
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('offers each callback to one agent at a time, never two offers to an agent, and reaches every callback once', async () => {
    const teamId = await t.createTeam();
    await t
      .http()
      .put(`/v1/teams/${teamId}/settings`)
      .set(await t.asAdmin())
      .send({ wrapUpSeconds: 0, reservationTtlSeconds: 60, callbackMaxShare: 0.5 })
      .expect(200);
    const agents = [];
    for (let i = 0; i < 12; i++)
      agents.push(
        await t.createRoutableAgent({ teamId, dialects: [{ tag: 'yue', proficiency: 4 }] }),
      );
    for (const agent of agents)
      expect(
        (await api(pick(), 'PUT', `/v1/agents/${agent.agentId}/presence`, { state: 'available' }))
          .status,
      ).toBe(200);

    const serverErrors: string[] = [];
    const check = (what: string, res: { status: number; body: any }) => {
      if (res.status >= 500)
        serverErrors.push(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };
    let rejects = 0;
    /** Takes the offer: sometimes rejects it (it goes back), else dials, frees the agent, reports. */
    const handle = async (callId: string, reservation: any): Promise<boolean> => {
      if (Math.random() < 0.15) {
        rejects++;
        check(
          'reject',
          await api(
            pick(),
            'POST',
            `/v1/routing/reservations/${reservation.reservationId}/reject`,
            {
              reason: 'busy',
            },
          ),
        );
        return false;
      }
      check(
        'accept',
        await api(pick(), 'POST', `/v1/routing/reservations/${reservation.reservationId}/accept`),
      );
      await pause(Math.random() * 30);
      const ended = check(
        'end',
        await api(pick(), 'POST', '/v1/calls/events', {
          events: [
            {
              eventId: eventId(),
              type: 'call.ended',
              callId,
              agentId: reservation.agentId,
              at: new Date().toISOString(),
              durationSeconds: 1,
            },
          ],
        }),
      );
      expect(ended.status).toBe(202);
      return true;
    };
    const now = Date.now();
    const runCallback = async (n: number) => {
      const callbackId = `race-cb-${n}-${process.pid}`;
      const scheduled = check(
        'schedule',
        await api(n % 2, 'POST', '/v1/routing/callbacks', {
          callbackId,
          callerRef: `caller-${n}`,
          dialTarget: `+44 20 7946 ${String(n).padStart(4, '0')}`,
          dialect: 'yue',
          notBefore: new Date(now).toISOString(),
          notAfter: new Date(now + 3_600_000).toISOString(),
        }),
      );
      if (scheduled.status !== 201)
        throw new Error(`schedule ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
      for (let round = 0; round < 60; round++) {
        const s = check(
          'poll',
          await api(pick(), 'GET', `/v1/routing/callbacks/${callbackId}?waitSeconds=20`),
        ).body;
        if (s.status !== 'offered') continue;
        expect(s.reservation.dialTarget).toBe(`+44 20 7946 ${String(n).padStart(4, '0')}`);
        if (!(await handle(`callback:${callbackId}`, s.reservation))) continue;
        const done = check(
          'outcome',
          await api(pick(), 'POST', `/v1/routing/callbacks/${callbackId}/outcome`, {
            result: 'reached',
          }),
        );
        expect(done.body.status).toBe('reached');
        return;
      }
      throw new Error(`${callbackId} was never offered`);
    };
    const runCall = async (n: number) => {
      const callId = `race-call-${n}-${process.pid}`;
      let s = check(
        'enqueue',
        await api(n % 2, 'POST', '/v1/routing/calls', { callId, dialect: 'yue' }),
      ).body;
      for (let round = 0; round < 60; round++) {
        if (s.status === 'offered' && (await handle(callId, s.reservation))) return;
        s = check(
          'poll',
          await api(pick(), 'GET', `/v1/routing/calls/${callId}?waitSeconds=20`),
        ).body;
      }
      throw new Error(`${callId} was never connected`);
    };
    await Promise.all([
      ...Array.from({ length: 80 }, (_, n) => runCallback(n)),
      ...Array.from({ length: 40 }, (_, n) => runCall(n)),
    ]);
    expect(serverErrors).toEqual([]);

    const [{ reached }] = await t.dataSource.query(
      `SELECT count(*)::int AS reached FROM callbacks WHERE status = 'reached' AND dial_target IS NULL AND attempts = 1`,
    );
    expect(reached).toBe(80);
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
    for (let i = 1; i < reservations.length; i++) {
      const [prev, next] = [reservations[i - 1], reservations[i]];
      if (prev.agent_id === next.agent_id)
        expect(new Date(next.created_at).getTime()).toBeGreaterThanOrEqual(
          new Date(prev.decided_at).getTime(),
        );
    }
    const byCall = new Map<string, typeof reservations>();
    for (const r of reservations) byCall.set(r.call_id, [...(byCall.get(r.call_id) ?? []), r]);
    expect(byCall.size).toBe(120);
    for (const offers of byCall.values()) {
      offers.sort((x, y) => new Date(x.created_at).getTime() - new Date(y.created_at).getTime());
      expect(offers.filter((o) => o.status === 'accepted')).toHaveLength(1);
      for (let i = 1; i < offers.length; i++)
        expect(new Date(offers[i].created_at).getTime()).toBeGreaterThanOrEqual(
          new Date(offers[i - 1].decided_at).getTime(),
        );
    }
  }, 400_000);
});
