import { toICalendar } from './ical';

describe('toICalendar', () => {
  const shift = {
    id: 's1',
    start: new Date('2026-01-05T01:00:00Z'),
    end: new Date('2026-01-05T09:00:00Z'),
    breaks: [
      { startsAt: '2026-01-05T04:00:00.000Z', endsAt: '2026-01-05T04:30:00.000Z', kind: 'meal' },
    ],
  };
  const now = new Date('2026-01-01T00:00:00Z');

  it('writes UTC times without a zone', () => {
    const ics = toICalendar('Li Na', [shift], now);
    expect(ics).toContain('DTSTART:20260105T010000Z');
    expect(ics).toContain('meal 04:00-04:30 UTC');
  });

  it("writes the site's wall-clock times with a TZID for subscriptions", () => {
    const ics = toICalendar('Li Na', [shift], now, 'Asia/Shanghai');
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260105T090000');
    expect(ics).toContain('DTEND;TZID=Asia/Shanghai:20260105T170000');
    expect(ics).toContain('meal 12:00-12:30');
    expect(ics).toContain('X-WR-TIMEZONE:Asia/Shanghai');
  });
});
