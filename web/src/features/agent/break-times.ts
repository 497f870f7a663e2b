import type { components } from '../../lib/api/schema';
import { clockTimeOf } from '../../lib/clock-time';
import { instantAtLocalTime, zonedParts } from '../../lib/format';

const QUARTER = 15;
const DAY_MINUTES = 24 * 60;
const HOUR_MS = 3_600_000;
/** A break is booked a little ahead: the first start offered is at least this far away. */
const LEAD_MINUTES = 20;

export interface BreakStartOption {
  /** The site's local wall-clock time, HH:MM (24-hour). */
  value: string;
  /** Falls on the site's next day. */
  tomorrow: boolean;
  /** The instant it names. */
  startsAt: Date;
}

/** When a break may lie, as the service answers it (GET /v1/breaks/windows). */
export type BreakWindow = components['schemas']['BreakWindowDto'];

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
  const tomorrowNoon = new Date(now.getTime() + 24 * HOUR_MS);
  return Array.from({ length: DAY_MINUTES / QUARTER }, (_, i) => {
    const at = first + i * QUARTER;
    const tomorrow = at >= DAY_MINUTES;
    const value = clockTimeOf(at);
    return {
      value,
      tomorrow,
      startsAt: instantAtLocalTime(tomorrow ? tomorrowNoon : now, value, zone),
    };
  });
}

/**
 * The options the service takes for a break of `minutes`: those starting in one of its windows and
 * ending by that window's end. The rule behind the windows (a shift that day, or any time) is the
 * service's alone.
 */
export function breakStartsInWindows(
  options: BreakStartOption[],
  minutes: number,
  windows: BreakWindow[],
): BreakStartOption[] {
  const spans = windows.map((w) => ({
    from: Date.parse(w.startsFrom),
    before: Date.parse(w.startsBefore),
    endsBy: w.endsBy === null ? Infinity : Date.parse(w.endsBy),
  }));
  return options.filter((o) => {
    const start = o.startsAt.getTime();
    const end = start + minutes * 60_000;
    return spans.some((w) => w.from <= start && start < w.before && end <= w.endsBy);
  });
}
