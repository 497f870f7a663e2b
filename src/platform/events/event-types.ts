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
  'offer.created':
    'agent only: { offerId, kind, createdAt } a confidential counselling offer to the agent (no call, no team; never to supervisors, admins or the router).',
  'counseling.booking.cancelled':
    'agent only: { bookingId, startsAt, endsAt, cancelledBy: "counselor" } the counsellor cancelled a session (no message), or { cancelledBy: "erasure" } for each upcoming session the agent’s erasure cancelled.',
  'time_off.decided':
    'agent only: { requestId, status: approved|denied, startsAt, endsAt, decidedAt } the agent’s time-off request was decided.',
  'shift_swap.decided':
    'agent only, one event per agent involved (not the one who decided): { swapId, status: accepted|completed|rejected|cancelled, shiftId, counterShiftId, decidedAt }.',
  'schedule.published':
    'agent only, one event per active agent of the team: { scheduleId, startDate, days, publishedAt } a schedule of the agent’s team was published.',
} as const;

export const EVENT_TYPES_DOC = [
  'Server-sent events, scoped to the caller: an agent gets its own state and offers; a supervisor its team’s',
  'presence changes and alerts; the router offers, lapses, queue changes and freed agents; an admin everything',
  'but an agent’s private rows. Each event has `id` (resume with Last-Event-ID: nothing is lost within the',
  '24 h retention), `event` (the type) and `data` (JSON with `at`). A comment line is sent every 15 s.',
  '',
  ...Object.entries(EVENT_TYPES).map(([type, text]) => `- \`${type}\`: ${text}`),
].join('\n');
