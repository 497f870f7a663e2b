/**
 * Posting an open shift, pure: a day and 24-hour start and end times in the site's zone become the
 * instants the service takes; an end at or before the start is the next morning (a night shift).
 */
import { DateTime } from 'luxon';
import { atDayTime } from '../../lib/zoned-time';

export interface OpenShiftDraft {
  /** YYYY-MM-DD, the day the shift starts. */
  day: string;
  /** HH:MM. */
  start: string;
  /** HH:MM, or 24:00 (midnight at the end of the day). */
  end: string;
}

export interface OpenShiftSpan {
  startsAt: string;
  endsAt: string;
  /** The shift ends on the next day. */
  overnight: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^(\d{2}):(\d{2})$/;
const at = atDayTime;

/**
 * The shift's instants: from `start` on `day` to `end` on the same day, or on the next day when the
 * end is not after the start (22:00–06:00). Null when a part is missing or both times are equal.
 */
export function openShiftSpan(draft: OpenShiftDraft, zone: string): OpenShiftSpan | null {
  if (draft.start === '24:00' || draft.start === draft.end) return null;
  const start = at(draft.day, draft.start, zone);
  let end = at(draft.day, draft.end, zone);
  if (!start || !end) return null;
  const overnight = end <= start;
  if (overnight)
    end = at(DateTime.fromISO(draft.day).plus({ days: 1 }).toISODate()!, draft.end, zone);
  if (!end || end <= start) return null;
  return { startsAt: start.toUTC().toISO()!, endsAt: end.toUTC().toISO()!, overnight };
}

export type OpenShiftProblem = 'incomplete' | 'sameTimes' | 'outsideSchedule' | 'past';

/**
 * Why the draft cannot be posted yet: a part missing or unreadable, start and end equal, a day outside
 * the schedule's days (the shift belongs to it), or a start not in the future (the service refuses
 * it: START_IN_PAST).
 */
export function openShiftProblem(
  draft: OpenShiftDraft,
  zone: string,
  schedule: { startDate: string; days: number },
  now: Date,
): OpenShiftProblem | null {
  if (!DAY.test(draft.day) || !TIME.test(draft.start) || !TIME.test(draft.end)) return 'incomplete';
  if (draft.start === draft.end) return 'sameTimes';
  const span = openShiftSpan(draft, zone);
  if (!span) return 'incomplete';
  const first = DateTime.fromISO(schedule.startDate);
  const day = DateTime.fromISO(draft.day);
  if (day < first || day >= first.plus({ days: schedule.days })) return 'outsideSchedule';
  if (Date.parse(span.startsAt) <= now.getTime()) return 'past';
  return null;
}

/** The schedule's last day, YYYY-MM-DD (for the day picker's bounds). */
export function lastDayOf(schedule: { startDate: string; days: number }): string {
  return DateTime.fromISO(schedule.startDate)
    .plus({ days: schedule.days - 1 })
    .toISODate()!;
}

const KNOWN_REFUSALS = new Set([
  'START_IN_PAST',
  'OUTSIDE_SCHEDULE',
  'SCHEDULE_NOT_PUBLISHED',
  'OPEN_SHIFT_TAKEN',
  'VALIDATION_FAILED',
  'NOT_FOUND',
  'FORBIDDEN',
]);

/** The translation key that says why posting or cancelling an open shift was refused. */
export function openShiftRefusalKey(code: string): string {
  return `openShifts.errors.${KNOWN_REFUSALS.has(code) ? code : 'other'}`;
}
