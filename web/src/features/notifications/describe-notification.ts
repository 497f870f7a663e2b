/**
 * What a notification says and where it leads, from its event type and data (ids and times only).
 * The component turns the key and values into words and formats the times.
 */
export interface NotificationView {
  /** i18n key of the sentence under the title (namespace `translation`). */
  bodyKey: string | null;
  /** ISO times and plain values for the sentence. */
  values: Record<string, string | number>;
  /** The page the notification opens. */
  link: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * Whether an event is news for the signed-in person. An offer is, only for their own agent: an
 * admin's stream carries every agent's offers (the service scopes it so), and each one was shown
 * to the admin as "A call is coming to you". The other notifying events reach their agent only.
 */
export function isNewsFor(
  type: string,
  data: Record<string, unknown>,
  agentId: string | null | undefined,
): boolean {
  if (type !== 'call.offered') return true;
  const reservation = data.reservation as { agentId?: unknown } | undefined;
  return !!agentId && reservation?.agentId === agentId;
}

export function describeNotification(
  type: string,
  data: Record<string, unknown>,
): NotificationView {
  switch (type) {
    case 'offer.created':
      return { bodyKey: 'notifications.body.offer', values: {}, link: '/agent/counselling' };
    case 'schedule.published': {
      const days = typeof data.days === 'number' ? data.days : null;
      const startDate = str(data.startDate);
      return startDate && days
        ? {
            bodyKey: 'notifications.body.schedule',
            values: { startDate, days },
            link: '/agent/schedule',
          }
        : { bodyKey: null, values: {}, link: '/agent/schedule' };
    }
    case 'time_off.decided': {
      const status = data.status === 'approved' || data.status === 'denied' ? data.status : null;
      const from = str(data.startsAt);
      const to = str(data.endsAt);
      return {
        bodyKey: status && from && to ? `notifications.body.timeOff.${status}` : null,
        values: from && to ? { from, to } : {},
        link: '/agent/schedule',
      };
    }
    case 'shift_swap.decided': {
      const known = ['accepted', 'completed', 'rejected', 'cancelled'];
      const status =
        typeof data.status === 'string' && known.includes(data.status) ? data.status : null;
      return {
        bodyKey: status ? `notifications.body.swap.${status}` : null,
        values: {},
        link: '/agent/schedule',
      };
    }
    case 'counseling.booking.cancelled': {
      const from = str(data.startsAt);
      if (data.cancelledBy === 'counselor' && from)
        return {
          bodyKey: 'notifications.body.sessionCancelled',
          values: { from },
          link: '/agent/counselling',
        };
      return {
        bodyKey: data.cancelledBy === 'erasure' ? 'notifications.body.sessionErased' : null,
        values: {},
        link: '/agent/counselling',
      };
    }
    case 'counseling.booking.rescheduled':
      return { bodyKey: null, values: {}, link: '/agent/counselling' };
    case 'call.offered':
      return { bodyKey: null, values: {}, link: '/agent' };
    default:
      return { bodyKey: null, values: {}, link: '/notifications' };
  }
}

/** Keys of `values` that are instants (formatted as date and time) or dates (formatted as dates). */
export const INSTANT_VALUES = ['from', 'to'] as const;
export const DATE_VALUES = ['startDate'] as const;
