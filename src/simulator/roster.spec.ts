import fc from 'fast-check';
import { dailyCurve } from './arrivals';
import {
  dayForecast,
  minShiftMinutesFor,
  extraAgentShift,
  paidMinutes,
  playingWindow,
  presenceSteps,
  REST_BREAK_REASON,
  rosteredDays,
  RosterShift,
} from './roster';

const H = 3_600_000;
const M = 60_000;
const shift = (
  agentIndex: number,
  start: number,
  hours: number,
  breaks: RosterShift['breaks'] = [],
) => ({
  agentIndex,
  startMs: start,
  endMs: start + hours * H,
  breaks,
});

describe('roster', () => {
  it('an agent logs on at the start, is not ready on rest breaks, logs off for lunch and at the end', () => {
    const s = shift(3, 8 * H, 8.5, [
      { startMs: 10 * H, endMs: 10 * H + 15 * M, kind: 'rest' },
      { startMs: 12 * H, endMs: 12.5 * H, kind: 'meal' },
      { startMs: 14 * H, endMs: 14 * H + 15 * M, kind: 'rest' },
    ]);
    expect(presenceSteps(s, 8 * H - 30_000)).toEqual([
      { atMs: 8 * H - 30_000, state: 'available' },
      { atMs: 10 * H, state: 'not_ready', reason: REST_BREAK_REASON },
      { atMs: 10 * H + 15 * M, state: 'available' },
      { atMs: 12 * H, state: 'offline' },
      { atMs: 12.5 * H, state: 'available' },
      { atMs: 14 * H, state: 'not_ready', reason: REST_BREAK_REASON },
      { atMs: 14 * H + 15 * M, state: 'available' },
      { atMs: 16.5 * H, state: 'offline' },
    ]);
    expect(paidMinutes(s)).toBe(8 * 60);
  });

  it('steps are in time order, start available and end offline, whatever order the breaks come in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 460 }), fc.boolean()), { maxLength: 4 }),
        (raw) => {
          const breaks = raw.map(([m, meal]) => ({
            startMs: 8 * H + m * M,
            endMs: 8 * H + (m + (meal ? 30 : 15)) * M,
            kind: meal ? ('meal' as const) : ('rest' as const),
          }));
          const steps = presenceSteps(shift(0, 8 * H, 8, breaks));
          expect(steps[0].state).toBe('available');
          expect(steps[steps.length - 1]).toEqual({ atMs: 16 * H, state: 'offline' });
          for (let i = 1; i < steps.length; i++)
            expect(steps[i].atMs).toBeGreaterThanOrEqual(steps[i - 1].atMs);
        },
      ),
    );
  });

  it('plays the day over the opening hours widened to every shift', () => {
    expect(playingWindow(9 * H, 17 * H, [])).toEqual({ startMs: 9 * H, endMs: 17 * H });
    expect(playingWindow(9 * H, 17 * H, [shift(0, 8 * H, 8), shift(1, 10 * H, 9)])).toEqual({
      startMs: 8 * H,
      endMs: 19 * H,
    });
  });

  it("the forecast adds up to the day's calls and follows the daily curve", () => {
    const f = dayForecast(Date.UTC(2026, 0, 5, 1), 8, 30, 1000, 255);
    expect(f).toHaveLength(16);
    expect(f[0]).toMatchObject({ start: '2026-01-05T01:00:00.000Z', ahtSeconds: 255 });
    expect(f.reduce((s, x) => s + x.calls, 0)).toBeCloseTo(1000, -1);
    const peak = f.reduce((best, x, i) => (x.calls > f[best].calls ? i : best), 0);
    // The morning peak of the curve (28% into the day) falls in the interval with the most calls.
    expect(Math.floor(0.28 * 16)).toBe(peak);
    expect(f[peak].calls / (1000 / 16)).toBeCloseTo(dailyCurve((peak + 0.5) / 16), 1);
  });

  it("an extra agent copies one of the roster's shifts, the same one however many are asked for", () => {
    const roster = [
      shift(0, 8 * H, 8),
      shift(1, 9 * H, 8),
      shift(2, 12 * H, 6),
      shift(3, 13 * H, 4),
    ];
    const copies = Array.from({ length: 8 }, (_, j) => extraAgentShift(roster, j, 100 + j)!);
    copies.forEach((c, j) => {
      expect(c.agentIndex).toBe(100 + j);
      expect(roster.some((r) => r.startMs === c.startMs && r.endMs === c.endMs)).toBe(true);
    });
    // The first four copies cover four different shifts (spread, not the first one four times).
    expect(new Set(copies.slice(0, 4).map((c) => c.startMs)).size).toBeGreaterThanOrEqual(3);
    expect(extraAgentShift([], 0, 5)).toBeNull();
  });

  it('a rostered day is played over its shifts, the calls keeping their clock time', () => {
    const day = {
      startMs: 9 * H,
      endMs: 17 * H,
      calls: [{ arrivalMs: 60_000 } as never],
    };
    const next = { ...day, startMs: 33 * H, endMs: 41 * H };
    const shifts = [shift(0, 8 * H, 8), shift(1, 10 * H, 8.5), shift(0, 32 * H, 8)];
    const [one, two] = rosteredDays([day, next], shifts, [7]);
    expect(one).toMatchObject({ startMs: 8 * H, endMs: 18.5 * H });
    expect(one.calls[0].arrivalMs + one.startMs).toBe(9 * H + 60_000);
    expect(one.roster!.map((s) => s.agentIndex)).toEqual([0, 1, 7]);
    expect(two.roster!.filter((s) => s.agentIndex === 0)).toEqual([shift(0, 32 * H, 8)]);
    expect(two).toMatchObject({ startMs: 32 * H, endMs: 41 * H });
  });

  it('keeps 4-hour shifts on a full day and allows shifts an hour shorter than a short one', () => {
    expect(minShiftMinutesFor(8)).toBe(240);
    expect(minShiftMinutesFor(5)).toBe(240);
    expect(minShiftMinutesFor(3)).toBe(120);
    expect(minShiftMinutesFor(1)).toBe(60);
  });
});
