import { DEFAULT_LABOUR_RULES } from './labour-rules';
import { CheckedShift, checkShifts } from './rule-checker';

const zone = 'Asia/Shanghai';
const rules = DEFAULT_LABOUR_RULES;
/** Local (UTC+8) time on January 2026 day `d` at hh:mm. */
const at = (d: number, hhmm: string) =>
  Date.parse(`2026-01-${String(d).padStart(2, '0')}T${hhmm}:00+08:00`);

/** A compliant shift: 09:00-17:00 local with a 30-min meal at 12:30 and rest breaks. */
function day(d: number, agentId = 'a', from = '09:00', to = '17:00'): CheckedShift {
  const start = at(d, from);
  const end = at(d, to);
  const len = (end - start) / 60_000;
  const breaks =
    len > 360
      ? [
          { start: start + 105 * 60_000, end: start + 120 * 60_000, kind: 'rest' },
          { start: start + 210 * 60_000, end: start + 240 * 60_000, kind: 'meal' },
          { start: start + 345 * 60_000, end: start + 360 * 60_000, kind: 'rest' },
        ]
      : [{ start: start + 120 * 60_000, end: start + 135 * 60_000, kind: 'rest' }];
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

  it('finds shifts during time off or unavailability', () => {
    const blocked = new Map([
      ['a', [{ start: at(6, '00:00'), end: at(7, '00:00'), reason: 'time_off' }]],
      ['b', [{ start: at(5, '15:00'), end: at(5, '18:00'), reason: 'unavailable' }]],
    ]);
    expect(rulesOf([day(5), day(6)], { blocked })).toEqual(['TIME_OFF']);
    expect(rulesOf([day(5, 'b')], { blocked })).toEqual(['UNAVAILABLE']);
  });
});
