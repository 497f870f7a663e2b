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

/** A published shift, as the service lists it. */
export interface ShiftSpan {
  startsAt: string;
  endsAt: string;
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
  const tomorrowNoon = new Date(now.getTime() + 24 * HOUR_MS);
  return Array.from({ length: DAY_MINUTES / QUARTER }, (_, i) => {
    const at = first + i * QUARTER;
    const minuteOfDay = at % DAY_MINUTES;
    const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
    const mm = String(minuteOfDay % 60).padStart(2, '0');
    const tomorrow = at >= DAY_MINUTES;
    const value = `${hh}:${mm}`;
    return {
      value,
      tomorrow,
      startsAt: instantAtLocalTime(tomorrow ? tomorrowNoon : now, value, zone),
    };
  });
}

/**
 * The options the service would take for a break of `minutes`: on a site day where the agent has
 * a published shift, only a break lying wholly inside one of them (else it answers OUTSIDE_SHIFT);
 * on a day with none (not scheduled yet), any. `shifts` must include those that ended earlier today.
 */
export function breakStartsTheServiceTakes(
  options: BreakStartOption[],
  minutes: number,
  shifts: ShiftSpan[],
  zone: string,
): BreakStartOption[] {
  if (shifts.length === 0) return options;
  const spans = shifts.map((s) => ({ from: Date.parse(s.startsAt), to: Date.parse(s.endsAt) }));
  // The options fall on two site days at most: each day's shifts are found once.
  const shiftsOfDay = new Map<boolean, typeof spans>();
  const shiftsOn = (o: BreakStartOption) => {
    let found = shiftsOfDay.get(o.tomorrow);
    if (!found) {
      const dayStart = instantAtLocalTime(o.startsAt, '00:00', zone).getTime();
      const dayEnd = instantAtLocalTime(new Date(dayStart + 36 * HOUR_MS), '00:00', zone).getTime();
      found = spans.filter((s) => s.from < dayEnd && s.to > dayStart);
      shiftsOfDay.set(o.tomorrow, found);
    }
    return found;
  };
  return options.filter((o) => {
    const start = o.startsAt.getTime();
    const end = start + minutes * 60_000;
    const thatDay = shiftsOn(o);
    return thatDay.length === 0 || thatDay.some((s) => s.from <= start && end <= s.to);
  });
}
