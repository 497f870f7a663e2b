import { zonedParts } from '../../lib/format';

const QUARTER = 15;
const DAY_MINUTES = 24 * 60;
/** A break is booked a little ahead: the first start offered is at least this far away. */
const LEAD_MINUTES = 20;

export interface BreakStartOption {
  /** The site's local wall-clock time, HH:MM (24-hour). */
  value: string;
  /** Falls on the site's next day. */
  tomorrow: boolean;
}

/**
 * The start times an agent can pick, in the site's zone: every quarter hour from a little ahead of
 * now, for a whole day, so each HH:MM appears once (today's, or tomorrow's once today's has gone).
 * Pure. A list, not a native time field: that one speaks the browser's language, not the page's.
 */
export function breakStartOptions(now: Date, zone: string): BreakStartOption[] {
  const today = zonedParts(now, zone);
  const ahead = zonedParts(new Date(now.getTime() + LEAD_MINUTES * 60_000), zone);
  const nextDay = ahead.day !== today.day ? DAY_MINUTES : 0;
  const first = nextDay + Math.ceil((ahead.hour * 60 + ahead.minute) / QUARTER) * QUARTER;
  return Array.from({ length: DAY_MINUTES / QUARTER }, (_, i) => {
    const at = first + i * QUARTER;
    const minuteOfDay = at % DAY_MINUTES;
    const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
    const mm = String(minuteOfDay % 60).padStart(2, '0');
    return { value: `${hh}:${mm}`, tomorrow: at >= DAY_MINUTES };
  });
}
