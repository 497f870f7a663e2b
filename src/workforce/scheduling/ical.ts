/** iCalendar (RFC 5545) feed of an agent's published shifts. Pure. */
import { DateTime } from 'luxon';

export interface IcalShift {
  id: string;
  start: Date;
  end: Date;
  breaks: Array<{ startsAt: string; endsAt: string; kind: string }>;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const escape = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');

/** `YYYYMMDDTHHMMSS` wall-clock time in a zone (for `DTSTART;TZID=...`). */
const localStamp = (d: Date, zone: string) =>
  DateTime.fromJSDate(d, { zone }).toFormat("yyyyLLdd'T'HHmmss");
const localHm = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm');

/**
 * The feed. With `timeZone` (the site's), times are the site's wall-clock times with a TZID, as
 * phones and mail clients show them; without it, UTC.
 */
export function toICalendar(
  agentName: string,
  shifts: IcalShift[],
  now: Date,
  timeZone?: string,
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Shiftwell//Schedules//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escape(`Shifts of ${agentName}`)}`,
    ...(timeZone ? [`X-WR-TIMEZONE:${timeZone}`] : []),
  ];
  for (const s of shifts) {
    const breaks = s.breaks
      .map((b) =>
        timeZone
          ? `${b.kind} ${localHm(b.startsAt, timeZone)}-${localHm(b.endsAt, timeZone)}`
          : `${b.kind} ${b.startsAt.slice(11, 16)}-${b.endsAt.slice(11, 16)} UTC`,
      )
      .join(', ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.id}@shiftwell`,
      `DTSTAMP:${stamp(now)}`,
      ...(timeZone
        ? [
            `DTSTART;TZID=${timeZone}:${localStamp(s.start, timeZone)}`,
            `DTEND;TZID=${timeZone}:${localStamp(s.end, timeZone)}`,
          ]
        : [`DTSTART:${stamp(s.start)}`, `DTEND:${stamp(s.end)}`]),
      'SUMMARY:Shift',
      ...(breaks ? [`DESCRIPTION:${escape(`Breaks: ${breaks}`)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}
