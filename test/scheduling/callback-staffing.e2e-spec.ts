import { Router, tick } from '../routing/queue-support';
import { callId } from '../support/router';
import { TestApp } from '../support/test-app';

/**
 * Erlang staffing with callback work: explicit callback figures add their own line and agents; with
 * teamId the figures come from the team's recent callbacks; without callbacks the answer is as before.
 */
describe('staffing with callback work', () => {
  let t: TestApp;
  let router: Router;
  const base = {
    callsPerInterval: 100,
    intervalMinutes: 30,
    ahtSeconds: 180,
    targetServiceLevel: 0.8,
    targetAnswerSeconds: 20,
    shrinkage: 0.3,
  };

  beforeAll(async () => {
    t = await TestApp.create();
    router = new Router(t, await t.createRouterKey());
  });
  afterAll(() => t.close());

  const erlang = async (body: Record<string, unknown>, as?: Record<string, string>) =>
    t
      .http()
      .post('/v1/staffing/erlang-c')
      .set(as ?? (await t.asAdmin()))
      .send(body);

  it('adds explicit callback work as its own line, on top of the inbound agents', async () => {
    const plain = await erlang(base);
    expect(plain.status).toBe(200);
    expect([plain.body.rawAgents, plain.body.agents]).toEqual([14, 20]);
    expect(plain.body.callbacks).toBeUndefined();
    expect(plain.body.inboundRawAgents).toBeUndefined();

    const scheduler = await t.createUser(['scheduler']);
    const res = await erlang(
      {
        ...base,
        callbacksPerInterval: 20,
        callbackAttemptsPerCallback: 1.5,
        callbackHandleSeconds: 240,
      },
      { Authorization: `Bearer ${scheduler.token}` },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rawAgents: 18,
      agents: 26,
      inboundRawAgents: 14,
      serviceLevel: plain.body.serviceLevel,
      callbacks: {
        callbacksPerInterval: 20,
        attemptsPerCallback: 1.5,
        handleSecondsPerAttempt: 240,
        workloadErlangs: 4,
        agents: 4,
        sources: {
          callbacksPerInterval: 'request',
          attemptsPerCallback: 'request',
          handleSecondsPerAttempt: 'request',
        },
      },
    });
    // Without attempts and handle time: one attempt at the inbound AHT.
    const defaults = await erlang({ ...base, callbacksPerInterval: 20, maxOccupancy: 0.85 });
    expect(defaults.body.callbacks).toMatchObject({
      attemptsPerCallback: 1,
      handleSecondsPerAttempt: 180,
      workloadErlangs: 2,
      agents: 3, // ceil(2 / 0.85)
      sources: { attemptsPerCallback: 'default', handleSecondsPerAttempt: 'inbound-aht' },
    });
  });

  it('refuses callback figures without a volume, and bad values, as VALIDATION_FAILED', async () => {
    for (const bad of [
      { callbackAttemptsPerCallback: 2 },
      { callbackHandleSeconds: 200 },
      { callbacksPerInterval: -1 },
      { callbacksPerInterval: 'many' },
      { callbacksPerInterval: 5, callbackAttemptsPerCallback: 0 },
      { callbacksPerInterval: 5, callbackHandleSeconds: 0 },
    ]) {
      const res = await erlang({ ...base, ...bad });
      expect([res.status, res.body.error]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('reads the figures from the team’s recent callbacks when it has some', async () => {
    const teamId = await t.createTeam();
    const none = await erlang({ ...base, teamId });
    expect(none.status).toBe(200);
    expect(none.body.callbacks).toBeUndefined(); // a team without callbacks: no line

    await t
      .http()
      .put(`/v1/teams/${teamId}/settings`)
      .set(await t.asAdmin())
      .send({ wrapUpSeconds: 0, callbackRetryMinutes: 5 })
      .expect(200);
    const skill = `staffing-cb-${process.pid}`;
    await t
      .http()
      .post('/v1/routing-tags')
      .set(await t.asAdmin())
      .send({ tag: skill, kind: 'skill', label: skill })
      .expect(201);
    const agent = await t.createRoutableAgent({
      teamId,
      dialects: [{ tag: 'cmn', proficiency: 5 }],
      skills: [{ tag: skill, proficiency: 3 }],
    });
    await router.presence(agent.agentId, 'available');
    const inMinutes = (m: number) => new Date(t.clock.now().getTime() + m * 60_000).toISOString();
    /** One attempt: offered, accepted, a 60 s call ended, then the router's outcome. */
    async function attempt(callbackId: string, result: string) {
      await router.dispatch();
      const s = (
        await t.http().get(`/v1/routing/callbacks/${callbackId}`).set(router.headers()).expect(200)
      ).body;
      expect(s.status).toBe('offered');
      await router.accept(s.reservation.reservationId);
      await router.end(`callback:${callbackId}`, agent.agentId, t.clock.now());
      await t
        .http()
        .post(`/v1/routing/callbacks/${callbackId}/outcome`)
        .set(router.headers())
        .send({ result })
        .expect(200);
      await tick(t, 60); // past the wrap-up the wellbeing policy enforces
    }
    const ids = [`cb-${callId()}`, `cb-${callId()}`];
    for (const id of ids)
      await t
        .http()
        .post('/v1/routing/callbacks')
        .set(router.headers())
        .send({
          callbackId: id,
          callerRef: `caller-${id}`,
          dialTarget: '+861012345678',
          skills: [skill],
          notBefore: inMinutes(0),
          notAfter: inMinutes(120),
        })
        .expect(201);
    await attempt(ids[0], 'no_answer');
    await attempt(ids[1], 'reached');
    await tick(t, 5 * 60);
    await attempt(ids[0], 'reached');

    const res = await erlang({ ...base, teamId, shrinkage: 0.3 });
    expect(res.status).toBe(200);
    // 2 callbacks in 4 weeks (the default history), 3 attempts over 2, 60 s per recorded call.
    expect(res.body.callbacks).toMatchObject({
      callbacksPerInterval: Math.round(((2 * 30) / (4 * 7 * 24 * 60)) * 1e4) / 1e4,
      attemptsPerCallback: 1.5,
      handleSecondsPerAttempt: 60,
      agents: 1,
      sources: {
        callbacksPerInterval: 'history',
        attemptsPerCallback: 'history',
        handleSecondsPerAttempt: 'history',
      },
    });
    expect(res.body.rawAgents).toBe(res.body.inboundRawAgents + 1);
    // An explicit volume overrides the history's, the rest still from history.
    const planned = await erlang({ ...base, teamId, callbacksPerInterval: 40 });
    expect(planned.body.callbacks).toMatchObject({
      callbacksPerInterval: 40,
      attemptsPerCallback: 1.5,
      handleSecondsPerAttempt: 60,
      workloadErlangs: 2, // 40 × 1.5 × 60 s ÷ 1800 s
      sources: { callbacksPerInterval: 'request', attemptsPerCallback: 'history' },
    });
  });
});
