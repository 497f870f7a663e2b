import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DEFAULT_LABOUR_RULES, workMinutesFor } from '../labour-rules';
import { buildGrid } from './planning-model';
import {
  agentPhoneMinutesAtMost,
  DayShiftChoice,
  phoneCapacityFrame,
  phoneMinutesOf,
  shiftLengths,
  weekPhoneMinutesAtMost,
} from './phone-capacity';

const RULES = DEFAULT_LABOUR_RULES; // shifts 4-9 h, 8 h work a day, 40 a week, 15 min rest per 2 h
const Z = 'Asia/Shanghai';
const OPEN_ALL_DAY = [840, 840, 840, 840, 840, 840, 840];
const lengths = (interval: number) => shiftLengths(RULES, interval);
/** A week whose days may each hold any length on the grid, up to each day's cap. */
const anyLength = (
  caps: number[],
  limits: { budgetMinutes: number; days: number },
  interval: number,
) =>
  weekPhoneMinutesAtMost(
    caps.map((capMinutes) => [{ shiftMinutes: lengths(interval), capMinutes }]),
    limits,
    RULES,
  );

describe('phone minutes of a day', () => {
  it('takes one paid 15-minute rest per full 2 hours worked out of the work', () => {
    expect(phoneMinutesOf(480, RULES)).toBe(420);
    expect(phoneMinutesOf(465, RULES)).toBe(420);
    expect(phoneMinutesOf(239, RULES)).toBe(224);
  });
});

describe('most phone minutes in a week', () => {
  it('holds a 40-hour contract to about 36 hours on the phones', () => {
    // Three 7¾-hour days (3 rests each), one of 5¾ and two of 5½ (2 rests each): 2,400 paid, 2,175 on
    // the phones.
    expect(anyLength(OPEN_ALL_DAY, { budgetMinutes: 2400, days: 6 }, 15)).toBe(2175);
    // On half hours: four 7½-hour days and two of 5 hours, 2,160.
    expect(anyLength(OPEN_ALL_DAY, { budgetMinutes: 2400, days: 6 }, 30)).toBe(2160);
    // Five days: five 8-hour days of 7 hours on the phones.
    expect(anyLength(OPEN_ALL_DAY, { budgetMinutes: 2400, days: 5 }, 30)).toBe(2100);
  });

  it('counts a day only as far as calls are asked for', () => {
    expect(anyLength([120, 0, 0, 0, 0, 0, 0], { budgetMinutes: 2400, days: 6 }, 15)).toBe(120);
    expect(anyLength([0, 0, 0], { budgetMinutes: 2400, days: 6 }, 15)).toBe(0);
  });

  it('gives nothing without a working day or hours left', () => {
    expect(anyLength(OPEN_ALL_DAY, { budgetMinutes: 2400, days: 0 }, 15)).toBe(0);
    // Less than the shortest shift's work left: no shift fits.
    expect(anyLength(OPEN_ALL_DAY, { budgetMinutes: 200, days: 6 }, 15)).toBe(0);
  });

  it('equals the best of every way to roster the week (brute force)', () => {
    const brute = (week: DayShiftChoice[][], budget: number, days: number): number => {
      let best = 0;
      const walk = (d: number, left: number, used: number, phone: number) => {
        if (d === week.length) {
          best = Math.max(best, phone);
          return;
        }
        walk(d + 1, left, used, phone); // a day off
        if (used === days) return;
        for (const choice of week[d])
          for (const shift of choice.shiftMinutes) {
            const work = workMinutesFor(shift, RULES);
            if (work <= 0 || work > RULES.maxDailyWorkMinutes || work > left) continue;
            const gain = Math.min(phoneMinutesOf(work, RULES), choice.capMinutes);
            walk(d + 1, left - work, used + 1, phone + gain);
          }
      };
      walk(0, budget, 0, 0);
      return best;
    };
    // Days of any length on the grid (no templates), or of a few template lengths each with its own reach.
    const gridDay = fc
      .tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom(30, 60))
      .map(([k, interval]) => [{ shiftMinutes: lengths(interval), capMinutes: k * 30 }]);
    const templateDay = fc.array(
      fc.record({
        shiftMinutes: fc.array(
          fc.integer({ min: 8, max: 18 }).map((k) => k * 30),
          { minLength: 1, maxLength: 2 },
        ),
        capMinutes: fc.integer({ min: 0, max: 20 }).map((k) => k * 30),
      }),
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(gridDay, templateDay), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 80 }).map((k) => k * 30),
        fc.integer({ min: 0, max: 4 }),
        (week, budget, days) =>
          weekPhoneMinutesAtMost(week, { budgetMinutes: budget, days }, RULES) ===
          brute(week, budget, days),
      ),
      { numRuns: 200 },
    );
  });
});

describe("an agent's phone minutes over a horizon", () => {
  // Wednesday 7 to Tuesday 13 January 2026: Wednesday-Sunday close week 0, Monday and Tuesday open week 1.
  const horizon = buildGrid('2026-01-07', 7, Z, 30);
  // 08:00-22:00 every day.
  const daytime = Array.from({ length: 7 }, (_, d) =>
    Array.from({ length: 28 }, (_, k) => d * 48 + 16 + k),
  ).flat();
  type Templates = Array<{ start: string; minutes: number }>;
  const frame = (templates?: Templates, demandIntervals = daytime) =>
    phoneCapacityFrame({ horizon, rules: RULES, timeZone: Z, demandIntervals, templates });
  const reach = (templates?: Templates) =>
    frame(templates).days.map((kinds) => kinds.map((k) => k.reach));
  const demand = reach().map(([only]) => only);
  const at = (date: string, time: string) =>
    DateTime.fromISO(`${date}T${time}`, { zone: Z }).toMillis();
  const phone = (extra: object, templates?: Templates, demandIntervals = daytime) =>
    agentPhoneMinutesAtMost(
      { agentId: 'a', dialects: [], ...extra },
      frame(templates, demandIntervals),
    );

  it('gives each local day the demand a shift starting that day can reach: its own, and the next morning up to the longest shift', () => {
    // 08:00-22:00, and the next day's 08:00-09:00 (a 9-hour shift from midnight); the last has no next.
    expect(demand.map((d) => d.length)).toEqual([30, 30, 30, 30, 30, 30, 28]);
    expect(demand[0][0]).toBe(at('2026-01-07', '08:00'));
    expect(demand[0].at(-1)).toBe(at('2026-01-08', '08:30'));
  });

  it("takes the week's earlier published shifts out of its hours and working days", () => {
    // Alone: week 0 has five days for 40 h (5 x 7 h on the phones), week 1 two days (2 x 7 h).
    expect(phone({})).toBe(2100 + 840);
    // Monday and Tuesday of week 0 already worked, 8 h each (a 9-hour shift with an hour's meal).
    const worked = ['2026-01-05', '2026-01-06'].map((date) => ({
      start: at(date, '09:00'),
      end: at(date, '18:00'),
      breaks: [{ start: at(date, '12:00'), end: at(date, '13:00'), kind: 'meal' }],
    }));
    // 24 h and 4 days left in week 0: a 7½-hour day (6¾ on the phones) and three of 5½ (5 each).
    expect(phone({ fixedShifts: worked })).toBe(405 + 3 * 300 + 840);
  });

  it('counts a published shift inside the horizon at its own phone time, and no second shift that day', () => {
    const inside = { start: at('2026-01-12', '08:00'), end: at('2026-01-12', '12:00') };
    // Monday: the published 4 hours (3½ on the phones); Tuesday: 7 h.
    expect(phone({ fixedShifts: [inside] })).toBe(2100 + 210 + 420);
  });

  it("holds to the team's shift templates when it has them: their lengths and start times", () => {
    // Six-hour shifts from 08:00 only (3 rests each, 5¼ h on the phones): five in week 0, two in week 1.
    expect(phone({}, [{ start: '08:00', minutes: 360 }])).toBe(7 * 315);
    // Each reaches the twelve half hours it spans, 08:00-14:00 that day, nothing the next morning.
    const [morning] = reach([{ start: '08:00', minutes: 360 }])[0];
    expect([morning.length, morning[0], morning.at(-1)]).toEqual([
      12,
      at('2026-01-07', '08:00'),
      at('2026-01-07', '13:30'),
    ]);
  });

  it('counts only the demand a template spans: an early shift does not reach the evening', () => {
    // Calls asked for 18:00-22:00 only.
    const evening = Array.from({ length: 7 }, (_, d) =>
      Array.from({ length: 8 }, (_, k) => d * 48 + 36 + k),
    ).flat();
    expect(phone({}, [{ start: '08:00', minutes: 360 }], evening)).toBe(0);
    // Without templates a shift may start late enough: 4½ hours from 17:45 or so is 4 h on the phones.
    expect(phone({}, undefined, evening)).toBe(7 * 240);
    // A 16:00 template spans 18:00-22:00 of its six hours: 4 of its 5¼ h on the phones count.
    expect(
      phone(
        {},
        [
          { start: '08:00', minutes: 360 },
          { start: '16:00', minutes: 360 },
        ],
        evening,
      ),
    ).toBe(7 * 240);
  });

  it('leaves out a template that would run past the horizon (the solver does not place it)', () => {
    // 20:00 for 8 hours on the last day ends after the horizon's last midnight.
    const late = reach([{ start: '20:00', minutes: 480 }]);
    expect(late.map((kinds) => kinds.length)).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });

  it('leaves out the hours the agent is unavailable', () => {
    const away = { start: at('2026-01-12', '00:00'), end: at('2026-01-14', '00:00') };
    expect(phone({ unavailable: [away] })).toBe(2100);
  });
});
