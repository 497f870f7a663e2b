import { eventId } from '../support/router';
import { TestApp } from '../support/test-app';
import { pause, useRaceReplicas } from './race-replicas';

const CALLBACKS = 200;
const CALLS = 100;
const AGENTS = 20;

/**
 * Two real service processes (system clock, jobs on) share one database. 200 callbacks, all due now,
 * and 100 inbound calls arrive at once over both; 20 agents take them, decline some offers, and the
 * router reports no_answer for some callbacks. Whatever the interleaving: every callback is offered to
 * one agent at a time, no agent holds two offers, each reached callback is closed once, and a callback
 * not answered is not offered again before the team's retry delay.
 */
describe('callback race: two service processes, 200 callbacks and inbound calls', () => {
  const race = useRaceReplicas();
  const { api, pick } = race;
  let t: TestApp;
  beforeAll(() => (t = race.t));

  it('offers each callback to one agent at a time, never two offers to an agent, closes each reached callback once and respects retries', async () => {
    const teamId = await t.createTeam();
    await t
      .http()
      .put(`/v1/teams/${teamId}/settings`)
      .set(await t.asAdmin())
      .send({
        wrapUpSeconds: 0,
        hostileReportWindowSeconds: 0,
        reservationTtlSeconds: 60,
        callbackRetryMinutes: 1,
      })
      .expect(200);
    const agents = [];
    for (let i = 0; i < AGENTS; i++)
      agents.push(
        await t.createRoutableAgent({ teamId, dialects: [{ tag: 'cmn', proficiency: 4 }] }),
      );
    for (const agent of agents)
      expect(
        (
          await api(pick(), 'PUT', `/v1/agents/${agent.agentId}/presence`, {
            state: 'available',
          })
        ).status,
      ).toBe(200);

    const serverErrors: string[] = [];
    const check = (what: string, res: { status: number; body: any }) => {
      if (res.status >= 500)
        serverErrors.push(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
      return res;
    };
    // Each offer as this client saw it: from the answer that showed it to the reject or the call's end.
    const offersSeen = new Map<string, { agentId: string; seenAt: number; releasedAt?: number }>();
    const seen = (reservationId: string, agentId: string) => {
      if (!offersSeen.has(reservationId))
        offersSeen.set(reservationId, { agentId, seenAt: performance.now() });
      return offersSeen.get(reservationId)!;
    };
    let declines = 0;
    const noAnswer = new Map<string, Date>(); // callbackId → when the outcome was sent
    const reached = new Set<string>();

    /** Takes an offered item: declined (15%), else accepted, the call ends at a random moment. */
    const take = async (
      callId: string,
      reservationId: string,
      agentId: string,
    ): Promise<'declined' | 'ended'> => {
      const held = seen(reservationId, agentId);
      if (Math.random() < 0.15) {
        declines++;
        held.releasedAt = performance.now();
        check(
          'reject',
          await api(pick(), 'POST', `/v1/routing/reservations/${reservationId}/reject`, {
            reason: 'declined',
          }),
        );
        return 'declined';
      }
      check(
        'accept',
        await api(pick(), 'POST', `/v1/routing/reservations/${reservationId}/accept`),
      );
      await pause(Math.random() * 30);
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
      return 'ended';
    };

    const callback = async (n: number) => {
      const callbackId = `race-cb-${n}-${process.pid}`;
      const now = Date.now();
      const scheduled = check(
        'schedule',
        await api(n % 2, 'POST', '/v1/routing/callbacks', {
          callbackId,
          callerRef: `caller-${n}`,
          dialTarget: `+86100${String(n).padStart(6, '0')}`,
          dialect: 'cmn',
          notBefore: new Date(now).toISOString(),
          notAfter: new Date(now + 30 * 60_000).toISOString(),
        }),
      );
      if (![200, 201].includes(scheduled.status))
        throw new Error(`schedule ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
      let state = scheduled.body;
      for (let round = 0; round < 80; round++) {
        if (state.status !== 'offered') {
          state = check(
            'poll',
            await api(
              pick(),
              'GET',
              `/v1/routing/callbacks/${callbackId}?waitSeconds=20&status=${state.status}`,
            ),
          ).body;
          continue;
        }
        const { reservationId, agentId } = state.reservation;
        expect(state.reservation).toMatchObject({ kind: 'callback' });
        if ((await take(`callback:${callbackId}`, reservationId, agentId)) === 'declined') {
          state = { status: 'queued' };
          continue;
        }
        const result = n % 7 === 0 ? 'no_answer' : 'reached';
        if (result === 'no_answer') noAnswer.set(callbackId, new Date());
        const out = check(
          'outcome',
          await api(pick(), 'POST', `/v1/routing/callbacks/${callbackId}/outcome`, { result }),
        );
        expect(out.status).toBe(200);
        // A repeated outcome (a router retry) is answered, not counted again.
        const again = await api(pick(), 'POST', `/v1/routing/callbacks/${callbackId}/outcome`, {
          result,
        });
        expect(again.status).toBe(200);
        expect(again.body.attempts).toBe(out.body.attempts);
        if (result === 'reached') reached.add(callbackId);
        return;
      }
      throw new Error(`${callbackId} was never attempted`);
    };

    const call = async (n: number) => {
      const callId = `race-call-${n}-${process.pid}`;
      const enqueued = check(
        'enqueue',
        await api(n % 2, 'POST', '/v1/routing/calls', { callId, dialect: 'cmn', priority: n % 10 }),
      );
      if (![200, 201, 202].includes(enqueued.status))
        throw new Error(`enqueue ${enqueued.status} ${JSON.stringify(enqueued.body)}`);
      let state = enqueued.body;
      for (let round = 0; round < 80; round++) {
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
        if ((await take(callId, reservationId, agentId)) === 'ended') return;
        state = { status: 'queued' };
      }
      throw new Error(`${callId} was never connected`);
    };

    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: CALLBACKS }, (_, n) => callback(n)),
      ...Array.from({ length: CALLS }, (_, n) => call(n)),
    ]);
    const finished = new Date();
    expect(serverErrors).toEqual([]);
    expect(race.retries).toBeLessThan(3000);
    expect(reached.size + noAnswer.size).toBe(CALLBACKS);
    // The run must be shorter than the retry delay for the check below to mean anything.
    expect(finished.getTime() - started).toBeLessThan(60_000);

    // Each reached callback closed once: status reached, one attempt, one callback.closed event,
    // its dial target erased.
    const rows: Array<{
      callback_id: string;
      status: string;
      attempts: number;
      dial_target: string | null;
      closed: number;
      ready_at: Date | null;
      queue_status: string;
    }> = await t.dataSource.query(
      `SELECT c.callback_id, c.status, c.attempts, c.dial_target, q.ready_at, q.status AS queue_status,
              (SELECT count(*)::int FROM events e WHERE e.type = 'callback.closed' AND e.payload->>'callbackId' = c.callback_id) AS closed
         FROM callbacks c JOIN queued_calls q ON q.call_id = c.queue_id`,
    );
    expect(rows).toHaveLength(CALLBACKS);
    for (const r of rows) {
      if (reached.has(r.callback_id)) {
        expect([r.status, r.attempts, r.closed, r.dial_target]).toEqual(['reached', 1, 1, null]);
      } else {
        // Not answered: back in the queue, not offered again before the team's retry delay (1 minute).
        const sentAt = noAnswer.get(r.callback_id)!;
        expect([r.status, r.attempts, r.closed, r.queue_status]).toEqual(['open', 1, 0, 'queued']);
        expect(new Date(r.ready_at!).getTime()).toBeGreaterThanOrEqual(sentAt.getTime() + 59_000);
        expect(new Date(r.ready_at!).getTime()).toBeGreaterThan(finished.getTime());
      }
    }

    const reservations: Array<{ call_id: string; agent_id: string; status: string }> =
      await t.dataSource.query(`SELECT call_id, agent_id, status FROM reservations`);
    expect(reservations.every((r) => r.status === 'accepted' || r.status === 'rejected')).toBe(
      true,
    );
    expect(reservations.filter((r) => r.status === 'rejected')).toHaveLength(declines);
    expect(offersSeen.size).toBe(reservations.length);
    // No agent held two offers at once (this client's own intervals: see the queue race).
    const byAgent = new Map<string, Array<{ seenAt: number; releasedAt?: number }>>();
    for (const o of offersSeen.values())
      byAgent.set(o.agentId, [...(byAgent.get(o.agentId) ?? []), o]);
    for (const offers of byAgent.values()) {
      offers.sort((x, y) => x.seenAt - y.seenAt);
      for (let i = 1; i < offers.length; i++)
        expect(offers[i].seenAt).toBeGreaterThanOrEqual(offers[i - 1].releasedAt!);
    }
    // Every callback and call accepted exactly once (a no_answer callback has had its one attempt),
    // never offered twice to the agent who declined it.
    const byCall = new Map<string, typeof reservations>();
    for (const r of reservations) byCall.set(r.call_id, [...(byCall.get(r.call_id) ?? []), r]);
    expect(byCall.size).toBe(CALLBACKS + CALLS);
    for (const offers of byCall.values()) {
      expect(offers.filter((o) => o.status === 'accepted')).toHaveLength(1);
      expect(new Set(offers.map((o) => o.agent_id)).size).toBe(offers.length);
    }
    const [{ offered }] = await t.dataSource.query(
      `SELECT count(*)::int AS offered FROM events WHERE type = 'call.offered'`,
    );
    expect(offered).toBe(reservations.length);
  }, 240_000);
});
