import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DEFAULT_LABOUR_RULES, workMinutesFor } from '../labour-rules';
import { buildGrid } from './planning-model';
import {
  agentPhoneMinutesAtMost,
  phoneCapacityFrame,
  phoneMinutesOf,
  shiftLengths,
  weekPhoneMinutesAtMost,
} from './phone-capacity';

const RULES = DEFAULT_LABOUR_RULES; // shifts 4-9 h, 8 h work a day, 40 a week, 15 min rest per 2 h
const Z = 'Asia/Shanghai';
const OPEN_ALL_DAY = [840, 840, 840, 840, 840, 840, 840];
const lengths = (interval: number) => shiftLengths(RULES, interval);

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
    expect(
      weekPhoneMinutesAtMost(OPEN_ALL_DAY, { budgetMinutes: 2400, days: 6 }, RULES, lengths(15)),
    ).toBe(2175);
    // On half hours: four 7½-hour days and two of 5 hours, 2,160.
    expect(
      weekPhoneMinutesAtMost(OPEN_ALL_DAY, { budgetMinutes: 2400, days: 6 }, RULES, lengths(30)),
    ).toBe(2160);
    // Five days: five 8-hour days of 7 hours on the phones.
    expect(
      weekPhoneMinutesAtMost(OPEN_ALL_DAY, { budgetMinutes: 2400, days: 5 }, RULES, lengths(30)),
    ).toBe(2100);
  });

  it('counts a day only as far as calls are asked for', () => {
    expect(
      weekPhoneMinutesAtMost(
        [120, 0, 0, 0, 0, 0, 0],
        { budgetMinutes: 2400, days: 6 },
        RULES,
        lengths(15),
      ),
    ).toBe(120);
    expect(
      weekPhoneMinutesAtMost([0, 0, 0], { budgetMinutes: 2400, days: 6 }, RULES, lengths(15)),
    ).toBe(0);
  });

  it('gives nothing without a working day or hours left', () => {
    expect(
      weekPhoneMinutesAtMost(OPEN_ALL_DAY, { budgetMinutes: 2400, days: 0 }, RULES, lengths(15)),
    ).toBe(0);
    // Less than the shortest shift's work left: no shift fits.
    expect(
      weekPhoneMinutesAtMost(OPEN_ALL_DAY, { budgetMinutes: 200, days: 6 }, RULES, lengths(15)),
    ).toBe(0);
  });

  it('equals the best of every way to roster the week (brute force)', () => {
    const works = (interval: number) => {
      const out = new Set<number>();
      for (let s = 240; s <= RULES.maxShiftMinutes; s += interval) {
        const w = workMinutesFor(s, RULES);
        if (w <= RULES.maxDailyWorkMinutes) out.add(w);
      }
      return [0, ...out];
    };
    const brute = (caps: number[], budget: number, days: number, interval: number): number => {
      const choices = works(interval);
      let best = 0;
      const walk = (d: number, left: number, used: number, phone: number) => {
        if (d === caps.length) {
          best = Math.max(best, phone);
          return;
        }
        for (const w of choices) {
          if (w > left || (w > 0 && (used === days || caps[d] <= 0))) continue;
          const gain = w > 0 ? Math.min(phoneMinutesOf(w, RULES), caps[d]) : 0;
          walk(d + 1, left - w, used + (w > 0 ? 1 : 0), phone + gain);
        }
      };
      walk(0, budget, 0, 0);
      return best;
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: 0, max: 20 }).map((k) => k * 30),
          { minLength: 1, maxLength: 4 },
        ),
        fc.integer({ min: 0, max: 80 }).map((k) => k * 30),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(30, 60),
        (caps, budget, days, interval) =>
          weekPhoneMinutesAtMost(
            caps,
            { budgetMinutes: budget, days },
            RULES,
            lengths(interval),
          ) === brute(caps, budget, days, interval),
      ),
      { numRuns: 150 },
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
  const frame = (templates?: Array<{ minutes: number }>) =>
    phoneCapacityFrame({ horizon, rules: RULES, timeZone: Z, demandIntervals: daytime, templates });
  const { demand } = frame();
  const at = (date: string, time: string) =>
    DateTime.fromISO(`${date}T${time}`, { zone: Z }).toMillis();
  const phone = (extra: object, templates?: Array<{ minutes: number }>) =>
    agentPhoneMinutesAtMost({ agentId: 'a', dialects: [], ...extra }, frame(templates));

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

  it("holds to the team's shift templates when it has them", () => {
    // Six-hour shifts only (3 rests each, 5¼ h on the phones): five in week 0, two in week 1.
    expect(phone({}, [{ minutes: 360 }])).toBe(7 * 315);
    // A 6-hour shift reaches only 06:00 the next morning: no next-day demand.
    expect(frame([{ minutes: 360 }]).demand.map((d) => d.length)).toEqual([
      28, 28, 28, 28, 28, 28, 28,
    ]);
  });

  it('leaves out the hours the agent is unavailable', () => {
    const away = { start: at('2026-01-12', '00:00'), end: at('2026-01-14', '00:00') };
    expect(phone({ unavailable: [away] })).toBe(2100);
  });
});
