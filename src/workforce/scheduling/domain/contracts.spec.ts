import fc from 'fast-check';
import { DateTime } from 'luxon';
import { preferenceReport, trimToContracts } from './contracts';

const Z = 'Asia/Shanghai';
const H = 3_600_000;
// Monday 5 Jan 2026, 00:00 local.
const MONDAY = DateTime.fromISO('2026-01-05', { zone: Z }).toMillis();

const shift = (agentId: string, day: number, startHour: number, hours: number) => ({
  agentId,
  start: MONDAY + day * 24 * H + startHour * H,
  end: MONDAY + day * 24 * H + (startHour + hours) * H,
  workMinutes: hours * 60,
});

describe('contracts', () => {
  it('drops the latest shifts of a week beyond the contract maximum, nobody else’s', () => {
    const shifts = [0, 1, 2, 3, 4]
      .map((d) => shift('part', d, 9, 8))
      .concat([shift('full', 0, 9, 8)]);
    const { kept, dropped } = trimToContracts(
      shifts,
      [
        { agentId: 'part', dialects: [], maxWeeklyMinutes: 24 * 60 },
        { agentId: 'full', dialects: [] },
      ],
      Z,
    );
    expect(dropped.map((s) => s.start)).toEqual([shifts[4].start, shifts[3].start]);
    expect(kept).toHaveLength(4);
  });

  it('counts published shifts of the same week', () => {
    const week = DateTime.fromMillis(MONDAY, { zone: Z }).toISODate();
    const { dropped } = trimToContracts(
      [shift('part', 2, 9, 8)],
      [{ agentId: 'part', dialects: [], maxWeeklyMinutes: 16 * 60 }],
      Z,
      new Map([[`part|${week}`, 12 * 60]]),
    );
    expect(dropped).toHaveLength(1);
  });

  it('property: after trimming, every agent week is within its contract and only over-limit weeks lose shifts', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            agent: fc.integer({ min: 0, max: 3 }),
            day: fc.integer({ min: 0, max: 13 }),
            hours: fc.integer({ min: 4, max: 9 }),
          }),
          { maxLength: 40 },
        ),
        fc.array(fc.integer({ min: 8, max: 48 }), { minLength: 4, maxLength: 4 }),
        (raw, maxima) => {
          const shifts = raw.map((r) => shift(`a${r.agent}`, r.day, 8, r.hours));
          const agents = maxima.map((m, k) => ({
            agentId: `a${k}`,
            dialects: [],
            maxWeeklyMinutes: m * 60,
          }));
          const { kept, dropped } = trimToContracts(shifts, agents, Z);
          expect(kept.length + dropped.length).toBe(shifts.length);
          const perWeek = new Map<string, number>();
          for (const s of kept) {
            const key = `${s.agentId}|${Math.floor((s.start - MONDAY) / (7 * 24 * H))}`;
            perWeek.set(key, (perWeek.get(key) ?? 0) + s.workMinutes);
          }
          for (const [key, minutes] of perWeek) {
            const k = Number(key.split('|')[0].slice(1));
            expect(minutes).toBeLessThanOrEqual(maxima[k] * 60);
          }
        },
      ),
    );
  });
});

describe('preference report', () => {
  it('counts starts outside the window, shifts on preferred days off, extra start times and spreads', () => {
    const agents = [
      {
        agentId: 'a',
        dialects: [],
        preferredStartWindow: { earliest: '08:00', latest: '10:00' },
        preferredDaysOff: [6, 7],
      },
      { agentId: 'b', dialects: [] },
    ];
    const shifts = [
      shift('a', 0, 9, 8), // Monday 09:00, inside the window
      shift('a', 5, 14, 8), // Saturday 14:00: outside the window, on a day off, evening, weekend
      shift('b', 1, 7, 8),
      shift('b', 2, 7, 8),
    ];
    expect(preferenceReport(shifts, agents, Z)).toEqual({
      shiftsOutsideStartWindow: 1,
      shiftsOnPreferredDaysOff: 1,
      // a starts at 09:00 and 14:00 in one week; b always at 07:00.
      extraStartTimes: 1,
      eveningSpread: 1,
      weekendSpread: 1,
    });
  });
});
