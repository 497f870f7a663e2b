import { describe, expect, it } from 'vitest';
import { pastMidnight, rangeProblem, sortRanges, summariseHours } from './opening-hours';

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

describe('summariseHours', () => {
  it('joins consecutive days with the same hours, keeps split days apart', () =>
    expect(
      summariseHours([
        ...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '22:00' })),
        { weekday: 6, open: '09:00', close: '12:00' },
        { weekday: 6, open: '13:00', close: '18:00' },
        { weekday: 7, open: '13:00', close: '18:00' },
      ]),
    ).toEqual([
      { from: 1, to: 5, open: '08:00', close: '22:00' },
      { from: 6, to: 6, open: '09:00', close: '12:00' },
      { from: 6, to: 6, open: '13:00', close: '18:00' },
      { from: 7, to: 7, open: '13:00', close: '18:00' },
    ]));

  it('does not join across a closed day', () =>
    expect(
      summariseHours([
        { weekday: 1, open: '09:00', close: '18:00' },
        { weekday: 3, open: '09:00', close: '18:00' },
      ]).map((r) => [r.from, r.to]),
    ).toEqual([
      [1, 1],
      [3, 3],
    ]));
});
