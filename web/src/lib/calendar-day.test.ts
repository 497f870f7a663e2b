import { calendarDayToDate, dateToCalendarDay, parseCalendarDay } from './calendar-day';

describe('parseCalendarDay', () => {
  it('reads the ways a day is typed here', () => {
    expect(parseCalendarDay('2026-12-04')).toBe('2026-12-04');
    expect(parseCalendarDay(' 2026/12/4 ')).toBe('2026-12-04');
    expect(parseCalendarDay('2026.1.5')).toBe('2026-01-05');
    expect(parseCalendarDay('2026年12月4日')).toBe('2026-12-04');
    expect(parseCalendarDay('２０２６年１月５日')).toBe('2026-01-05');
  });

  it('refuses what is not a day, rather than moving it', () => {
    for (const bad of [
      '',
      '2026-02-30',
      '2026-13-01',
      '12/04/2026',
      '04.12.2026',
      'tomorrow',
      '2026-12',
    ])
      expect(parseCalendarDay(bad)).toBeNull();
    expect(parseCalendarDay('2028-02-29')).toBe('2028-02-29');
  });
});

describe('calendar days and picker dates', () => {
  it('go back and forth through the browser-local midnight', () => {
    const d = calendarDayToDate('2026-03-29');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2026, 2, 29, 0]);
    expect(dateToCalendarDay(d)).toBe('2026-03-29');
  });
});
