import type { NewEvent } from '../platform/events/events.service';

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
  type: 'counseling.booking.cancelled',
  teamId: null,
  agentId,
  audience: ['agent'],
  payload,
  at,
});
