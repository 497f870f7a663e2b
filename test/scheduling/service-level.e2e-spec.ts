import { callId } from '../support/router';
import { bearer, TestApp } from '../support/test-app';
import { Router, tick } from '../routing/queue-support';

describe('the day’s service level per interval (the wallboard history)', () => {
  let t: TestApp;
  let router: Router;
  beforeAll(async () => {
    t = await TestApp.create();
    router = new Router(t, await t.createRouterKey());
  });
  afterAll(() => t.close());

  it('counts the team’s queued calls answered within the target, per 15 minutes, team-scoped', async () => {
    t.clock.set('2026-11-30T02:00:00Z'); // 10:00 in Asia/Shanghai
    const teamId = await t.createTeam();
    const skill = `sl-test-${process.pid}`;
    await t
      .http()
      .post('/v1/routing-tags')
      .set(await t.asAdmin())
      .send({ tag: skill, kind: 'skill', label: skill })
      .expect(201);
    const agents = [];
    for (let i = 0; i < 3; i++) {
      const agent = await t.createRoutableAgent({
        teamId,
        skills: [{ tag: skill, proficiency: 3 }],
      });
      await router.presence(agent.agentId, 'not_ready');
      agents.push(agent);
    }
    const calls = [callId(), callId(), callId()];
    for (const id of calls.slice(0, 2))
      await router.enqueue({ callId: id, dialect: 'cmn', skills: [skill] }, 202);

    await tick(t, 10); // the first call waits 10 s: in time (target 20 s)
    await router.presence(agents[0].agentId, 'available');
    await router.accept((await router.until(calls[0], 'offered')).reservation.reservationId);

    await tick(t, 30); // the second waits 40 s: late
    await router.presence(agents[1].agentId, 'available');
    await router.accept((await router.until(calls[1], 'offered')).reservation.reservationId);

    // The third is offered at once, then the caller hangs up: abandoned, against the service level.
    await router.enqueue({ callId: calls[2], dialect: 'cmn', skills: [skill] }, 202);
    await router.presence(agents[2].agentId, 'available');
    await router.until(calls[2], 'offered');
    await t.http().post(`/v1/routing/calls/${calls[2]}/abandon`).set(router.headers()).expect(200);

    const supervisor = await t.createUser(['supervisor'], teamId);
    const res = await t
      .http()
      .get(`/v1/teams/${teamId}/service-level`)
      .set(bearer(supervisor.token))
      .expect(200);
    expect(res.body).toMatchObject({
      date: '2026-11-30',
      timeZone: 'Asia/Shanghai',
      intervalMinutes: 15,
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.8,
    });
    // Today runs from local midnight to the interval under way (10:00-10:15): 41 intervals.
    expect(res.body.intervals).toHaveLength(41);
    expect(res.body.intervals[0].start).toBe('2026-11-29T16:00:00.000Z');
    const current = res.body.intervals[40];
    expect(current).toMatchObject({
      start: '2026-11-30T02:00:00.000Z',
      offered: 3,
      answered: 2,
      answeredInTime: 1,
      abandoned: 1,
    });
    expect(current.serviceLevel).toBeCloseTo(1 / 3);
    expect(res.body.intervals[39].serviceLevel).toBeNull();
    expect(res.body.serviceLevel).toBeCloseTo(1 / 3);

    // A past day is whole; another team's supervisor is refused; a bad date is a 400.
    const yesterday = await t
      .http()
      .get(`/v1/teams/${teamId}/service-level?date=2026-11-29`)
      .set(bearer(supervisor.token))
      .expect(200);
    expect(yesterday.body.intervals).toHaveLength(96);
    expect(yesterday.body.serviceLevel).toBeNull();
    const other = await t.createUser(['supervisor'], await t.createTeam());
    const refused = await t
      .http()
      .get(`/v1/teams/${teamId}/service-level`)
      .set(bearer(other.token))
      .expect(403);
    expect(refused.body.error).toBe('FORBIDDEN');
    for (const date of ['2026-02-30', 'today'])
      expect(
        (
          await t
            .http()
            .get(`/v1/teams/${teamId}/service-level?date=${date}`)
            .set(bearer(supervisor.token))
            .expect(400)
        ).body.error,
      ).toBe('VALIDATION_FAILED');
  });
});
