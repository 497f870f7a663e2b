import { bearer, TestApp } from '../support/test-app';
import { SseClient } from '../support/sse';
import { callId, eventId } from '../support/router';
import { Router, tick } from './queue-support';

/**
 * The call queue through two replicas on one database (A and B), sharing a manual clock: router
 * requests alternate between them, and offers made by one are seen by long-polls on the other.
 */
describe('queued calls across two replicas', () => {
  let a: TestApp;
  let b: TestApp;
  let ra: Router;
  let rb: Router;
  const streams: SseClient[] = [];

  beforeAll(async () => {
    a = await TestApp.create();
    b = await TestApp.create({ databaseUrl: a.databaseUrl, clock: a.clock });
    const key = await a.createRouterKey();
    ra = new Router(a, key);
    rb = new Router(b, key);
  });
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await b.close();
    await a.close();
  });

  let skills = 0;
  /**
   * A team of routable agents, logged in (not_ready) so calls queue for them. Each team gets a skill
   * of its own, which its calls require: the tests share a database and must not take each
   * other's agents or calls.
   */
  async function team(
    dialects: Array<Array<{ tag: string; proficiency: number }>>,
    settings?: Record<string, unknown>,
  ) {
    const teamId = await a.createTeam();
    const skill = `queue-test-${process.pid}-${skills++}`;
    await a
      .http()
      .post('/v1/routing-tags')
      .set(await a.asAdmin())
      .send({ tag: skill, kind: 'skill', label: skill })
      .expect(201);
    if (settings)
      await a
        .http()
        .put(`/v1/teams/${teamId}/settings`)
        .set(await a.asAdmin())
        .send(settings)
        .expect(200);
    const agents = [];
    for (const d of dialects) {
      const agent = await a.createRoutableAgent({
        teamId,
        dialects: d,
        skills: [{ tag: skill, proficiency: 3 }],
      });
      await ra.presence(agent.agentId, 'not_ready');
      agents.push(agent);
    }
    return { teamId, agents, skills: [skill] };
  }
  const tag = (t: string, proficiency = 5) => [{ tag: t, proficiency }];

  it('offers at once when an agent matches (201), queues otherwise (202), refuses the unqualified (409), repeats (200)', async () => {
    const { agents, skills } = await team([tag('wuu')]);
    const queued = await ra.enqueue({ skills, callId: callId(), dialect: 'wuu' }, 202);
    expect(queued.body).toMatchObject({ status: 'queued', position: 1 });
    expect(queued.body.estimatedWaitSeconds).toBeGreaterThan(0);
    expect(
      (await rb.enqueue({ skills, callId: queued.body.callId, dialect: 'wuu' }, 200)).body.status,
    ).toBe('queued');
    const nobody = await rb.enqueue({ callId: callId(), dialect: 'en', skills: ['billing'] }, 409);
    expect(nobody.body.error).toBe('NO_QUALIFIED_AGENT');
    expect((await ra.enqueue({ callId: callId(), dialect: 'xx-nope' })).status).toBe(400);

    await ra.presence(agents[0].agentId, 'available');
    const offered = await rb.until(queued.body.callId, 'offered');
    expect(offered.reservation).toMatchObject({
      agentId: agents[0].agentId,
      externalId: agents[0].externalId,
    });
    // A SIP Call-ID of 255 characters is a callId.
    const long = `${'x'.repeat(240)}@pbx.example`.slice(0, 255);
    await a
      .http()
      .patch(`/v1/agents/${agents[0].agentId}`)
      .set(await a.asAdmin())
      .send({ contact: 'sip:8001@pbx.example' })
      .expect(200);
    const {
      agents: [free],
      skills: freeSkills,
    } = await team([tag('wuu')]);
    await a
      .http()
      .patch(`/v1/agents/${free.agentId}`)
      .set(await a.asAdmin())
      .send({ contact: 'sip:8002@pbx.example' })
      .expect(200);
    await ra.presence(free.agentId, 'available');
    const now = await rb.enqueue({ skills: freeSkills, callId: long, dialect: 'wuu' }, 201);
    expect(now.body).toMatchObject({
      callId: long,
      status: 'offered',
      reservation: { agentId: free.agentId, contact: 'sip:8002@pbx.example' },
    });
    expect((await ra.call(long)).status).toBe('offered');
    // The published offer carries the reservation as the router was answered, contact included.
    const [published] = await a.dataSource.query(
      `SELECT payload FROM events WHERE type = 'call.offered' AND payload->>'callId' = $1`,
      [long],
    );
    expect(published.payload).toEqual({ callId: long, reservation: now.body.reservation });
  });

  it('answers enqueue, status and abandon on the fast lane as the full path does', async () => {
    const { skills } = await team([tag('wuu')]);
    const id = `${callId()}@pbx.example`;
    const queued = await ra.enqueue({ skills, callId: id, dialect: 'wuu', priority: 3 }, 202);
    // The same call through Nest: an admin's read, and a router read with a query the fast lane
    // leaves to the full path (a zero-padded number).
    const path = `/v1/routing/calls/${encodeURIComponent(id)}`;
    const fast = await a.http().get(`${path}?waitSeconds=0`).set(ra.headers()).expect(200);
    const full = await a
      .http()
      .get(path)
      .set(await a.asAdmin())
      .expect(200);
    const padded = await a.http().get(`${path}?waitSeconds=00`).set(ra.headers()).expect(200);
    expect(fast.body).toEqual(full.body);
    expect(padded.body).toEqual(full.body);
    expect(fast.body).toMatchObject({
      callId: id,
      status: 'queued',
      position: queued.body.position,
    });
    // A body with a field of no DTO goes the full way and is refused there; a malformed one is
    // answered as Express's parser answers it.
    const extra = await ra.enqueue({ skills, callId: callId(), dialect: 'wuu', teamId: 'x' }, 400);
    expect(extra.body.error).toBe('VALIDATION_FAILED');
    const malformed = await a
      .http()
      .post('/v1/routing/calls')
      .set(ra.headers())
      .set('Content-Type', 'application/json')
      .send('{"callId": "x"')
      .expect(400);
    expect(malformed.body.error).toBe('MALFORMED_JSON');
    // Unknown calls and ids no router could send: 404 either way.
    await a.http().get('/v1/routing/calls/no-such-call').set(ra.headers()).expect(404);
    await a.http().get('/v1/routing/calls/%E4%BD%A0').set(ra.headers()).expect(404);
    // A malformed escape is the full path's to judge (Express's decoding): a 400 with a code.
    const escape = await a.http().get('/v1/routing/calls/%E4%BD').set(ra.headers()).expect(400);
    expect(escape.body.error).toBe('BAD_REQUEST');
    const left = await a.http().post(`${path}/abandon`).set(ra.headers()).expect(200);
    expect(left.body.status).toBe('abandoned');
    const again = await a.http().post(`${path}/abandon`).set(ra.headers()).expect(200);
    expect(again.body).toEqual(left.body);
    await a
      .http()
      .post(`${path}/abandon`)
      .set(await a.asAdmin())
      .expect(403);
  });

  it('priority before age, then first come first served, across replicas', async () => {
    const { agents, skills } = await team([tag('yue'), tag('yue'), tag('yue')]);
    const ids = ['first', 'second', 'urgent'].map((n) => `${n}-${callId()}`);
    await ra.enqueue({ skills, callId: ids[0], dialect: 'yue' }, 202);
    await tick(a, 1);
    await rb.enqueue({ skills, callId: ids[1], dialect: 'yue' }, 202);
    await tick(a, 1);
    const urgent = await ra.enqueue({ skills, callId: ids[2], dialect: 'yue', priority: 9 }, 202);
    expect(urgent.body.position).toBe(1);
    expect((await rb.call(ids[1])).position).toBe(3);

    const offeredTo: string[] = [];
    for (const [i, agent] of agents.entries()) {
      await (i % 2 ? ra : rb).presence(agent.agentId, 'available');
      const expected = [ids[2], ids[0], ids[1]][i];
      const body = await (i % 2 ? rb : ra).until(expected, 'offered');
      offeredTo.push(body.reservation.agentId);
    }
    expect(offeredTo).toEqual(agents.map((x) => x.agentId));
  });

  it('counts a fallback only after its delay (Wuhan to Putonghua after 30 s)', async () => {
    const { agents, skills } = await team([tag('cmn')]);
    await ra.presence(agents[0].agentId, 'available');
    const id = callId();
    const res = await ra.enqueue(
      {
        callId: id,
        skills,
        dialect: 'cmn-x-wuhan',
        minProficiency: 3,
        fallback: [{ afterSeconds: 30, dialect: 'cmn', skills }],
      },
      202,
    );
    expect(res.body.status).toBe('queued');
    await tick(a, 29);
    await rb.dispatch();
    expect((await ra.call(id)).status).toBe('queued');
    await tick(a, 1);
    await rb.dispatch();
    expect((await ra.call(id)).reservation.agentId).toBe(agents[0].agentId);
  });

  it('abandon: a waiting call leaves, an offered one releases its agent; both idempotent', async () => {
    const { agents, skills } = await team([tag('nan')]);
    const waiting = callId();
    await ra.enqueue({ skills, callId: waiting, dialect: 'nan' }, 202);
    const abandon = (r: Router, id: string) =>
      r.t.http().post(`/v1/routing/calls/${id}/abandon`).set(r.headers());
    expect((await abandon(rb, waiting).expect(200)).body.status).toBe('abandoned');
    expect((await abandon(ra, waiting).expect(200)).body.status).toBe('abandoned');
    expect((await abandon(ra, 'no-such-call').expect(404)).body.error).toBe('NOT_FOUND');

    await ra.presence(agents[0].agentId, 'available');
    const offered = callId();
    expect((await ra.enqueue({ skills, callId: offered, dialect: 'nan' }, 201)).body.status).toBe(
      'offered',
    );
    await abandon(rb, offered).expect(200);
    const presence = await a
      .http()
      .get(`/v1/agents/${agents[0].agentId}/presence`)
      .set(ra.headers())
      .expect(200);
    expect(presence.body.state).toBe('available');
    const [r] = await a.dataSource.query(
      `SELECT status, decision_reason FROM reservations WHERE call_id = $1`,
      [offered],
    );
    expect(r).toEqual({ status: 'rejected', decision_reason: 'abandoned' });
  });

  it('reject: back to its place, never to that agent again; no_answer counts as a missed offer', async () => {
    const { agents, skills } = await team([tag('cmn-x-sichuan'), tag('cmn-x-sichuan')]);
    const [first, second] = agents;
    const older = callId();
    const newer = callId();
    await ra.presence(first.agentId, 'available');
    const offered = await ra.enqueue({ skills, callId: older, dialect: 'cmn-x-sichuan' }, 201);
    await tick(a, 1);
    await ra.enqueue({ skills, callId: newer, dialect: 'cmn-x-sichuan' }, 202);
    await rb.reject(offered.body.reservation.reservationId, 'no_answer');
    // The first agent is free again: it gets the newer call, never the one it rejected.
    const next = await ra.until(newer, 'offered');
    expect(next.reservation.agentId).toBe(first.agentId);
    const back = await rb.call(older);
    expect(back).toMatchObject({ status: 'queued', position: 1 });
    const [{ consecutive_lapses }] = await a.dataSource.query(
      `SELECT consecutive_lapses FROM agent_presence WHERE agent_id = $1`,
      [first.agentId],
    );
    expect(consecutive_lapses).toBe(1);
    // A retried reject answers the same; the reason recorded is the first.
    const again = await rb.reject(offered.body.reservation.reservationId, 'busy');
    expect(again.body.status).toBe('rejected');
    await ra.presence(second.agentId, 'available');
    expect((await ra.until(older, 'offered')).reservation.agentId).toBe(second.agentId);
  });

  it('three no_answer rejects in a row make the agent not_ready/missed_calls', async () => {
    const { agents, skills } = await team([tag('en')]);
    await ra.presence(agents[0].agentId, 'available');
    for (let i = 0; i < 3; i++) {
      const res = await ra.enqueue({ skills, callId: callId(), dialect: 'en' }, 201);
      await ra.reject(res.body.reservation.reservationId, 'no_answer');
    }
    const p = await a
      .http()
      .get(`/v1/agents/${agents[0].agentId}/presence`)
      .set(ra.headers())
      .expect(200);
    expect(p.body).toMatchObject({ state: 'not_ready', reason: 'missed_calls' });
  });

  it('a lapsed offer goes back to its place and is not offered to that agent again', async () => {
    const { agents, skills } = await team([tag('wuu', 4), tag('wuu', 4)]);
    await ra.presence(agents[0].agentId, 'available');
    const id = callId();
    const offered = await rb.enqueue(
      { skills, callId: id, dialect: 'wuu', minProficiency: 4 },
      201,
    );
    expect(offered.body.reservation.agentId).toBe(agents[0].agentId);
    const router = await SseClient.open(`${await b.url()}/v1/events`, ra.headers());
    streams.push(router);
    await tick(a, 21); // past the team's 20 s hold
    await ra.dispatch();
    const back = await rb.call(id);
    expect(back.status).toBe('queued');
    await router.until(
      () => router.of('reservation.lapsed').some((e) => e.data.callId === id),
      3000,
    );
    await ra.dispatch(); // the first agent is free (its hold lapsed) but excluded
    expect((await rb.call(id)).status).toBe('queued');
    await ra.presence(agents[1].agentId, 'available');
    expect((await ra.until(id, 'offered')).reservation.agentId).toBe(agents[1].agentId);
  });

  it('answers a long-poll within 200 ms of the offer, whichever replica offers', async () => {
    const { agents, skills } = await team([tag('yue', 3)]);
    const id = callId();
    await ra.enqueue({ skills, callId: id, dialect: 'yue', minProficiency: 3 }, 202);
    const poll = (async () => {
      const body = await rb.call(id, 10);
      return { body, at: Date.now() };
    })();
    const router = await SseClient.open(`${await b.url()}/v1/events`, ra.headers());
    streams.push(router);
    await ra.presence(agents[0].agentId, 'available'); // replica A frees the agent and offers
    const answered = await poll;
    expect(answered.body.status).toBe('offered');
    await router.until(() => router.of('call.offered').some((e) => e.data.callId === id), 3000);
    const offerSeen = router.of('call.offered').find((e) => e.data.callId === id)!.receivedAt;
    // The long-poll on replica B answers within 200 ms of the offer made on replica A reaching the
    // event stream (both wall-clock receipt times in this process).
    expect(Math.abs(answered.at - offerSeen)).toBeLessThan(200);
  });

  it('a long-poll with the status the router last saw answers at once if it already changed', async () => {
    const { agents, skills } = await team([tag('yue', 3)]);
    const id = callId();
    await ra.enqueue({ skills, callId: id, dialect: 'yue', minProficiency: 3 }, 202);
    await ra.presence(agents[0].agentId, 'available');
    await ra.until(id, 'offered'); // offered before the router polls again
    const started = Date.now();
    const res = await b
      .http()
      .get(`/v1/routing/calls/${id}?waitSeconds=10&status=queued`)
      .set(rb.headers())
      .expect(200);
    expect(res.body.status).toBe('offered');
    expect(Date.now() - started).toBeLessThan(5000); // not the 10 s wait for a change from 'offered'
    await b
      .http()
      .get(`/v1/routing/calls/${id}?waitSeconds=1&status=waiting`)
      .set(rb.headers())
      .expect(400);
  });

  it('accept → connected; resync ends connected calls and abandons queued ones the router no longer has', async () => {
    const { teamId, agents, skills } = await team([tag('nan', 2), tag('nan', 2), tag('nan', 2)]);
    for (const x of agents.slice(0, 2)) await ra.presence(x.agentId, 'available');
    const [lost, kept, waiting] = [callId(), callId(), callId()];
    const r1 = await ra.enqueue({ skills, callId: lost, dialect: 'nan', minProficiency: 2 }, 201);
    const r2 = await ra.enqueue({ skills, callId: kept, dialect: 'nan', minProficiency: 2 }, 201);
    await ra.enqueue({ skills, callId: waiting, dialect: 'nan', minProficiency: 2 }, 202);
    // Joining the queue is published once, to the router only; the same call again (200) adds nothing.
    await rb.enqueue({ skills, callId: waiting, dialect: 'nan', minProficiency: 2 }, 200);
    expect(
      await a.dataSource.query(
        `SELECT type, agent_id, team_id, audience, payload FROM events WHERE payload->>'callId' = $1`,
        [waiting],
      ),
    ).toEqual([
      {
        type: 'call.queued',
        agent_id: null,
        team_id: null,
        audience: ['router'],
        payload: { callId: waiting, priority: 0 },
      },
    ]);
    await rb.accept(r1.body.reservation.reservationId);
    expect((await ra.accept(r1.body.reservation.reservationId)).body.status).toBe('accepted'); // idempotent
    await ra.accept(r2.body.reservation.reservationId);
    expect((await rb.call(lost)).status).toBe('connected');
    // The offer and the connection are each published once, for the agent's team (the retried
    // accept publishes nothing).
    const published = await a.dataSource.query(
      `SELECT type, agent_id, team_id, payload FROM events
        WHERE type IN ('call.offered', 'call.connected') AND payload->>'callId' = $1 ORDER BY id`,
      [lost],
    );
    const agentId = r1.body.reservation.agentId;
    expect(published).toEqual([
      {
        type: 'call.offered',
        agent_id: agentId,
        team_id: teamId,
        payload: { callId: lost, reservation: r1.body.reservation },
      },
      {
        type: 'call.connected',
        agent_id: agentId,
        team_id: teamId,
        payload: { callId: lost, agentId },
      },
    ]);
    const listed = await a
      .http()
      .get('/v1/routing/calls?status=connected')
      .set(ra.headers())
      .expect(200);
    expect(listed.body.items.map((c: any) => c.callId)).toEqual(
      expect.arrayContaining([lost, kept]),
    );

    const res = await b
      .http()
      .post('/v1/routing/resync')
      .set(ra.headers())
      .send({ liveCallIds: [kept] })
      .expect(200);
    expect(res.body.abandoned).toBeGreaterThanOrEqual(1);
    expect(res.body.ended).toBeGreaterThanOrEqual(1);
    expect((await ra.call(lost)).status).toBe('ended');
    expect((await ra.call(kept)).status).toBe('connected');
    expect((await ra.call(waiting)).status).toBe('abandoned');
    const p = await a
      .http()
      .get(`/v1/agents/${r1.body.reservation.agentId}/presence`)
      .set(ra.headers())
      .expect(200);
    expect(['wrap_up', 'available']).toContain(p.body.state);
  });

  it("the call's own events move queued calls: answered → connected; answered and ended in one batch → ended, never connected", async () => {
    const { agents, skills } = await team([tag('nan', 2), tag('nan', 2)]);
    for (const x of agents) await ra.presence(x.agentId, 'available');
    const [talking, brief] = [callId(), callId()];
    const offers = [
      await ra.enqueue({ skills, callId: talking, dialect: 'nan', minProficiency: 2 }, 201),
      await ra.enqueue({ skills, callId: brief, dialect: 'nan', minProficiency: 2 }, 201),
    ].map((r) => r.body.reservation);
    const router = await SseClient.open(`${await b.url()}/v1/events`, ra.headers());
    streams.push(router);
    const at = a.clock.now().toISOString();
    const answered = (id: string, agentId: string) => ({
      eventId: eventId(),
      type: 'call.answered',
      callId: id,
      agentId,
      at,
    });
    // One batch: the first call answered; the second answered and already over (a short call).
    await rb.events([
      answered(talking, offers[0].agentId),
      answered(brief, offers[1].agentId),
      {
        eventId: eventId(),
        type: 'call.ended',
        callId: brief,
        agentId: offers[1].agentId,
        at,
        durationSeconds: 0,
      },
    ]);
    expect((await ra.call(talking)).status).toBe('connected');
    expect((await ra.call(brief)).status).toBe('ended');
    const decided = await a.dataSource.query(
      `SELECT status FROM reservations WHERE id = ANY($1::uuid[]) ORDER BY call_id = $2 DESC`,
      [offers.map((o) => o.reservationId), talking],
    );
    expect(decided.map((r: any) => r.status)).toEqual(['accepted', 'accepted']);
    await router.until(
      () =>
        router.of('call.connected').some((e) => e.data.callId === talking) &&
        router.of('call.ended').some((e) => e.data.callId === brief),
      3000,
    );
    expect(router.of('call.connected').filter((e) => e.data.callId === brief)).toEqual([]);
    await ra.end(talking, offers[0].agentId, a.clock.now());
    expect((await rb.call(talking)).status).toBe('ended');
    await router.until(() => router.of('call.ended').some((e) => e.data.callId === talking), 3000);
  });

  it('alerts the supervisor of a call with no event for maxCallMinutes and lists it until it ends', async () => {
    const { teamId, agents, skills } = await team([tag('en', 2)], { maxCallMinutes: 30 });
    const sup = await a.createUser(['supervisor'], teamId);
    const otherSup = await a.createUser(['supervisor'], await a.createTeam());
    const stream = await SseClient.open(`${await b.url()}/v1/events`, bearer(sup.token));
    streams.push(stream);
    await ra.presence(agents[0].agentId, 'available');
    const id = callId();
    const offered = await ra.enqueue({ skills, callId: id, dialect: 'en', minProficiency: 2 }, 201);
    await ra.accept(offered.body.reservation.reservationId);
    const reconcile = a.app.get(
      (await import('../../src/routing/queue/call-reconciliation')).CallReconciliation,
    );
    await tick(a, 29 * 60);
    expect(await reconcile.alertStranded()).toBe(0);
    await tick(a, 60);
    expect(await reconcile.alertStranded()).toBe(1);
    expect(await reconcile.alertStranded()).toBe(0); // once
    await stream.until(
      () => stream.of('alert.stranded_call').some((e) => e.data.callId === id),
      3000,
    );
    const list = await b
      .http()
      .get('/v1/routing/stranded-calls')
      .set(bearer(sup.token))
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ callId: id, agentId: agents[0].agentId }),
    ]);
    const foreign = await b
      .http()
      .get('/v1/routing/stranded-calls')
      .set(bearer(otherSup.token))
      .expect(200);
    expect(foreign.body.items).toEqual([]);
    await ra.end(id, agents[0].agentId, a.clock.now());
    expect(
      (await b.http().get('/v1/routing/stranded-calls').set(ra.headers()).expect(200)).body.items,
    ).toEqual([]);
    expect((await ra.call(id)).status).toBe('ended');
  });

  it('a flagged caller goes to the agent without a recent hostile call; the cap holds flagged calls back', async () => {
    const { agents, skills } = await team([tag('wuu', 2), tag('wuu', 2)], {
      routingOrder: 'longest_idle',
      maxHostilePerHour: 1,
    });
    const [shaken, calm] = agents;
    const callerRef = `caller-${callId()}`;
    // A hostile call from this caller, taken by `shaken`.
    await ra.presence(shaken.agentId, 'available');
    const x = callId();
    const ox = await ra.enqueue(
      { skills, callId: x, dialect: 'wuu', minProficiency: 2, callerRef },
      201,
    );
    await ra.accept(ox.body.reservation.reservationId);
    await ra.end(x, shaken.agentId, a.clock.now(), 3);
    const [stored] = await a.dataSource.query(
      `SELECT caller_hash FROM queued_calls WHERE call_id = $1`,
      [x],
    );
    expect(stored.caller_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.caller_hash).not.toContain(callerRef);
    // After its recovery `shaken` is free again (and idle longest); then `calm` becomes free.
    await tick(a, 20 * 60);
    await ra.sweep();
    await ra.presence(shaken.agentId, 'available', 200);
    await tick(a, 1);
    await ra.presence(calm.agentId, 'available');
    const y = callId();
    const oy = await rb.enqueue(
      { skills, callId: y, dialect: 'wuu', minProficiency: 2, callerRef },
      201,
    );
    expect(oy.body.reservation.agentId).toBe(calm.agentId);
    // Without a flagged caller, longest idle wins as usual.
    const z = callId();
    const oz = await rb.enqueue({ skills, callId: z, dialect: 'wuu', minProficiency: 2 }, 201);
    expect(oz.body.reservation.agentId).toBe(shaken.agentId);

    // Cap: `calm` has taken 1 flagged call this hour (the team's max); `shaken` is busy.
    await ra.accept(oy.body.reservation.reservationId);
    await ra.end(y, calm.agentId, a.clock.now());
    await ra.accept(oz.body.reservation.reservationId);
    await tick(a, 60);
    await ra.sweep();
    const w = callId();
    expect(
      (await ra.enqueue({ skills, callId: w, dialect: 'wuu', minProficiency: 2, callerRef }, 202))
        .body.status,
    ).toBe('queued');
    const plain = callId();
    expect(
      (await ra.enqueue({ skills, callId: plain, dialect: 'wuu', minProficiency: 2 }, 201)).body
        .reservation.agentId,
    ).toBe(calm.agentId);

    // Erasure: the caller is forgotten; a new call from it is not flagged.
    const erased = await a
      .http()
      .post('/v1/routing/callers/erase')
      .set(ra.headers())
      .send({ callerRef })
      .expect(200);
    expect(erased.body.erased).toBeGreaterThanOrEqual(3);
    const [{ n }] = await a.dataSource.query(
      `SELECT count(*)::int AS n FROM queued_calls WHERE caller_hash IS NOT NULL AND call_id = ANY($1)`,
      [[x, y, w]],
    );
    expect(n).toBe(0);
  });

  it('prefers a single-dialect agent for a Putonghua call when a Putonghua+Minnan agent is also free', async () => {
    const { agents, skills } = await team([
      [
        { tag: 'cmn', proficiency: 5 },
        { tag: 'nan', proficiency: 5 },
      ],
      tag('cmn', 4),
    ]);
    const [both, only] = agents;
    await ra.presence(both.agentId, 'available');
    await tick(a, 1);
    await ra.presence(only.agentId, 'available');
    const res = await ra.enqueue({ skills, callId: callId(), dialect: 'cmn' }, 201);
    expect(res.body.reservation.agentId).toBe(only.agentId);
    const summary = await a.http().get('/v1/routing/queue').set(ra.headers()).expect(200);
    expect(summary.body).toHaveProperty('asOf');
    expect(Array.isArray(summary.body.queues)).toBe(true);
  });

  it('gives an agent its own offers on the event stream, and supervisors none', async () => {
    const { teamId, skills } = await team([]);
    const agent = await a.createAgent({
      teamId,
      dialects: tag('wuu', 3),
      skills: [{ tag: skills[0], proficiency: 3 }],
    });
    const sup = await a.createUser(['supervisor'], teamId);
    const mine = await SseClient.open(`${await b.url()}/v1/events`, bearer(agent.token));
    const theirs = await SseClient.open(`${await b.url()}/v1/events`, bearer(sup.token));
    streams.push(mine, theirs);
    await ra.presence(agent.agentId, 'available');
    const id = callId();
    await ra.enqueue({ skills, callId: id, dialect: 'wuu', minProficiency: 3 }, 201);
    await mine.until(() => mine.of('call.offered').some((e) => e.data.callId === id), 3000);
    await theirs.until(
      () => theirs.of('presence.changed').some((e) => e.data.state === 'reserved'),
      3000,
    );
    expect(theirs.of('call.offered')).toHaveLength(0);
  });
});
