import { bearer, TestApp, TestUser, unique } from './test-app';
import { setPresence } from './router';

export interface TestCounselor extends TestUser {
  counselorId: string;
}

/** Every day 09:00–17:00 in the counsellor's zone. */
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  start: '09:00',
  end: '17:00',
}));

/** A counsellor created by the admin, logged in, with availability set. */
export async function createCounselor(
  t: TestApp,
  options: {
    timeZone?: string;
    languages?: string[];
    availability?: Record<string, unknown>;
  } = {},
): Promise<TestCounselor> {
  const email = `${unique('counselor')}@example.com`;
  const password = 'counselor-password-1';
  const res = await t
    .http()
    .post('/v1/counseling/counselors')
    .set(await t.asAdmin())
    .send({
      email,
      password,
      displayName: 'Dr Test',
      timeZone: options.timeZone ?? 'Asia/Shanghai',
      languages: options.languages ?? ['cmn'],
    })
    .expect(201);
  const token = await t.login(email, password);
  await t
    .http()
    .put(`/v1/counseling/counselors/${res.body.id}/availability`)
    .set(bearer(token))
    .send({ weekly: EVERY_DAY, ...options.availability })
    .expect(200);
  return { id: res.body.userId, counselorId: res.body.id, email, password, token };
}

export function book(
  t: TestApp,
  agent: { token: string },
  counselorId: string,
  startsAt: string,
  minutes = 50,
) {
  return t
    .http()
    .post('/v1/counseling/bookings')
    .set(bearer(agent.token))
    .send({ counselorId, startsAt, minutes });
}

/**
 * An available agent in a new team whose policy offers counselling from the first hostile call,
 * with the team's supervisor (who set the policy).
 */
export async function agentOfferedCounsellingAfterOneHostileCall(t: TestApp) {
  const teamId = await t.createTeam();
  const agent = await t.createAgent({ teamId });
  const supervisor = await t.createUser(['supervisor'], teamId);
  await t
    .http()
    .put(`/v1/wellbeing/policies/teams/${teamId}`)
    .set(bearer(supervisor.token))
    .send({ counsellingOfferAt: 1 })
    .expect(200);
  await setPresence(t, agent, 'available');
  return { teamId, agent, supervisor };
}
