import { callEvents, sendEvents, setPresence } from '../support/router';
import { bearer, routerKey, TestApp } from '../support/test-app';

/** A call that started `minutes` ago and ends now (clock advanced by `minutes`). */
export async function runCall(
  t: TestApp,
  key: string,
  agentId: string,
  minutes = 2,
  hostile?: { severity: number },
) {
  const start = t.clock.now();
  t.clock.advanceMinutes(minutes);
  const c = callEvents(agentId, start, minutes, hostile);
  await sendEvents(t, key, c.events);
  return { callId: c.callId, endedAt: t.clock.now() };
}

export async function availableIds(t: TestApp, key: string, dialect = 'cmn'): Promise<string[]> {
  const res = await t
    .http()
    .get(`/v1/routing/available-agents?dialect=${dialect}&limit=100`)
    .set(routerKey(key))
    .expect(200);
  return res.body.agents.map((a: any) => a.agentId);
}

export async function stateOf(t: TestApp, agent: { agentId: string; token: string }) {
  return (
    await t.http().get(`/v1/agents/${agent.agentId}/presence`).set(bearer(agent.token)).expect(200)
  ).body;
}

export async function teamWithAgent(t: TestApp) {
  const teamId = await t.createTeam();
  const agent = await t.createAgent({ teamId });
  const supervisor = await t.createUser(['supervisor'], teamId);
  await setPresence(t, agent, 'available');
  return { teamId, agent, supervisor };
}

export const plusSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000).toISOString();

/**
 * A shift for the agent in a schedule of the team, published (live) or a draft. Set up in SQL:
 * generating one through the solver is the scheduling suite's business, not this one's.
 */
export async function insertShift(
  t: TestApp,
  teamId: string,
  agentId: string,
  startsAt: string,
  endsAt: string,
  published = true,
): Promise<string> {
  const [schedule] = await t.dataSource.query(
    `INSERT INTO schedules (team_id, status, start_date, days, interval_minutes, created_at, published_at)
     VALUES ($1, $2, $3::timestamptz::date, 1, 30, $4, $5) RETURNING id`,
    [
      teamId,
      published ? 'published' : 'draft',
      startsAt,
      t.clock.now(),
      published ? t.clock.now() : null,
    ],
  );
  const [shift] = await t.dataSource.query(
    `INSERT INTO shifts (schedule_id, agent_id, starts_at, ends_at, live) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [schedule.id, agentId, startsAt, endsAt, published],
  );
  return shift.id;
}
