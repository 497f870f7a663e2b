import fc from 'fast-check';
import { DateTime } from 'luxon';
import { checkSlot, generateSlots, intervalsOn, localDateOf, SlotPolicy } from './slots';

const policy = (over: Partial<SlotPolicy> = {}): SlotPolicy => ({
  timeZone: 'Asia/Shanghai',
  weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
  overrides: [],
  sessionMinutes: [30, 50],
  bufferMinutes: 10,
  minimumNoticeMinutes: 120,
  bookingWindowDays: 30,
  dailyMaximum: 6,
  ...over,
});
const iso = (slots: Array<{ startsAt: Date }>) => slots.map((s) => s.startsAt.toISOString());
const d = (s: string) => new Date(s);
// Sunday 2026-01-04 08:00 in Shanghai; Monday 2026-01-05 09:00 Shanghai = 01:00Z.
const now = d('2026-01-04T00:00:00Z');
const to = d('2026-01-07T00:00:00Z');

describe('slot generation', () => {
  it('offers starts on a 15-minute grid inside the weekly hours, in the counsellor’s zone', () => {
    const slots = generateSlots(policy(), [], now, now, to, 50);
    expect(iso(slots)).toEqual([
      '2026-01-05T01:00:00.000Z',
      '2026-01-05T01:15:00.000Z',
      '2026-01-05T01:30:00.000Z',
      '2026-01-05T01:45:00.000Z',
      '2026-01-05T02:00:00.000Z',
      '2026-01-05T02:15:00.000Z',
      '2026-01-05T02:30:00.000Z',
      '2026-01-05T02:45:00.000Z',
      '2026-01-05T03:00:00.000Z',
    ]);
    expect(slots[0].endsAt.toISOString()).toBe('2026-01-05T01:50:00.000Z');
  });

  it('keeps the buffer after and before an existing session', () => {
    const booked = [{ startsAt: d('2026-01-05T02:00:00Z'), endsAt: d('2026-01-05T02:50:00Z') }];
    expect(iso(generateSlots(policy(), booked, now, now, to, 50))).toEqual([
      '2026-01-05T01:00:00.000Z',
      '2026-01-05T03:00:00.000Z',
    ]);
    expect(checkSlot(policy(), booked, now, d('2026-01-05T02:00:00Z'), 50)).toBe('taken');
    expect(checkSlot(policy(), booked, now, d('2026-01-05T01:30:00Z'), 30)).toBe('buffer');
    expect(checkSlot(policy(), booked, now, d('2026-01-05T02:45:00Z'), 30)).toBe('taken');
    expect(checkSlot(policy(), booked, now, d('2026-01-05T01:00:00Z'), 50)).toBeNull();
    expect(checkSlot(policy(), booked, now, d('2026-01-05T03:00:00Z'), 50)).toBeNull();
  });

  it('refuses short notice, beyond the window, off-grid or outside hours, and unoffered lengths', () => {
    const monday9 = d('2026-01-05T01:00:00Z');
    expect(checkSlot(policy(), [], d('2026-01-05T00:00:00Z'), monday9, 30)).toBe('notice');
    expect(checkSlot(policy(), [], d('2026-01-04T23:00:00Z'), monday9, 30)).toBeNull();
    expect(
      checkSlot(policy({ bookingWindowDays: 1 }), [], d('2026-01-03T00:00:00Z'), monday9, 30),
    ).toBe('window');
    expect(checkSlot(policy(), [], now, d('2026-01-05T01:05:00Z'), 30)).toBe('outside');
    expect(checkSlot(policy(), [], now, d('2026-01-05T03:45:00Z'), 30)).toBe('outside');
    expect(checkSlot(policy(), [], now, d('2026-01-06T01:00:00Z'), 30)).toBe('outside');
    expect(checkSlot(policy(), [], now, monday9, 45)).toBe('length');
    expect(generateSlots(policy(), [], now, now, to, 45)).toEqual([]);
    expect(generateSlots(policy(), [], d('2026-01-05T01:30:00Z'), now, to, 30)[0].startsAt).toEqual(
      d('2026-01-05T03:30:00Z'),
    );
  });

  it('stops offering a day once its daily maximum is booked (local date)', () => {
    const p = policy({ dailyMaximum: 1 });
    const booked = [{ startsAt: d('2026-01-05T01:00:00Z'), endsAt: d('2026-01-05T01:30:00Z') }];
    expect(generateSlots(p, booked, now, now, to, 30)).toEqual([]);
    expect(checkSlot(p, booked, now, d('2026-01-05T03:00:00Z'), 30)).toBe('daily_max');
  });

  it('applies date overrides: a day off, and extra hours', () => {
    const off = policy({ overrides: [{ date: '2026-01-05', off: true }] });
    expect(generateSlots(off, [], now, now, to, 30)).toEqual([]);
    const extra = policy({ overrides: [{ date: '2026-01-06', start: '14:00', end: '15:00' }] });
    expect(iso(generateSlots(extra, [], now, now, to, 50)).slice(-1)).toEqual([
      '2026-01-06T06:00:00.000Z',
    ]);
    const replaced = policy({
      overrides: [
        { date: '2026-01-05', off: true },
        { date: '2026-01-05', start: '16:00', end: '16:30' },
      ],
    });
    expect(iso(generateSlots(replaced, [], now, now, to, 30))).toEqual([
      '2026-01-05T08:00:00.000Z',
    ]);
  });

  it('follows the spring-forward change in Europe/London (2026-03-29)', () => {
    const london = policy({
      timeZone: 'Europe/London',
      weekly: [
        { weekday: 6, start: '09:00', end: '09:30' },
        { weekday: 7, start: '09:00', end: '09:30' },
      ],
      sessionMinutes: [30],
    });
    const from = d('2026-03-27T00:00:00Z');
    const slots = generateSlots(london, [], from, from, d('2026-03-30T00:00:00Z'), 30);
    // 09:00 GMT on Saturday, 09:00 BST (08:00Z) on Sunday.
    expect(iso(slots)).toEqual(['2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z']);
    // On the change night, 01:00–03:00 local is one real hour.
    const night = intervalsOn(
      { ...london, weekly: [{ weekday: 7, start: '01:00', end: '03:00' }] },
      '2026-03-29',
    );
    expect(night.map(([a, b]) => (b.getTime() - a.getTime()) / 60_000)).toEqual([60]);
  });

  it('follows the fall-back change in Europe/London (2026-10-25): 01:00–03:00 is three hours', () => {
    const london = policy({
      timeZone: 'Europe/London',
      weekly: [{ weekday: 7, start: '01:00', end: '03:00' }],
    });
    const [[a, b]] = intervalsOn(london, '2026-10-25');
    expect(a.toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(b.toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('follows the change in America/New_York (2026-03-08)', () => {
    const ny = policy({
      timeZone: 'America/New_York',
      weekly: [
        { weekday: 6, start: '09:00', end: '09:30' },
        { weekday: 7, start: '09:00', end: '09:30' },
      ],
      sessionMinutes: [30],
    });
    const from = d('2026-03-06T00:00:00Z');
    expect(iso(generateSlots(ny, [], from, from, d('2026-03-09T00:00:00Z'), 30))).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
    ]);
    expect(checkSlot(ny, [], from, d('2026-03-08T14:00:00Z'), 30)).toBe('outside');
    expect(checkSlot(ny, [], from, d('2026-03-08T13:00:00Z'), 30)).toBeNull();
  });

  it('every generated slot passes checkSlot, and none overlaps a booking with its buffer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 * 24 * 4 }), { maxLength: 6 }),
        fc.constantFrom(30, 50),
        fc.integer({ min: 0, max: 30 }),
        (starts, minutes, buffer) => {
          const p = policy({
            bufferMinutes: buffer,
            weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
            dailyMaximum: 20,
          });
          const bookings = starts.map((q) => {
            const s = new Date(now.getTime() + q * 15 * 60_000);
            return { startsAt: s, endsAt: new Date(s.getTime() + 30 * 60_000) };
          });
          for (const slot of generateSlots(p, bookings, now, now, to, minutes)) {
            expect(checkSlot(p, bookings, now, slot.startsAt, minutes)).toBeNull();
            for (const b of bookings) {
              const gap = buffer * 60_000;
              const clear =
                slot.endsAt.getTime() + gap <= b.startsAt.getTime() ||
                b.endsAt.getTime() + gap <= slot.startsAt.getTime();
              expect(clear).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stops at a limit with the same first slots as a full search, skipping what the caller drops', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
        (limit, starts) => {
          const p = policy({
            weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '10:30' })),
          });
          const later = d('2026-01-20T00:00:00Z');
          const bookings = starts.map((q) => {
            const s = new Date(now.getTime() + q * 15 * 60_000);
            return { startsAt: s, endsAt: new Date(s.getTime() + 30 * 60_000) };
          });
          const keep = (slot: { startsAt: Date }) => slot.startsAt.getUTCMinutes() !== 30;
          const full = generateSlots(p, bookings, now, now, later, 30).filter(keep);
          const limited = generateSlots(p, bookings, now, now, later, 30, { limit, keep });
          expect(limited).toEqual(full.slice(0, limit));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('local dates', () => {
  it('match luxon for any instant in zones with and without DST, across midnight and changes', () => {
    const zones = [
      'Asia/Shanghai',
      'Europe/London',
      'America/New_York',
      'Australia/Lord_Howe',
      'UTC',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const instant = new Date(ms);
          expect(localDateOf(instant, zone)).toBe(
            DateTime.fromJSDate(instant, { zone }).toISODate(),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
