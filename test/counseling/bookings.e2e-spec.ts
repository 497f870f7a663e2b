import { book, createCounselor, EVERY_DAY } from '../support/counseling';
import { bearer, TestApp } from '../support/test-app';

// The clock starts Monday 2026-01-05 08:00Z (16:00 in Shanghai). Counsellors work 09:00–17:00
// Shanghai time (01:00–09:00Z) every day.
const TUE = (hhmm: string) => `2026-01-06T${hhmm}:00.000Z`;

describe('counselling bookings', () => {
  let t: TestApp;
  beforeAll(async () => {
    // The service's default pool (20): the tests' usual 10 would make half the race wait for a
    // connection instead of for the slot's lock, and a loaded machine can turn that wait into 503s.
    t = await TestApp.create({ env: { DATABASE_POOL_SIZE: '20' } });
  });
  afterAll(() => t.close());

  it('race: 20 agents book the same slot at once over HTTP; exactly one wins', async () => {
    const c = await createCounselor(t);
    const agents: Array<Awaited<ReturnType<TestApp['createAgent']>>> = [];
    // A few at a time: password hashing is slow and the test pool is small.
    for (let i = 0; i < 20; i += 4)
      agents.push(...(await Promise.all([0, 1, 2, 3].map(() => t.createAgent()))));
    const url = await t.url();
    const responses = await Promise.all(
      agents.map((a) =>
        fetch(`${url}/v1/counseling/bookings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...bearer(a.token) },
          body: JSON.stringify({ counselorId: c.counselorId, startsAt: TUE('02:00'), minutes: 50 }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: string } })),
      ),
    );
    const won = responses.filter((r) => r.status === 201);
    const lost = responses.filter((r) => r.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(19);
    for (const r of lost) expect(r.body.error).toBe('SLOT_TAKEN');
    expect(won[0].body).toMatchObject({
      counselorId: c.counselorId,
      startsAt: TUE('02:00'),
      endsAt: TUE('02:50'),
    });
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM counseling_bookings WHERE counselor_id = $1 AND status = 'booked'`,
      [c.counselorId],
    );
    expect(count).toBe(1);
  }, 180_000); // creating 20 logins (argon2) is slow on a shared machine; the race itself is quick

  it('the exclusion constraint alone keeps live sessions (with the buffer after each) apart', async () => {
    const c = await createCounselor(t);
    const [a, b] = [await t.createAgent(), await t.createAgent()];
    const insert = (
      agentId: string,
      start: string,
      end: string,
      blockedUntil: string,
      status = 'booked',
    ) =>
      t.dataSource.query(
        `INSERT INTO counseling_bookings (counselor_id, agent_id, starts_at, ends_at, blocked_until, minutes, status)
         VALUES ($1, $2, $3, $4, $5, 30, $6)`,
        [c.counselorId, agentId, start, end, blockedUntil, status],
      );
    await insert(a.agentId, TUE('03:00'), TUE('03:30'), TUE('03:40'));
    // Starting inside the previous session's buffer violates the constraint…
    await expect(insert(b.agentId, TUE('03:35'), TUE('04:05'), TUE('04:15'))).rejects.toMatchObject(
      {
        driverError: { code: '23P01', constraint: 'ex_counseling_bookings_counselor' },
      },
    );
    // …ending so that its own buffer reaches the next session too; right after the buffer is fine.
    await expect(insert(b.agentId, TUE('02:30'), TUE('03:00'), TUE('03:10'))).rejects.toMatchObject(
      {
        driverError: { code: '23P01' },
      },
    );
    await insert(b.agentId, TUE('03:40'), TUE('04:10'), TUE('04:20'));
    // Cancelled sessions do not count.
    await insert(b.agentId, TUE('03:00'), TUE('03:30'), TUE('03:40'), 'cancelled');
  });

  it('refuses the buffer, short notice, beyond the window, outside hours and off-grid with SLOT_UNAVAILABLE', async () => {
    const c = await createCounselor(t);
    const [a, b] = [await t.createAgent(), await t.createAgent()];
    await book(t, a, c.counselorId, TUE('02:00'), 50).expect(201);
    const refused = async (startsAt: string, minutes: number, reason: string) => {
      const res = await book(t, b, c.counselorId, startsAt, minutes).expect(409);
      expect(res.body).toMatchObject({ error: 'SLOT_UNAVAILABLE', details: { reason } });
    };
    // 01:30–02:00 ends right at the other session, but its 10-minute buffer overlaps.
    await refused(TUE('01:30'), 30, 'buffer');
    await refused('2026-01-05T08:30:00.000Z', 30, 'notice');
    await refused('2026-02-10T02:00:00.000Z', 50, 'window');
    await refused('2026-01-06T12:00:00.000Z', 30, 'outside');
    await refused(TUE('03:05'), 30, 'outside');
    await refused(TUE('04:00'), 45, 'length');
    // Just outside the buffer is fine.
    await book(t, b, c.counselorId, TUE('03:00'), 30).expect(201);
  });

  it('a slot overlapping a booked session is SLOT_TAKEN; the slots list leaves it and its buffer out', async () => {
    const c = await createCounselor(t);
    const a = await t.createAgent();
    await book(t, a, c.counselorId, TUE('02:00'), 50).expect(201);
    const res = await book(t, await t.createAgent(), c.counselorId, TUE('02:15'), 30).expect(409);
    expect(res.body.error).toBe('SLOT_TAKEN');
    const slots = (
      await t
        .http()
        .get(
          `/v1/counseling/counselors/${c.counselorId}/slots?from=${TUE('01:00')}&to=${TUE('04:00')}&minutes=50`,
        )
        .set(bearer(a.token))
        .expect(200)
    ).body.slots.map((s: { startsAt: string }) => s.startsAt);
    expect(slots).toEqual([TUE('01:00'), TUE('03:00'), TUE('03:15'), TUE('03:30'), TUE('03:45')]);
  });

  it('enforces the daily maximum (counsellor’s local day)', async () => {
    const c = await createCounselor(t, { availability: { dailyMaximum: 1 } });
    await book(t, await t.createAgent(), c.counselorId, TUE('02:00')).expect(201);
    const res = await book(t, await t.createAgent(), c.counselorId, TUE('05:00')).expect(409);
    expect(res.body).toMatchObject({ error: 'SLOT_UNAVAILABLE', details: { reason: 'daily_max' } });
    // Wednesday is another day.
    await book(t, await t.createAgent(), c.counselorId, '2026-01-07T02:00:00.000Z').expect(201);
  });

  it('honours a day off and extra hours set as date overrides', async () => {
    const c = await createCounselor(t, {
      availability: {
        overrides: [
          { date: '2026-01-06', off: true },
          { date: '2026-01-07', start: '19:00', end: '20:00' },
        ],
      },
    });
    const a = await t.createAgent();
    expect((await book(t, a, c.counselorId, TUE('02:00')).expect(409)).body.details.reason).toBe(
      'outside',
    );
    // 19:00 Shanghai on Wednesday = 11:00Z.
    await book(t, a, c.counselorId, '2026-01-07T11:00:00.000Z').expect(201);
  });

  it('a cancelled slot is bookable again; cancel keeps the booking with its status and reason', async () => {
    const c = await createCounselor(t);
    const a = await t.createAgent();
    const b = await t.createAgent();
    const first = (await book(t, a, c.counselorId, TUE('02:00')).expect(201)).body;
    await book(t, b, c.counselorId, TUE('02:00')).expect(409);
    const cancelled = await t
      .http()
      .post(`/v1/counseling/bookings/${first.id}/cancel`)
      .set(bearer(a.token))
      .send({ reason: 'shift change' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'agent',
      cancelReason: 'shift change',
    });
    const second = (await book(t, b, c.counselorId, TUE('02:00')).expect(201)).body;
    // The counsellor may cancel too.
    const byCounselor = await t
      .http()
      .post(`/v1/counseling/bookings/${second.id}/cancel`)
      .set(bearer(c.token))
      .send({})
      .expect(200);
    expect(byCounselor.body).toMatchObject({ status: 'cancelled', cancelledBy: 'counselor' });
    const rows = await t.dataSource.query(
      `SELECT status FROM counseling_bookings WHERE counselor_id = $1`,
      [c.counselorId],
    );
    expect(rows.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'cancelled']);
    const scheduled = await t.dataSource.query(
      `SELECT status FROM scheduled_states WHERE source_kind = 'counseling-booking' AND source_id = $1`,
      [first.id],
    );
    expect(scheduled).toEqual([{ status: 'cancelled' }]);
  });

  it('reschedule keeps the old booking if the new slot fails, and links old and new when it succeeds', async () => {
    const c = await createCounselor(t);
    const a = await t.createAgent();
    const other = await t.createAgent();
    const old = (await book(t, a, c.counselorId, TUE('02:00')).expect(201)).body;
    await book(t, other, c.counselorId, TUE('04:00')).expect(201);
    const taken = await t
      .http()
      .post(`/v1/counseling/bookings/${old.id}/reschedule`)
      .set(bearer(a.token))
      .send({ startsAt: TUE('04:00') })
      .expect(409);
    expect(taken.body.error).toBe('SLOT_TAKEN');
    await t
      .http()
      .post(`/v1/counseling/bookings/${old.id}/reschedule`)
      .set(bearer(a.token))
      .send({ startsAt: '2026-01-06T12:00:00.000Z' })
      .expect(409);
    const still = await t
      .http()
      .get(`/v1/counseling/bookings/${old.id}`)
      .set(bearer(a.token))
      .expect(200);
    expect(still.body.status).toBe('booked');
    // Moving by 15 minutes overlaps the old slot: fine, the old one is released in the same transaction.
    const moved = await t
      .http()
      .post(`/v1/counseling/bookings/${old.id}/reschedule`)
      .set(bearer(a.token))
      .send({ startsAt: TUE('02:15'), minutes: 30 })
      .expect(201);
    expect(moved.body).toMatchObject({
      startsAt: TUE('02:15'),
      endsAt: TUE('02:45'),
      status: 'booked',
      rescheduledFrom: old.id,
    });
    const after = await t
      .http()
      .get(`/v1/counseling/bookings/${old.id}`)
      .set(bearer(a.token))
      .expect(200);
    expect(after.body).toMatchObject({ status: 'cancelled', rescheduledTo: moved.body.id });
    const scheduled = await t.dataSource.query(
      `SELECT source_id, status, starts_at FROM scheduled_states WHERE agent_id = $1 ORDER BY created_at`,
      [a.agentId],
    );
    expect(scheduled.map((s: { status: string }) => s.status)).toEqual(['cancelled', 'pending']);
    expect(scheduled[1].source_id).toBe(moved.body.id);
  });

  it('an agent holds at most 2 upcoming sessions and never two at once', async () => {
    const c1 = await createCounselor(t);
    const c2 = await createCounselor(t);
    const a = await t.createAgent();
    await book(t, a, c1.counselorId, TUE('02:00')).expect(201);
    const overlap = await book(t, a, c2.counselorId, TUE('02:15'), 30).expect(409);
    expect(overlap.body.error).toBe('OVERLAPPING_BOOKING');
    await book(t, a, c2.counselorId, TUE('04:00')).expect(201);
    const third = await book(t, a, c1.counselorId, '2026-01-07T02:00:00.000Z').expect(409);
    expect(third.body.error).toBe('BOOKING_LIMIT');
  });

  it('counsellors manage their own availability; languages come from the catalog; agents filter by language', async () => {
    const yue = await createCounselor(t, { languages: ['yue', 'cmn'] });
    const other = await createCounselor(t, { languages: ['nan'] });
    await t
      .http()
      .put(`/v1/counseling/counselors/${yue.counselorId}/availability`)
      .set(bearer(other.token))
      .send({ weekly: EVERY_DAY })
      .expect(403);
    await t
      .http()
      .put(`/v1/counseling/counselors/${yue.counselorId}/availability`)
      .set(await t.asAdmin())
      .send({ weekly: [{ weekday: 1, start: '17:00', end: '09:00' }] })
      .expect(400);
    const bad = await t
      .http()
      .post('/v1/counseling/counselors')
      .set(await t.asAdmin())
      .send({
        email: 'x-counselor@example.com',
        password: 'long-enough-1',
        displayName: 'X',
        timeZone: 'Asia/Shanghai',
        languages: ['klingon'],
      })
      .expect(400);
    expect(bad.body.error).toBe('UNKNOWN_TAG');
    await t
      .http()
      .post('/v1/counseling/counselors')
      .set(await t.asAdmin())
      .send({
        email: 'y@example.com',
        password: 'long-enough-1',
        displayName: 'Y',
        timeZone: 'Mars/Base',
      })
      .expect(400);
    const agent = await t.createAgent();
    await t
      .http()
      .post('/v1/counseling/counselors')
      .set(bearer(agent.token))
      .send({
        email: 'z@example.com',
        password: 'long-enough-1',
        displayName: 'Z',
        timeZone: 'UTC',
      })
      .expect(403);
    const found = await t
      .http()
      .get('/v1/counseling/counselors?language=yue')
      .set(bearer(agent.token))
      .expect(200);
    const ids = found.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(yue.counselorId);
    expect(ids).not.toContain(other.counselorId);
    const profile = found.body.items.find((c: { id: string }) => c.id === yue.counselorId);
    expect(profile).toMatchObject({
      sessionMinutes: [30, 50],
      bufferMinutes: 10,
      minimumNoticeMinutes: 120,
      bookingWindowDays: 30,
    });
  });

  it('suggests the next free slots, counsellors speaking the agent’s dialect first', async () => {
    // Clear the way: only these two counsellors are active in this check.
    await t.dataSource.query(`UPDATE counselors SET active = false`);
    const nan = await createCounselor(t, { languages: ['nan'] });
    const wuu = await createCounselor(t, {
      languages: ['wuu'],
      availability: { weekly: [{ weekday: 3, start: '09:00', end: '10:00' }] },
    });
    const agent = await t.createAgent({ dialects: [{ tag: 'wuu', proficiency: 5 }] });
    const res = await t
      .http()
      .get('/v1/counseling/suggested-slots?count=2')
      .set(bearer(agent.token))
      .expect(200);
    expect(res.body.slots).toHaveLength(2);
    expect(res.body.slots[0]).toMatchObject({
      counselorId: wuu.counselorId,
      startsAt: '2026-01-07T01:00:00.000Z',
      minutes: 30,
    });
    expect(
      res.body.slots.every((s: { counselorId: string }) => s.counselorId === wuu.counselorId),
    ).toBe(true);
    const plain = await t.createAgent({ dialects: [{ tag: 'en', proficiency: 5 }] });
    const any = await t
      .http()
      .get('/v1/counseling/suggested-slots?count=1')
      .set(bearer(plain.token))
      .expect(200);
    // No dialect match: the earliest free slot anywhere (the nan counsellor works today already).
    expect(any.body.slots[0]).toMatchObject({ counselorId: nan.counselorId });
    await t.dataSource.query(`UPDATE counselors SET active = true`);
  });
});
