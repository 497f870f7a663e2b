import { DateTime } from 'luxon';

/**
 * The instants a schedule's days span in its site's zone: from the first day's midnight to the
 * midnight after its last (a daylight-saving day is 23 or 25 hours, as the site lives it).
 */
export function scheduleSpan(
  startDate: string,
  days: number,
  timeZone: string,
): { from: number; to: number } {
  const first = DateTime.fromISO(startDate, { zone: timeZone }).startOf('day');
  return { from: first.toMillis(), to: first.plus({ days }).toMillis() };
}

/**
 * A shift belongs to a schedule when it starts on one of the schedule's days; it may run past the
 * last midnight (a late shift), as generated shifts do.
 */
export function startsWithinSchedule(span: { from: number; to: number }, start: number): boolean {
  return start >= span.from && start < span.to;
}
