import { describe, expect, it } from 'vitest';
import {
  coverageByDialect,
  dayIndexOf,
  dropTimes,
  gridWindow,
  horizonDays,
  layoutBars,
  shortOf,
  staffingLines,
} from './planner-model';

const ZONE = 'Asia/Shanghai';
const shift = (id: string, agentId: string, from: string, to: string, breaks: string[][] = []) => ({
  id,
  agentId,
  startsAt: from,
  endsAt: to,
  breaks: breaks.map(([a, b, kind]) => ({ startsAt: a, endsAt: b, kind })),
});

describe('planner model', () => {
  const days = horizonDays('2026-01-06', 2, ZONE);

  it('lays days out from local midnight in the site zone', () => {
    expect(days.map((d) => [d.date, new Date(d.start).toISOString()])).toEqual([
      ['2026-01-06', '2026-01-05T16:00:00.000Z'],
      ['2026-01-07', '2026-01-06T16:00:00.000Z'],
    ]);
    expect(dayIndexOf(days, Date.parse('2026-01-06T15:59:59Z'))).toBe(0);
    expect(dayIndexOf(days, Date.parse('2026-01-06T16:00:00Z'))).toBe(1);
    expect(dayIndexOf(days, Date.parse('2026-01-08T00:00:00Z'))).toBe(-1);
    // A DST day in Berlin has 23 hours.
    const berlin = horizonDays('2026-03-29', 1, 'Europe/Berlin');
    expect((berlin[0].end - berlin[0].start) / 3_600_000).toBe(23);
  });

  it('shows the hours shifts use, an hour to spare each side, and places bars and breaks', () => {
    // 08:00-14:00 and 14:00-20:00 local.
    const shifts = [
      shift('a', 'x', '2026-01-06T00:00:00Z', '2026-01-06T06:00:00Z', [
        ['2026-01-06T02:00:00Z', '2026-01-06T02:15:00Z', 'rest'],
      ]),
      shift('b', 'y', '2026-01-07T06:00:00Z', '2026-01-07T12:00:00Z'),
    ];
    const window = gridWindow(shifts, days);
    expect(window).toEqual({ from: 7 * 60, to: 21 * 60 });
    const bars = layoutBars(shifts, days, window);
    expect(bars.get('x')).toEqual([
      {
        shiftId: 'a',
        day: 0,
        left: 60,
        width: 360,
        breaks: [{ left: 120, width: 15, kind: 'rest' }],
      },
    ]);
    expect(bars.get('y')![0]).toMatchObject({ day: 1, left: 7 * 60, width: 360 });
    expect(gridWindow([], days)).toEqual({ from: 360, to: 1320 });
  });

  it('lands a dropped shift on the interval under its left edge, keeping its length', () => {
    const window = { from: 7 * 60, to: 21 * 60 }; // 14 h in 140 px: 10 px an hour
    const drop = (x: number) => {
      const r = dropTimes({
        x,
        dayWidth: 140,
        days,
        window,
        intervalMinutes: 30,
        lengthMinutes: 360,
      });
      return [new Date(r.start).toISOString(), (r.end - r.start) / 60_000];
    };
    expect(drop(10)).toEqual(['2026-01-06T00:00:00.000Z', 360]); // 08:00 local
    expect(drop(17)).toEqual(['2026-01-06T00:30:00.000Z', 360]); // 08:42 snaps to 08:30
    expect(drop(140 + 25)).toEqual(['2026-01-07T01:30:00.000Z', 360]); // the next day, 09:30
    expect(drop(-50)).toEqual(['2026-01-05T23:00:00.000Z', 360]); // clamped to the window
    expect(drop(5000)[0]).toBe('2026-01-07T13:00:00.000Z'); // the last day's window end
  });

  it("states the busiest interval against the team's headcount, per dialect", () => {
    const rows = [
      { start: '2026-01-06T00:00:00Z', agents: 3 },
      { start: '2026-01-06T00:30:00Z', agents: 7 },
      { start: '2026-01-06T01:00:00Z', agents: 6 },
      { start: '2026-01-06T00:30:00Z', dialect: 'yue', agents: 2 },
    ];
    const lines = staffingLines(rows, 30, (d) => (d === 'yue' ? 3 : 5));
    expect(lines).toEqual([
      {
        dialect: '',
        peakRequired: 7,
        peakAt: '2026-01-06T00:30:00Z',
        headcount: 5,
        shortBy: 2,
        shortIntervals: 2,
        requiredAgentHours: 8,
      },
      {
        dialect: 'yue',
        peakRequired: 2,
        peakAt: '2026-01-06T00:30:00Z',
        headcount: 3,
        shortBy: 0,
        shortIntervals: 0,
        requiredAgentHours: 1,
      },
    ]);
  });

  it('groups coverage by dialect in time order and counts what is short', () => {
    const byDialect = coverageByDialect([
      { start: '2026-01-06T00:30:00Z', required: 2, scheduled: 1 },
      { start: '2026-01-06T00:00:00Z', required: 2, scheduled: 2 },
      { start: '2026-01-06T00:00:00Z', dialect: 'yue', required: 1, scheduled: 0 },
    ]);
    expect([...byDialect.keys()]).toEqual(['', 'yue']);
    expect(byDialect.get('')!.map((p) => p.scheduled)).toEqual([2, 1]);
    expect(shortOf(byDialect.get('')!)).toEqual({
      intervals: 2,
      shortIntervals: 1,
      shortAgentIntervals: 1,
    });
  });
});
