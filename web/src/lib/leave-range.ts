import { DateTime } from 'luxon';
import { formatDateTime, formatDay, formatTime } from './format';

/**
 * How a leave request reads: whole days (both ends at the site's midnight) by their first and last
 * day, a few hours within one day by that day, else start to end.
 */
export type TimeOffRange =
  { kind: 'days'; firstDay: string; lastDay: string } | { kind: 'withinDay' } | { kind: 'span' };

export function timeOffRange(startsAt: string, endsAt: string, zone: string): TimeOffRange {
  const start = DateTime.fromISO(startsAt, { zone });
  const end = DateTime.fromISO(endsAt, { zone });
  const midnight = (d: DateTime) => d.equals(d.startOf('day'));
  if (midnight(start) && midnight(end))
    return {
      kind: 'days',
      firstDay: start.toUTC().toISO()!,
      lastDay: end.minus({ days: 1 }).toUTC().toISO()!,
    };
  return start.hasSame(end, 'day') ? { kind: 'withinDay' } : { kind: 'span' };
}

/**
 * A leave request in words, in the page's language and the site's zone: "Mon, Jan 12 – Tue, Jan 13"
 * for whole days, "Tue, Jan 20, 13:00–18:00" within one day, else start to end.
 */
export function formatLeave(
  startsAt: string,
  endsAt: string,
  locale: string,
  zone: string,
): string {
  const range = timeOffRange(startsAt, endsAt, zone);
  if (range.kind === 'days')
    return range.firstDay === range.lastDay
      ? formatDay(range.firstDay, locale, zone)
      : `${formatDay(range.firstDay, locale, zone)} – ${formatDay(range.lastDay, locale, zone)}`;
  return range.kind === 'withinDay'
    ? `${formatDateTime(startsAt, locale, zone)}–${formatTime(endsAt, locale, zone)}`
    : `${formatDateTime(startsAt, locale, zone)} – ${formatDateTime(endsAt, locale, zone)}`;
}
