import { JwtService } from '@nestjs/jwt';
import { LOCAL_DEFAULTS } from '../../../src/platform/config/app-config';
import { book, createCounselor, TestCounselor } from '../../support/counseling';
import { bearer, TestApp, TestUser } from '../../support/test-app';

type Agent = TestUser & { agentId: string; externalId: string };

/** Callers from team B (the other team), the global roles, and credentials that must never pass. */
export const OTHER_TEAM_CALLERS = [
  'admin',
  'router',
  'scheduler',
  'supervisor',
  'agent',
  'counselor',
  'none',
  'expired',
  'revoked',
  'no-exp',
] as const;
export type OtherCaller = (typeof OTHER_TEAM_CALLERS)[number];

/** Team A's real objects, one (or two) of each kind the API names by id. */
export interface TeamA {
  siteId: string;
  teamId: string;
  agent: Agent;
  colleague: Agent;
  scheduleId: string;
  shiftId: string;
  timeOffId: string;
  swapId: string;
  reservationId: string;
  callId: string;
  alertId: string;
  breakId: string;
  bookingId: string;
  counselor: TestCounselor;
  /** Every id of team A's data: none may appear in a 2xx answer to team B. */
  ids(): string[];
}

export interface TeamB {
  teamId: string;
  headers(caller: OtherCaller): Record<string, string>;
  secrets(): string[];
}

/**
 * Team A at one site with agents, a published schedule with shifts, a forecast, settings, time off,
 * an open swap, a live reservation, a call, an alert, a booked break and a counselling booking; team B
 * at another site with one person per role. Objects the API cannot create cheaply in a test
 * (a solved schedule, an alert, a booked break) are written as the services would write them.
 */
export async function createTwoTeams(t: TestApp): Promise<{ a: TeamA; b: TeamB }> {
  const admin = await t.asAdmin();
  const now = t.clock.now();
  const siteId = await t.createSite();
  const teamId = await t.createTeam(siteId);
  const agent = await t.createAgent({ teamId });
  const colleague = await t.createAgent({ teamId });

  const [schedule] = await t.dataSource.query(
    `INSERT INTO schedules (team_id, status, start_date, days, interval_minutes, created_at, published_at)
     VALUES ($1, 'published', $2::date, 7, 30, $3, $3) RETURNING id`,
    [teamId, now.toISOString().slice(0, 10), now],
  );
  const dayMs = 24 * 3600_000;
  const [shift] = await t.dataSource.query(
    `INSERT INTO shifts (schedule_id, agent_id, starts_at, ends_at, live)
     VALUES ($1, $2, $3, $4, true) RETURNING id`,
    [
      schedule.id,
      agent.agentId,
      new Date(now.getTime() + 2 * dayMs),
      new Date(now.getTime() + 2 * dayMs + 8 * 3600_000),
    ],
  );
  await t.dataSource.query(
    `INSERT INTO shifts (schedule_id, agent_id, starts_at, ends_at, live) VALUES ($1, $2, $3, $4, true)`,
    [
      schedule.id,
      colleague.agentId,
      new Date(now.getTime() - 3600_000),
      new Date(now.getTime() + 7 * 3600_000),
    ],
  );
  const [swap] = await t.dataSource.query(
    `INSERT INTO shift_swaps (shift_id, offered_by, status, created_at) VALUES ($1, $2, 'open', $3) RETURNING id`,
    [shift.id, agent.agentId, now],
  );
  const [alert] = await t.dataSource.query(
    `INSERT INTO wellbeing_alerts (team_id, agent_id, kind, dedupe_key, created_at)
     VALUES ($1, $2, 'occupancy', $3, $4) RETURNING id`,
    [teamId, agent.agentId, `authz-${teamId}`, now],
  );
  const [breakRow] = await t.dataSource.query(
    `INSERT INTO break_bookings (agent_id, team_id, kind, starts_at, ends_at, created_at)
     VALUES ($1, $2, 'rest', $3, $4, $5) RETURNING id`,
    [
      colleague.agentId,
      teamId,
      new Date(now.getTime() + 3600_000),
      new Date(now.getTime() + 4500_000),
      now,
    ],
  );

  const intervals = [0, 1, 2, 3].map((k) => ({
    start: new Date(now.getTime() + dayMs + k * 1800_000).toISOString(),
    calls: 40,
    ahtSeconds: 180,
  }));
  await t
    .http()
    .put(`/v1/teams/${teamId}/forecast`)
    .set(admin)
    .send({ intervalMinutes: 30, intervals })
    .expect(200);
  const timeOff = await t
    .http()
    .post('/v1/time-off')
    .set(bearer(agent.token))
    .send({
      agentId: agent.agentId,
      kind: 'time_off',
      startsAt: new Date(now.getTime() + 5 * dayMs).toISOString(),
      endsAt: new Date(now.getTime() + 6 * dayMs).toISOString(),
      reason: 'family matter',
    })
    .expect(201);

  const routerKey = await t.createRouterKey();
  for (const a of [agent, colleague])
    await t
      .http()
      .put(`/v1/agents/${a.agentId}/presence`)
      .set(bearer(a.token))
      .send({ state: 'available' })
      .expect(200);
  const reservation = await t
    .http()
    .post('/v1/routing/reservations')
    .set({ 'X-Api-Key': routerKey })
    .send({ callId: `authz-res-${teamId}` })
    .expect(201);
  const callId = `authz-call-${teamId}`;
  await t
    .http()
    .post('/v1/calls/events')
    .set({ 'X-Api-Key': routerKey })
    .send({
      events: [
        {
          eventId: `${callId}-a`,
          type: 'call.answered',
          callId,
          agentId: reservation.body.agentId,
          at: now.toISOString(),
        },
      ],
    })
    .expect(202);

  const counselor = await createCounselor(t);
  const slots = await t
    .http()
    .get(`/v1/counseling/counselors/${counselor.counselorId}/slots`)
    .query({
      from: new Date(now.getTime() + dayMs).toISOString(),
      to: new Date(now.getTime() + 8 * dayMs).toISOString(),
      minutes: 50,
    })
    .set(bearer(agent.token))
    .expect(200);
  const booking = await book(t, agent, counselor.counselorId, slots.body.slots[0].startsAt).expect(
    201,
  );

  // Team B, at another site: one person per role.
  const siteB = await t.createSite();
  const teamB = await t.createTeam(siteB);
  const people = {
    scheduler: await t.createUser(['scheduler'], teamB),
    supervisor: await t.createUser(['supervisor'], teamB),
    agent: await t.createAgent({ teamId: teamB }),
    counselor: await createCounselor(t),
  };
  const created = await t
    .http()
    .post('/v1/api-keys')
    .set(admin)
    .send({ name: 'soon-revoked', role: 'router' })
    .expect(201);
  await t.http().delete(`/v1/api-keys/${created.body.id}`).set(admin).expect(204);
  const revokedKey: string = created.body.key;
  const sign = (payload: Record<string, unknown>) =>
    new JwtService().sign(payload, { secret: t.config.jwtSecret, algorithm: 'HS256' });
  const adminToken = String(admin.Authorization).replace('Bearer ', '');
  const supervisorClaims = JSON.parse(
    Buffer.from(people.supervisor.token.split('.')[1], 'base64url').toString(),
  );
  const expiredToken = sign({ ...supervisorClaims, exp: Math.floor(Date.now() / 1000) - 3600 });
  // Everything a real token has, signed with the real secret, but no expiry: refused.
  const { exp: _exp, ...noExp } = supervisorClaims;
  const noExpToken = sign(noExp);

  const a: TeamA = {
    siteId,
    teamId,
    agent,
    colleague,
    scheduleId: schedule.id,
    shiftId: shift.id,
    timeOffId: timeOff.body.id,
    swapId: swap.id,
    reservationId: reservation.body.reservationId,
    callId,
    alertId: alert.id,
    breakId: breakRow.id,
    bookingId: booking.body.id,
    counselor,
    ids: () => [
      siteId,
      teamId,
      agent.agentId,
      colleague.agentId,
      agent.id,
      colleague.id,
      schedule.id,
      shift.id,
      timeOff.body.id,
      swap.id,
      reservation.body.reservationId,
      alert.id,
      breakRow.id,
      booking.body.id,
      'family matter',
    ],
  };
  const b: TeamB = {
    teamId: teamB,
    headers: (caller): Record<string, string> => {
      switch (caller) {
        case 'none':
          return {};
        case 'admin':
          return { Authorization: `Bearer ${adminToken}` };
        case 'router':
          return { 'X-Api-Key': routerKey };
        case 'revoked':
          return { 'X-Api-Key': revokedKey };
        case 'expired':
          return bearer(expiredToken);
        case 'no-exp':
          return bearer(noExpToken);
        default:
          return bearer(people[caller].token);
      }
    },
    secrets: () => [
      LOCAL_DEFAULTS.bootstrapAdminPassword,
      LOCAL_DEFAULTS.jwtSecret,
      routerKey,
      revokedKey,
      expiredToken,
      noExpToken,
      ...Object.values(people).flatMap((p) => [p.password, p.token]),
      agent.password,
      agent.token,
    ],
  };
  return { a, b };
}
