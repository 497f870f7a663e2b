import fc from 'fast-check';
import { firstOpenInWindow, isOpenAt, nextOpenAt, OpeningHoursEntry } from './opening-hours';

const weekdays = (open: string, close: string, days = [1, 2, 3, 4, 5]): OpeningHoursEntry[] =>
  days.map((weekday) => ({ weekday, open, close }));
const at = (iso: string) => new Date(iso);

describe('site opening hours', () => {
  // 2026-11-30 is a Monday.
  const office = weekdays('09:00', '18:00');

  it('no opening hours: always open', () => {
    expect(isOpenAt(null, 'Asia/Shanghai', at('2026-11-29T20:00:00Z'))).toBe(true);
    expect(nextOpenAt(null, 'Asia/Shanghai', at('2026-11-29T20:00:00Z'))).toEqual(
      at('2026-11-29T20:00:00Z'),
    );
  });

  it('reads the hours in the site’s time zone, not UTC', () => {
    // Monday 09:30 in Shanghai is 01:30 UTC; Monday 09:30 UTC is 17:30 in Shanghai.
    expect(isOpenAt(office, 'Asia/Shanghai', at('2026-11-30T01:30:00Z'))).toBe(true);
    expect(isOpenAt(office, 'Asia/Shanghai', at('2026-11-30T00:59:00Z'))).toBe(false);
    expect(isOpenAt(office, 'Asia/Shanghai', at('2026-11-30T10:00:00Z'))).toBe(false); // 18:00 local
    expect(isOpenAt(office, 'UTC', at('2026-11-30T10:00:00Z'))).toBe(true);
    // Saturday is closed.
    expect(isOpenAt(office, 'Asia/Shanghai', at('2026-12-05T03:00:00Z'))).toBe(false);
  });

  it('an entry closing at or before it opens runs past midnight into the next day', () => {
    const nights = [{ weekday: 5, open: '22:00', close: '06:00' }]; // Friday night
    // Saturday 2026-12-05 03:00 Shanghai = Friday 19:00 UTC.
    expect(isOpenAt(nights, 'Asia/Shanghai', at('2026-12-04T19:00:00Z'))).toBe(true);
    expect(isOpenAt(nights, 'Asia/Shanghai', at('2026-12-04T22:00:00Z'))).toBe(false); // Sat 06:00
    expect(isOpenAt(nights, 'Asia/Shanghai', at('2026-12-04T13:59:00Z'))).toBe(false); // Fri 21:59
    // Thursday night is not open.
    expect(isOpenAt(nights, 'Asia/Shanghai', at('2026-12-03T19:00:00Z'))).toBe(false);
  });

  it('close "24:00" is midnight at the end of the day, and the next day’s entry joins it', () => {
    const h = [
      { weekday: 1, open: '20:00', close: '24:00' },
      { weekday: 2, open: '00:00', close: '02:00' },
    ];
    expect(isOpenAt(h, 'UTC', at('2026-11-30T23:59:00Z'))).toBe(true);
    expect(isOpenAt(h, 'UTC', at('2026-12-01T00:00:00Z'))).toBe(true);
    expect(isOpenAt(h, 'UTC', at('2026-12-01T02:00:00Z'))).toBe(false);
  });

  it('the next opening: now when open, else the next start in local time', () => {
    // Saturday 12:00 Shanghai → Monday 09:00 Shanghai (01:00 UTC).
    expect(nextOpenAt(office, 'Asia/Shanghai', at('2026-12-05T04:00:00Z'))).toEqual(
      at('2026-12-07T01:00:00Z'),
    );
    expect(nextOpenAt(office, 'Asia/Shanghai', at('2026-11-30T02:00:00Z'))).toEqual(
      at('2026-11-30T02:00:00Z'),
    );
    expect(nextOpenAt([], 'UTC', at('2026-11-30T02:00:00Z'))).toBeNull();
  });

  it('follows daylight saving time (wall-clock hours on both sides of the change)', () => {
    // Berlin: 2027-03-28 (Sunday) clocks go from 02:00 to 03:00; Monday 09:00 is 07:00 UTC after, 08:00 UTC before.
    const berlin = weekdays('09:00', '17:00');
    expect(nextOpenAt(berlin, 'Europe/Berlin', at('2027-03-20T12:00:00Z'))).toEqual(
      at('2027-03-22T08:00:00Z'),
    );
    expect(nextOpenAt(berlin, 'Europe/Berlin', at('2027-03-27T12:00:00Z'))).toEqual(
      at('2027-03-29T07:00:00Z'),
    );
  });

  describe('a callback window', () => {
    it('entirely inside closed hours has no open moment', () => {
      // Monday 19:00–23:00 Shanghai.
      expect(
        firstOpenInWindow(
          office,
          'Asia/Shanghai',
          at('2026-11-30T11:00:00Z'),
          at('2026-11-30T15:00:00Z'),
        ),
      ).toBeNull();
    });

    it('crossing midnight into an opening day opens at the start of the hours', () => {
      // Monday 23:00 → Tuesday 09:30 Shanghai: open from Tuesday 09:00 (01:00 UTC).
      expect(
        firstOpenInWindow(
          office,
          'Asia/Shanghai',
          at('2026-11-30T15:00:00Z'),
          at('2026-12-01T01:30:00Z'),
        ),
      ).toEqual(at('2026-12-01T01:00:00Z'));
      // … but one ending at Tuesday 09:00 exactly never meets an open moment.
      expect(
        firstOpenInWindow(
          office,
          'Asia/Shanghai',
          at('2026-11-30T15:00:00Z'),
          at('2026-12-01T01:00:00Z'),
        ),
      ).toBeNull();
    });

    it('crossing midnight inside hours that run past midnight is open from its start', () => {
      const nights = [{ weekday: 1, open: '22:00', close: '02:00' }];
      expect(
        firstOpenInWindow(nights, 'UTC', at('2026-11-30T23:30:00Z'), at('2026-12-01T00:30:00Z')),
      ).toEqual(at('2026-11-30T23:30:00Z'));
    });

    it('hours wholly inside the hour a DST change skips do not open that day', () => {
      // Berlin skips 02:00–03:00 on Sunday 28 March 2027; the next Sunday opens as usual.
      const gap = [{ weekday: 7, open: '02:00', close: '03:00' }];
      expect(
        firstOpenInWindow(gap, 'Europe/Berlin', at('2027-03-27T12:00:00Z'), at('2027-03-29T00:00:00Z')),
      ).toBeNull();
      expect(nextOpenAt(gap, 'Europe/Berlin', at('2027-03-27T12:00:00Z'))).toEqual(
        at('2027-04-04T00:00:00Z'),
      );
    });

    it('property: the first open moment is open, inside the window, and nothing before it is', () => {
      const entry = fc.record({
        weekday: fc.integer({ min: 1, max: 7 }),
        open: fc.integer({ min: 0, max: 95 }).map((q) => hhmm(q * 15)),
        close: fc.integer({ min: 1, max: 96 }).map((q) => hhmm(q * 15)),
      });
      fc.assert(
        fc.property(
          fc.array(entry, { maxLength: 4 }),
          fc.constantFrom('UTC', 'Asia/Shanghai', 'Europe/Berlin', 'America/New_York'),
          fc.integer({ min: 0, max: 14 * 24 * 4 }),
          fc.integer({ min: 1, max: 3 * 24 * 4 }),
          (hours, zone, startQ, lengthQ) => {
            const from = new Date(Date.UTC(2027, 2, 20) + startQ * 15 * 60_000);
            const to = new Date(from.getTime() + lengthQ * 15 * 60_000);
            const first = firstOpenInWindow(hours, zone, from, to);
            const probe = (t: number) => isOpenAt(hours, zone, new Date(t));
            if (first) {
              expect(first.getTime()).toBeGreaterThanOrEqual(from.getTime());
              expect(first.getTime()).toBeLessThan(to.getTime());
              expect(probe(first.getTime())).toBe(true);
            }
            const end = first ? first.getTime() : to.getTime();
            for (let t = from.getTime(); t < end; t += 15 * 60_000) expect(probe(t)).toBe(false);
          },
        ),
        { numRuns: 200 },
      );
    });
  });
});

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
