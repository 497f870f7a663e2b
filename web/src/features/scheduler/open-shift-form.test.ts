import { describe, expect, it } from 'vitest';
import { lastDayOf, openShiftProblem, openShiftRefusalKey, openShiftSpan } from './open-shift-form';

const SH = 'Asia/Shanghai';
const schedule = { startDate: '2026-01-06', days: 7 };
const now = new Date('2026-01-05T12:00:00Z');

describe('posting an open shift', () => {
  it("reads a day and 24-hour times in the site's zone", () => {
    expect(openShiftSpan({ day: '2026-01-07', start: '08:00', end: '14:30' }, SH)).toEqual({
      startsAt: '2026-01-07T00:00:00.000Z',
      endsAt: '2026-01-07T06:30:00.000Z',
      overnight: false,
    });
    expect(openShiftSpan({ day: '2026-01-07', start: '18:00', end: '24:00' }, SH)).toEqual({
      startsAt: '2026-01-07T10:00:00.000Z',
      endsAt: '2026-01-07T16:00:00.000Z',
      overnight: false,
    });
  });

  it('takes an end at or before the start as the next morning', () => {
    expect(openShiftSpan({ day: '2026-01-07', start: '22:00', end: '06:00' }, SH)).toEqual({
      startsAt: '2026-01-07T14:00:00.000Z',
      endsAt: '2026-01-07T22:00:00.000Z',
      overnight: true,
    });
  });

  it('keeps wall-clock times across a DST change (Berlin, 29 March 2026)', () => {
    // 22:00 CET to 06:00 CEST is seven hours.
    const span = openShiftSpan(
      { day: '2026-03-28', start: '22:00', end: '06:00' },
      'Europe/Berlin',
    )!;
    expect(span.startsAt).toBe('2026-03-28T21:00:00.000Z');
    expect(span.endsAt).toBe('2026-03-29T04:00:00.000Z');
  });

  it('is nothing while a part is missing or the times are equal', () => {
    expect(openShiftSpan({ day: '', start: '08:00', end: '14:00' }, SH)).toBeNull();
    expect(openShiftSpan({ day: '2026-01-07', start: '8', end: '14:00' }, SH)).toBeNull();
    expect(openShiftSpan({ day: '2026-01-07', start: '08:00', end: '08:00' }, SH)).toBeNull();
    expect(openShiftSpan({ day: '2026-01-07', start: '24:00', end: '08:00' }, SH)).toBeNull();
  });

  it("says what is wrong: missing, equal times, outside the schedule's days, already begun", () => {
    const ok = { day: '2026-01-12', start: '08:00', end: '14:00' };
    expect(openShiftProblem(ok, SH, schedule, now)).toBeNull();
    expect(openShiftProblem({ ...ok, end: '' }, SH, schedule, now)).toBe('incomplete');
    expect(openShiftProblem({ ...ok, end: '08:00' }, SH, schedule, now)).toBe('sameTimes');
    expect(openShiftProblem({ ...ok, day: '2026-01-13' }, SH, schedule, now)).toBe(
      'outsideSchedule',
    );
    expect(openShiftProblem({ ...ok, day: '2026-01-05' }, SH, schedule, now)).toBe(
      'outsideSchedule',
    );
    // 6 Jan 08:00 Shanghai is 00:00 UTC: past once the clock is there.
    const first = { ...ok, day: '2026-01-06' };
    expect(openShiftProblem(first, SH, schedule, now)).toBeNull();
    expect(openShiftProblem(first, SH, schedule, new Date('2026-01-06T00:00:00Z'))).toBe('past');
  });

  it("names the schedule's last day", () => {
    expect(lastDayOf(schedule)).toBe('2026-01-12');
    expect(lastDayOf({ startDate: '2026-01-31', days: 1 })).toBe('2026-01-31');
  });

  it('turns refusal codes into keys, unknown ones into a general one', () => {
    expect(openShiftRefusalKey('START_IN_PAST')).toBe('openShifts.errors.START_IN_PAST');
    expect(openShiftRefusalKey('OUTSIDE_SCHEDULE')).toBe('openShifts.errors.OUTSIDE_SCHEDULE');
    expect(openShiftRefusalKey('OPEN_SHIFT_TAKEN')).toBe('openShifts.errors.OPEN_SHIFT_TAKEN');
    expect(openShiftRefusalKey('HTTP_502')).toBe('openShifts.errors.other');
  });
});
