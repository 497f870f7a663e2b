import { book, createCounselor } from '../support/counseling';
import { setPresence } from '../support/router';
import { SseClient } from '../support/sse';
import { bearer, routerKey, TestApp, TestUser } from '../support/test-app';
import { runCall } from '../wellbeing/helpers';

type Agent = TestUser & { agentId: string; externalId: string };

const NOTIFICATIONS = [
  'offer.created',
  'counseling.booking.cancelled',
  'time_off.decided',
  'shift_swap.decided',
  'schedule.published',
];

// The clock starts Monday 2026-01-05 08:00Z. Shifts later that week, in UTC.
const JAN = (day: number, hh: string) => `2026-01-${String(day).padStart(2, '0')}T${hh}:00:00.000Z`;

/**
 * The notification events on GET /v1/events: each reaches the agent it names and nobody else — not a
 * colleague, not the team's or another team's supervisor, not the router, not an admin. "Nobody
 * else" is shown without waiting on wall time: after each change a later presence change (a
 * sentinel) is awaited on every other stream; events arrive in commit order, so a stream that has
 * the sentinel would already have had the notification.
 */
describe('notification events (SSE)', () => {
  let t: TestApp;
  let key: string;
  let team1: string;
  let team2: string;
  let agent: Agent;
  let colleague: Agent;
  let foreign: Agent;
  let scheduler: TestUser;
  let sup1: TestUser;
  let s: Record<
    'agent' | 'colleague' | 'foreign' | 'sup1' | 'sup2' | 'router' | 'admin',
    SseClient
  >;
  let presenceFlip = 0;

  beforeAll(async () => {
    t = await TestApp.create();
    key = await t.createRouterKey();
    team1 = await t.createTeam();
    team2 = await t.createTeam();
    agent = await t.createAgent({ teamId: team1 });
    colleague = await t.createAgent({ teamId: team1 });
    foreign = await t.createAgent({ teamId: team2 });
    scheduler = await t.createUser(['scheduler'], team1);
    sup1 = await t.createUser(['supervisor'], team1);
    const sup2 = await t.createUser(['supervisor'], team2);
    const url = `${await t.url()}/v1/events`;
    s = {
      agent: await SseClient.open(url, bearer(agent.token)),
      colleague: await SseClient.open(url, bearer(colleague.token)),
      foreign: await SseClient.open(url, bearer(foreign.token)),
      sup1: await SseClient.open(url, bearer(sup1.token)),
      sup2: await SseClient.open(url, bearer(sup2.token)),
      router: await SseClient.open(url, routerKey(key)),
      admin: await SseClient.open(url, await t.asAdmin()),
    };
  });
  afterAll(async () => {
    Object.values(s ?? {}).forEach((c) => c.close());
    await t.close();
  });

  /** A presence change of the colleague and of the foreign agent, awaited on every stream but `except`. */
  async function sentinel(except: Array<keyof typeof s>) {
    const state = presenceFlip++ % 2 === 0 ? 'available' : 'not_ready';
    const before = Object.fromEntries(Object.entries(s).map(([k, c]) => [k, c.events.length]));
    await setPresence(t, colleague, state);
    await setPresence(t, foreign, state);
    const waits: Array<[keyof typeof s, Agent]> = [
      ['colleague', colleague],
      ['foreign', foreign],
      ['sup1', colleague],
      ['sup2', foreign],
      ['router', foreign],
      ['admin', foreign],
    ];
    for (const [name, who] of waits)
      if (!except.includes(name))
        await s[name].until(
          () =>
            s[name].events
              .slice(before[name])
              .some(
                (e) =>
                  e.type === 'presence.changed' &&
                  e.data.agentId === who.agentId &&
                  e.data.state === state,
              ),
          5000,
        );
  }

  const notificationsOn = (name: keyof typeof s) =>
    s[name].events.filter((e) => NOTIFICATIONS.includes(e.type));

  /** After the sentinel: the named streams have exactly `expected` notifications, the rest none. */
  async function onlyReached(expected: Partial<Record<keyof typeof s, number>>) {
    await sentinel(Object.keys(expected) as Array<keyof typeof s>);
    for (const name of Object.keys(s) as Array<keyof typeof s>)
      expect([name, notificationsOn(name).length]).toEqual([name, expected[name] ?? 0]);
  }

  it('a counselling offer reaches the agent alone, with ids and times only', async () => {
    await t
      .http()
      .put(`/v1/wellbeing/policies/teams/${team1}`)
      .set(bearer(sup1.token))
      .send({ counsellingOfferAt: 1 })
      .expect(200);
    await setPresence(t, agent, 'available');
    await runCall(t, key, agent.agentId, 3, { severity: 2 });
    await s.agent.until(() => s.agent.of('offer.created').length === 1);
    const [offer] = (await t.http().get('/v1/wellbeing/offers').set(bearer(agent.token))).body
      .offers;
    const data = s.agent.of('offer.created')[0].data;
    expect(data).toEqual({
      offerId: offer.id,
      kind: 'counselling',
      createdAt: expect.any(String),
      at: expect.any(String),
    });
    await onlyReached({ agent: 1 });
  });

  it('a session the counsellor cancels reaches the agent without the message; erasure too, without ids or times', async () => {
    const c = await createCounselor(t);
    const first = await book(t, agent, c.counselorId, '2026-01-06T02:00:00.000Z').expect(201);
    await t
      .http()
      .post(`/v1/counseling/bookings/${first.body.id}/cancel`)
      .set(bearer(c.token))
      .send({ reason: 'A private message for the agent' })
      .expect(200);
    await s.agent.until(() => s.agent.of('counseling.booking.cancelled').length === 1);
    const cancelled = s.agent.of('counseling.booking.cancelled')[0];
    expect(cancelled.data).toEqual({
      bookingId: first.body.id,
      startsAt: '2026-01-06T02:00:00.000Z',
      endsAt: '2026-01-06T02:50:00.000Z',
      cancelledBy: 'counselor',
      at: expect.any(String),
    });
    expect(JSON.stringify(cancelled.data)).not.toContain('private message');

    // Erasing the history cancels the upcoming session: the agent's other pages hear of it.
    await book(t, agent, c.counselorId, '2026-01-06T04:00:00.000Z').expect(201);
    await t.http().delete('/v1/counseling/me/history').set(bearer(agent.token)).expect(200);
    await s.agent.until(() => s.agent.of('counseling.booking.cancelled').length === 2);
    expect(s.agent.of('counseling.booking.cancelled')[1].data).toEqual({
      cancelledBy: 'erasure',
      at: expect.any(String),
    });
    // The stream's replay forgot the erased history: a page opened now from the start sees the
    // erasure, not the earlier cancellation with its booking id and times.
    const replay = await SseClient.open(`${await t.url()}/v1/events`, {
      ...bearer(agent.token),
      'Last-Event-ID': '0',
    });
    const erasure = () =>
      replay.of('counseling.booking.cancelled').some((e) => e.data.cancelledBy === 'erasure');
    await replay.until(erasure);
    replay.close();
    expect(replay.of('counseling.booking.cancelled').map((e) => e.data.cancelledBy)).toEqual([
      'erasure',
    ]);
    await onlyReached({ agent: 3 });
  });

  let shiftA: string;
  let shiftB: string;

  it('a published schedule reaches each agent of the team once, and no one else', async () => {
    const now = t.clock.now();
    const [schedule] = await t.dataSource.query(
      `INSERT INTO schedules (team_id, status, start_date, days, interval_minutes, created_at)
       VALUES ($1, 'draft', '2026-01-07', 2, 30, $2) RETURNING id`,
      [team1, now],
    );
    const shift = async (who: Agent, day: number) =>
      (
        await t.dataSource.query(
          `INSERT INTO shifts (schedule_id, agent_id, starts_at, ends_at) VALUES ($1, $2, $3, $4) RETURNING id`,
          [schedule.id, who.agentId, JAN(day, '01'), JAN(day, '09')],
        )
      )[0].id as string;
    shiftA = await shift(agent, 7);
    shiftB = await shift(colleague, 8);
    // Another team's scheduler cannot publish it (and nothing is announced).
    const foreignScheduler = await t.createUser(['scheduler'], team2);
    await t
      .http()
      .post(`/v1/schedules/${schedule.id}/publish`)
      .set(bearer(foreignScheduler.token))
      .expect(403);
    await t
      .http()
      .post(`/v1/schedules/${schedule.id}/publish`)
      .set(bearer(scheduler.token))
      .expect(200);
    for (const c of [s.agent, s.colleague]) {
      await c.until(() => c.of('schedule.published').length === 1);
      expect(c.of('schedule.published')[0].data).toEqual({
        scheduleId: schedule.id,
        startDate: '2026-01-07',
        days: 2,
        publishedAt: now.toISOString(),
        at: now.toISOString(),
      });
    }
    await onlyReached({ agent: 4, colleague: 1 });
  });

  it('a decided time-off request reaches its agent alone', async () => {
    const ask = async () =>
      (
        await t
          .http()
          .post('/v1/time-off')
          .set(bearer(agent.token))
          .send({
            agentId: agent.agentId,
            kind: 'time_off',
            startsAt: JAN(20, '00'),
            endsAt: JAN(21, '00'),
          })
          .expect(201)
      ).body.id as string;
    const approved = await ask();
    const denied = await ask();
    await t
      .http()
      .post(`/v1/time-off/${approved}/approve`)
      .set(bearer(scheduler.token))
      .expect(200);
    await t.http().post(`/v1/time-off/${denied}/deny`).set(bearer(scheduler.token)).expect(200);
    await s.agent.until(() => s.agent.of('time_off.decided').length === 2);
    expect(s.agent.of('time_off.decided').map((e) => [e.data.requestId, e.data.status])).toEqual([
      [approved, 'approved'],
      [denied, 'denied'],
    ]);
    expect(s.agent.of('time_off.decided')[0].data).toMatchObject({
      startsAt: JAN(20, '00'),
      endsAt: JAN(21, '00'),
    });
    // Deciding again is a 409 and announces nothing.
    await t.http().post(`/v1/time-off/${approved}/deny`).set(bearer(scheduler.token)).expect(409);
    await onlyReached({ agent: 6, colleague: 1 });
  });

  it('a trade: the colleague’s acceptance reaches the offering agent; the approval both; a rejection the other party', async () => {
    const trade = await t
      .http()
      .post('/v1/shift-swaps')
      .set(bearer(agent.token))
      .send({ shiftId: shiftA, counterShiftId: shiftB })
      .expect(201);
    await t
      .http()
      .post(`/v1/shift-swaps/${trade.body.id}/accept`)
      .set(bearer(colleague.token))
      .expect(200);
    await s.agent.until(() => s.agent.of('shift_swap.decided').length === 1);
    expect(s.agent.of('shift_swap.decided')[0].data).toMatchObject({
      swapId: trade.body.id,
      status: 'accepted',
      shiftId: shiftA,
      counterShiftId: shiftB,
    });
    await onlyReached({ agent: 7, colleague: 1 }); // the colleague decided: no news to them

    await t
      .http()
      .post(`/v1/shift-swaps/${trade.body.id}/approve`)
      .set(bearer(scheduler.token))
      .expect(200);
    for (const c of [s.agent, s.colleague])
      await c.until(() => c.of('shift_swap.decided').some((e) => e.data.status === 'completed'));
    await onlyReached({ agent: 8, colleague: 2 });

    // The shifts have changed hands; the colleague proposes a trade back and the agent turns it down.
    const back = await t
      .http()
      .post('/v1/shift-swaps')
      .set(bearer(colleague.token))
      .send({ shiftId: shiftA, counterShiftId: shiftB })
      .expect(201);
    await t
      .http()
      .post(`/v1/shift-swaps/${back.body.id}/reject`)
      .set(bearer(agent.token))
      .expect(200);
    await s.colleague.until(() =>
      s.colleague.of('shift_swap.decided').some((e) => e.data.status === 'rejected'),
    );
    await onlyReached({ agent: 8, colleague: 3 });
  });
});
