import fc from 'fast-check';
import { breakFits, breakWindows } from './break-windows';

const at = (iso: string) => new Date(iso);
// 2 Feb in UTC+8, not covered by a published schedule yet.
const DAY = {
  start: at('2026-02-01T16:00:00Z'),
  end: at('2026-02-02T16:00:00Z'),
  scheduled: false,
};

describe('break windows', () => {
  it('gives a day without shifts whole, with no end', () => {
    expect(breakWindows([DAY], [])).toEqual([
      { startsFrom: DAY.start, startsBefore: DAY.end, endsBy: null },
    ]);
  });

  it('gives a scheduled day without a shift (a day off) no window at all', () => {
    expect(breakWindows([{ ...DAY, scheduled: true }], [])).toEqual([]);
  });

  it('gives a day with shifts one window per shift, its starts kept inside the day', () => {
    const early = { startsAt: at('2026-02-01T14:00:00Z'), endsAt: at('2026-02-01T18:00:00Z') };
    const late = { startsAt: at('2026-02-02T14:00:00Z'), endsAt: at('2026-02-02T18:00:00Z') };
    expect(breakWindows([DAY], [late, early])).toEqual([
      { startsFrom: DAY.start, startsBefore: early.endsAt, endsBy: early.endsAt },
      { startsFrom: late.startsAt, startsBefore: DAY.end, endsBy: late.endsAt },
    ]);
  });

  it('takes a break inside a window, up to its edges, and nothing across them', () => {
    const shift = { startsAt: at('2026-02-02T01:00:00Z'), endsAt: at('2026-02-02T09:00:00Z') };
    const w = breakWindows([DAY], [shift]);
    const fits = (from: string, to: string) => breakFits(w, at(from), at(to));
    expect(fits('2026-02-02T01:00:00Z', '2026-02-02T01:15:00Z')).toBe(true);
    expect(fits('2026-02-02T08:45:00Z', '2026-02-02T09:00:00Z')).toBe(true);
    expect(fits('2026-02-02T08:50:00Z', '2026-02-02T09:05:00Z')).toBe(false);
    expect(fits('2026-02-02T00:50:00Z', '2026-02-02T01:05:00Z')).toBe(false);
    // Later the same local day, after the shift.
    expect(fits('2026-02-02T15:30:00Z', '2026-02-02T15:45:00Z')).toBe(false);
  });

  it('agrees with the rule in words: one shift that day holds the whole break, or the day is neither worked nor scheduled', () => {
    const hour = 3_600_000;
    const shiftArb = fc
      .tuple(fc.integer({ min: -12, max: 30 }), fc.integer({ min: 1, max: 12 }))
      .map(([from, hours]) => ({
        startsAt: new Date(DAY.start.getTime() + from * hour),
        endsAt: new Date(DAY.start.getTime() + (from + hours) * hour),
      }));
    fc.assert(
      fc.property(
        fc.array(shiftArb, { maxLength: 3 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 24 * 4 - 1 }),
        fc.integer({ min: 1, max: 8 }),
        (shifts, scheduled, quarter, quarters) => {
          const start = new Date(DAY.start.getTime() + quarter * 15 * 60_000);
          const end = new Date(start.getTime() + quarters * 15 * 60_000);
          const thatDay = shifts.filter((s) => s.startsAt < DAY.end && s.endsAt > DAY.start);
          const expected =
            (thatDay.length === 0 && !scheduled) ||
            thatDay.some((s) => s.startsAt <= start && end <= s.endsAt);
          return breakFits(breakWindows([{ ...DAY, scheduled }], shifts), start, end) === expected;
        },
      ),
      { numRuns: 500 },
    );
  });
});
