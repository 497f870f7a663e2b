/** The event types on `GET /v1/events`, for the OpenAPI description (the README has the same table). */
export const EVENT_TYPES = {
  'presence.changed':
    'agent, team (supervisors), router: { agentId, externalId, state, since, until, reason }. Toward anyone but the agent a counselling session is not_ready/private with no until.',
  'agent.freed': 'router: { agentId, externalId, contact } when an agent becomes available.',
  'call.queued': 'router: { callId, priority } a call started waiting.',
  'call.offered':
    'agent, router: { callId, kind?, callbackId?, reservation: { reservationId, agentId, externalId, contact, expiresAt, kind? } }; a callback has kind "callback" (its dialTarget is read from GET /v1/routing/callbacks/{id}).',
  'reservation.lapsed':
    'agent, router: { callId, reservationId, agentId } an offer was not accepted in time; the call is waiting again.',
  'call.requeued':
    'router: { callId, reservationId, agentId, reason } an offer was rejected; the call is waiting again.',
  'call.connected':
    'agent, router: { callId, agentId } the offer was accepted or the call answered.',
  'call.ended': 'agent, router: { callId, agentId } the call ended.',
  'callback.scheduled':
    'router, team (supervisors): { callbackId, callId, notBefore, notAfter } a callback was promised (callId: its queue item).',
  'callback.retry':
    'router, team: { callbackId, callId, result, nextAttemptAt } an attempt was not answered; offered again from nextAttemptAt.',
  'callback.closed': 'router, team: { callbackId, callId, status } reached or wrong_number.',
  'alert.callback_missed':
    'team (supervisors), router: { callbackId, callId, dialect, attempts, notAfter } a promised callback ran out of its window.',
  'call.abandoned': 'router: { callId } the caller hung up or resync dropped the call.',
  'alert.stranded_call':
    'team (supervisors), router: { callId, agentId, externalId, minutesWithoutEvent } an accepted call had no event for the team’s maxCallMinutes.',
} as const;

export const EVENT_TYPES_DOC = [
  'Server-sent events, scoped to the caller: an agent gets its own state and offers; a supervisor its team’s',
  'presence changes and alerts; the router offers, lapses, queue changes and freed agents; an admin everything',
  'but an agent’s private rows. Each event has `id` (resume with Last-Event-ID: nothing is lost within the',
  '24 h retention), `event` (the type) and `data` (JSON with `at`). A comment line is sent every 15 s.',
  '',
  ...Object.entries(EVENT_TYPES).map(([type, text]) => `- \`${type}\`: ${text}`),
].join('\n');
