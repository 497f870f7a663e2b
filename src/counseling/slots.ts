import { DateTime } from 'luxon';

/** A weekly availability rule in the counsellor's own time zone (Monday = 1). */
export interface WeeklyRule {
  weekday: number;
  /** "HH:MM", local time. */
  start: string;
  /** "HH:MM", local time, after start ("24:00" = midnight at the end of the day). */
  end: string;
}

/**
 * A date override: `off` removes that day's weekly hours; `start`/`end` add extra hours that day.
 * Both on one date replace the day's hours.
 */
export interface DateOverride {
  /** "YYYY-MM-DD", the counsellor's local date. */
  date: string;
  off?: boolean;
  start?: string;
  end?: string;
}

export interface SlotPolicy {
  timeZone: string;
  weekly: WeeklyRule[];
  overrides: DateOverride[];
  sessionMinutes: number[];
  bufferMinutes: number;
  minimumNoticeMinutes: number;
  bookingWindowDays: number;
  dailyMaximum: number;
}

/** A live booking of the counsellor (its own buffer applies after it). */
export interface BusyBooking {
  startsAt: Date;
  endsAt: Date;
}

export interface Slot {
  startsAt: Date;
  endsAt: Date;
}

export type SlotRefusal =
  | 'length' // the session length is not offered
  | 'notice' // starts sooner than the minimum notice
  | 'window' // starts beyond the booking window
  | 'outside' // not a start time inside the availability
  | 'taken' // overlaps another session
  | 'buffer' // too close to another session
  | 'daily_max'; // the counsellor's day is full

/** Start times are offered on this grid from the start of each availability interval. */
export const SLOT_STEP_MINUTES = 15;
const MAX_RANGE_DAYS = 62;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

function localDay(date: string, zone: string): DateTime {
  return DateTime.fromISO(date, { zone }).startOf('day');
}

/** `time` ("HH:MM") on a local day, in its zone; a time skipped by a DST change moves forward. */
function at(day: DateTime, time: string): DateTime {
  const minutes = minutesOf(time);
  if (minutes === 24 * 60) return day.plus({ days: 1 }).startOf('day');
  return day.set({
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
    second: 0,
    millisecond: 0,
  });
}

/** The availability intervals of one local date (weekly rules, minus a day off, plus extra hours). */
export function intervalsOn(policy: SlotPolicy, date: string): Array<[Date, Date]> {
  const day = localDay(date, policy.timeZone);
  const overrides = policy.overrides.filter((o) => o.date === date);
  const off = overrides.some((o) => o.off);
  const spans: Array<{ start: string; end: string }> = [];
  if (!off) spans.push(...policy.weekly.filter((r) => r.weekday === day.weekday));
  for (const o of overrides) if (o.start && o.end) spans.push({ start: o.start, end: o.end });
  return spans
    .map((s): [Date, Date] => [at(day, s.start).toJSDate(), at(day, s.end).toJSDate()])
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0].getTime() - y[0].getTime());
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The counsellor's local date ("YYYY-MM-DD") of an instant. A cached Intl formatter (en-CA writes
 * ISO dates): slot search calls this for every booking and candidate, and luxon was its main cost.
 */
export function localDateOf(instant: Date, zone: string): string {
  let format = dateFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(zone, format);
  }
  return format.format(instant);
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

function conflict(
  policy: SlotPolicy,
  start: number,
  end: number,
  bookings: BusyBooking[],
): 'taken' | 'buffer' | null {
  const buffer = policy.bufferMinutes * 60_000;
  let result: 'taken' | 'buffer' | null = null;
  for (const b of bookings) {
    const bs = b.startsAt.getTime();
    const be = b.endsAt.getTime();
    if (overlaps(start, end, bs, be)) return 'taken';
    if (overlaps(start, end + buffer, bs, be + buffer)) result = 'buffer';
  }
  return result;
}

function sessionsOnDate(policy: SlotPolicy, date: string, bookings: BusyBooking[]): number {
  return bookings.filter((b) => localDateOf(b.startsAt, policy.timeZone) === date).length;
}

/** Sessions per local date, counted once for a whole search. */
function sessionsPerDate(policy: SlotPolicy, bookings: BusyBooking[]): Map<string, number> {
  const perDate = new Map<string, number>();
  for (const b of bookings) {
    const date = localDateOf(b.startsAt, policy.timeZone);
    perDate.set(date, (perDate.get(date) ?? 0) + 1);
  }
  return perDate;
}

/**
 * Why a session of `minutes` starting at `startsAt` cannot be booked, or null when it can.
 * The same rules as generateSlots: offered length, notice, window, availability grid, other
 * sessions with the buffer after each, and the daily maximum (on the counsellor's local date).
 */
export function checkSlot(
  policy: SlotPolicy,
  bookings: BusyBooking[],
  now: Date,
  startsAt: Date,
  minutes: number,
): SlotRefusal | null {
  if (!policy.sessionMinutes.includes(minutes)) return 'length';
  const start = startsAt.getTime();
  const end = start + minutes * 60_000;
  if (start < now.getTime() + policy.minimumNoticeMinutes * 60_000) return 'notice';
  if (start > now.getTime() + policy.bookingWindowDays * 86_400_000) return 'window';
  const date = localDateOf(startsAt, policy.timeZone);
  const onGrid = intervalsOn(policy, date).some(
    ([a, b]) =>
      start >= a.getTime() &&
      end <= b.getTime() &&
      (start - a.getTime()) % (SLOT_STEP_MINUTES * 60_000) === 0,
  );
  if (!onGrid) return 'outside';
  const clash = conflict(policy, start, end, bookings);
  if (clash) return clash;
  if (sessionsOnDate(policy, date, bookings) >= policy.dailyMaximum) return 'daily_max';
  return null;
}

/**
 * Free start times for sessions of `minutes` in [from, to) (by start), in time order.
 * Pure: everything it needs (policy, the counsellor's live bookings, now) is passed in.
 * With `limit`, the search stops after the local day on which that many slots were found; `keep`
 * drops candidates the caller cannot use (the agent's own sessions) before they count.
 */
export function generateSlots(
  policy: SlotPolicy,
  bookings: BusyBooking[],
  now: Date,
  from: Date,
  to: Date,
  minutes: number,
  options: { limit?: number; keep?: (slot: Slot) => boolean } = {},
): Slot[] {
  const limit = options.limit ?? Infinity;
  if (!policy.sessionMinutes.includes(minutes) || from >= to || limit <= 0) return [];
  const earliest = Math.max(from.getTime(), now.getTime() + policy.minimumNoticeMinutes * 60_000);
  const latest = Math.min(
    to.getTime() - 1,
    now.getTime() + policy.bookingWindowDays * 86_400_000,
    from.getTime() + MAX_RANGE_DAYS * 86_400_000,
  );
  if (earliest > latest) return [];
  const step = SLOT_STEP_MINUTES * 60_000;
  const length = minutes * 60_000;
  const perDate = sessionsPerDate(policy, bookings);
  const slots: Slot[] = [];
  const seen = new Set<number>();
  let day = DateTime.fromMillis(earliest, { zone: policy.timeZone })
    .startOf('day')
    .minus({ days: 1 });
  const lastDay = DateTime.fromMillis(latest, { zone: policy.timeZone }).startOf('day');
  for (; day <= lastDay && slots.length < limit; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    if ((perDate.get(date) ?? 0) >= policy.dailyMaximum) continue;
    // A start that falls on another local date (an interval past midnight) is judged there.
    const dayStart = day.toMillis();
    const nextDayStart = day.plus({ days: 1 }).toMillis();
    for (const [a, b] of intervalsOn(policy, date)) {
      for (let start = a.getTime(); start + length <= b.getTime(); start += step) {
        if (start < earliest || start > latest || seen.has(start)) continue;
        if (start < dayStart || start >= nextDayStart) continue;
        if (conflict(policy, start, start + length, bookings)) continue;
        const slot = { startsAt: new Date(start), endsAt: new Date(start + length) };
        if (options.keep && !options.keep(slot)) continue;
        seen.add(start);
        slots.push(slot);
      }
    }
  }
  slots.sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  return Number.isFinite(limit) ? slots.slice(0, limit) : slots;
}
