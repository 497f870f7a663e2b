import { DateTime } from 'luxon';
import { leaksIn, lineCount, logFileFor, loggingEnv } from '../reliability/support/logs';
import { callId } from '../support/router';
import { SseClient } from '../support/sse';
import { bearer, TestApp } from '../support/test-app';
import { Router, tick } from './queue-support';

/**
 * Human callbacks through two replicas on one database (A and B) sharing a manual clock: the
 * window, idempotency, offers only inside the window to a matching agent, retries, closing,
 * missed with an alert, the dial target erased and never logged, and callbacks against inbound calls.
 */
describe('human callbacks', () => {
  const logFile = logFileFor('callbacks');
  let a: TestApp;
  let b: TestApp;
  let ra: Router;
  let rb: Router;
  const streams: SseClient[] = [];
  const dialTargets: string[] = [];

  beforeAll(async () => {
    a = await TestApp.create({ env: loggingEnv(logFile) });
    b = await TestApp.create({
      databaseUrl: a.databaseUrl,
      clock: a.clock,
      env: loggingEnv(logFile),
    });
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
  /** A team whose agents (logged in, not_ready) have a skill of their own that its callbacks require. */
  async function team(
    dialects: Array<Array<{ tag: string; proficiency: number }>>,
    settings: Record<string, unknown> = {},
  ) {
    const teamId = await a.createTeam();
    const skill = `callback-test-${process.pid}-${skills++}`;
    await a
      .http()
      .post('/v1/routing-tags')
      .set(await a.asAdmin())
      .send({ tag: skill, kind: 'skill', label: skill })
      .expect(201);
    await a
      .http()
      .put(`/v1/teams/${teamId}/settings`)
      .set(await a.asAdmin())
      .send({ wrapUpSeconds: 0, reservationTtlSeconds: 60, ...settings })
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
  const inMinutes = (m: number) => new Date(a.clock.now().getTime() + m * 60_000).toISOString();

  function callbackBody(over: Record<string, unknown> = {}) {
    const dialTarget = `+4420${Math.floor(1e7 + Math.random() * 9e7)}`;
    dialTargets.push(dialTarget);
    return {
      callbackId: `cb-${callId()}`,
      callerRef: `caller-${callId()}`,
      dialTarget,
      notBefore: inMinutes(1),
      notAfter: inMinutes(61),
      ...over,
    };
  }
  const schedule = (body: Record<string, unknown>, r: Router = ra) =>
    r.t.http().post('/v1/routing/callbacks').set(r.headers()).send(body);
  const state = async (id: string, r: Router = ra) =>
    (await r.t.http().get(`/v1/routing/callbacks/${id}`).set(r.headers()).expect(200)).body;
  const outcome = (id: string, result: string, r: Router = ra) =>
    r.t.http().post(`/v1/routing/callbacks/${id}/outcome`).set(r.headers()).send({ result });
  const stored = async (id: string) =>
    (
      await a.dataSource.query(
        `SELECT c.*, q.status AS queue_status FROM callbacks c JOIN queued_calls q ON q.call_id = c.queue_id WHERE c.callback_id = $1`,
        [id],
      )
    )[0];

  it('validates the window with stable codes and is idempotent by callbackId', async () => {
    const { skills } = await team([tag('yue')]);
    const past = await schedule(
      callbackBody({ skills, notBefore: inMinutes(-10), notAfter: inMinutes(30) }),
    );
    expect([past.status, past.body.error]).toEqual([400, 'CALLBACK_WINDOW_IN_PAST']);
    const inverted = await schedule(
      callbackBody({ skills, notBefore: inMinutes(30), notAfter: inMinutes(10) }),
    );
    expect([inverted.status, inverted.body.error]).toEqual([400, 'CALLBACK_WINDOW_INVERTED']);
    const far = await schedule(callbackBody({ skills, notAfter: inMinutes(7 * 24 * 60 + 5) }));
    expect([far.status, far.body.error]).toEqual([400, 'CALLBACK_WINDOW_TOO_FAR']);
    expect((await schedule(callbackBody({ skills, dialect: 'xx-nope' }))).status).toBe(400);
    expect((await schedule(callbackBody({ skills, extra: 1 }))).status).toBe(400);
    expect((await schedule({ ...callbackBody({ skills }), dialTarget: undefined })).status).toBe(
      400,
    );
    expect((await schedule(callbackBody({ skills, notBefore: 'tomorrow' }))).status).toBe(400);

    const body = callbackBody({ skills, dialect: 'yue' });
    const created = await schedule(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      callbackId: body.callbackId,
      status: 'scheduled',
      attempts: 0,
      personHasTried: false,
      window: { notBefore: body.notBefore, notAfter: body.notAfter },
    });
    const again = await schedule({ ...body, notAfter: inMinutes(120) }, rb);
    expect(again.status).toBe(200);
    expect(again.body.window.notAfter).toBe(body.notAfter);
    const row = await stored(body.callbackId);
    expect(row.dial_target).toMatch(/^v1\./);
    expect(row.dial_target).not.toContain(body.dialTarget);
    const [{ n }] = await a.dataSource.query(
      `SELECT count(*)::int AS n FROM queued_calls WHERE call_id = $1`,
      [`callback:${body.callbackId}`],
    );
    expect(n).toBe(1);
  });

  it('is offered only inside its window, to a dialect-matching agent, with kind and dial target', async () => {
    const { agents, skills } = await team([tag('cmn'), tag('yue', 3)]);
    const [mandarin, cantonese] = agents;
    const router = await SseClient.open(`${await b.url()}/v1/events`, ra.headers());
    streams.push(router);
    await ra.presence(mandarin.agentId, 'available');
    await ra.presence(cantonese.agentId, 'available');
    const body = callbackBody({
      skills,
      dialect: 'yue',
      minProficiency: 3,
      notBefore: inMinutes(10),
    });
    expect((await schedule(body)).status).toBe(201);
    await ra.dispatch();
    expect((await state(body.callbackId)).status).toBe('scheduled');
    await tick(a, 9 * 60);
    await rb.dispatch();
    expect((await state(body.callbackId)).status).toBe('scheduled');
    await tick(a, 60);
    // Now it is due: offered by this pass, or by one a replica ran on its own a moment before (woken
    // by the agents freeing up, which can reach a replica late); either way once (held once, below).
    await rb.dispatch();
    const offered = await state(body.callbackId, rb);
    expect(offered.status).toBe('offered');
    expect(offered.reservation).toMatchObject({
      agentId: cantonese.agentId,
      kind: 'callback',
      dialTarget: body.dialTarget,
    });
    expect(offered.personHasTried).toBe(false);
    await router.until(
      () => router.of('call.offered').some((e) => e.data.callbackId === body.callbackId),
      3000,
    );
    const event = router.of('call.offered').find((e) => e.data.callbackId === body.callbackId)!;
    expect(event.data).toMatchObject({ kind: 'callback', reservation: { kind: 'callback' } });
    expect(JSON.stringify(event.data)).not.toContain(body.dialTarget); // the stream keeps events 24 h
    // Never to two agents: the other agent stays free and a further pass offers nothing.
    expect(await ra.dispatch()).toBe(0);
    const [{ holds }] = await a.dataSource.query(
      `SELECT count(*)::int AS holds FROM reservations WHERE call_id = $1 AND status = 'held'`,
      [`callback:${body.callbackId}`],
    );
    expect(holds).toBe(1);
  });

  it('retries after no_answer and busy (the team’s delay), closes on reached and erases the dial target', async () => {
    const { teamId, agents, skills } = await team([tag('wuu')], { callbackRetryMinutes: 5 });
    const [agent] = agents;
    await ra.presence(agent.agentId, 'available');
    const body = callbackBody({ skills, dialect: 'wuu', notBefore: inMinutes(0) });
    const queueId = `callback:${body.callbackId}`;
    expect((await schedule(body)).status).toBe(201);
    await ra.dispatch();
    let s = await state(body.callbackId);
    expect(s.status).toBe('offered');
    expect((await outcome('cb-never-offered', 'reached')).status).toBe(404);

    // Attempt 1: accepted, dialled, no answer.
    await ra.accept(s.reservation.reservationId);
    expect((await state(body.callbackId)).status).toBe('connected');
    await ra.end(queueId, agent.agentId, a.clock.now());
    const first = await outcome(body.callbackId, 'no_answer');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'scheduled',
      attempts: 1,
      personHasTried: true,
      lastResult: 'no_answer',
    });
    expect(first.body.nextAttemptAt).toBe(inMinutes(5));
    // The router repeating that outcome (its answer lost) gets the same state, counted once; another
    // outcome for an attempt that was not made is refused.
    const repeated = await outcome(body.callbackId, 'no_answer');
    expect(repeated.status).toBe(200);
    expect(repeated.body).toMatchObject({ attempts: 1, nextAttemptAt: inMinutes(5) });
    expect((await outcome(body.callbackId, 'busy')).body.error).toBe('CALLBACK_NOT_OFFERED');
    await tick(a, 4 * 60);
    await ra.dispatch();
    expect((await state(body.callbackId)).status).toBe('scheduled');
    await tick(a, 60);
    await ra.dispatch();
    s = await state(body.callbackId);
    expect(s.status).toBe('offered');
    expect(s.reservation.agentId).toBe(agent.agentId); // an unanswered caller is no fault of the agent

    // Attempt 2: busy before the offer was even accepted (the hold is released).
    expect((await outcome(body.callbackId, 'busy', rb)).body.status).toBe('scheduled');
    const [{ status: hold }] = await a.dataSource.query(
      `SELECT status FROM reservations WHERE id = $1`,
      [s.reservation.reservationId],
    );
    expect(hold).toBe('rejected');
    await tick(a, 5 * 60);
    await ra.dispatch();
    s = await state(body.callbackId);
    expect(s.status).toBe('offered'); // a hold released for a busy line does not bar that agent

    // Attempt 3: reached. Closed, dial target erased, a repeat is answered, another result refused.
    await ra.accept(s.reservation.reservationId);
    const reached = await outcome(body.callbackId, 'reached');
    expect(reached.body).toMatchObject({ status: 'reached', attempts: 3, personHasTried: true });
    expect(reached.body.reservation).toBeUndefined();
    const row = await stored(body.callbackId);
    expect(row.dial_target).toBeNull();
    expect(row.queue_status).toBe('ended');
    expect((await outcome(body.callbackId, 'reached')).status).toBe(200);
    expect((await outcome(body.callbackId, 'wrong_number')).body.error).toBe('CALLBACK_CLOSED');

    // The wallboard's measures and the supervisor's list.
    const sup = await a.createUser(['supervisor'], teamId);
    const other = await a.createUser(['supervisor'], await a.createTeam());
    const stats = await a
      .http()
      .get(`/v1/routing/callbacks/stats`)
      .set(bearer(sup.token))
      .expect(200);
    expect(stats.body.dialects).toEqual([
      expect.objectContaining({
        dialect: 'wuu',
        callbacks: 1,
        reachedInWindow: 1,
        reachedInWindowShare: 1,
        medianSecondsToFirstAttempt: 0,
        attemptsPerCallback: 3,
      }),
    ]);
    const list = await a
      .http()
      .get(`/v1/routing/callbacks?status=reached`)
      .set(bearer(sup.token))
      .expect(200);
    expect(list.body.items.map((i: any) => i.callbackId)).toEqual([body.callbackId]);
    expect(
      (await a.http().get(`/v1/routing/callbacks`).set(bearer(other.token)).expect(200)).body.items,
    ).toEqual([]);
    await a
      .http()
      .get(`/v1/routing/callbacks/${body.callbackId}`)
      .set(bearer(other.token))
      .expect(404);
    const routerList = await a
      .http()
      .get(`/v1/routing/callbacks?status=reached&from=${inMinutes(-60)}&to=${inMinutes(60)}`)
      .set(ra.headers())
      .expect(200);
    expect(routerList.body.items.map((i: any) => i.callbackId)).toContain(body.callbackId);
    await a.http().get(`/v1/routing/callbacks?status=lost`).set(ra.headers()).expect(400);
  });

  it('closes on wrong_number', async () => {
    const { agents, skills } = await team([tag('nan')]);
    await ra.presence(agents[0].agentId, 'available');
    const body = callbackBody({ skills, dialect: 'nan', notBefore: inMinutes(0) });
    await schedule(body);
    await ra.dispatch();
    expect((await state(body.callbackId)).status).toBe('offered');
    const res = await outcome(body.callbackId, 'wrong_number');
    expect(res.body).toMatchObject({ status: 'wrong_number', attempts: 1 });
    expect((await stored(body.callbackId)).dial_target).toBeNull();
  });

  it('is missed at notAfter with a supervisor alert, and when no retry fits the window', async () => {
    const { teamId, agents, skills } = await team([tag('cmn-x-sichuan')], {
      callbackRetryMinutes: 30,
    });
    const sup = await a.createUser(['supervisor'], teamId);
    const stream = await SseClient.open(`${await b.url()}/v1/events`, bearer(sup.token));
    streams.push(stream);
    const body = callbackBody({
      skills,
      dialect: 'cmn-x-sichuan',
      notBefore: inMinutes(1),
      notAfter: inMinutes(31),
    });
    await schedule(body);
    await tick(a, 30 * 60);
    await ra.dispatch();
    expect((await state(body.callbackId)).status).toBe('queued'); // nobody free: it waits
    await tick(a, 60);
    await rb.dispatch();
    const missed = await state(body.callbackId);
    expect(missed).toMatchObject({ status: 'missed', attempts: 0, personHasTried: false });
    expect((await stored(body.callbackId)).dial_target).toBeNull();
    await stream.until(
      () => stream.of('alert.callback_missed').some((e) => e.data.callbackId === body.callbackId),
      3000,
    );
    // An agent free after notAfter is not offered it.
    await ra.presence(agents[0].agentId, 'available');
    await ra.dispatch();
    expect((await state(body.callbackId)).status).toBe('missed');

    // no_answer with 20 minutes left and a 30-minute retry delay: missed at once.
    const late = callbackBody({
      skills,
      dialect: 'cmn-x-sichuan',
      notBefore: inMinutes(0),
      notAfter: inMinutes(20),
    });
    await schedule(late);
    await ra.dispatch();
    expect((await state(late.callbackId)).status).toBe('offered');
    const res = await outcome(late.callbackId, 'no_answer');
    expect(res.body).toMatchObject({ status: 'missed', attempts: 1, personHasTried: true });
    await stream.until(
      () => stream.of('alert.callback_missed').some((e) => e.data.callbackId === late.callbackId),
      3000,
    );
  });

  it('competes with inbound calls as the priority rule says: aged from notBefore, rising near notAfter, bounded by the team share', async () => {
    const { agents, skills } = await team([tag('en')]);
    const [agent] = agents;
    // I1 and I2 arrive before the callback's notBefore; the callback would normally come after both.
    const i1 = callId();
    await ra.enqueue({ skills, callId: i1, dialect: 'en' }, 202);
    await tick(a, 30);
    const i2 = callId();
    await ra.enqueue({ skills, callId: i2, dialect: 'en' }, 202);
    const body = callbackBody({
      skills,
      dialect: 'en',
      notBefore: inMinutes(0.5),
      notAfter: inMinutes(40.5),
    });
    await schedule(body);
    await tick(a, 2 * 60);
    await ra.presence(agent.agentId, 'available');
    await ra.dispatch();
    const o1 = await ra.call(i1);
    expect(o1.status).toBe('offered'); // oldest first while the promise is not at risk
    await ra.accept(o1.reservation.reservationId);
    // Into the last quarter of its window (30 minutes in): the callback rises above I2.
    await tick(a, 29 * 60);
    await ra.end(i1, agent.agentId, a.clock.now());
    await tick(a, 30); // past any wrap-up
    await ra.sweep();
    await ra.dispatch();
    const s = await state(body.callbackId);
    expect(s.status).toBe('offered');
    expect(s.reservation.agentId).toBe(agent.agentId);
    expect((await ra.call(i2)).status).toBe('queued');

    // A team allowing callbacks no share: an older callback yields to a newer inbound call ...
    const capped = await team([tag('en')], { callbackMaxShare: 0 });
    const cb = callbackBody({ skills: capped.skills, dialect: 'en', notBefore: inMinutes(0) });
    await schedule(cb);
    await tick(a, 60);
    const i3 = callId();
    await ra.enqueue({ skills: capped.skills, callId: i3, dialect: 'en' }, 202);
    await ra.presence(capped.agents[0].agentId, 'available');
    await ra.dispatch();
    const o3 = await ra.call(i3);
    expect(o3.status).toBe('offered');
    expect((await state(cb.callbackId)).status).toBe('queued');
    // ... and is still kept when no inbound call waits for the agent.
    await ra.accept(o3.reservation.reservationId);
    await ra.end(i3, capped.agents[0].agentId, a.clock.now());
    await tick(a, 30);
    await ra.sweep();
    await ra.dispatch();
    expect((await state(cb.callbackId)).status).toBe('offered');
  });

  it('answers a long-poll when the callback is offered', async () => {
    const { agents, skills } = await team([tag('yue')]);
    const body = callbackBody({ skills, dialect: 'yue', notBefore: inMinutes(0) });
    await schedule(body);
    const poll = b
      .http()
      .get(`/v1/routing/callbacks/${body.callbackId}?waitSeconds=10`)
      .set(rb.headers());
    const polled = poll.then((r) => r.body);
    await new Promise((r) => setTimeout(r, 100));
    await ra.presence(agents[0].agentId, 'available');
    await ra.dispatch();
    expect((await polled).status).toBe('offered');
    await b
      .http()
      .get(`/v1/routing/callbacks/${body.callbackId}?waitSeconds=31`)
      .set(rb.headers())
      .expect(400);
  });

  describe('the opening hours of the team’s site', () => {
    const admin = () => a.asAdmin();
    async function siteOf(teamId: string): Promise<string> {
      return (
        await a
          .http()
          .get(`/v1/teams/${teamId}`)
          .set(await admin())
          .expect(200)
      ).body.siteId;
    }
    const patchSite = async (siteId: string, body: Record<string, unknown>) =>
      a
        .http()
        .patch(`/v1/sites/${siteId}`)
        .set(await admin())
        .send(body);
    /** One entry opening `fromMinutes` after now for `hours` hours, on the clock of `zone`. */
    function entryFromNow(fromMinutes: number, hours: number, zone: string) {
      const open = DateTime.fromJSDate(a.clock.now(), { zone })
        .plus({ minutes: fromMinutes })
        .startOf('minute');
      return {
        entry: {
          weekday: open.weekday,
          open: open.toFormat('HH:mm'),
          close: open.plus({ hours }).toFormat('HH:mm'),
        },
        opensAt: open.toJSDate(),
      };
    }

    it('are set and read on the site, validated field by field, and cleared with null', async () => {
      const siteId = await siteOf(await a.createTeam());
      const fresh = await a
        .http()
        .get(`/v1/sites/${siteId}`)
        .set(await admin())
        .expect(200);
      expect(fresh.body.openingHours).toBeNull();
      for (const bad of [
        [{ weekday: 8, open: '09:00', close: '18:00' }],
        [{ weekday: 0, open: '09:00', close: '18:00' }],
        [{ weekday: 1, open: '9:00', close: '18:00' }],
        [{ weekday: 1, open: '24:00', close: '18:00' }],
        [{ weekday: 1, open: '09:00', close: '24:01' }],
        [{ weekday: 1, open: '09:00' }],
        [{ weekday: 1, open: '09:00', close: '18:00', note: 'x' }],
        [],
        'always',
      ]) {
        const res = await patchSite(siteId, { openingHours: bad });
        expect([res.status, res.body.error]).toEqual([400, 'VALIDATION_FAILED']);
      }
      const hours = [
        { weekday: 1, open: '09:00', close: '18:00' },
        { weekday: 5, open: '22:00', close: '06:00' },
        { weekday: 6, open: '10:00', close: '24:00' },
      ];
      const set = await patchSite(siteId, { openingHours: hours });
      expect(set.status).toBe(200);
      expect(set.body.openingHours).toEqual(hours);
      const read = await a
        .http()
        .get(`/v1/sites/${siteId}`)
        .set(await admin())
        .expect(200);
      expect(read.body.openingHours).toEqual(hours);
      // A PATCH of another field keeps them; null clears them (always open).
      expect((await patchSite(siteId, { name: 'renamed' })).body.openingHours).toEqual(hours);
      expect((await patchSite(siteId, { openingHours: null })).body.openingHours).toBeNull();
    });

    it('refuse a window entirely in closed hours and hold a callback until the site opens', async () => {
      const { teamId, agents, skills } = await team([tag('nan')]);
      const siteId = await siteOf(teamId);
      // Open from 2 h from now for 2 h, on the site's clock (Asia/Shanghai).
      const { entry, opensAt } = entryFromNow(120, 2, 'Asia/Shanghai');
      expect((await patchSite(siteId, { openingHours: [entry] })).status).toBe(200);

      const closed = await schedule(
        callbackBody({ skills, dialect: 'nan', notBefore: inMinutes(5), notAfter: inMinutes(90) }),
      );
      expect(closed.status).toBe(400);
      expect(closed.body).toMatchObject({
        error: 'CALLBACK_WINDOW_CLOSED',
        details: { teamId, timeZone: 'Asia/Shanghai' },
      });

      await ra.presence(agents[0].agentId, 'available');
      const body = callbackBody({
        skills,
        dialect: 'nan',
        notBefore: inMinutes(0),
        notAfter: inMinutes(180),
      });
      expect((await schedule(body)).status).toBe(201);
      await ra.dispatch();
      await rb.dispatch();
      const waiting = await state(body.callbackId);
      expect(waiting.status).toBe('scheduled');
      expect(waiting.nextAttemptAt).toBe(opensAt.toISOString());
      await tick(a, (opensAt.getTime() - a.clock.now().getTime()) / 1000 - 1);
      await ra.dispatch();
      await rb.dispatch();
      expect((await state(body.callbackId)).status).toBe('scheduled');
      await tick(a, 1);
      await ra.dispatch();
      await rb.dispatch();
      expect((await state(body.callbackId)).reservation.agentId).toBe(agents[0].agentId);
      await patchSite(siteId, { openingHours: null });
    });

    it('hold back a waiting callback while the site is closed, whenever it closes', async () => {
      const { teamId, agents, skills } = await team([tag('cmn-x-sichuan')]);
      const siteId = await siteOf(teamId);
      const body = callbackBody({ skills, dialect: 'cmn-x-sichuan', notBefore: inMinutes(0) });
      expect((await schedule(body)).status).toBe(201);
      expect((await state(body.callbackId)).status).toBe('queued'); // always open: ready now
      // The site's hours change while it waits: it now opens in 30 minutes (UTC site clock).
      await patchSite(siteId, { timeZone: 'UTC' });
      const { entry, opensAt } = entryFromNow(30, 1, 'UTC');
      await patchSite(siteId, { openingHours: [entry] });
      await ra.presence(agents[0].agentId, 'available');
      await ra.dispatch();
      await rb.dispatch();
      const held = await state(body.callbackId);
      expect([held.status, held.nextAttemptAt]).toEqual(['scheduled', opensAt.toISOString()]);
      await tick(a, (opensAt.getTime() - a.clock.now().getTime()) / 1000);
      // A pass of either replica offers it (a kick from the agent freeing up may still be pending in one).
      await ra.dispatch();
      await rb.dispatch();
      expect((await state(body.callbackId)).status).toBe('offered');
      await patchSite(siteId, { openingHours: null });
    });
  });

  it('never writes a dial target into the logs', async () => {
    await a.app
      .get((await import('../../src/routing/queue/queue-dispatcher')).QueueDispatcher)
      .idle();
    expect(lineCount([logFile])).toBeGreaterThan(0);
    expect(leaksIn([logFile], dialTargets)).toEqual([]);
  });
});
