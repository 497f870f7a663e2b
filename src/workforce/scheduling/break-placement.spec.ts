import fc from 'fast-check';
import { placeBreaks, SlackGrid } from './break-placement';
import { DEFAULT_LABOUR_RULES } from './labour-rules';
import { checkShifts } from './rule-checker';

const rules = DEFAULT_LABOUR_RULES;
const zone = 'Asia/Shanghai';
const MIN = 60_000;
const day0 = Date.parse('2026-01-05T00:00:00+08:00');
const emptyGrid = (intervalMinutes = 30): SlackGrid => ({
  start: day0,
  intervalMinutes,
  total: [],
  byDialect: new Map(),
});

describe('break placement', () => {
  it('gives every shift of 4-9 h its meal and floor(worked / 2 h) rest breaks, rule-checked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 16, max: 36 }),
        fc.constantFrom(15, 30, 60),
        (startHour, quarters, iv) => {
          const start = day0 + startHour * 60 * MIN;
          const end = start + quarters * 15 * MIN;
          const [breaks] = placeBreaks([{ start, end, dialects: [] }], emptyGrid(iv), rules);
          const len = quarters * 15;
          const meal = breaks.filter((b) => b.kind === 'meal');
          expect(meal).toHaveLength(len > rules.mealBreakAfterShiftMinutes ? 1 : 0);
          const worked = len - meal.reduce((s, b) => s + (b.end - b.start) / MIN, 0);
          const rests = breaks.filter((b) => b.kind === 'rest');
          expect(rests).toHaveLength(Math.floor(worked / 120));
          // Spread: clear of the shift's ends and of each other (meal included) by 30 min.
          for (const r of rests) {
            expect(r.start - start).toBeGreaterThanOrEqual(30 * MIN);
            expect(end - r.end).toBeGreaterThanOrEqual(30 * MIN);
          }
          for (let i = 1; i < breaks.length; i++)
            expect(breaks[i].start - breaks[i - 1].end).toBeGreaterThanOrEqual(30 * MIN);
          expect(
            checkShifts([{ agentId: 'a', start, end, breaks }], { rules, timeZone: zone }),
          ).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('spreads an 8-hour shift: rests in proportion to the work before and after the meal', () => {
    const start = day0 + 9 * 60 * MIN;
    const [breaks] = placeBreaks(
      [{ start, end: start + 8 * 60 * MIN, dialects: [] }],
      emptyGrid(),
      rules,
    );
    const offsets = breaks.map((b) => [(b.start - start) / MIN, b.kind]);
    // 450 min worked → 3 rests; the 30-min meal mid-window (4 h in) splits the work 240 / 210, so two
    // rests go before it (at thirds) and one after (halfway).
    expect(offsets).toEqual([
      [75, 'rest'],
      [150, 'rest'],
      [240, 'meal'],
      [375, 'rest'],
    ]);
  });

  it('keeps each break inside one coverage interval and puts it where slack is largest', () => {
    const start = day0 + 8 * 60 * MIN;
    const end = start + 4 * 60 * MIN; // 08:00-12:00: two rest breaks
    // Slack per 30-min interval of the day: plenty at 09:00 and 10:30, none elsewhere.
    const total = new Array<number>(48).fill(0);
    total[18] = 3; // 09:00
    total[21] = 2; // 10:30
    const grid: SlackGrid = { start: day0, intervalMinutes: 30, total, byDialect: new Map() };
    const [breaks] = placeBreaks([{ start, end, dialects: [] }], grid, rules);
    const intervalOf = (t: number) => Math.floor((t - day0) / (30 * MIN));
    expect(breaks.map((b) => [intervalOf(b.start), intervalOf(b.end - 1)])).toEqual([
      [18, 18],
      [21, 21],
    ]);
    // The slack was taken in whole agents.
    expect(grid.total[18]).toBe(2);
    expect(grid.total[21]).toBe(1);
    // Dialect slack counts too: yue is short at 09:00, so the first break moves.
    const yue = new Array<number>(48).fill(5);
    yue[18] = 0;
    const grid2: SlackGrid = {
      start: day0,
      intervalMinutes: 30,
      total: [...total],
      byDialect: new Map([['yue', yue]]),
    };
    const [withYue] = placeBreaks([{ start, end, dialects: ['yue'] }], grid2, rules);
    expect(withYue[0].start).not.toBe(Date.parse('2026-01-05T01:00:00.000Z'));
    for (const b of withYue)
      expect(Math.floor((b.start - day0) / (30 * MIN))).toBe(
        Math.floor((b.end - 1 - day0) / (30 * MIN)),
      );
  });

  it('re-placing breaks never leaves more shortage than the first greedy round, and keeps the rules', () => {
    const shortage = (g: SlackGrid) => g.total.reduce((s, x) => s + Math.max(0, -x), 0);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            hour: fc.integer({ min: 6, max: 14 }),
            quarters: fc.integer({ min: 16, max: 36 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 48, maxLength: 48 }),
        (specs, required) => {
          const shifts = specs.map(({ hour, quarters }) => {
            const start = day0 + hour * 60 * MIN;
            return { start, end: start + quarters * 15 * MIN, dialects: [] };
          });
          // Slack before breaks: agents whose shift covers the whole interval − required.
          const slack = required.map((r, i) => {
            const from = day0 + i * 30 * MIN;
            return shifts.filter((s) => s.start <= from && from + 30 * MIN <= s.end).length - r;
          });
          const gridOf = (): SlackGrid => ({
            start: day0,
            intervalMinutes: 30,
            total: [...slack],
            byDialect: new Map(),
          });
          const once = gridOf();
          placeBreaks(shifts, once, rules);
          const again = gridOf();
          const breaks = placeBreaks(shifts, again, rules, 4);
          expect(shortage(again)).toBeLessThanOrEqual(shortage(once));
          // The grid left behind is the slack net of the breaks returned.
          const net = slack.map(
            (x, i) =>
              x -
              breaks.filter((bs) =>
                bs.some((b) => b.start < day0 + (i + 1) * 30 * MIN && b.end > day0 + i * 30 * MIN),
              ).length,
          );
          expect(again.total).toEqual(net);
          const checked = shifts.map((s, k) => ({ agentId: `a${k}`, ...s, breaks: breaks[k] }));
          expect(checkShifts(checked, { rules, timeZone: zone })).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
