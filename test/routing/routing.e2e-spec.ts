import { Client } from 'pg';
import { callEvents, eventId, presenceOf, sendEvents, setPresence } from '../support/router';
import { AvailabilityPool } from '../../src/routing/reservations/availability-pool';
import { CallEventIngest } from '../../src/routing/calls/call-event-ingest.service';
import { CallEventDto } from '../../src/routing/calls/dto/call-events.dto';
import { DomainError } from '../../src/platform/common/errors/domain-error';
import { bearer, routerKey, TestApp } from '../support/test-app';

describe('router API: availability, reservations, call events', () => {
  let t: TestApp;
  let key: string;
  let router: Record<string, string>;
  let teamId: string;

  beforeAll(async () => {
    t = await TestApp.create();
    key = await t.createRouterKey();
    router = routerKey(key);
  });
  afterAll(() => t.close());
  // Each test works on its own team so earlier agents do not interfere.
  beforeEach(async () => {
    teamId = await t.createTeam();
    // Make earlier tests' agents unavailable for this one.
    await t.dataSource.query(`UPDATE agent_presence SET state = 'offline', until = NULL`);
  });

  const available = async (query: string) =>
    (await t.http().get(`/v1/routing/available-agents${query}`).set(router).expect(200)).body;
  const reserve = (body: Record<string, unknown>) =>
    t.http().post('/v1/routing/reservations').set(router).send(body);

  describe('available-agents filters', () => {
    it('filters by dialect with and without minProficiency, by several skills (all must match), and limits', async () => {
      const wuhan5 = await t.createAgent({
        teamId,
        dialects: [{ tag: 'cmn-x-wuhan', proficiency: 5 }],
        skills: [
          { tag: 'returns', proficiency: 3 },
          { tag: 'elder-care', proficiency: 4 },
        ],
      });
      const wuhan2 = await t.createAgent({
        teamId,
        dialects: [{ tag: 'cmn-x-wuhan', proficiency: 2 }],
        skills: [{ tag: 'returns', proficiency: 3 }],
      });
      const yue = await t.createAgent({
        teamId,
        dialects: [{ tag: 'yue', proficiency: 5 }],
        skills: [{ tag: 'elder-care', proficiency: 5 }],
      });
      const offline = await t.createAgent({
        teamId,
        dialects: [{ tag: 'cmn-x-wuhan', proficiency: 5 }],
      });
      for (const a of [wuhan5, wuhan2, yue]) await setPresence(t, a, 'available');
      const ids = (body: any) => body.agents.map((a: any) => a.agentId).sort();

      expect(ids(await available('?dialect=cmn-x-wuhan'))).toEqual(
        [wuhan5.agentId, wuhan2.agentId].sort(),
      );
      expect(ids(await available('?dialect=cmn-x-wuhan&minProficiency=3'))).toEqual([
        wuhan5.agentId,
      ]);
      expect(ids(await available('?skill=returns&skill=elder-care'))).toEqual([wuhan5.agentId]);
      expect(ids(await available('?skill=elder-care'))).toEqual(
        [wuhan5.agentId, yue.agentId].sort(),
      );
      expect((await available('?limit=2')).agents).toHaveLength(2);
      expect(ids(await available(''))).not.toContain(offline.agentId);

      const body = await available('?dialect=cmn-x-wuhan&minProficiency=5');
      expect(body.asOf).toBe(t.clock.now().toISOString());
      expect(body.agents[0]).toEqual({
        agentId: wuhan5.agentId,
        externalId: wuhan5.externalId,
        idleSeconds: 0,
        dialects: [{ tag: 'cmn-x-wuhan', proficiency: 5 }],
        skills: [
          { tag: 'elder-care', proficiency: 4 },
          { tag: 'returns', proficiency: 3 },
        ],
        load: { callsLastHour: 0, hostileCallsLastHour: 0, occupancyLastHour: 0 },
      });
    });

    it('rejects an unknown tag with 400 UNKNOWN_TAG and bad numbers with VALIDATION_FAILED', async () => {
      const res = await t
        .http()
        .get('/v1/routing/available-agents?dialect=cmn-x-mars')
        .set(router)
        .expect(400);
      expect(res.body.error).toBe('UNKNOWN_TAG');
      await t.http().get('/v1/routing/available-agents?skill=telepathy').set(router).expect(400);
      const bad = await t
        .http()
        .get('/v1/routing/available-agents?minProficiency=9')
        .set(router)
        .expect(400);
      expect(bad.body.error).toBe('VALIDATION_FAILED');
    });

    it('lets admins and supervisors read it, but not agents', async () => {
      const a = await t.createAgent({ teamId });
      await t
        .http()
        .get('/v1/routing/available-agents')
        .set(await t.asAdmin())
        .expect(200);
      await t.http().get('/v1/routing/available-agents').set(bearer(a.token)).expect(403);
      await t
        .http()
        .post('/v1/routing/reservations')
        .set(await t.asAdmin())
        .send({ callId: 'x' })
        .expect(403);
    });
  });

  it("runs availability on its own sessions with generic plans, and leaves the shared pool's choice alone", async () => {
    const a = await t.createAgent({ teamId, dialects: [{ tag: 'yue', proficiency: 4 }] });
    await setPresence(t, a, 'available');
    const body = await available('?dialect=yue&limit=5');
    expect(body.agents.map((x: any) => x.agentId)).toEqual([a.agentId]);
    const sessionSql = `SELECT current_setting('plan_cache_mode') AS plans, current_setting('statement_timeout') AS timeout, current_setting('application_name') AS app`;
    const own = t.app.get(AvailabilityPool).get();
    const setting = async (q: { query(sql: string): Promise<{ rows: any[] }> }) =>
      (await q.query(sessionSql)).rows[0];
    const shared = (await t.dataSource.query(sessionSql)) as any[];
    expect(await setting(own)).toEqual({ ...shared[0], plans: 'force_generic_plan' });
    expect(shared[0].plans).toBe('auto');
  });

  describe('the fast lane (router key, plainly valid input) answers as the full path does', () => {
    it('gives the same availability body as an admin gets through Nest, echoes X-Request-Id, and refuses a revoked key', async () => {
      const a = await t.createAgent({ teamId, dialects: [{ tag: 'yue', proficiency: 4 }] });
      await setPresence(t, a, 'available');
      const query = '/v1/routing/available-agents?dialect=yue&minProficiency=4&limit=5';
      const fast = await t
        .http()
        .get(query)
        .set(router)
        .set('X-Request-Id', 'trace-42')
        .expect(200);
      const full = await t
        .http()
        .get(query)
        .set(await t.asAdmin())
        .expect(200);
      expect(fast.body).toEqual(full.body);
      expect(fast.body.agents.map((x: any) => x.agentId)).toEqual([a.agentId]);
      expect(fast.headers['content-type']).toBe(full.headers['content-type']);
      expect(fast.headers['x-request-id']).toBe('trace-42');

      // A new key works at once; revoked, it is refused on the hot path too (401, from the full path).
      const admin = await t.asAdmin();
      const created = await t
        .http()
        .post('/v1/api-keys')
        .set(admin)
        .send({ name: 'temp-router', role: 'router' })
        .expect(201);
      await t.http().get(query).set(routerKey(created.body.key)).expect(200);
      await t.http().delete(`/v1/api-keys/${created.body.id}`).set(admin).expect(204);
      const refused = await t.http().get(query).set(routerKey(created.body.key)).expect(401);
      expect(refused.body.error).toBe('UNAUTHENTICATED');
      await t
        .http()
        .post('/v1/routing/reservations')
        .set(routerKey(created.body.key))
        .send({ callId: 'r-1' })
        .expect(401);
    });

    it("answers reserve and accept with the full path's bodies and codes, and leaves odd input to it", async () => {
      const a = await t.createAgent({ teamId, dialects: [{ tag: 'yue', proficiency: 4 }] });
      await setPresence(t, a, 'available');
      const held = await reserve({ callId: 'fast-1', dialect: 'yue', ttlSeconds: 30 }).expect(201);
      expect(held.body).toMatchObject({ callId: 'fast-1', agentId: a.agentId, status: 'held' });
      expect(new Date(held.body.expiresAt).getTime() - t.clock.now().getTime()).toBe(30_000);
      const again = await reserve({ callId: 'fast-1', dialect: 'yue' }).expect(200);
      expect(again.body).toEqual(held.body);
      const unknown = await reserve({ callId: 'fast-2', dialect: 'cmn-x-mars' }).expect(400);
      expect(unknown.body.error).toBe('UNKNOWN_TAG');
      const none = await reserve({ callId: 'fast-3', dialect: 'yue' }).expect(409);
      expect(none.body.error).toBe('NO_AGENT_AVAILABLE');
      // Not for the fast lane: a null, a space in the id, an unknown field; Nest words the 400.
      for (const body of [
        { callId: 'x', dialect: null },
        { callId: 'a b' },
        { callId: 'x', teamId },
      ]) {
        const bad = await reserve(body).expect(400);
        expect(bad.body.error).toBe('VALIDATION_FAILED');
      }
      // Bodies the fast lane reads but cannot use are answered as Express's parser answers them.
      for (const raw of ['{"callId":', '"fast-4"', '42']) {
        const malformed = await t
          .http()
          .post('/v1/routing/reservations')
          .set(router)
          .set('Content-Type', 'application/json')
          .send(raw)
          .expect(400);
        expect(malformed.body.error).toBe('MALFORMED_JSON');
      }
      const notJson = await t
        .http()
        .post('/v1/routing/reservations')
        .set(router)
        .set('Content-Type', 'text/plain')
        .send('callId=fast-5')
        .expect(415);
      expect(notJson.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
      const accepted = await t
        .http()
        .post(`/v1/routing/reservations/${held.body.reservationId}/accept`)
        .set(router)
        .expect(200);
      expect(accepted.body).toMatchObject({
        reservationId: held.body.reservationId,
        status: 'accepted',
      });
      expect((await presenceOf(t, a.agentId, router)).state).toBe('on_call');
      const late = await t
        .http()
        .post(`/v1/routing/reservations/${held.body.reservationId}/reject`)
        .set(router)
        .send({})
        .expect(409);
      expect(late.body.error).toBe('RESERVATION_NOT_HELD');
      await t.http().post('/v1/routing/reservations/not-a-uuid/accept').set(router).expect(404);
    });
  });

  it('orders over-cap agents last, then fewer hostile calls in the last hour, then longest idle', async () => {
    const start = t.clock.now();
    const busy = await t.createAgent({ teamId, dialects: [{ tag: 'nan', proficiency: 5 }] });
    const hostile = await t.createAgent({ teamId, dialects: [{ tag: 'nan', proficiency: 5 }] });
    const calmEarly = await t.createAgent({ teamId, dialects: [{ tag: 'nan', proficiency: 5 }] });
    const calmLate = await t.createAgent({ teamId, dialects: [{ tag: 'nan', proficiency: 5 }] });
    for (const a of [busy, hostile, calmEarly, calmLate]) await setPresence(t, a, 'available');
    // busy: 50 of the last 60 minutes on calls (occupancy > 0.85). hostile: one short hostile call.
    t.clock.advanceMinutes(60);
    const at = (m: number) => new Date(start.getTime() + m * 60_000);
    await sendEvents(t, key, [
      ...callEvents(busy.agentId, at(4), 27).events,
      ...callEvents(busy.agentId, at(32), 27).events,
    ]);
    // With the wellbeing policy active: hostile recovers 40:30–45:30, busy gets a micro-break 59:30–64:30.
    await sendEvents(t, key, callEvents(hostile.agentId, at(38), 2, { severity: 1 }).events);
    await sendEvents(t, key, callEvents(calmEarly.agentId, at(45), 2).events);
    await sendEvents(t, key, callEvents(calmLate.agentId, at(50), 2).events);
    t.clock.advanceMinutes(5); // wrap-ups, the recovery and the micro-break are over
    await t.dataSource.query(`DELETE FROM scheduled_states WHERE agent_id = $1`, [hostile.agentId]);
    const order = (await available('?dialect=nan')).agents.map((a: any) => a.agentId);
    expect(order).toEqual([calmEarly.agentId, calmLate.agentId, hostile.agentId, busy.agentId]);
    const busyRow = (await available('?dialect=nan')).agents.find(
      (a: any) => a.agentId === busy.agentId,
    );
    expect(busyRow.load.occupancyLastHour).toBeGreaterThan(0.85);

    // A team on plain longest-idle: idle since wrap-up end decides alone.
    await t
      .http()
      .put(`/v1/teams/${teamId}/settings`)
      .set(await t.asAdmin())
      .send({ routingOrder: 'longest_idle' })
      .expect(200);
    const plainBody = await available('?dialect=nan');
    const plain = plainBody.agents.map((a: any) => a.agentId);
    expect(plain).toEqual([hostile.agentId, calmEarly.agentId, calmLate.agentId, busy.agentId]);
  });

  describe('reservations', () => {
    it('holds the best agent, is idempotent on callId, and accept puts the agent on_call', async () => {
      const a = await t.createAgent({ teamId, dialects: [{ tag: 'wuu', proficiency: 4 }] });
      await setPresence(t, a, 'available');
      const first = await reserve({
        callId: 'call-idem-1',
        dialect: 'wuu',
        minProficiency: 3,
      }).expect(201);
      expect(first.body).toEqual({
        reservationId: expect.any(String),
        callId: 'call-idem-1',
        agentId: a.agentId,
        externalId: a.externalId,
        expiresAt: new Date(t.clock.now().getTime() + 20_000).toISOString(),
        status: 'held',
      });
      expect((await presenceOf(t, a.agentId, router)).state).toBe('reserved');
      const again = await reserve({ callId: 'call-idem-1', dialect: 'wuu' });
      expect([again.status, again.body.error]).toEqual([200, undefined]);
      expect(again.body.reservationId).toBe(first.body.reservationId);
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM reservations WHERE call_id = 'call-idem-1'`,
      );
      expect(count).toBe(1);

      await t
        .http()
        .post(`/v1/routing/reservations/${first.body.reservationId}/accept`)
        .set(router)
        .expect(200);
      expect((await presenceOf(t, a.agentId, router)).state).toBe('on_call');
      await t
        .http()
        .post(`/v1/routing/reservations/${first.body.reservationId}/accept`)
        .set(router)
        .expect(200);
      const rej = await t
        .http()
        .post(`/v1/routing/reservations/${first.body.reservationId}/reject`)
        .set(router)
        .expect(409);
      expect(rej.body.error).toBe('RESERVATION_NOT_HELD');
    });

    it('answers 409 NO_AGENT_AVAILABLE with retryAfterSeconds when nobody matches', async () => {
      const res = await reserve({ callId: 'call-none', dialect: 'en', minProficiency: 5 }).expect(
        409,
      );
      expect(res.body).toMatchObject({
        statusCode: 409,
        error: 'NO_AGENT_AVAILABLE',
        details: { retryAfterSeconds: expect.any(Number) },
      });
    });

    describe('a free agent whose row another transaction has locked (a load refresh, a sweep)', () => {
      // The locker is a plain session on the same database; the reservation is answered only once it
      // lets go, read off pg_stat_activity (no wall-clock sleep).
      const lockedBy = async (agentId: string) => {
        const locker = new Client({ connectionString: t.databaseUrl });
        await locker.connect();
        await locker.query('BEGIN');
        await locker.query('SELECT 1 FROM agent_presence WHERE agent_id = $1 FOR UPDATE', [
          agentId,
        ]);
        const { rows } = await locker.query('SELECT pg_backend_pid() AS pid');
        return { locker, pid: rows[0].pid as number };
      };
      // Until a session waits on the locker's lock, or the reservation was answered without waiting.
      const waitedOn = async (pid: number, answer: Promise<unknown>) => {
        let answered = false;
        void answer.then(() => (answered = true));
        while (!answered) {
          const [{ n }] = await t.dataSource.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`,
            [pid],
          );
          if (n > 0) return;
          await new Promise((r) => setImmediate(r));
        }
      };

      it('is held once the lock goes, not answered NO_AGENT_AVAILABLE', async () => {
        const a = await t.createAgent({ teamId, dialects: [{ tag: 'en', proficiency: 5 }] });
        await setPresence(t, a, 'available');
        const { locker, pid } = await lockedBy(a.agentId);
        try {
          const pending = reserve({ callId: 'call-locked-free', dialect: 'en' }).then((r) => r);
          await waitedOn(pid, pending);
          await locker.query('COMMIT');
          const res = await pending;
          expect(res.status).toBe(201);
          expect(res.body.agentId).toBe(a.agentId);
        } finally {
          await locker.end();
        }
      });

      it('is re-checked when the lock goes: an agent the locker took off the floor is not held', async () => {
        const a = await t.createAgent({ teamId, dialects: [{ tag: 'en', proficiency: 5 }] });
        await setPresence(t, a, 'available');
        const { locker, pid } = await lockedBy(a.agentId);
        try {
          const pending = reserve({ callId: 'call-locked-gone', dialect: 'en' }).then((r) => r);
          await waitedOn(pid, pending);
          await locker.query(
            `UPDATE agent_presence SET state = 'not_ready', reason = 'meeting' WHERE agent_id = $1`,
            [a.agentId],
          );
          await locker.query('COMMIT');
          const res = await pending;
          expect(res.status).toBe(409);
          expect(res.body.error).toBe('NO_AGENT_AVAILABLE');
          const [row] = await t.dataSource.query(
            'SELECT state, reservation_id FROM agent_presence WHERE agent_id = $1',
            [a.agentId],
          );
          expect(row).toEqual({ state: 'not_ready', reservation_id: null });
        } finally {
          await locker.end();
        }
      });
    });

    it('reject frees the agent at once', async () => {
      const a = await t.createAgent({ teamId, dialects: [{ tag: 'en', proficiency: 5 }] });
      await setPresence(t, a, 'available');
      const r = await reserve({ callId: 'call-rej', dialect: 'en' }).expect(201);
      await t
        .http()
        .post(`/v1/routing/reservations/${r.body.reservationId}/reject`)
        .set(router)
        .expect(200);
      expect((await presenceOf(t, a.agentId, router)).state).toBe('available');
      expect((await available('?dialect=en')).agents.map((x: any) => x.agentId)).toContain(
        a.agentId,
      );
    });

    it('lapses at expiresAt without any timer, and accept after expiry is refused', async () => {
      const a = await t.createAgent({ teamId, dialects: [{ tag: 'en', proficiency: 5 }] });
      await setPresence(t, a, 'available');
      const r = await reserve({ callId: 'call-lapse', dialect: 'en', ttlSeconds: 10 }).expect(201);
      expect((await available('?dialect=en')).agents).toHaveLength(0);
      t.clock.advanceSeconds(11);
      // No sweep has run: the expired hold is ignored by queries all the same.
      expect((await available('?dialect=en')).agents.map((x: any) => x.agentId)).toEqual([
        a.agentId,
      ]);
      const late = await t
        .http()
        .post(`/v1/routing/reservations/${r.body.reservationId}/accept`)
        .set(router)
        .expect(409);
      expect(late.body.error).toBe('RESERVATION_EXPIRED');
      const again = await reserve({ callId: 'call-lapse-2', dialect: 'en' }).expect(201);
      expect(again.body.agentId).toBe(a.agentId);
      const [old] = await t.dataSource.query(`SELECT status FROM reservations WHERE id = $1`, [
        r.body.reservationId,
      ]);
      expect(old.status).toBe('lapsed');
    });

    it('puts an agent who lets three reservations lapse in a row into not_ready (missed_calls)', async () => {
      const a = await t.createAgent({ teamId, dialects: [{ tag: 'en', proficiency: 5 }] });
      await setPresence(t, a, 'available');
      for (let i = 0; i < 3; i++) {
        await reserve({ callId: `call-miss-${i}`, dialect: 'en', ttlSeconds: 5 }).expect(201);
        t.clock.advanceSeconds(6);
      }
      await reserve({ callId: 'call-miss-3', dialect: 'en' }).expect(409);
      await t.app
        .get((await import('../../src/routing/presence/presence.service')).PresenceService)
        .sweep();
      expect(await presenceOf(t, a.agentId, router)).toMatchObject({
        state: 'not_ready',
        reason: 'missed_calls',
      });
      const statuses = await t.dataSource.query(
        `SELECT status FROM reservations WHERE call_id LIKE 'call-miss-%' ORDER BY created_at`,
      );
      expect(statuses.map((s: any) => s.status)).toEqual(['lapsed', 'lapsed', 'lapsed']);
    });
  });

  describe('call events', () => {
    it('answered → on_call, ended → wrap_up for the team wrap-up time, then available', async () => {
      const a = await t.createAgent({ teamId });
      await t
        .http()
        .put(`/v1/teams/${teamId}/settings`)
        .set(await t.asAdmin())
        .send({ wrapUpSeconds: 45 })
        .expect(200);
      await setPresence(t, a, 'available');
      const now = t.clock.now();
      const c = callEvents(a.agentId, now, 0);
      await sendEvents(t, key, [c.events[0]]);
      expect((await presenceOf(t, a.agentId, router)).state).toBe('on_call');
      t.clock.advanceMinutes(3);
      await sendEvents(t, key, [
        { ...c.events[1], at: t.clock.now().toISOString(), durationSeconds: 180 },
      ]);
      expect(await presenceOf(t, a.agentId, router)).toMatchObject({
        state: 'wrap_up',
        until: new Date(t.clock.now().getTime() + 45_000).toISOString(),
      });
      t.clock.advanceSeconds(44);
      expect((await presenceOf(t, a.agentId, router)).state).toBe('wrap_up');
      t.clock.advanceSeconds(2);
      expect((await presenceOf(t, a.agentId, router)).state).toBe('available');
    });

    it('answers a batch on the fast lane (Z instants) as on the full path (an offset instant goes there)', async () => {
      const a = await t.createAgent({ teamId });
      await setPresence(t, a, 'available');
      const c = callEvents(a.agentId, t.clock.now(), 0);
      const viaOffset = (e: Record<string, unknown>) => ({
        ...e,
        at: new Date(e.at as string).toISOString().replace('Z', '+00:00'),
      });
      const fast = await sendEvents(t, key, c.events);
      const full = await sendEvents(t, key, c.events.map(viaOffset));
      expect(fast).toEqual({ accepted: 2, duplicates: 0 });
      expect(full).toEqual({ accepted: 0, duplicates: 2 });
      // The same refusals, word for word, whichever way the batch came.
      const ghost = '0b9f1c3e-6a51-4c1e-9a0e-3d2f1b7c8a90';
      const unknownFast = await sendEvents(
        t,
        key,
        [{ ...c.events[0], agentId: ghost, eventId: 'g-1' }],
        400,
      );
      const unknownFull = await sendEvents(
        t,
        key,
        [viaOffset({ ...c.events[0], agentId: ghost, eventId: 'g-2' })],
        400,
      );
      expect(unknownFast).toEqual(unknownFull);
      expect(unknownFast.error).toBe('UNKNOWN_AGENT');
      const future = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
      const late = await sendEvents(t, key, [{ ...c.events[0], eventId: 'f-1', at: future }], 400);
      expect(late.error).toBe('VALIDATION_FAILED');
      const malformed = await t
        .http()
        .post('/v1/calls/events')
        .set(routerKey(key))
        .set('Content-Type', 'application/json')
        .send('{"events": [')
        .expect(400);
      expect(malformed.body.error).toBe('MALFORMED_JSON');
      await t
        .http()
        .post('/v1/calls/events')
        .set(await t.asAdmin())
        .send({ events: c.events })
        .expect(403);
    });

    it('counts a replayed batch once', async () => {
      const a = await t.createAgent({ teamId });
      await setPresence(t, a, 'available');
      const c = callEvents(a.agentId, t.clock.now(), 0);
      expect(await sendEvents(t, key, c.events)).toEqual({ accepted: 2, duplicates: 0 });
      expect(await sendEvents(t, key, c.events)).toEqual({ accepted: 0, duplicates: 2 });
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM call_events WHERE agent_id = $1`,
        [a.agentId],
      );
      expect(count).toBe(2);
      const load = await t
        .http()
        .get(`/v1/agents/${a.agentId}/load`)
        .set(await t.asAdmin())
        .expect(200);
      expect(load.body.callsAnswered).toBe(1);
    });

    it('writes batches that arrive together in one transaction, each answered as if it came alone', async () => {
      const agents = await Promise.all(
        Array.from({ length: 8 }, async () => {
          const a = await t.createAgent({ teamId });
          await setPresence(t, a, 'available');
          return a;
        }),
      );
      const ingest = t.app.get(CallEventIngest);
      const batches = agents.map(
        (a) => callEvents(a.agentId, t.clock.now(), 0).events as unknown as CallEventDto[],
      );
      // Another request repeats agent 7's answered event (the earlier request owns it), and one names
      // an agent that does not exist.
      const repeat = [batches[7][0]];
      const ghost = [
        { ...batches[0][0], eventId: eventId(), agentId: '00000000-0000-4000-8000-0000000000aa' },
      ];
      // Sent without waiting in between: the first two are written at once, the rest wait and go
      // together; the refused one fails that write, and each of them is then written alone, in order.
      const wave = [...batches, repeat].map((b) => ingest.ingest(b));
      const refused = ingest.ingest(ghost).then(
        () => 'accepted',
        (e: DomainError) => e.code,
      );
      expect(await Promise.all(wave)).toEqual([
        ...Array(8).fill({ accepted: 2, duplicates: 0 }),
        { accepted: 0, duplicates: 1 },
      ]);
      expect(await refused).toBe('UNKNOWN_AGENT');

      // Nothing refused: the six that waited share one transaction (PostgreSQL's xmin says which).
      t.clock.advanceSeconds(60);
      const next = agents.map(
        (a) => callEvents(a.agentId, t.clock.now(), 0).events as unknown as CallEventDto[],
      );
      expect(await Promise.all(next.map((b) => ingest.ingest(b)))).toEqual(
        Array(8).fill({ accepted: 2, duplicates: 0 }),
      );
      const [{ transactions }] = await t.dataSource.query(
        `SELECT count(DISTINCT xmin::text)::int AS transactions FROM call_events WHERE event_id = ANY($1)`,
        [next.flat().map((e) => e.eventId)],
      );
      expect(transactions).toBe(3);
      const [{ stored }] = await t.dataSource.query(
        `SELECT count(*)::int AS stored FROM call_events WHERE agent_id = ANY($1) OR event_id = $2`,
        [agents.map((a) => a.agentId), ghost[0].eventId],
      );
      expect(stored).toBe(32);
      for (const a of agents) {
        expect((await presenceOf(t, a.agentId, router)).state).toBe('wrap_up');
        const load = await t
          .http()
          .get(`/v1/agents/${a.agentId}/load`)
          .set(await t.asAdmin());
        expect(load.body.callsAnswered).toBe(2);
      }
    });

    it('rejects a whole batch with one invalid event and stores nothing', async () => {
      const a = await t.createAgent({ teamId });
      const good = callEvents(a.agentId, t.clock.now(), 0).events;
      const bad = {
        eventId: eventId(),
        type: 'call.hostile',
        callId: 'c',
        agentId: a.agentId,
        at: t.clock.now().toISOString(),
        severity: 7,
        source: 'sentiment',
      };
      const res = await t
        .http()
        .post('/v1/calls/events')
        .set(router)
        .send({ events: [...good, bad] })
        .expect(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields[0].field).toBe('events.2.severity');
      const unknownAgent = {
        ...good[0],
        eventId: eventId(),
        agentId: '00000000-0000-4000-8000-000000000000',
      };
      const res2 = await t
        .http()
        .post('/v1/calls/events')
        .set(router)
        .send({ events: [...good, unknownAgent] })
        .expect(400);
      expect(res2.body.error).toBe('UNKNOWN_AGENT');
      const [{ count }] = await t.dataSource.query(
        `SELECT count(*)::int AS count FROM call_events WHERE agent_id = $1`,
        [a.agentId],
      );
      expect(count).toBe(0);
      expect((await presenceOf(t, a.agentId, router)).state).toBe('offline');
    });

    it('only takes events from the router', async () => {
      const a = await t.createAgent({ teamId });
      await t.http().post('/v1/calls/events').set(bearer(a.token)).send({ events: [] }).expect(403);
    });

    it('computes load for a scripted hour exactly as by hand', async () => {
      const a = await t.createAgent({ teamId });
      const start = t.clock.now();
      const at = (m: number) => new Date(start.getTime() + m * 60_000);
      await setPresence(t, a, 'available');
      // 10:00 available; call 10-20 (+30 s wrap-up); hostile call 30-45 (+30 s); then idle to 60.
      t.clock.set(at(60));
      await sendEvents(t, key, callEvents(a.agentId, at(10), 10).events);
      await sendEvents(t, key, callEvents(a.agentId, at(30), 15, { severity: 2 }).events);
      await t.dataSource.query(`DELETE FROM scheduled_states WHERE agent_id = $1`, [a.agentId]);
      const { body } = await t
        .http()
        .get(`/v1/agents/${a.agentId}/load?window=60`)
        .set(bearer(a.token))
        .expect(200);
      // busy = 10 + 0.5 + 15 + 0.5 = 26 min = 1560 s; the wellbeing policy's recovery (severity 2: 45:30–55:30)
      // is not staffed time and ends the run of calls: staffed = 60 - 10 = 50 min = 3000 s
      expect(body).toMatchObject({
        agentId: a.agentId,
        windowMinutes: 60,
        callsAnswered: 2,
        hostileCalls: 1,
        occupancy: 0.52,
        averageHandleSeconds: 750,
        consecutiveCallsSinceBreak: 0,
        busySeconds: 1560,
        staffedSeconds: 3000,
      });
      const team = await t
        .http()
        .get(`/v1/teams/${teamId}/load`)
        .set(await t.asAdmin())
        .expect(200);
      expect(team.body.agents.find((x: any) => x.agentId === a.agentId)).toMatchObject({
        callsAnswered: 2,
        occupancy: 0.52,
        stale: false,
      });
      await t.http().get(`/v1/agents/${a.agentId}/load?window=0`).set(bearer(a.token)).expect(400);
    });

    it('counts a call that ended with no call.answered as answered its handle time before the end; a reported answer is never moved', async () => {
      const a = await t.createAgent({ teamId });
      await setPresence(t, a, 'available');
      const at = (m: number) => new Date(t.clock.now().getTime() + m * 60_000);
      // A router that accepts the reservation and reports only the end (with its handle time).
      const silent = callEvents(a.agentId, at(0), 4, { severity: 1 });
      const ended = silent.events.filter((e) => e.type !== 'call.answered');
      // Another call answered at +10, ended at +15 with a handle time longer than that (7 min).
      const told = callEvents(a.agentId, at(10), 5);
      t.clock.set(at(20));
      await sendEvents(t, key, ended);
      await sendEvents(t, key, [told.events[0]]);
      await sendEvents(t, key, [{ ...told.events[1], durationSeconds: 420 }]);
      await t.dataSource.query(`DELETE FROM scheduled_states WHERE agent_id = $1`, [a.agentId]);
      const load = await t
        .http()
        .get(`/v1/agents/${a.agentId}/load?window=60`)
        .set(bearer(a.token))
        .expect(200);
      expect(load.body).toMatchObject({ callsAnswered: 2, hostileCalls: 1 });
      const { body } = await t
        .http()
        .get(`/v1/agents/${a.agentId}/calls`)
        .set(bearer(a.token))
        .expect(200);
      const answeredAt = (id: string) =>
        body.calls.find((c: { callId: string }) => c.callId === id)?.answeredAt;
      expect(answeredAt(silent.callId)).toBe(at(-20).toISOString());
      expect(answeredAt(told.callId)).toBe(at(-10).toISOString());
    });

    it('moves an agent left on_call past the stale limit to not_ready (stale), visible in the team view', async () => {
      const a = await t.createAgent({ teamId });
      await setPresence(t, a, 'available');
      await sendEvents(t, key, [callEvents(a.agentId, t.clock.now(), 0).events[0]]);
      const { PresenceService } = await import('../../src/routing/presence/presence.service');
      t.clock.advanceMinutes(119);
      await t.app.get(PresenceService).sweep();
      expect((await presenceOf(t, a.agentId, router)).state).toBe('on_call');
      t.clock.advanceMinutes(2);
      await t.app.get(PresenceService).sweep();
      await t.app.get(PresenceService).sweep(); // safe to run twice
      expect(await presenceOf(t, a.agentId, router)).toMatchObject({
        state: 'not_ready',
        reason: 'stale',
      });
      const team = await t
        .http()
        .get(`/v1/teams/${teamId}/load`)
        .set(await t.asAdmin())
        .expect(200);
      expect(team.body.agents.find((x: any) => x.agentId === a.agentId).stale).toBe(true);
    });
  });
});
