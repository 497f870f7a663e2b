import { describe, expect, it } from 'vitest';
import { historyWindow, teamDialects } from './forecast-history';

describe('forecast from history', () => {
  it('reads from `weeks` weeks before the first day to a week before the last', () => {
    expect(historyWindow('2026-02-02', 7, 4, '2026-02-01')).toEqual({
      firstDay: '2026-01-05',
      lastDay: '2026-02-01',
      unseenFrom: null,
    });
    expect(historyWindow('2026-02-02', 1, 1, '2026-01-30')).toEqual({
      firstDay: '2026-01-26',
      lastDay: '2026-01-26',
      unseenFrom: null,
    });
  });

  it('says from which day the newest week read has not happened yet', () => {
    // Fourteen days from tomorrow: the second week's days read days after today.
    expect(historyWindow('2026-01-31', 14, 4, '2026-01-30').unseenFrom).toBe('2026-02-07');
    // Seven days from tomorrow: the last day reads today, which has begun.
    expect(historyWindow('2026-01-31', 7, 4, '2026-01-30').unseenFrom).toBeNull();
    expect(historyWindow('2026-02-06', 1, 4, '2026-01-30').unseenFrom).toBeNull();
    expect(historyWindow('2026-02-07', 1, 4, '2026-01-30').unseenFrom).toBe('2026-02-07');
    // Far ahead: every day reads weeks to come.
    expect(historyWindow('2026-02-20', 3, 4, '2026-01-30').unseenFrom).toBe('2026-02-20');
  });

  it('offers the dialects active agents take calls in, once each', () => {
    expect(
      teamDialects([
        {
          active: true,
          dialects: [
            { tag: 'yue', proficiency: 4 },
            { tag: 'cmn', proficiency: 5 },
          ],
        },
        {
          active: true,
          dialects: [
            { tag: 'yue', proficiency: 3 },
            { tag: 'wuu', proficiency: 2 },
          ],
        },
        { active: false, dialects: [{ tag: 'nan', proficiency: 5 }] },
      ]),
    ).toEqual(['cmn', 'yue']);
  });
});
