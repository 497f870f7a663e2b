/** iCalendar (RFC 5545) feed of an agent's published shifts. Pure. */
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

export function toICalendar(agentName: string, shifts: IcalShift[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Shiftwell//Schedules//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escape(`Shifts of ${agentName}`)}`,
  ];
  for (const s of shifts) {
    const breaks = s.breaks
      .map((b) => `${b.kind} ${b.startsAt.slice(11, 16)}-${b.endsAt.slice(11, 16)} UTC`)
      .join(', ');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.id}@shiftwell`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(s.start)}`,
      `DTEND:${stamp(s.end)}`,
      'SUMMARY:Shift',
      ...(breaks ? [`DESCRIPTION:${escape(`Breaks: ${breaks}`)}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n') + '\r\n';
}
