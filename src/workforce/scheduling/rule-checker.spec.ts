import { DEFAULT_LABOUR_RULES } from './labour-rules';
import { CheckedShift, checkShifts, countCoverage } from './rule-checker';

const zone = 'Asia/Shanghai';
const rules = DEFAULT_LABOUR_RULES;
/** Local (UTC+8) time on January 2026 day `d` at hh:mm. */
const at = (d: number, hhmm: string) =>
  Date.parse(`2026-01-${String(d).padStart(2, '0')}T${hhmm}:00+08:00`);

/**
 * A compliant shift (default 09:00-17:00 local): a 30-min meal 3.5 h in when over 6 h, and one 15-min rest
 * break per full 2 h worked (meal not worked), spread over the worked time.
 */
function day(d: number, agentId = 'a', from = '09:00', to = '17:00'): CheckedShift {
  const start = at(d, from);
  const end = at(d, to);
  const len = (end - start) / 60_000;
  const meal = len > 360 ? 30 : 0;
  const breaks: CheckedShift['breaks'] = meal
    ? [{ start: start + 210 * 60_000, end: start + 240 * 60_000, kind: 'meal' }]
    : [];
  const n = Math.floor((len - meal) / 120);
  for (let k = 1; k <= n; k++) {
    const w = Math.round(((len - meal) * k) / (n + 1) / 15) * 15;
    const offset = meal && w >= 210 ? w + meal : w;
    breaks.push({
      start: start + offset * 60_000,
      end: start + (offset + 15) * 60_000,
      kind: 'rest',
    });
  }
  return { agentId, start, end, breaks };
}

const rulesOf = (shifts: CheckedShift[], extra = {}) =>
  checkShifts(shifts, { rules, timeZone: zone, ...extra }).map((v) => v.rule);

describe('rule checker', () => {
  it('accepts a compliant five-day week', () => {
    expect(rulesOf([5, 6, 7, 8, 9].map((d) => day(d)))).toEqual([]);
  });

  it('finds too little rest between shifts', () => {
    expect(rulesOf([day(5, 'a', '13:00', '21:00'), day(6, 'a', '07:00', '15:00')])).toContain(
      'REST_BETWEEN_SHIFTS',
    );
    expect(rulesOf([day(5, 'a', '13:00', '21:00'), day(6, 'a', '08:00', '16:00')])).toEqual([]);
  });

  it('finds overlaps, shift length and daily hours', () => {
    expect(rulesOf([day(5), day(5, 'a', '16:00', '20:00')])).toEqual(
      expect.arrayContaining(['OVERLAP']),
    );
    expect(
      rulesOf([{ agentId: 'a', start: at(5, '09:00'), end: at(5, '12:00'), breaks: [] }]),
    ).toContain('SHIFT_LENGTH');
    // Two compliant shifts on one day add up to more than 8 h of work.
    expect(rulesOf([day(5, 'a', '06:00', '10:00'), day(5, 'a', '12:00', '18:00')])).toContain(
      'DAILY_HOURS',
    );
  });

  it('finds weekly hours, missing days off and too many consecutive days', () => {
    const sixDays = [5, 6, 7, 8, 9, 10].map((d) => day(d, 'a', '09:00', '16:30'));
    expect(rulesOf(sixDays)).toEqual(expect.arrayContaining(['WEEKLY_HOURS']));
    const sevenDays = [5, 6, 7, 8, 9, 10, 11].map((d) => day(d, 'a', '09:00', '13:00'));
    expect(rulesOf(sevenDays)).toEqual(expect.arrayContaining(['DAYS_OFF', 'CONSECUTIVE_DAYS']));
    // Seven in a row across two calendar weeks: days off are fine, consecutive days are not.
    const acrossWeeks = [8, 9, 10, 11, 12, 13, 14].map((d) => day(d, 'a', '09:00', '13:00'));
    const found = rulesOf(acrossWeeks);
    expect(found).toContain('CONSECUTIVE_DAYS');
    expect(found).not.toContain('DAYS_OFF');
  });

  it('checks meal and rest breaks', () => {
    const noMeal = { ...day(5), breaks: day(5).breaks.filter((b) => b.kind !== 'meal') };
    expect(rulesOf([noMeal])).toEqual(expect.arrayContaining(['MEAL_BREAK']));
    const lateMeal = day(5);
    lateMeal.breaks = [
      { start: lateMeal.start + 105 * 60_000, end: lateMeal.start + 120 * 60_000, kind: 'rest' },
      { start: lateMeal.start + 225 * 60_000, end: lateMeal.start + 240 * 60_000, kind: 'rest' },
      { start: lateMeal.start + 330 * 60_000, end: lateMeal.start + 360 * 60_000, kind: 'meal' },
    ];
    expect(rulesOf([lateMeal])).toContain('MEAL_BREAK');
    const noRest = { ...day(5), breaks: day(5).breaks.filter((b) => b.kind !== 'rest') };
    expect(rulesOf([noRest])).toContain('REST_BREAK');
  });

  it('owes one 15-min rest break per full 2 h worked, the meal not counting as work', () => {
    // 8 h with a 30-min meal: 450 min worked → 3 rest breaks; two are not enough.
    const eight = day(5);
    expect(eight.breaks.filter((b) => b.kind === 'rest')).toHaveLength(3);
    expect(rulesOf([eight])).toEqual([]);
    const twoRests = { ...eight, breaks: eight.breaks.filter((_b, i) => i !== 1) };
    const found = checkShifts([twoRests], { rules, timeZone: zone });
    expect(found.map((v) => v.rule)).toEqual(['REST_BREAK']);
    expect(found[0].message).toContain('450 min worked');
    // 6 h, no meal: 360 min → 3; 5 h 59: 359 min → 2; 4 h → 2.
    expect(day(5, 'a', '09:00', '15:00').breaks).toHaveLength(3);
    const short = day(5, 'a', '09:00', '13:00');
    expect(short.breaks).toHaveLength(2);
    expect(rulesOf([short])).toEqual([]);
    expect(rulesOf([{ ...short, breaks: short.breaks.slice(0, 1) }])).toEqual(['REST_BREAK']);
    // 6 h 30 with a 30-min meal: 360 min worked → 3 rests (the meal does not count).
    const withMeal = day(5, 'a', '09:00', '15:30');
    expect(withMeal.breaks.filter((b) => b.kind === 'rest')).toHaveLength(3);
    expect(rulesOf([{ ...withMeal, breaks: withMeal.breaks.slice(0, 3) }])).toEqual(['REST_BREAK']);
    // A rest break over the meal is refused, and a rest break shorter than 15 min.
    const overMeal = day(5);
    overMeal.breaks[1] = {
      start: overMeal.start + 215 * 60_000,
      end: overMeal.start + 230 * 60_000,
      kind: 'rest',
    };
    expect(rulesOf([overMeal])).toContain('REST_BREAK');
    const tiny = day(5);
    const r = tiny.breaks.findIndex((b) => b.kind === 'rest');
    tiny.breaks[r] = { ...tiny.breaks[r], end: tiny.breaks[r].start + 10 * 60_000 };
    expect(rulesOf([tiny])).toContain('REST_BREAK');
    // The figures are settings: one rest per 3 h worked.
    expect(
      checkShifts([{ ...short, breaks: [] }], {
        rules: { ...rules, restBreakPerWorkedMinutes: 241 },
        timeZone: zone,
      }),
    ).toEqual([]);
  });

  it("finds a week beyond the agent's contract maximum (part-time), only for that agent", () => {
    const week = [5, 6, 7].map((d) => day(d)); // 3 × 7.5 h paid = 1,350 min
    const contract = { contractMaxWeeklyMinutes: new Map([['a', 20 * 60]]) };
    expect(rulesOf(week, contract)).toEqual(['CONTRACT_HOURS']);
    expect(rulesOf(week.slice(0, 2), contract)).toEqual([]);
    expect(
      rulesOf(
        week.map((s) => ({ ...s, agentId: 'b' })),
        contract,
      ),
    ).toEqual([]);
  });

  it('finds shifts during time off or unavailability', () => {
    const blocked = new Map([
      ['a', [{ start: at(6, '00:00'), end: at(7, '00:00'), reason: 'time_off' }]],
      ['b', [{ start: at(5, '15:00'), end: at(5, '18:00'), reason: 'unavailable' }]],
    ]);
    expect(rulesOf([day(5), day(6)], { blocked })).toEqual(['TIME_OFF']);
    expect(rulesOf([day(5, 'b')], { blocked })).toEqual(['UNAVAILABLE']);
  });

  it('counts coverage in whole agents: the whole interval worked and no break in it', () => {
    const shift = day(5); // 09:00-17:00: rest 11:00, meal 12:30-13:00, rest 13:15, rest 15:15
    const dialectsOf = new Map([
      ['a', ['cmn', 'yue']],
      ['b', ['cmn']],
    ]);
    const other = { ...day(5, 'b', '09:30', '13:30'), breaks: [] };
    const rows = [
      { start: at(5, '09:00'), dialect: null },
      { start: at(5, '09:30'), dialect: null },
      { start: at(5, '11:00'), dialect: null },
      { start: at(5, '12:30'), dialect: 'yue' },
      { start: at(5, '13:00'), dialect: 'yue' },
      { start: at(5, '13:00'), dialect: 'cmn' },
      { start: at(5, '13:30'), dialect: null },
    ];
    expect(countCoverage([shift, other], rows, 30, dialectsOf)).toEqual([1, 2, 1, 0, 0, 1, 1]);
    // A shift starting mid-interval does not count for it.
    expect(countCoverage([{ ...other, start: at(5, '09:15') }], [rows[0]], 30, dialectsOf)).toEqual(
      [0],
    );
  });
});
