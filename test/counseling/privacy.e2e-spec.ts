import { book, createCounselor } from '../support/counseling';
import { bearer, TestApp } from '../support/test-app';

const TUE = (hhmm: string) => `2026-01-06T${hhmm}:00.000Z`;
const NOTE = 'Talked about the caller who shouted about the refund; sleeping badly since.';

describe('counselling confidentiality', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.create();
  });
  afterAll(() => t.close());

  it('a booking exists only for its agent and its counsellor: everyone else gets 404, admins included', async () => {
    const teamId = await t.createTeam();
    const agent = await t.createAgent({ teamId });
    const c = await createCounselor(t);
    const booking = (await book(t, agent, c.counselorId, TUE('02:00')).expect(201)).body;

    const outsiders = {
      supervisor: (await t.createUser(['supervisor'], teamId)).token,
      scheduler: (await t.createUser(['scheduler'], teamId)).token,
      admin: await t.adminToken(),
      'another counsellor': (await createCounselor(t)).token,
      'another agent': (await t.createAgent({ teamId })).token,
    };
    for (const [who, token] of Object.entries(outsiders)) {
      const read = await t.http().get(`/v1/counseling/bookings/${booking.id}`).set(bearer(token));
      expect([who, read.status, read.body.error]).toEqual([who, 404, 'NOT_FOUND']);
      const list = await t.http().get('/v1/counseling/bookings').set(bearer(token));
      expect([who, list.status, list.body.total]).toEqual([who, 200, 0]);
      const cancel = await t
        .http()
        .post(`/v1/counseling/bookings/${booking.id}/cancel`)
        .set(bearer(token))
        .send({});
      expect([who, cancel.status]).toEqual([who, 404]);
    }
    // A booking id that does not exist looks the same as one the caller may not see.
    const missing = await t
      .http()
      .get('/v1/counseling/bookings/00000000-0000-4000-8000-000000000000')
      .set(bearer(agent.token))
      .expect(404);
    expect(missing.body.error).toBe('NOT_FOUND');

    for (const token of [agent.token, c.token]) {
      await t.http().get(`/v1/counseling/bookings/${booking.id}`).set(bearer(token)).expect(200);
      const list = await t.http().get('/v1/counseling/bookings').set(bearer(token)).expect(200);
      expect(list.body.items.map((b: { id: string }) => b.id)).toEqual([booking.id]);
    }
    const status = (
      await t.http().get(`/v1/counseling/bookings/${booking.id}`).set(bearer(agent.token))
    ).body.status;
    expect(status).toBe('booked');
  });

  it('keeps session notes encrypted at rest, for the counsellor’s eyes (and the agent’s export)', async () => {
    const agent = await t.createAgent();
    const c = await createCounselor(t);
    const booking = (await book(t, agent, c.counselorId, TUE('02:00')).expect(201)).body;
    await t
      .http()
      .put(`/v1/counseling/bookings/${booking.id}/notes`)
      .set(bearer(agent.token))
      .send({ notes: NOTE })
      .expect(403);
    const other = await createCounselor(t);
    await t
      .http()
      .put(`/v1/counseling/bookings/${booking.id}/notes`)
      .set(bearer(other.token))
      .send({ notes: NOTE })
      .expect(404);
    const written = await t
      .http()
      .put(`/v1/counseling/bookings/${booking.id}/notes`)
      .set(bearer(c.token))
      .send({ notes: NOTE })
      .expect(200);
    expect(written.body.notes).toBe(NOTE);

    const [row] = await t.dataSource.query(
      `SELECT notes_ciphertext, row_to_json(b)::text AS whole FROM counseling_bookings b WHERE id = $1`,
      [booking.id],
    );
    expect(row.notes_ciphertext).toMatch(/^v1\./);
    expect(row.whole).not.toContain('refund');
    expect(row.whole).not.toContain(Buffer.from(NOTE).toString('base64').slice(0, 20));

    const asAgent = await t
      .http()
      .get(`/v1/counseling/bookings/${booking.id}`)
      .set(bearer(agent.token))
      .expect(200);
    expect(asAgent.body.notes).toBeUndefined();
    const asCounselor = await t
      .http()
      .get(`/v1/counseling/bookings/${booking.id}`)
      .set(bearer(c.token))
      .expect(200);
    expect(asCounselor.body.notes).toBe(NOTE);
  });

  it('lets an agent export and then erase their counselling history, notes included', async () => {
    const agent = await t.createAgent();
    const c = await createCounselor(t);
    const past = (await book(t, agent, c.counselorId, TUE('02:00')).expect(201)).body;
    await t
      .http()
      .put(`/v1/counseling/bookings/${past.id}/notes`)
      .set(bearer(c.token))
      .send({ notes: NOTE })
      .expect(200);
    const upcoming = (await book(t, agent, c.counselorId, TUE('05:00')).expect(201)).body;
    await t
      .http()
      .post(`/v1/counseling/bookings/${upcoming.id}/cancel`)
      .set(bearer(agent.token))
      .send({})
      .expect(200);
    const exported = await t
      .http()
      .get('/v1/counseling/me/export')
      .set(bearer(agent.token))
      .expect(200);
    expect(exported.body.agentId).toBe(agent.agentId);
    expect(exported.body.bookings).toHaveLength(2);
    expect(exported.body.bookings[0]).toMatchObject({ id: past.id, notes: NOTE, status: 'booked' });
    expect(exported.body.bookings[1]).toMatchObject({ id: upcoming.id, status: 'cancelled' });
    await t.http().get('/v1/counseling/me/export').set(bearer(c.token)).expect(403);

    const erased = await t
      .http()
      .delete('/v1/counseling/me/history')
      .set(bearer(agent.token))
      .expect(200);
    expect(erased.body).toEqual({ erased: 2, cancelled: 1 });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM counseling_bookings WHERE agent_id = $1`,
      [agent.agentId],
    );
    expect(count).toBe(0);
    // The session's routing bookkeeping goes with it: nothing left says a session was booked.
    const scheduled = await t.dataSource.query(
      `SELECT status FROM scheduled_states WHERE source_kind = 'counseling-booking' AND source_id = $1`,
      [past.id],
    );
    expect(scheduled).toEqual([]);
    await t.http().get(`/v1/counseling/bookings/${past.id}`).set(bearer(c.token)).expect(404);
  });

  it('gives admins a monthly count per site with small counts shown as "<5", a supervisor their own team', async () => {
    const busySite = await t.createSite();
    const quietSite = await t.createSite();
    const busyTeam = await t.createTeam(busySite);
    const quietTeam = await t.createTeam(quietSite);
    const c = await createCounselor(t);
    for (const hour of ['01', '02', '03', '04', '05'])
      await book(
        t,
        await t.createAgent({ teamId: busyTeam }),
        c.counselorId,
        TUE(`${hour}:00`),
      ).expect(201);
    const quiet = await t.createAgent({ teamId: quietTeam });
    await book(t, quiet, c.counselorId, TUE('06:00')).expect(201);
    const stats = await t
      .http()
      .get('/v1/counseling/stats/monthly?month=2026-01')
      .set(await t.asAdmin())
      .expect(200);
    expect(stats.body.month).toBe('2026-01');
    const bySite = Object.fromEntries(
      stats.body.sites.map((s: { siteId: string; sessions: unknown }) => [s.siteId, s.sessions]),
    );
    expect(bySite[busySite]).toBe(5);
    expect(bySite[quietSite]).toBe('<5');
    expect(JSON.stringify(stats.body)).not.toContain(quiet.agentId);
    // A supervisor gets the count of their own team only, hidden the same way.
    const quietSupervisor = await t.createUser(['supervisor'], quietTeam);
    const own = await t
      .http()
      .get('/v1/counseling/stats/monthly?month=2026-01')
      .set(bearer(quietSupervisor.token))
      .expect(200);
    expect(own.body).toEqual({ month: '2026-01', teams: [{ teamId: quietTeam, sessions: '<5' }] });
    const busySupervisor = await t.createUser(['supervisor'], busyTeam);
    const busy = await t
      .http()
      .get('/v1/counseling/stats/monthly?month=2026-01')
      .set(bearer(busySupervisor.token))
      .expect(200);
    expect(busy.body.teams).toEqual([{ teamId: busyTeam, sessions: 5 }]);
    await t
      .http()
      .get('/v1/counseling/stats/monthly?month=2026-01')
      .set(bearer(quiet.token))
      .expect(403);
    await t
      .http()
      .get('/v1/counseling/stats/monthly?month=2026-13')
      .set(await t.asAdmin())
      .expect(400);
  });

  it('counts the site’s local month: a session on 1 February in Shanghai is February, though 31 January in UTC', async () => {
    const site = await t.createSite(undefined, 'Asia/Shanghai');
    const teamId = await t.createTeam(site);
    // A New York counsellor: 09:00-17:00 there is 14:00-22:00Z, i.e. 22:00-06:00 in Shanghai.
    const c = await createCounselor(t, {
      timeZone: 'America/New_York',
      availability: { dailyMaximum: 10 },
    });
    // 16:00Z-19:00Z on 31 January = 00:00-03:00 on 1 February in Shanghai.
    for (const at of ['16:00', '16:45', '17:30', '18:15', '19:00'])
      await book(
        t,
        await t.createAgent({ teamId }),
        c.counselorId,
        `2026-01-31T${at}:00.000Z`,
        30,
      ).expect(201);
    // 15:00Z on 31 January = 23:00 in Shanghai: still January there.
    await book(
      t,
      await t.createAgent({ teamId }),
      c.counselorId,
      '2026-01-31T15:00:00.000Z',
      30,
    ).expect(201);
    const count = async (month: string) =>
      (
        await t
          .http()
          .get(`/v1/counseling/stats/monthly?month=${month}`)
          .set(await t.asAdmin())
          .expect(200)
      ).body.sites.find((s: { siteId: string }) => s.siteId === site)?.sessions;
    expect(await count('2026-01')).toBe('<5');
    expect(await count('2026-02')).toBe(5);
    const supervisor = await t.createUser(['supervisor'], teamId);
    const own = await t
      .http()
      .get('/v1/counseling/stats/monthly?month=2026-02')
      .set(bearer(supervisor.token))
      .expect(200);
    expect(own.body.teams).toEqual([{ teamId, sessions: 5 }]);
  });
});
