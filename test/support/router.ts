import { bearer, routerKey, TestApp } from './test-app';

let seq = 0;
export const eventId = () => `evt-${process.pid}-${Date.now().toString(36)}-${seq++}`;
export const callId = () => `call-${process.pid}-${Date.now().toString(36)}-${seq++}`;

export async function setPresence(
  t: TestApp,
  agent: { agentId: string; token: string },
  state: string,
  expect = 200,
) {
  const res = await t
    .http()
    .put(`/v1/agents/${agent.agentId}/presence`)
    .set(bearer(agent.token))
    .send({ state });
  if (res.status !== expect)
    throw new Error(`presence ${state}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function presenceOf(t: TestApp, agentId: string, headers: Record<string, string>) {
  return (await t.http().get(`/v1/agents/${agentId}/presence`).set(headers).expect(200)).body;
}

export async function sendEvents(
  t: TestApp,
  key: string,
  events: Array<Record<string, unknown>>,
  expect = 202,
) {
  const res = await t.http().post('/v1/calls/events').set(routerKey(key)).send({ events });
  if (res.status !== expect) throw new Error(`events: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** answered at `at`, ended `minutes` later (clock must be at or after the end). */
export function callEvents(
  agentId: string,
  at: Date,
  minutes: number,
  hostile?: { severity: number; source?: string },
) {
  const id = callId();
  const end = new Date(at.getTime() + minutes * 60_000);
  const list: Array<Record<string, unknown>> = [
    { eventId: eventId(), type: 'call.answered', callId: id, agentId, at: at.toISOString() },
  ];
  if (hostile) {
    list.push({
      eventId: eventId(),
      type: 'call.hostile',
      callId: id,
      agentId,
      at: end.toISOString(),
      severity: hostile.severity,
      source: hostile.source ?? 'sentiment',
    });
  }
  list.push({
    eventId: eventId(),
    type: 'call.ended',
    callId: id,
    agentId,
    at: end.toISOString(),
    durationSeconds: minutes * 60,
  });
  return { callId: id, events: list };
}
