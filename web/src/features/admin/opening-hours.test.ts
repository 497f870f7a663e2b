import { describe, expect, it } from 'vitest';
import { pastMidnight, rangeProblem, sortRanges } from './opening-hours';

describe('opening ranges', () => {
  it('accepts HH:mm and 24:00 as a close, as the API does', () => {
    expect(rangeProblem({ weekday: 1, open: '09:00', close: '24:00' })).toBeNull();
    expect(rangeProblem({ weekday: 1, open: '24:00', close: '18:00' })).toBe('open');
    expect(rangeProblem({ weekday: 1, open: '9:00', close: '18:00' })).toBe('open');
    expect(rangeProblem({ weekday: 1, open: '09:00', close: '18:60' })).toBe('close');
  });

  it('knows a night range runs into the next day', () => {
    expect(pastMidnight({ weekday: 5, open: '20:00', close: '02:00' })).toBe(true);
    expect(pastMidnight({ weekday: 5, open: '08:00', close: '24:00' })).toBe(false);
  });

  it('orders by weekday, then opening time', () =>
    expect(
      sortRanges([
        { weekday: 2, open: '08:00', close: '12:00' },
        { weekday: 1, open: '13:00', close: '18:00' },
        { weekday: 1, open: '08:00', close: '12:00' },
      ]).map((r) => `${r.weekday} ${r.open}`),
    ).toEqual(['1 08:00', '1 13:00', '2 08:00']));
});
