import { expandWeekly, hhmmOf, mergeRanges, minutesOfDay } from './work-profile';

const Z = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);

describe('recurring unavailability', () => {
  it('expands a weekday rule to every occurrence in the window, in the site zone', () => {
    // Mondays 18:00-22:00 local (UTC+8) over two weeks from Monday 5 Jan 2026.
    const out = expandWeekly(
      [{ weekday: 1, start: '18:00', end: '22:00' }],
      at('2026-01-04T16:00:00Z'),
      at('2026-01-18T16:00:00Z'),
      Z,
    );
    expect(out).toEqual([
      { start: at('2026-01-05T10:00:00Z'), end: at('2026-01-05T14:00:00Z') },
      { start: at('2026-01-12T10:00:00Z'), end: at('2026-01-12T14:00:00Z') },
    ]);
  });

  it('runs past midnight when the end is not after the start, and clips to the window', () => {
    // Sunday 22:00 to Monday 06:00; the window starts Monday 00:00 local.
    const out = expandWeekly(
      [{ weekday: 7, start: '22:00', end: '06:00' }],
      at('2026-01-04T16:00:00Z'),
      at('2026-01-05T16:00:00Z'),
      Z,
    );
    expect(out).toEqual([{ start: at('2026-01-04T16:00:00Z'), end: at('2026-01-04T22:00:00Z') }]);
  });

  it('follows daylight-saving changes (local 09:00 stays 09:00)', () => {
    const out = expandWeekly(
      [{ weekday: 1, start: '09:00', end: '17:00' }],
      at('2026-03-23T00:00:00Z'),
      at('2026-04-06T00:00:00Z'),
      'Europe/Berlin',
    );
    expect(out.map((r) => new Date(r.start).toISOString())).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('merges overlapping rules and converts HH:MM', () => {
    expect(
      mergeRanges([
        { start: 5, end: 9 },
        { start: 1, end: 5 },
        { start: 10, end: 11 },
      ]),
    ).toEqual([
      { start: 1, end: 9 },
      { start: 10, end: 11 },
    ]);
    expect(minutesOfDay('24:00')).toBe(1440);
    expect(hhmmOf(minutesOfDay('07:30'))).toBe('07:30');
  });
});
