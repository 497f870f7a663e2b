/** A counsellor's free times, laid out for an agent to pick from. Pure. */

export interface FreeTime {
  startsAt: string;
  endsAt: string;
}

export interface SlotDay<T extends FreeTime> {
  /** The site's local date (YYYY-MM-DD): stable across languages, the day picker's value. */
  date: string;
  times: T[];
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date of an instant in a zone, as YYYY-MM-DD. */
export function localDate(at: string | Date, zone: string): string {
  let f = dayFormats.get(zone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(zone, f);
  }
  return f.format(new Date(at));
}

/**
 * Every free time, grouped by the site's local day in time order: an agent sees the whole day,
 * evening included, not only its first few times.
 */
export function slotsByDay<T extends FreeTime>(slots: readonly T[], zone: string): SlotDay<T>[] {
  const days = new Map<string, T[]>();
  const sorted = [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  for (const s of sorted) {
    const date = localDate(s.startsAt, zone);
    const list = days.get(date);
    if (list) list.push(s);
    else days.set(date, [s]);
  }
  return [...days.entries()].map(([date, times]) => ({ date, times }));
}

/** The day to show: the one picked while it still has free times, else the first that has. */
export function shownDay<T extends FreeTime>(
  days: readonly SlotDay<T>[],
  picked: string | null,
): SlotDay<T> | null {
  return days.find((d) => d.date === picked) ?? days[0] ?? null;
}

/** Each time once (by start and counsellor), in time order: open offers suggest the same times. */
export function uniqueSlots<T extends FreeTime & { counselorId: string }>(
  slots: readonly T[],
): T[] {
  const seen = new Map<string, T>();
  for (const s of slots)
    seen.set(`${s.startsAt}|${s.counselorId}`, seen.get(`${s.startsAt}|${s.counselorId}`) ?? s);
  return [...seen.values()].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/**
 * Whose times the booking panel shows: the one the agent picked, or, with a single counsellor,
 * theirs (there is nobody to choose between); '' asks the agent to choose.
 */
export function shownCounsellor(
  picked: string,
  counsellors: ReadonlyArray<{ id: string }>,
): string {
  if (picked) return picked;
  return counsellors.length === 1 ? counsellors[0].id : '';
}
