import type { NewEvent } from '../platform/events/events.service';

export const SESSION_CANCELLED_EVENT = 'counseling.booking.cancelled';

/**
 * `counseling.booking.cancelled` on the live stream, for the session's agent alone: no team, no
 * router, never the counsellor's message.
 */
export const sessionCancelledEvent = (
  agentId: string,
  at: Date,
  payload:
    | { bookingId: string; startsAt: string; endsAt: string; cancelledBy: 'counselor' }
    | { cancelledBy: 'erasure' },
): NewEvent => ({
  type: SESSION_CANCELLED_EVENT,
  teamId: null,
  agentId,
  audience: ['agent'],
  payload,
  at,
});
