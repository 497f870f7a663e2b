import { DateTime } from 'luxon';

/**
 * A site's weekly opening hours, in the site's own time zone. Pure (no Nest, no database).
 *
 * One entry opens the site on a weekday (Monday = 1 … Sunday = 7) from `open` to `close` ("HH:mm").
 * A `close` at or before `open` runs past midnight into the next day (Friday 22:00–06:00 is open
 * until Saturday 06:00); `close` "24:00" is midnight at the end of the day. Entries may overlap. No
 * opening hours (null) means always open.
 */
export interface OpeningHoursEntry {
  weekday: number;
  open: string;
  close: string;
}

export type OpeningHours = OpeningHoursEntry[] | null;

/** How far ahead the rules look for the next opening (a week and a day covers every weekly rule). */
const HORIZON_DAYS = 8;

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
};

/** `minutes` after the local midnight of `day` on the wall clock (24:00 and later: the next day). */
function wallTime(day: DateTime, minutes: number): number {
  const d = minutes >= 24 * 60 ? day.plus({ days: 1 }) : day;
  const m = minutes % (24 * 60);
  return d.set({ hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 }).toMillis();
}

/**
 * The open intervals [start, end) (UTC instants) of the entries starting on local days from the day
 * before `from` to the day of `to`, merged and sorted. A wall time skipped by a DST change moves forward,
 * so hours inside the skipped hour are empty that day.
 */
export function openIntervals(
  hours: OpeningHoursEntry[],
  zone: string,
  from: Date,
  to: Date,
): Array<[number, number]> {
  const first = DateTime.fromJSDate(from, { zone }).startOf('day').minus({ days: 1 });
  const last = DateTime.fromJSDate(to, { zone }).startOf('day');
  const spans: Array<[number, number]> = [];
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    for (const e of hours) {
      if (e.weekday !== day.weekday) continue;
      const open = minutesOf(e.open);
      let close = minutesOf(e.close);
      if (close <= open) close += 24 * 60; // past midnight into the next day
      const start = wallTime(day, open);
      const end = wallTime(day, close);
      // Hours wholly inside a DST gap (02:00–03:00 on the spring change) do not open that day.
      if (end <= start) continue;
      if (end > from.getTime() - 86_400_000 && start < to.getTime() + 86_400_000)
        spans.push([start, end]);
    }
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const prev = merged[merged.length - 1];
    if (prev && s[0] <= prev[1]) prev[1] = Math.max(prev[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** Whether the site is open at `at` (no opening hours: always). */
export function isOpenAt(hours: OpeningHours, zone: string, at: Date): boolean {
  if (!hours) return true;
  const t = at.getTime();
  return openIntervals(hours, zone, at, at).some(([s, e]) => s <= t && t < e);
}

/**
 * The first moment at or after `at` when the site is open: `at` itself when open now, null when the
 * site never opens within the next eight days (no entry at all).
 */
export function nextOpenAt(hours: OpeningHours, zone: string, at: Date): Date | null {
  if (!hours) return at;
  const t = at.getTime();
  const horizon = new Date(t + HORIZON_DAYS * 86_400_000);
  for (const [s, e] of openIntervals(hours, zone, at, horizon)) {
    if (e <= t) continue;
    return new Date(Math.max(s, t));
  }
  return null;
}

/**
 * The first moment of [notBefore, notAfter) when the site is open, or null when the whole window lies
 * in its closed hours (a callback must not be promised then).
 */
export function firstOpenInWindow(
  hours: OpeningHours,
  zone: string,
  notBefore: Date,
  notAfter: Date,
): Date | null {
  const first = nextOpenAt(hours, zone, notBefore);
  return first && first.getTime() < notAfter.getTime() ? first : null;
}
